// SPDX-License-Identifier: Apache-2.0
/*
 * lib/bootapi: MCUboot's set-pending and confirm semantics on a NOR flash model that fails
 * the test on any write over programmed bytes, for every write size and both erased values.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <rampart/bootapi.h>
#include <rampart/errno.h>

#include "nor_flash.h"

#define SLOT 4096

static const uint8_t write_sizes[] = { 1, 2, 4, 8, 16, 32 };
static const uint8_t erased_vals[] = { 0xff, 0x00 };

static struct nor_flash pri, sec;

static void both(uint8_t ws, uint8_t erased)
{
	nor_flash_init(&pri, SLOT, ws, erased);
	nor_flash_init(&sec, SLOT, ws, erased);
}

static enum swap_type pending(void)
{
	struct bootapi_state st;

	assert_int_equal(bootapi_slot_state(&pri.area, &sec.area, &st), 0);
	return st.pending;
}

static void request_once_then_again(bool permanent)
{
	struct bootapi_state st;
	unsigned int writes;
	size_t i, j;

	for (i = 0; i < sizeof(write_sizes); i++) {
		for (j = 0; j < sizeof(erased_vals); j++) {
			both(write_sizes[i], erased_vals[j]);
			assert_int_equal(pending(), SWAP_TYPE_NONE);
			assert_int_equal(bootapi_request_upgrade(&sec.area, permanent), 0);
			assert_int_equal(sec.writes, permanent ? 3 : 2);
			assert_int_equal(bootapi_slot_state(&pri.area, &sec.area, &st), 0);
			assert_int_equal(st.secondary.magic, TRAILER_MAGIC_GOOD);
			assert_int_equal(st.secondary.image_ok,
					 permanent ? TRAILER_FLAG_SET : TRAILER_FLAG_UNSET);
			assert_int_equal(st.secondary.copy_done, TRAILER_FLAG_UNSET);
			assert_int_equal(st.secondary.swap_type,
					 permanent ? SWAP_TYPE_PERM : SWAP_TYPE_TEST);
			assert_int_equal(st.secondary.image_num, 0);
			assert_int_equal(st.pending, permanent ? SWAP_TYPE_PERM : SWAP_TYPE_TEST);
			assert_int_equal(pri.writes, 0);
			/* Again, either kind: magic GOOD, a no-op (and NOR rules would catch a write). */
			writes = sec.writes;
			assert_int_equal(bootapi_request_upgrade(&sec.area, !permanent), 0);
			assert_int_equal(bootapi_request_upgrade(&sec.area, permanent), 0);
			assert_int_equal(sec.writes, writes);
			assert_int_equal(pending(), permanent ? SWAP_TYPE_PERM : SWAP_TYPE_TEST);
		}
	}
}

static void test_bootapi_request_test_upgrade_then_again_is_a_noop(void **state)
{
	(void)state;
	request_once_then_again(false);
}

static void test_bootapi_request_permanent_upgrade_then_again_is_a_noop(void **state)
{
	(void)state;
	request_once_then_again(true);
}

static void test_bootapi_request_refuses_bad_magic(void **state)
{
	(void)state;
	both(4, 0xff);
	sec.mem[SLOT - 3] = 0x12;
	assert_int_equal(bootapi_request_upgrade(&sec.area, false), -EBADMSG);
	assert_int_equal(bootapi_request_upgrade(&sec.area, true), -EBADMSG);
	assert_int_equal(sec.writes, 0);
	assert_int_equal(pending(), SWAP_TYPE_NONE);
}

