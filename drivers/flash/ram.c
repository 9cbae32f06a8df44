// SPDX-License-Identifier: Apache-2.0
/*
 * RAM-backed flash: RAM that a board uses as its boot medium (MPS2's SSRAM1 at address 0)
 * made to behave like NOR flash, so the layers above see real flash semantics: erase sets
 * whole sectors to erased_val, programming can only move bits away from the erased value,
 * reads are plain copies. The device must be mapped (dev->mapped, dev->mmap_base).
 */
#include <rampart/errno.h>
#include <rampart/flash.h>
#include <rampart/string.h>

static uint8_t *mem(const struct flash_dev *dev, uint32_t off)
{
	return (uint8_t *)(dev->mmap_base + off);
}

/* Returns 0, or -EINVAL if the board did not declare where the RAM is. */
static int ram_init(const struct flash_dev *dev)
{
	return dev->mapped ? 0 : -EINVAL;
}

static int ram_read(const struct flash_dev *dev, uint32_t off, void *buf, size_t len)
{
	memcpy(buf, mem(dev, off), len);
	return 0;
}

/* NOR programming: erased 0xff devices can only clear bits, erased 0x00 ones only set them. */
static int ram_write(const struct flash_dev *dev, uint32_t off, const void *buf, size_t len)
{
	const uint8_t *src = buf;
	uint8_t *dst = mem(dev, off);
	bool clears = dev->geo.erased_val == 0xff;

	for (size_t i = 0; i < len; i++)
		dst[i] = clears ? dst[i] & src[i] : dst[i] | src[i];
	return 0;
}

static int ram_erase(const struct flash_dev *dev, uint32_t off, size_t len)
{
	memset(mem(dev, off), dev->geo.erased_val, len);
	return 0;
}

const struct flash_ops ram_flash_ops = {
	.read = ram_read,
	.write = ram_write,
	.erase = ram_erase,
	.init = ram_init,
};
