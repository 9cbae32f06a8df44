// SPDX-License-Identifier: Apache-2.0
/*
 * The MCUboot image trailer (shared/specs/mcuboot-image.md sections 6 and 7): layout from the
 * area size and max alignment, decoding of what flash holds, and one-unit writers. The bytes
 * come from flash and may be anything: each field decodes to UNSET, SET/GOOD or BAD.
 */
#include <rampart/compiler.h>
#include <rampart/errno.h>
#include <rampart/string.h>
#include <rampart/trailer.h>

static const uint8_t magic_v1[TRAILER_MAGIC_LEN] = {
	0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
	0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80,
};

/* v2: LE16 max-align, then these 14 bytes. */
static const uint8_t magic_v2_tail[TRAILER_MAGIC_LEN - 2] = {
	0x2d, 0xe1, 0x5d, 0x29, 0x41, 0x0b, 0x8d, 0x77, 0x67, 0x9c, 0x11, 0x0f, 0x1f, 0x8a,
};

#define FLAG_SET 0x01

static bool align_valid(uint32_t a)
{
	return a >= TRAILER_ALIGN_MIN && a <= TRAILER_ALIGN_MAX && !(a & (a - 1));
}

int trailer_layout(const struct flash_area *fa, uint32_t align, struct trailer_layout *l)
{
	uint32_t ws = fa->dev->geo.write_size ? fa->dev->geo.write_size : 1;
	uint32_t a = align ? align : MAX((uint32_t)TRAILER_ALIGN_MIN, ws);
	uint32_t magic_unit = ALIGN_UP((uint32_t)TRAILER_MAGIC_LEN, a);

	if (!align_valid(a) || a % ws || fa->size % a || fa->size < magic_unit + 4 * a)
		return -EINVAL;
	l->align = a;
	l->magic_unit = fa->size - magic_unit;
	l->magic = fa->size - TRAILER_MAGIC_LEN;
	l->image_ok = l->magic_unit - a;
	l->copy_done = l->image_ok - a;
	l->swap_info = l->copy_done - a;
	l->swap_size = l->swap_info - a;
	return 0;
}

void trailer_magic(uint32_t align, uint8_t magic[TRAILER_MAGIC_LEN])
{
	if (align == TRAILER_ALIGN_MIN) {
		memcpy(magic, magic_v1, TRAILER_MAGIC_LEN);
		return;
	}
	put_le16(magic, (uint16_t)align);
	memcpy(magic + 2, magic_v2_tail, sizeof(magic_v2_tail));
}

uint32_t trailer_magic_align(const uint8_t magic[TRAILER_MAGIC_LEN])
{
	uint32_t a = get_le16(magic);

	if (!memcmp(magic, magic_v1, TRAILER_MAGIC_LEN))
		return TRAILER_ALIGN_MIN;
	/* v2 never names 8: that loader expects v1. */
	if (memcmp(magic + 2, magic_v2_tail, sizeof(magic_v2_tail)) || a == TRAILER_ALIGN_MIN ||
	    !align_valid(a))
		return 0;
	return a;
}

static bool all_erased(const uint8_t *p, size_t len, uint8_t erased)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != erased)
			return false;
	return true;
}

static enum trailer_flag decode_flag(uint8_t v, uint8_t erased)
{
	if (v == erased)
		return TRAILER_FLAG_UNSET;
	return v == FLAG_SET ? TRAILER_FLAG_SET : TRAILER_FLAG_BAD;
}

static enum trailer_magic decode_magic(const uint8_t *m, uint32_t align, uint8_t erased)
{
	uint8_t good[TRAILER_MAGIC_LEN];

	if (all_erased(m, TRAILER_MAGIC_LEN, erased))
		return TRAILER_MAGIC_UNSET;
	trailer_magic(align, good);
	return memcmp(m, good, TRAILER_MAGIC_LEN) ? TRAILER_MAGIC_BAD : TRAILER_MAGIC_GOOD;
}

static void decode_swap_info(struct trailer *t, uint8_t v, uint8_t erased)
{
	uint8_t type = v & 0x0f;

	t->swap_info_raw = v;
	t->image_num = v == erased ? 0 : v >> 4;
	if (v == erased || type < SWAP_TYPE_TEST || type > SWAP_TYPE_REVERT)
		t->swap_type = SWAP_TYPE_NONE;
	else
		t->swap_type = (enum swap_type)type;
}

