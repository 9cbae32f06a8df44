// SPDX-License-Identifier: Apache-2.0
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <rampart/errno.h>

#include "nor_flash.h"

static int nor_read(const struct flash_dev *dev, uint32_t off, void *buf, size_t len)
{
	const struct nor_flash *f = dev->priv;

	memcpy(buf, f->mem + off, len);
	return 0;
}

static int nor_write(const struct flash_dev *dev, uint32_t off, const void *buf, size_t len)
{
	struct nor_flash *f = dev->priv;
	size_t i;

	for (i = 0; i < len; i++)
		if (f->mem[off + i] != dev->geo.erased_val)
			fail_msg("write of %zu bytes at 0x%x over programmed byte 0x%02x at 0x%zx",
				 len, off, f->mem[off + i], off + i);
	memcpy(f->mem + off, buf, len);
	f->writes++;
	f->last_write_len = len;
	return 0;
}

static int nor_erase(const struct flash_dev *dev, uint32_t off, size_t len)
{
	struct nor_flash *f = dev->priv;

	memset(f->mem + off, dev->geo.erased_val, len);
	return 0;
}

static const struct flash_ops nor_ops = {
	.read = nor_read,
	.write = nor_write,
	.erase = nor_erase,
};

void nor_flash_init(struct nor_flash *f, uint32_t size, uint8_t write_size, uint8_t erased)
{
	assert_true(size <= NOR_FLASH_MAX);
	memset(f, 0, sizeof(*f));
	memset(f->mem, erased, size);
	f->dev.name = "nor";
	f->dev.ops = &nor_ops;
	f->dev.priv = f;
	f->dev.geo.size = size;
	f->dev.geo.sector_size = 1024;
	f->dev.geo.write_size = write_size;
	f->dev.geo.erased_val = erased;
	f->area.name = "slot";
	f->area.dev = &f->dev;
	f->area.size = size;
}