/* A padded factory image: magic GOOD, copy_done never written. */
static void test_bootapi_confirm_works_with_copy_done_unset(void **state)
{
	struct bootapi_state st;
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(write_sizes); i++) {
		for (j = 0; j < sizeof(erased_vals); j++) {
			both(write_sizes[i], erased_vals[j]);
			assert_int_equal(trailer_write_magic(&pri.area, 0), 0);
			assert_int_equal(bootapi_confirm(&pri.area), 0);
			assert_int_equal(pri.writes, 2);
			assert_int_equal(bootapi_slot_state(&pri.area, &sec.area, &st), 0);
			assert_int_equal(st.primary.image_ok, TRAILER_FLAG_SET);
			assert_int_equal(st.primary.copy_done, TRAILER_FLAG_UNSET);
			assert_int_equal(st.pending, SWAP_TYPE_NONE);
			assert_int_equal(bootapi_confirm(&pri.area), 0);
			assert_int_equal(pri.writes, 2);
		}
	}
}

/* After a test swap the loader set copy_done; unconfirmed it reverts, confirmed it stays. */
static void test_bootapi_confirm_cancels_the_revert(void **state)
{
	(void)state;
	both(8, 0xff);
	assert_int_equal(trailer_write_magic(&pri.area, 0), 0);
	assert_int_equal(trailer_write_copy_done(&pri.area, 0), 0);
	assert_int_equal(pending(), SWAP_TYPE_REVERT);
	assert_int_equal(bootapi_confirm(&pri.area), 0);
	assert_int_equal(pending(), SWAP_TYPE_NONE);
}

static void test_bootapi_confirm_without_magic_writes_nothing(void **state)
{
	(void)state;
	both(1, 0x00);
	assert_int_equal(bootapi_confirm(&pri.area), 0);
	assert_int_equal(pri.writes, 0);
}

static void test_bootapi_confirm_refuses_bad_magic(void **state)
{
	(void)state;
	both(16, 0xff);
	memset(pri.mem + SLOT - 16, 0xa5, 16);
	assert_int_equal(bootapi_confirm(&pri.area), -EBADMSG);
	assert_int_equal(pri.writes, 0);
}

static void test_bootapi_confirm_leaves_a_bad_image_ok_alone(void **state)
{
	(void)state;
	both(8, 0xff);
	assert_int_equal(trailer_write_magic(&pri.area, 0), 0);
	pri.mem[SLOT - 24] = 0x02;
	assert_int_equal(bootapi_confirm(&pri.area), 0);
	assert_int_equal(pri.writes, 1);
}

static void test_bootapi_rejects_areas_too_small_for_a_trailer(void **state)
{
	struct bootapi_state st;

	(void)state;
	both(32, 0xff);
	pri.area.size = 128;	/* A = 32 needs 32 + 4 * 32 */
	sec.area.size = 128;
	assert_int_equal(bootapi_request_upgrade(&sec.area, false), -EINVAL);
	assert_int_equal(bootapi_confirm(&pri.area), -EINVAL);
	assert_int_equal(bootapi_slot_state(&pri.area, &sec.area, &st), -EINVAL);
	assert_int_equal(pri.writes + sec.writes, 0);
}

/* A slot of BIG bytes (four write chunks) and a payload with no erased-looking byte. */
#define BIG (16 * 1024)

static uint8_t image[BIG];

static void fill_image(size_t len)
{
	for (size_t i = 0; i < len; i++)
		image[i] = (uint8_t)(i * 7 + 3) | 0x10;
}

struct progress_log {
	unsigned int calls;
	uint32_t done[8], total;
};

static void log_progress(uint32_t done, uint32_t total, void *arg)
{
	struct progress_log *p = arg;

	assert_true(p->calls < 8);
	p->done[p->calls++] = done;
	p->total = total;
}

