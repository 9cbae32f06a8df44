// SPDX-License-Identifier: Apache-2.0
/*
 * The swap-type decision (shared/specs/mcuboot-image.md section 8): which upgrade the two
 * trailers of an image pair ask for. A pure function, so the table is tested row by row.
 */
#include <rampart/trailer.h>

static bool good(const struct trailer *t)
{
	return t->magic == TRAILER_MAGIC_GOOD;
}

enum swap_type swap_type_decide(const struct trailer *primary, const struct trailer *secondary,
				bool swap_offset)
{
	/* Row I: swap-offset marks a reverted-to image in the secondary by its copy_done. */
	if (swap_offset && good(secondary) && secondary->image_ok == TRAILER_FLAG_UNSET &&
	    secondary->copy_done == TRAILER_FLAG_SET)
		return SWAP_TYPE_REVERT;
	if (good(secondary) && secondary->image_ok == TRAILER_FLAG_UNSET)
		return SWAP_TYPE_TEST;
	if (good(secondary) && secondary->image_ok == TRAILER_FLAG_SET)
		return SWAP_TYPE_PERM;
	/* Row IV ignores the secondary's magic: an interrupted revert may have left it anything. */
	if (good(primary) && primary->image_ok == TRAILER_FLAG_UNSET &&
	    primary->copy_done == TRAILER_FLAG_SET)
		return SWAP_TYPE_REVERT;
	return SWAP_TYPE_NONE;
}

const char *swap_type_name(enum swap_type type)
{
	switch (type) {
	case SWAP_TYPE_NONE: return "none";
	case SWAP_TYPE_TEST: return "test";
	case SWAP_TYPE_PERM: return "permanent";
	case SWAP_TYPE_REVERT: return "revert";
	}
	return "invalid";
}
