// SPDX-License-Identifier: Apache-2.0
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <rampart/errno.h>

#include "nor_flash.h"

static bool is_programmed(const struct nor_flash *f, size_t i)
{
	return f->programmed[i / 8] & (1u << (i % 8));
}

static void set_programmed(struct nor_flash *f, size_t i, bool on)
{
	if (on)
		f->programmed[i / 8] |= (uint8_t)(1u << (i % 8));
	else
		f->programmed[i / 8] &= (uint8_t)~(1u << (i % 8));
}

/* Mark every byte of the write units that [off, off + len) touched. */
static void mark_units(struct nor_flash *f, uint32_t off, size_t len)
{
	uint32_t ws = f->dev.geo.write_size ? f->dev.geo.write_size : 1;
	size_t i, lo, hi, last = off + len - 1;

	if (!len)
		return;
	lo = off - off % ws;
	hi = last - last % ws + ws;
	for (i = lo; i < hi && i < f->dev.geo.size; i++)
		set_programmed(f, i, true);
}

/* @from with the lower-numbered half of the bits in which it differs from @to moved. */
static uint8_t half_way(uint8_t from, uint8_t to)
{
	uint8_t diff = from ^ to, moved = 0;
	int n = __builtin_popcount(diff) / 2;

	for (int bit = 0; bit < 8 && n; bit++) {
		if (diff & (1u << bit)) {
			moved |= (uint8_t)(1u << bit);
			n--;
		}
	}
	return from ^ moved;
}

/*
 * Count the op; if the armed cut hits it, record it, cut the power and say how many bytes
 * (*done, plus a half-done one if *half) of it still happen.
 */
static bool cut_here(struct nor_flash *f, bool erase, uint32_t off, size_t len, size_t *done,
		     bool *half)
{
	f->ops++;
	if (f->cut.when == NOR_CUT_NONE || f->ops != f->cut.at)
		return false;
	f->cut_done = true;
	f->cut_op = (struct nor_op){ .erase = erase, .off = off, .len = len };
	f->dead = true;
	*done = f->cut.when == NOR_CUT_AFTER ? len : 0;
	*half = false;
	if (f->cut.when == NOR_CUT_TEAR) {
		assert_true(f->cut.keep < len);
		*done = f->cut.keep;
		*half = f->cut.half;
	}
	return true;
}

static int nor_read(const struct flash_dev *dev, uint32_t off, void *buf, size_t len)
{
	const struct nor_flash *f = dev->priv;

	if (f->dead)
		return -EIO;
	memcpy(buf, f->mem + off, len);
	return 0;
}

static void check_write(const struct nor_flash *f, uint32_t off, const uint8_t *src,
			size_t len)
{
	uint8_t e = f->dev.geo.erased_val;
	size_t i;

	for (i = 0; i < len; i++) {
		uint8_t old = f->mem[off + i];

		if (f->otp && ((old ^ e) & ~(src[i] ^ e)))
			fail_msg("OTP write of %zu bytes at 0x%x unprograms bits of 0x%02x "
				 "at 0x%zx", len, off, old, off + i);
		if (!f->otp && old != e)
			fail_msg("write of %zu bytes at 0x%x over programmed byte 0x%02x at 0x%zx",
				 len, off, old, off + i);
		if (f->strict_units && is_programmed(f, off + i))
			fail_msg("write of %zu bytes at 0x%x into a unit written since its erase "
				 "(byte 0x%zx)", len, off, off + i);
	}
}

static int nor_write(const struct flash_dev *dev, uint32_t off, const void *buf, size_t len)
{
	struct nor_flash *f = dev->priv;
	const uint8_t *src = buf;
	size_t done = len;
	bool half = false, cut;

	if (f->dead)
		return -EIO;
	check_write(f, off, src, len);
	cut = cut_here(f, false, off, len, &done, &half);
	memcpy(f->mem + off, src, done);
	if (half)
		f->mem[off + done] = half_way(f->mem[off + done], src[done]);
	if (f->strict_units)
		mark_units(f, off, done + half);
	if (cut)
		return -EIO;
	f->writes++;
	f->last_write_len = len;
	return 0;
}

static int nor_erase(const struct flash_dev *dev, uint32_t off, size_t len)
{
	struct nor_flash *f = dev->priv;
	uint8_t e = dev->geo.erased_val;
	size_t done = len, i;
	bool half = false, cut;

	if (f->dead)
		return -EIO;
	cut = cut_here(f, true, off, len, &done, &half);
	memset(f->mem + off, e, done);
	for (i = 0; i < done; i++)
		set_programmed(f, off + i, false);
	if (half)
		f->mem[off + done] = half_way(f->mem[off + done], e);
	if (cut)
		return -EIO;
	f->erases++;
	return 0;
}

static const struct flash_ops nor_ops = {
	.read = nor_read,
	.write = nor_write,
	.erase = nor_erase,
};

static const struct flash_ops otp_ops = {
	.read = nor_read,
	.write = nor_write,
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

void nor_flash_init_otp(struct nor_flash *f, uint32_t size, uint8_t write_size,
			uint8_t erased)
{
	nor_flash_init(f, size, write_size, erased);
	f->dev.name = "otp";
	f->dev.ops = &otp_ops;
	f->dev.geo.sector_size = size;
	f->otp = true;
}

void nor_flash_reset(struct nor_flash *f)
{
	uint32_t size = f->dev.geo.size;

	memset(f->mem, f->dev.geo.erased_val, size);
	memset(f->programmed, 0, (size + 7) / 8);
	f->writes = 0;
	f->last_write_len = 0;
	f->erases = 0;
	f->ops = 0;
	f->cut.when = NOR_CUT_NONE;
	f->cut_done = false;
	f->dead = false;
}

void nor_flash_cut(struct nor_flash *f, const struct nor_cut *cut)
{
	f->cut = *cut;
	f->cut_done = false;
}

void nor_flash_reboot(struct nor_flash *f)
{
	f->dead = false;
	f->cut.when = NOR_CUT_NONE;
}