static void test_bootapi_write_image_replaces_a_pending_request(void **state)
{
	const size_t len = 2 * BOOTAPI_WRITE_CHUNK + 1001;	/* odd: the tail gets padded */
	size_t i, j, k;

	(void)state;
	fill_image(len);
	for (i = 0; i < sizeof(write_sizes); i++) {
		for (j = 0; j < sizeof(erased_vals); j++) {
			struct progress_log p = { 0 };
			uint8_t e = erased_vals[j];

			nor_flash_init(&pri, BIG, write_sizes[i], e);
			nor_flash_init(&sec, BIG, write_sizes[i], e);
			memset(sec.mem, 0x5a, BIG / 2);
			assert_int_equal(bootapi_request_upgrade(&sec.area, true), 0);
			assert_int_equal(bootapi_write_image(&sec.area, image, len,
							     log_progress, &p), 0);
			assert_memory_equal(sec.mem, image, len);
			for (k = len; k < BIG; k++)
				assert_int_equal(sec.mem[k], e);
			assert_int_equal(pending(), SWAP_TYPE_NONE);
			assert_int_equal(p.calls, 4);
			assert_int_equal(p.done[0], 0);
			assert_int_equal(p.done[1], BOOTAPI_WRITE_CHUNK);
			assert_int_equal(p.done[2], 2 * BOOTAPI_WRITE_CHUNK);
			assert_int_equal(p.done[3], len);
			assert_int_equal(p.total, len);
			assert_int_equal(pri.writes, 0);
			/* The erased trailer takes a new request (NOR rules catch rewrites). */
			assert_int_equal(bootapi_request_upgrade(&sec.area, false), 0);
			assert_int_equal(pending(), SWAP_TYPE_TEST);
		}
	}
}

/* The image may run up to the lowest trailer field (swap_size), not one byte into it. */
static void test_bootapi_write_image_stops_at_the_trailer_fields(void **state)
{
	struct trailer_layout l;
	size_t i;

	(void)state;
	fill_image(BIG);
	for (i = 0; i < sizeof(write_sizes); i++) {
		nor_flash_init(&pri, BIG, write_sizes[i], 0xff);
		nor_flash_init(&sec, BIG, write_sizes[i], 0xff);
		assert_int_equal(trailer_layout(&sec.area, 0, &l), 0);
		assert_int_equal(bootapi_write_image(&sec.area, image, l.swap_size + 1,
						     NULL, NULL), -EFBIG);
		assert_int_equal(sec.writes, 0);
		assert_int_equal(bootapi_write_image(&sec.area, image, l.swap_size, NULL, NULL), 0);
		assert_memory_equal(sec.mem, image, l.swap_size);
		assert_int_equal(bootapi_request_upgrade(&sec.area, true), 0);
		assert_int_equal(pending(), SWAP_TYPE_PERM);
	}
}

/* Swap using offset: the update goes one sector in, and still stops at the trailer. */
static void test_bootapi_write_image_at_an_offset_for_swap_offset(void **state)
{
	struct trailer_layout l;
	size_t k;

	(void)state;
	fill_image(BIG);
	nor_flash_init(&pri, BIG, 4, 0xff);
	nor_flash_init(&sec, BIG, 4, 0xff);
	assert_int_equal(trailer_layout(&sec.area, 0, &l), 0);
	assert_int_equal(bootapi_write_image_at(&sec.area, 1024, image, 5000, NULL, NULL), 0);
	for (k = 0; k < 1024; k++)
		assert_int_equal(sec.mem[k], 0xff);
	assert_memory_equal(sec.mem + 1024, image, 5000);
	assert_int_equal(bootapi_write_image_at(&sec.area, 2, image, 8, NULL, NULL), -EINVAL);
	assert_int_equal(bootapi_write_image_at(&sec.area, 1024, image, l.swap_size - 1023,
						NULL, NULL), -EFBIG);
	assert_int_equal(bootapi_write_image_at(&sec.area, l.swap_size + 4, image, 4,
						NULL, NULL), -EFBIG);
}

/* boot_set_pending_multi(): the image number lands in swap_info's high nibble. */
static void test_bootapi_request_upgrade_multi_names_the_image(void **state)
{
	struct bootapi_state st;

	(void)state;
	both(8, 0xff);
	assert_int_equal(bootapi_request_upgrade_multi(&sec.area, 3, false), 0);
	assert_int_equal(bootapi_slot_state(&pri.area, &sec.area, &st), 0);
	assert_int_equal(st.secondary.image_num, 3);
	assert_int_equal(st.secondary.swap_type, SWAP_TYPE_TEST);
	both(8, 0xff);
	assert_int_equal(bootapi_request_upgrade_multi(&sec.area, 16, true), -EINVAL);
	assert_int_equal(sec.writes, 0);	/* refused before anything is written */
}

