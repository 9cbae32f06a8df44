/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The MCUboot image trailer at the end of a slot (shared/specs/mcuboot-image.md sections 6-8).
 *
 * A is the loader's max alignment (MCUboot's BOOT_MAX_ALIGN): a power of two from 8 to 32, a
 * multiple of the device's write size. Every @align parameter below takes A, or 0 for the
 * default max(8, write_size). Measured from the end of an area whose size is a multiple of A:
 *
 *   magic      last 16 bytes; its unit is ALIGN_UP(16, A) wide, erased padding first
 *   image_ok   one A-byte unit below the magic's unit (A = 8: -24; A = 32: -64)
 *   copy_done  one unit lower (-32 / -96)
 *   swap_info  one unit lower (-40 / -128)
 *   swap_size  one unit lower (-48 / -160), u32 little-endian
 *
 * Each writer programs one whole unit, the field followed (the magic: preceded) by the erased
 * value, with a single flash_area_write(): on erased flash that is one legal NOR program, and
 * flash is never read back and rewritten. Writers do not check that the unit is erased; the
 * caller decides from trailer_read() whether a write is due.
 */
#ifndef RAMPART_TRAILER_H
#define RAMPART_TRAILER_H

#include <stdbool.h>
#include <stdint.h>

#include <rampart/flash.h>

#define TRAILER_MAGIC_LEN 16
#define TRAILER_ALIGN_MIN 8
#define TRAILER_ALIGN_MAX 32

enum trailer_magic {
	TRAILER_MAGIC_UNSET,	/* every byte is the erased value */
	TRAILER_MAGIC_GOOD,	/* exactly the magic for this A (v1 for 8, v2 otherwise) */
	TRAILER_MAGIC_BAD,	/* anything else */
};

enum trailer_flag {
	TRAILER_FLAG_UNSET,	/* the erased value (0xff or 0x00) */
	TRAILER_FLAG_SET,	/* 0x01 */
	TRAILER_FLAG_BAD,	/* any other value */
};

/* MCUboot's BOOT_SWAP_TYPE_* numbers, as stored in swap_info's low nibble. */
enum swap_type {
	SWAP_TYPE_NONE = 1,
	SWAP_TYPE_TEST = 2,
	SWAP_TYPE_PERM = 3,
	SWAP_TYPE_REVERT = 4,
};

/* Where the fields are, as offsets from the start of the area. */
struct trailer_layout {
	uint32_t align;		/* A */
	uint32_t magic_unit;	/* start of the magic's ALIGN_UP(16, A) unit */
	uint32_t magic;		/* size - 16 */
	uint32_t image_ok;
	uint32_t copy_done;
	uint32_t swap_info;
	uint32_t swap_size;
};

/* A trailer as read from flash. */
struct trailer {
	enum trailer_magic magic;
	enum trailer_flag image_ok;
	enum trailer_flag copy_done;
	enum swap_type swap_type;	/* NONE if swap_info is erased or its type is above 4 */
	uint8_t image_num;		/* swap_info bits 4-7; 0 if swap_info is erased */
	uint8_t image_ok_raw, copy_done_raw, swap_info_raw;	/* the bytes, for diagnostics */
	uint32_t swap_size;		/* raw: all erased bytes if never written */
};

/*
 * trailer_layout() - compute the field offsets for area @fa and max alignment @align.
 * Pure arithmetic on fa->size and the device geometry; no flash access.
 * Returns 0, or -EINVAL if @align (after the default) is not a power of two in 8..32 or not
 * a multiple of the write size, or if the area size is not a multiple of A or too small to
 * hold the magic unit and the four A-byte units below it.
 */
int trailer_layout(const struct flash_area *fa, uint32_t align, struct trailer_layout *l);

/*
 * trailer_magic() - the 16 magic bytes a loader with max alignment @align expects: v1 for 8,
 * else v2 (LE16 @align, then 14 fixed bytes). @align must be valid (see trailer_layout()).
 */
void trailer_magic(uint32_t align, uint8_t magic[TRAILER_MAGIC_LEN]);

/*
 * trailer_magic_align() - the max alignment a good magic names: 8 for v1, the LE16 field of
 * a v2 magic if it is a power of two in 8..32; 0 if @magic is not a good magic for any A.
 */
uint32_t trailer_magic_align(const uint8_t magic[TRAILER_MAGIC_LEN]);

/*
 * trailer_read() - read and decode the trailer of @fa for max alignment @align into @t.
 * Decoding follows section 7 with the device's erased value; nothing read is trusted. A
 * field that cannot be read (an ECC error where a write was torn, a failing device) decodes
 * as BAD (flags, magic), NONE (swap_info) or 0 (swap_size): never as a request.
 * Returns 0, or the -EINVAL of trailer_layout().
 */
int trailer_read(const struct flash_area *fa, uint32_t align, struct trailer *t);

/*
 * trailer_write_magic() / _image_ok() / _copy_done() - program the magic, or 0x01 into the
 * flag, as one whole unit padded with the erased value. The unit must be erased.
 * trailer_write_swap_info() - program (image_num << 4) | type; @type is TEST, PERM or REVERT
 * (or NONE), @image_num 0..15.
 * trailer_write_swap_size() - program @size as u32 LE.
 * Each returns 0, -EINVAL (bad layout, or a @type/@image_num out of range), or
 * flash_area_write()'s error.
 */
int trailer_write_magic(const struct flash_area *fa, uint32_t align);
int trailer_write_image_ok(const struct flash_area *fa, uint32_t align);
int trailer_write_copy_done(const struct flash_area *fa, uint32_t align);
int trailer_write_swap_info(const struct flash_area *fa, uint32_t align, enum swap_type type,
			    uint8_t image_num);
int trailer_write_swap_size(const struct flash_area *fa, uint32_t align, uint32_t size);

/*
 * swap_type_decide() - the swap-type table of section 8 over the primary's and secondary's
 * trailers, first matching row wins: (I, only if @swap_offset) secondary GOOD, image_ok UNSET,
 * copy_done SET -> REVERT; (II) secondary GOOD, image_ok UNSET -> TEST; (III) secondary GOOD,
 * image_ok SET -> PERM; (IV) primary GOOD, image_ok UNSET, copy_done SET -> REVERT; else NONE.
 * A BAD flag matches neither SET nor UNSET. Pure; never fails.
 */
enum swap_type swap_type_decide(const struct trailer *primary, const struct trailer *secondary,
				bool swap_offset);

/* swap_type_name() - "none", "test", "permanent", "revert", or "invalid" for anything else. */
const char *swap_type_name(enum swap_type type);

#endif
