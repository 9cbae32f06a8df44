// SPDX-License-Identifier: Apache-2.0
/*
 * File-backed one-time-programmable fuses. They program exactly like the sandbox NOR flash
 * (bits only go from 1 to 0: new content is old AND data; bytes past the end of the file
 * read as unprogrammed 0xff), so the file model is that one, but nothing erases: the ops
 * have no erase and flash_area_erase() returns -ENOSYS.
 */
#include <unistd.h>

#include <asm/sandbox.h>
#include <rampart/errno.h>

struct sandbox_flash sandbox_otp0 = { .fd = -1 };

/* The AND model is only right for fuses that read 0xff unprogrammed. */
static int otp_init(const struct flash_dev *dev)
{
	return dev->geo.erased_val == 0xff ? 0 : -EINVAL;
}

static int otp_read(const struct flash_dev *dev, uint32_t off, void *buf, size_t len)
{
	return sandbox_flash_ops.read(dev, off, buf, len);
}

static int otp_write(const struct flash_dev *dev, uint32_t off, const void *buf, size_t len)
{
	const struct sandbox_flash *sf = dev->priv;
	off_t end = sf->fd < 0 ? -1 : lseek(sf->fd, 0, SEEK_END);
	int rc;

	if (end < 0)
		return -EIO;
	/*
	 * Writing past the end would leave a hole that reads back as 0x00, every fuse in it
	 * programmed: fill up to @off with unprogrammed bytes first (the flash model's erase
	 * writes exactly that).
	 */
	if (end < (off_t)off) {
		rc = sandbox_flash_ops.erase(dev, (uint32_t)end, off - (uint32_t)end);
		if (rc)
			return rc;
	}
	return sandbox_flash_ops.write(dev, off, buf, len);
}

const struct flash_ops sandbox_otp_ops = {
	.read = otp_read,
	.write = otp_write,
	.init = otp_init,
};