static void test_bootapi_write_image_refuses_an_empty_image(void **state)
{
	(void)state;
	both(4, 0xff);
	memset(sec.mem, 0x11, 64);
	assert_int_equal(bootapi_write_image(&sec.area, image, 0, NULL, NULL), -EINVAL);
	assert_int_equal(sec.mem[0], 0x11);	/* not even erased */
	assert_int_equal(sec.writes, 0);
}

/* Devices that fail: one whose erase reports -EIO, one that drops a bit of every write. */
static const struct flash_ops *nor_ops;
static struct flash_ops broken;

static int failing_erase(const struct flash_dev *dev, uint32_t off, size_t len)
{
	(void)dev;
	(void)off;
	(void)len;
	return -EIO;
}

static int lossy_write(const struct flash_dev *dev, uint32_t off, const void *buf, size_t len)
{
	struct nor_flash *f = dev->priv;
	int rc = nor_ops->write(dev, off, buf, len);

	f->mem[off] ^= 0x01;
	return rc;
}

static void break_secondary(int (*erase)(const struct flash_dev *, uint32_t, size_t),
			    int (*write)(const struct flash_dev *, uint32_t, const void *, size_t))
{
	nor_ops = sec.dev.ops;
	broken = *nor_ops;
	if (erase)
		broken.erase = erase;
	if (write)
		broken.write = write;
	sec.dev.ops = &broken;
}

static void test_bootapi_write_image_passes_on_an_erase_error(void **state)
{
	struct progress_log p = { 0 };

	(void)state;
	fill_image(64);
	both(4, 0xff);
	break_secondary(failing_erase, NULL);
	assert_int_equal(bootapi_write_image(&sec.area, image, 64, log_progress, &p), -EIO);
	assert_int_equal(sec.writes, 0);
	assert_int_equal(p.calls, 0);
}

static void test_bootapi_write_image_reports_a_bad_read_back(void **state)
{
	struct progress_log p = { 0 };

	(void)state;
	fill_image(100);
	both(4, 0xff);
	break_secondary(NULL, lossy_write);
	assert_int_equal(bootapi_write_image(&sec.area, image, 100, log_progress, &p), -EIO);
	assert_int_equal(p.calls, 1);	/* the erase only: no chunk was reported as done */
	sec.dev.ops = nor_ops;
	assert_int_equal(pending(), SWAP_TYPE_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bootapi_request_test_upgrade_then_again_is_a_noop),
		cmocka_unit_test(test_bootapi_request_permanent_upgrade_then_again_is_a_noop),
		cmocka_unit_test(test_bootapi_request_refuses_bad_magic),
		cmocka_unit_test(test_bootapi_confirm_works_with_copy_done_unset),
		cmocka_unit_test(test_bootapi_confirm_cancels_the_revert),
		cmocka_unit_test(test_bootapi_confirm_without_magic_writes_nothing),
		cmocka_unit_test(test_bootapi_confirm_refuses_bad_magic),
		cmocka_unit_test(test_bootapi_confirm_leaves_a_bad_image_ok_alone),
		cmocka_unit_test(test_bootapi_rejects_areas_too_small_for_a_trailer),
		cmocka_unit_test(test_bootapi_write_image_replaces_a_pending_request),
		cmocka_unit_test(test_bootapi_write_image_stops_at_the_trailer_fields),
		cmocka_unit_test(test_bootapi_write_image_at_an_offset_for_swap_offset),
		cmocka_unit_test(test_bootapi_request_upgrade_multi_names_the_image),
		cmocka_unit_test(test_bootapi_write_image_refuses_an_empty_image),
		cmocka_unit_test(test_bootapi_write_image_passes_on_an_erase_error),
		cmocka_unit_test(test_bootapi_write_image_reports_a_bad_read_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