/* Read one byte of the trailer; an unreadable one reads as @bad (ECC error on a torn unit). */
static uint8_t read_byte(const struct flash_area *fa, uint32_t off, uint8_t bad)
{
	uint8_t b;

	return flash_area_read(fa, off, &b, 1) ? bad : b;
}

int trailer_read(const struct flash_area *fa, uint32_t align, struct trailer *t)
{
	uint8_t erased = fa->dev->geo.erased_val;
	/* neither erased nor 0x01 nor a swap type: decodes as BAD / NONE */
	uint8_t bad = (uint8_t)~erased;
	uint8_t m[TRAILER_MAGIC_LEN];
	struct trailer_layout l;
	int rc = trailer_layout(fa, align, &l);

	if (rc)
		return rc;
	if (flash_area_read(fa, l.magic, m, sizeof(m)))
		t->magic = TRAILER_MAGIC_BAD;
	else
		t->magic = decode_magic(m, l.align, erased);
	t->image_ok_raw = read_byte(fa, l.image_ok, bad);
	t->copy_done_raw = read_byte(fa, l.copy_done, bad);
	t->image_ok = decode_flag(t->image_ok_raw, erased);
	t->copy_done = decode_flag(t->copy_done_raw, erased);
	decode_swap_info(t, read_byte(fa, l.swap_info, bad), erased);
	if (flash_area_read(fa, l.swap_size, m, 4))
		memset(m, 0, 4);
	t->swap_size = get_le32(m);
	return 0;
}

/* Program one unit at @off: @len bytes of @val at @at inside it, the rest erased. */
static int write_unit(const struct flash_area *fa, uint32_t off, uint32_t unit,
		      uint32_t at, const uint8_t *val, uint32_t len)
{
	uint8_t buf[TRAILER_ALIGN_MAX];

	memset(buf, fa->dev->geo.erased_val, unit);
	memcpy(buf + at, val, len);
	return flash_area_write(fa, off, buf, unit);
}

int trailer_write_magic(const struct flash_area *fa, uint32_t align)
{
	uint8_t m[TRAILER_MAGIC_LEN];
	struct trailer_layout l;
	int rc = trailer_layout(fa, align, &l);
	uint32_t unit;

	if (rc)
		return rc;
	unit = fa->size - l.magic_unit;
	trailer_magic(l.align, m);
	return write_unit(fa, l.magic_unit, unit, unit - TRAILER_MAGIC_LEN, m, sizeof(m));
}

enum byte_field { IMAGE_OK, COPY_DONE, SWAP_INFO };

static int write_byte(const struct flash_area *fa, uint32_t align, enum byte_field f, uint8_t v)
{
	struct trailer_layout l;
	int rc = trailer_layout(fa, align, &l);
	uint32_t off;

	if (rc)
		return rc;
	off = f == IMAGE_OK ? l.image_ok : f == COPY_DONE ? l.copy_done : l.swap_info;
	return write_unit(fa, off, l.align, 0, &v, 1);
}

int trailer_write_image_ok(const struct flash_area *fa, uint32_t align)
{
	return write_byte(fa, align, IMAGE_OK, FLAG_SET);
}

int trailer_write_copy_done(const struct flash_area *fa, uint32_t align)
{
	return write_byte(fa, align, COPY_DONE, FLAG_SET);
}

int trailer_write_swap_info(const struct flash_area *fa, uint32_t align, enum swap_type type,
			    uint8_t image_num)
{
	if (type < SWAP_TYPE_NONE || type > SWAP_TYPE_REVERT || image_num > 15)
		return -EINVAL;
	return write_byte(fa, align, SWAP_INFO,
			  (uint8_t)((image_num << 4) | type));
}

int trailer_write_swap_size(const struct flash_area *fa, uint32_t align, uint32_t size)
{
	struct trailer_layout l;
	int rc = trailer_layout(fa, align, &l);
	uint8_t v[4];

	if (rc)
		return rc;
	put_le32(v, size);
	return write_unit(fa, l.swap_size, l.align, 0, v, sizeof(v));
}
