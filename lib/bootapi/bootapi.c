// SPDX-License-Identifier: Apache-2.0
/*
 * The application side of updates: MCUboot's boot_set_pending() and boot_set_confirmed() on
 * top of boot/slots/trailer.c, the same code the loader reads trailers with.
 */
#include <rampart/bootapi.h>
#include <rampart/compiler.h>
#include <rampart/errno.h>
#include <rampart/string.h>

/* Trailers of a default loader build: A = max(8, write_size). */
#define DEFAULT_ALIGN 0

int bootapi_request_upgrade_multi(const struct flash_area *secondary, uint8_t image,
				  bool permanent)
{
	struct trailer t;
	int rc = image > 15 ? -EINVAL : trailer_read(secondary, DEFAULT_ALIGN, &t);

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
					     permanent ? SWAP_TYPE_PERM : SWAP_TYPE_TEST, image);
	return rc;
}

int bootapi_request_upgrade(const struct flash_area *secondary, bool permanent)
{
	return bootapi_request_upgrade_multi(secondary, 0, permanent);
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

/* Program @len bytes at @off, the last partial write unit padded with the erased value. */
static int write_padded(const struct flash_area *fa, uint32_t off, const uint8_t *src,
			size_t len)
{
	size_t ws = fa->dev->geo.write_size ? fa->dev->geo.write_size : 1;
	size_t bulk = len - len % ws;
	uint8_t unit[TRAILER_ALIGN_MAX];
	int rc = bulk ? flash_area_write(fa, off, src, bulk) : 0;

	if (rc || bulk == len)
		return rc;
	if (ws > sizeof(unit))
		return -EINVAL;
	memset(unit, fa->dev->geo.erased_val, ws);
	memcpy(unit, src + bulk, len - bulk);
	return flash_area_write(fa, off + (uint32_t)bulk, unit, ws);
}

/* Does flash at @off hold the @len bytes at @src? 0, -EIO if not, or a read error. */
static int read_back(const struct flash_area *fa, uint32_t off, const uint8_t *src, size_t len)
{
	uint8_t buf[64];

	for (size_t done = 0; done < len; ) {
		size_t n = MIN(len - done, sizeof(buf));
		int rc = flash_area_read(fa, off + (uint32_t)done, buf, n);

		if (rc)
			return rc;
		if (memcmp(buf, src + done, n))
			return -EIO;
		done += n;
	}
	return 0;
}

int bootapi_write_image_at(const struct flash_area *secondary, uint32_t off, const void *image,
			   size_t len, bootapi_progress_fn progress, void *arg)
{
	const uint8_t *src = image;
	struct trailer_layout l;
	int rc = trailer_layout(secondary, DEFAULT_ALIGN, &l);
	uint32_t ws = secondary->dev->geo.write_size ? secondary->dev->geo.write_size : 1;

	if (rc)
		return rc;
	if (len == 0 || off % ws)
		return -EINVAL;
	/* The flags and swap_size units must stay erased for the request and the loader. */
	if (off > l.swap_size || len > l.swap_size - off)
		return -EFBIG;
	rc = flash_area_erase(secondary, 0, secondary->size);
	if (rc)
		return rc;
	if (progress)
		progress(0, (uint32_t)len, arg);
	for (size_t done = 0; done < len; ) {
		size_t n = MIN(len - done, (size_t)BOOTAPI_WRITE_CHUNK);

		rc = write_padded(secondary, off + (uint32_t)done, src + done, n);
		if (!rc)
			rc = read_back(secondary, off + (uint32_t)done, src + done, n);
		if (rc)
			return rc;
		done += n;
		if (progress)
			progress((uint32_t)done, (uint32_t)len, arg);
	}
	return 0;
}

int bootapi_write_image(const struct flash_area *secondary, const void *image, size_t len,
			bootapi_progress_fn progress, void *arg)
{
	return bootapi_write_image_at(secondary, 0, image, len, progress, arg);
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
