// SPDX-License-Identifier: Apache-2.0
/*
 * A flash device over a memory buffer, so the tool hands files to the bootloader's parser
 * (and its trailer writer) through the same flash_area_*() path that works on real flash.
 */
#include <string.h>
#include <rampart/errno.h>

#include "rimg.h"

static int mem_read(const struct flash_dev *dev, uint32_t off, void *buf, size_t len)
{
	const struct rimg_flash *f = dev->priv;

	if (off > f->len || len > f->len - off)
		return -EIO;
	memcpy(buf, f->buf + off, len);
	return 0;
}

static int mem_write(const struct flash_dev *dev, uint32_t off, const void *buf, size_t len)
{
	const struct rimg_flash *f = dev->priv;

	if (!f->wbuf)
		return -ENOSYS;
	if (off > f->len || len > f->len - off)
		return -EIO;
	memcpy(f->wbuf + off, buf, len);
	return 0;
}

static const struct flash_ops mem_ops = {
	.read = mem_read,
	.write = mem_write,
};

void rimg_flash_init_rw(struct rimg_flash *f, uint8_t *buf, uint32_t len)
{
	rimg_flash_init(f, buf, len);
	f->wbuf = buf;
}

void rimg_flash_init(struct rimg_flash *f, const uint8_t *buf, uint32_t len)
{
	memset(f, 0, sizeof(*f));
	f->buf = buf;
	f->len = len;
	f->dev.name = "file";
	f->dev.ops = &mem_ops;
	f->dev.priv = f;
	f->dev.geo.size = len;
	f->dev.geo.sector_size = 4096;
	f->dev.geo.write_size = 1;
	f->dev.geo.erased_val = 0xff;
	f->area.name = "image";
	f->area.dev = &f->dev;
	f->area.off = 0;
	f->area.size = len;
}
