// SPDX-License-Identifier: Apache-2.0
/*
 * The application side of updates: MCUboot's boot_set_pending() and boot_set_confirmed() on
 * top of boot/slots/trailer.c, the same code the loader reads trailers with.
 */
#include <rampart/bootapi.h>
#include <rampart/errno.h>

/* Trailers of a default loader build: A = max(8, write_size). */
#define DEFAULT_ALIGN 0

int bootapi_request_upgrade(const struct flash_area *secondary, bool permanent)
{
	struct trailer t;
	int rc = trailer_read(secondary, DEFAULT_ALIGN, &t);

	if (rc)
		return rc;
	if (t.magic == TRAILER_MAGIC_GOOD)
		return 0;
	if (t.magic == TRAILER_MAGIC_BAD)
		return -EBADMSG;
	rc = trailer_write_magic(secondary, DEFAULT_ALIGN);
	if (!rc && permanent)
		rc = trailer_write_image_ok(secondary, DEFAULT_ALIGN);
	if (!rc)
		rc = trailer_write_swap_info(secondary, DEFAULT_ALIGN,
					     permanent ? SWAP_TYPE_PERM : SWAP_TYPE_TEST, 0);
	return rc;
}

int bootapi_confirm(const struct flash_area *primary)
{
	struct trailer t;
	int rc = trailer_read(primary, DEFAULT_ALIGN, &t);

	if (rc)
		return rc;
	if (t.magic == TRAILER_MAGIC_BAD)
		return -EBADMSG;
	/* No magic: nothing will revert it. image_ok SET or BAD: row IV cannot match either. */
	if (t.magic == TRAILER_MAGIC_UNSET || t.image_ok != TRAILER_FLAG_UNSET)
		return 0;
	return trailer_write_image_ok(primary, DEFAULT_ALIGN);
}

int bootapi_slot_state(const struct flash_area *primary, const struct flash_area *secondary,
		       struct bootapi_state *st)
{
	int rc = trailer_read(primary, DEFAULT_ALIGN, &st->primary);

	if (!rc)
		rc = trailer_read(secondary, DEFAULT_ALIGN, &st->secondary);
	if (rc)
		return rc;
	st->pending = swap_type_decide(&st->primary, &st->secondary, false);
	return 0;
}
