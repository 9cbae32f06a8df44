// SPDX-License-Identifier: Apache-2.0
/*
 * File-backed NOR flash. Programming follows NOR rules (bits only go from 1 to 0: the new
 * content is old AND data), erase sets whole sectors to the erased value. Bytes beyond the
 * end of the file read as erased, so a short or new file is a blank device.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <asm/sandbox.h>
#include <rampart/compiler.h>

struct sandbox_flash sandbox_flash0 = { .fd = -1 };

static int file_read(const struct flash_dev *dev, uint32_t off, void *buf, size_t len)
{
	const struct sandbox_flash *sf = dev->priv;
	ssize_t n;

	memset(buf, dev->geo.erased_val, len);
	if (sf->fd < 0)
		return -EIO;
	n = pread(sf->fd, buf, len, off);
	if (n < 0)
		return -EIO;
	/* a short read means the file ends here: the rest stays erased */
	return 0;
}

static int file_pwrite_all(int fd, const uint8_t *buf, size_t len, uint32_t off)
{
	while (len) {
		ssize_t n = pwrite(fd, buf, len, off);

		if (n <= 0)
			return -EIO;
		buf += n;
		off += (uint32_t)n;
		len -= (size_t)n;
	}
	return 0;
}

static int file_write(const struct flash_dev *dev, uint32_t off, const void *buf, size_t len)
{
	const struct sandbox_flash *sf = dev->priv;
	const uint8_t *src = buf;
	uint8_t chunk[256];

	while (len) {
		size_t n = MIN(len, sizeof(chunk));
		int rc = file_read(dev, off, chunk, n);

		if (rc)
			return rc;
		for (size_t i = 0; i < n; i++)
			chunk[i] &= src[i];
		rc = file_pwrite_all(sf->fd, chunk, n, off);
		if (rc)
			return rc;
		src += n;
		off += (uint32_t)n;
		len -= n;
	}
	return 0;
}

static int file_erase(const struct flash_dev *dev, uint32_t off, size_t len)
{
	const struct sandbox_flash *sf = dev->priv;
	uint8_t chunk[256];

	memset(chunk, dev->geo.erased_val, sizeof(chunk));
	while (len) {
		size_t n = MIN(len, sizeof(chunk));
		int rc = file_pwrite_all(sf->fd, chunk, n, off);

		if (rc)
			return rc;
		off += (uint32_t)n;
		len -= n;
	}
	return 0;
}

const struct flash_ops sandbox_flash_ops = {
	.read = file_read,
	.write = file_write,
	.erase = file_erase,
};
