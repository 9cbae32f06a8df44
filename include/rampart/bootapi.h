/* SPDX-License-Identifier: Apache-2.0 */
/*
 * lib/bootapi: what an application calls to drive updates, with MCUboot's set-pending and
 * confirm semantics (shared/specs/mcuboot-image.md section 10), so applications written for
 * MCUboot keep working. The application passes its own flash areas (it knows its flash map);
 * trailers use the default max alignment, max(8, write_size), like a default loader build.
 * Builds for the host and freestanding; needs only flash_area_*() and the string routines.
 */
#ifndef RAMPART_BOOTAPI_H
#define RAMPART_BOOTAPI_H

#include <stdbool.h>

#include <rampart/flash.h>
#include <rampart/trailer.h>

struct bootapi_state {
	struct trailer primary;		/* magic, image_ok, copy_done, swap_info, swap_size */
	struct trailer secondary;
	enum swap_type pending;		/* what the loader would do at the next boot */
};

/*
 * bootapi_request_upgrade() - mark the image in @secondary (image pair 0) for an upgrade at
 * the next boot: a test upgrade that reverts unless confirmed, or a @permanent one.
 * If the secondary's magic is UNSET, writes the magic, then image_ok if @permanent, then
 * swap_info = TEST or PERM. The image itself is not checked here; the loader validates it.
 * Returns 0 (also when the magic is already GOOD: the request stands, nothing is written),
 * -EBADMSG if the magic is BAD (erase the slot and write the image again), the -EINVAL of
 * trailer_layout(), or a flash error.
 */
int bootapi_request_upgrade(const struct flash_area *secondary, bool permanent);

/*
 * bootapi_request_upgrade_multi() - the same for image pair @image (0..15, stored in
 * swap_info's high nibble), MCUboot's boot_set_pending_multi(). -EINVAL, writing nothing,
 * if @image is above 15.
 */
int bootapi_request_upgrade_multi(const struct flash_area *secondary, uint8_t image,
				  bool permanent);

/*
 * bootapi_confirm() - confirm the running image in @primary so it is not reverted.
 * If the magic is GOOD and image_ok UNSET, writes image_ok; copy_done is ignored on purpose,
 * so a padded factory image (magic, no copy_done) can be confirmed.
 * Returns 0 (also, writing nothing, if the magic is UNSET or image_ok is not UNSET: the loader
 * reverts neither), -EBADMSG if the magic is BAD, the -EINVAL of trailer_layout(), or a flash
 * error.
 */
int bootapi_confirm(const struct flash_area *primary);

/*
 * Called by bootapi_write_image() once the slot is erased (@done = 0) and after every chunk
 * programmed and read back; the last call has @done == @total. @arg is the caller's.
 */
typedef void (*bootapi_progress_fn)(uint32_t done, uint32_t total, void *arg);

/* Bytes programmed between two progress calls; a multiple of every write size. */
#define BOOTAPI_WRITE_CHUNK 4096u

/*
 * bootapi_write_image() - put a new image into @secondary ahead of bootapi_request_upgrade():
 * erase the whole area (MCUboot's boot_erase_img_bank(), which also clears any request or
 * trailer there), program the @len bytes at @image from offset 0 in BOOTAPI_WRITE_CHUNK pieces
 * (a last partial write unit padded with the erased value) and read each piece back.
 * The image is not checked here; the loader validates it. @progress may be NULL.
 * Returns 0, -EINVAL if @len is 0 or for the -EINVAL of trailer_layout(), -EFBIG if the image
 * would reach the trailer's flag and size fields, -EIO if a read-back differs, or a flash
 * error (erase errors include an area that does not start and end on sector boundaries).
 * After a failed write or read-back the slot holds no request (the erase cleared its trailer);
 * after a failed erase its state is unknown. Either way, do not request an upgrade.
 */
int bootapi_write_image(const struct flash_area *secondary, const void *image, size_t len,
			bootapi_progress_fn progress, void *arg);

/*
 * bootapi_write_image_at() - the same, with the image programmed from offset @off of the
 * slot: swap using offset expects the update one sector in (the secondary's first sector
 * size). Also -EINVAL if @off is not a multiple of the write size, -EFBIG if @off + @len
 * reaches the trailer fields.
 */
int bootapi_write_image_at(const struct flash_area *secondary, uint32_t off, const void *image,
			   size_t len, bootapi_progress_fn progress, void *arg);

/*
 * bootapi_slot_state() - read both trailers of an image pair into @st and evaluate the
 * swap-type table (without swap-offset's row I) for st->pending.
 * Returns 0, the -EINVAL of trailer_layout(), or a flash error.
 */
int bootapi_slot_state(const struct flash_area *primary, const struct flash_area *secondary,
		       struct bootapi_state *st);

#endif
