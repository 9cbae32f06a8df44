// SPDX-License-Identifier: Apache-2.0
/*
 * The MCUboot image trailer as imgtool writes it at the end of a padded slot
 * (shared/specs/mcuboot-image.md section 6): magic in the last 16 bytes, then image_ok,
 * copy_done and swap_info each in its own max-align unit below the magic's unit.
 */
#include <string.h>

#include "rimg.h"

static const uint8_t magic_v1[RIMG_TRAILER_MAGIC_LEN] = {
	0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
	0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80,
};

/* v2: LE16 max-align, then these 14 bytes. */
static const uint8_t magic_v2_tail[RIMG_TRAILER_MAGIC_LEN - 2] = {
	0x2d, 0xe1, 0x5d, 0x29, 0x41, 0x0b, 0x8d, 0x77, 0x67, 0x9c, 0x11, 0x0f, 0x1f, 0x8a,
};

void rimg_trailer_magic(uint32_t max_align, uint8_t magic[RIMG_TRAILER_MAGIC_LEN])
{
	if (max_align == RIMG_DEFAULT_MAX_ALIGN) {
		memcpy(magic, magic_v1, RIMG_TRAILER_MAGIC_LEN);
		return;
	}
	put_le16(magic, (uint16_t)max_align);
	memcpy(magic + 2, magic_v2_tail, sizeof(magic_v2_tail));
}

uint32_t rimg_trailer_magic_align(const uint8_t magic[RIMG_TRAILER_MAGIC_LEN])
{
	uint32_t a = get_le16(magic);

	if (!memcmp(magic, magic_v1, RIMG_TRAILER_MAGIC_LEN))
		return RIMG_DEFAULT_MAX_ALIGN;
	if (memcmp(magic + 2, magic_v2_tail, sizeof(magic_v2_tail)) || a < 8 || a > 32 ||
	    (a & (a - 1)))
		return 0;
	return a;
}

size_t rimg_trailer_flag_off(uint32_t max_align, unsigned int index)
{
	return ALIGN_UP((size_t)RIMG_TRAILER_MAGIC_LEN, max_align) + (index + 1) * max_align;
}
