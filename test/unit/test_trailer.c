// SPDX-License-Identifier: Apache-2.0
/*
 * boot/slots: trailer layout for every max alignment and write size, decoding with both
 * erased values, one-unit writes on NOR rules, imgtool's padded vectors, and every row of
 * the swap-type table.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <rampart/errno.h>
#include <rampart/trailer.h>

#include "nor_flash.h"

#define SLOT 4096

static const uint8_t write_sizes[] = { 1, 2, 4, 8, 16, 32 };
static const uint8_t erased_vals[] = { 0xff, 0x00 };
static const uint8_t magic_v1[16] = {
	0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
	0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80,
};

static struct nor_flash nf;

static void check_layout(uint32_t size, uint32_t a, const struct trailer_layout *l,
			 uint32_t magic_unit, uint32_t ok, uint32_t cd, uint32_t si, uint32_t ss)
{
	assert_int_equal(l->align, a);
	assert_int_equal(l->magic, size - 16);
	assert_int_equal(l->magic_unit, size - magic_unit);
	assert_int_equal(l->image_ok, size - ok);
	assert_int_equal(l->copy_done, size - cd);
	assert_int_equal(l->swap_info, size - si);
	assert_int_equal(l->swap_size, size - ss);
}

static void test_trailer_offsets_for_align_8_match_spec(void **state)
{
	struct trailer_layout l;
	size_t i;

	(void)state;
	for (i = 0; i < 4; i++) {	/* write sizes 1..8 default to A = 8 */
		nor_flash_init(&nf, SLOT, write_sizes[i], 0xff);
		assert_int_equal(trailer_layout(&nf.area, 0, &l), 0);
		check_layout(SLOT, 8, &l, 16, 24, 32, 40, 48);
	}
}

static void test_trailer_offsets_for_align_32_match_spec(void **state)
{
	struct trailer_layout l;

	(void)state;
	nor_flash_init(&nf, SLOT, 32, 0x00);
	assert_int_equal(trailer_layout(&nf.area, 0, &l), 0);
	check_layout(SLOT, 32, &l, 32, 64, 96, 128, 160);
	nor_flash_init(&nf, SLOT, 4, 0xff);
	assert_int_equal(trailer_layout(&nf.area, 32, &l), 0);
	check_layout(SLOT, 32, &l, 32, 64, 96, 128, 160);
	assert_int_equal(trailer_layout(&nf.area, 16, &l), 0);
	check_layout(SLOT, 16, &l, 16, 32, 48, 64, 80);
}

static void test_trailer_default_align_is_max_of_8_and_write_size(void **state)
{
	struct trailer_layout l;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(write_sizes); i++) {
		nor_flash_init(&nf, SLOT, write_sizes[i], 0xff);
		assert_int_equal(trailer_layout(&nf.area, 0, &l), 0);
		assert_int_equal(l.align, write_sizes[i] < 8 ? 8 : write_sizes[i]);
	}
}

static void test_trailer_layout_rejects_bad_align_and_small_areas(void **state)
{
	struct trailer_layout l;
	struct trailer t;

	(void)state;
	nor_flash_init(&nf, SLOT, 16, 0xff);
	assert_int_equal(trailer_layout(&nf.area, 4, &l), -EINVAL);
	assert_int_equal(trailer_layout(&nf.area, 12, &l), -EINVAL);
	assert_int_equal(trailer_layout(&nf.area, 64, &l), -EINVAL);
	assert_int_equal(trailer_layout(&nf.area, 8, &l), -EINVAL);	/* below write size */
	nor_flash_init(&nf, SLOT, 1, 0xff);
	nf.area.size = 40;	/* magic + 3 units: no room for swap_size */
	assert_int_equal(trailer_layout(&nf.area, 8, &l), -EINVAL);
	assert_int_equal(trailer_read(&nf.area, 8, &t), -EINVAL);
	assert_int_equal(trailer_write_magic(&nf.area, 8), -EINVAL);
	assert_int_equal(trailer_write_image_ok(&nf.area, 8), -EINVAL);
	assert_int_equal(trailer_write_swap_size(&nf.area, 8, 1), -EINVAL);
	nf.area.size = 48;
	assert_int_equal(trailer_layout(&nf.area, 8, &l), 0);
	assert_int_equal(l.swap_size, 0);
	nf.area.size = 60;	/* not a multiple of A */
	assert_int_equal(trailer_layout(&nf.area, 8, &l), -EINVAL);
	nf.area.size = 0;
	assert_int_equal(trailer_read(&nf.area, 0, &t), -EINVAL);
	/* An area past its device: every read fails, so nothing reads as a request. */
	nf.area.off = SLOT;
	nf.area.size = SLOT;
	assert_int_equal(trailer_read(&nf.area, 0, &t), 0);
	assert_int_equal(t.magic, TRAILER_MAGIC_BAD);
	assert_int_equal(t.image_ok, TRAILER_FLAG_BAD);
	assert_int_equal(t.copy_done, TRAILER_FLAG_BAD);
	assert_int_equal(t.swap_type, SWAP_TYPE_NONE);
}

static void test_trailer_magic_v1_for_8_and_v2_otherwise(void **state)
{
	uint8_t m[16];

	(void)state;
	trailer_magic(8, m);
	assert_memory_equal(m, magic_v1, 16);
	assert_int_equal(trailer_magic_align(m), 8);
	trailer_magic(32, m);
	assert_int_equal(m[0], 0x20);
	assert_int_equal(m[1], 0x00);
	assert_int_equal(m[2], 0x2d);
	assert_int_equal(m[15], 0x8a);
	assert_int_equal(trailer_magic_align(m), 32);
	trailer_magic(16, m);
	assert_int_equal(trailer_magic_align(m), 16);
	m[0] = 8;	/* v2 naming 8: a loader with A = 8 expects v1 */
	assert_int_equal(trailer_magic_align(m), 0);
	m[0] = 24;
	assert_int_equal(trailer_magic_align(m), 0);
	m[0] = 16;
	m[9] ^= 1;
	assert_int_equal(trailer_magic_align(m), 0);
}

static void assert_erased_except(const struct nor_flash *f, uint32_t from, uint32_t to)
{
	uint32_t i;

	for (i = 0; i < f->area.size; i++)
		if (i < from || i >= to)
			assert_int_equal(f->mem[i], f->dev.geo.erased_val);
}

/* Each field goes in as one write of a whole unit, on erased flash, and reads back. */
static void write_read_one(uint8_t ws, uint8_t erased)
{
	struct trailer_layout l;
	struct trailer t;
	uint8_t m[16];

	nor_flash_init(&nf, SLOT, ws, erased);
	assert_int_equal(trailer_layout(&nf.area, 0, &l), 0);
	assert_int_equal(trailer_read(&nf.area, 0, &t), 0);
	assert_int_equal(t.magic, TRAILER_MAGIC_UNSET);
	assert_int_equal(t.image_ok, TRAILER_FLAG_UNSET);
	assert_int_equal(t.copy_done, TRAILER_FLAG_UNSET);
	assert_int_equal(t.swap_type, SWAP_TYPE_NONE);
	assert_int_equal(t.image_num, 0);

	assert_int_equal(trailer_write_magic(&nf.area, 0), 0);
	assert_int_equal(nf.writes, 1);
	assert_int_equal(nf.last_write_len, SLOT - l.magic_unit);
	trailer_magic(l.align, m);
	assert_memory_equal(nf.mem + SLOT - 16, m, 16);
	assert_erased_except(&nf, SLOT - 16, SLOT);

	assert_int_equal(trailer_write_image_ok(&nf.area, 0), 0);
	assert_int_equal(trailer_write_copy_done(&nf.area, 0), 0);
	assert_int_equal(trailer_write_swap_info(&nf.area, 0, SWAP_TYPE_PERM, 5), 0);
	assert_int_equal(trailer_write_swap_size(&nf.area, 0, 0x12345678), 0);
	assert_int_equal(nf.writes, 5);
	assert_int_equal(nf.last_write_len, l.align);
	assert_int_equal(nf.mem[l.image_ok], 0x01);
	assert_int_equal(nf.mem[l.image_ok + 1], erased);
	assert_int_equal(nf.mem[l.copy_done], 0x01);
	assert_int_equal(nf.mem[l.swap_info], 0x53);
	assert_int_equal(nf.mem[l.swap_size], 0x78);
	assert_int_equal(nf.mem[l.swap_size + 3], 0x12);
	assert_int_equal(nf.mem[l.swap_size + 4], erased);
	assert_erased_except(&nf, l.swap_size, SLOT);

	assert_int_equal(trailer_read(&nf.area, 0, &t), 0);
	assert_int_equal(t.magic, TRAILER_MAGIC_GOOD);
	assert_int_equal(t.image_ok, TRAILER_FLAG_SET);
	assert_int_equal(t.copy_done, TRAILER_FLAG_SET);
	assert_int_equal(t.swap_type, SWAP_TYPE_PERM);
	assert_int_equal(t.image_num, 5);
	assert_int_equal(t.swap_size, 0x12345678);
}

static void test_trailer_writes_one_unit_per_field_for_every_geometry(void **state)
{
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(write_sizes); i++)
		for (j = 0; j < sizeof(erased_vals); j++)
			write_read_one(write_sizes[i], erased_vals[j]);
}

static void test_trailer_unset_means_erased_whatever_the_erased_value(void **state)
{
	struct trailer t;

	(void)state;
	/* All-0xff on a 0x00-erased device is neither UNSET nor GOOD; nor are 0xff flags. */
	nor_flash_init(&nf, SLOT, 4, 0x00);
	memset(nf.mem + SLOT - 64, 0xff, 64);
	assert_int_equal(trailer_read(&nf.area, 0, &t), 0);
	assert_int_equal(t.magic, TRAILER_MAGIC_BAD);
	assert_int_equal(t.image_ok, TRAILER_FLAG_BAD);
	assert_int_equal(t.copy_done, TRAILER_FLAG_BAD);
	assert_int_equal(t.swap_type, SWAP_TYPE_NONE);
	nor_flash_init(&nf, SLOT, 4, 0xff);
	memset(nf.mem + SLOT - 64, 0x00, 64);
	assert_int_equal(trailer_read(&nf.area, 0, &t), 0);
	assert_int_equal(t.magic, TRAILER_MAGIC_BAD);
	assert_int_equal(t.image_ok, TRAILER_FLAG_BAD);
	assert_int_equal(t.swap_type, SWAP_TYPE_NONE);
	assert_int_equal(t.swap_size, 0);
}

static void test_trailer_decodes_bad_values(void **state)
{
	struct trailer t;

	(void)state;
	nor_flash_init(&nf, SLOT, 1, 0xff);
	memcpy(nf.mem + SLOT - 16, magic_v1, 16);
	nf.mem[SLOT - 1] ^= 0x80;		/* one bit off */
	nf.mem[SLOT - 24] = 0x02;
	nf.mem[SLOT - 32] = 0x81;
	nf.mem[SLOT - 40] = 0x15;		/* type 5 */
	assert_int_equal(trailer_read(&nf.area, 0, &t), 0);
	assert_int_equal(t.magic, TRAILER_MAGIC_BAD);
	assert_int_equal(t.image_ok, TRAILER_FLAG_BAD);
	assert_int_equal(t.image_ok_raw, 0x02);
	assert_int_equal(t.copy_done, TRAILER_FLAG_BAD);
	assert_int_equal(t.swap_type, SWAP_TYPE_NONE);
	assert_int_equal(t.image_num, 1);
	nf.mem[SLOT - 40] = 0x01;		/* type NONE */
	assert_int_equal(trailer_read(&nf.area, 0, &t), 0);
	assert_int_equal(t.swap_type, SWAP_TYPE_NONE);
	nf.mem[SLOT - 40] = 0x24;
	assert_int_equal(trailer_read(&nf.area, 0, &t), 0);
	assert_int_equal(t.swap_type, SWAP_TYPE_REVERT);
	assert_int_equal(t.image_num, 2);
	/* A v2 magic for 32 read by a loader with A = 8, and v1 read with A = 32: BAD. */
	trailer_magic(32, nf.mem + SLOT - 16);
	assert_int_equal(trailer_read(&nf.area, 8, &t), 0);
	assert_int_equal(t.magic, TRAILER_MAGIC_BAD);
	assert_int_equal(trailer_read(&nf.area, 32, &t), 0);
	assert_int_equal(t.magic, TRAILER_MAGIC_GOOD);
	memcpy(nf.mem + SLOT - 16, magic_v1, 16);
	assert_int_equal(trailer_read(&nf.area, 32, &t), 0);
	assert_int_equal(t.magic, TRAILER_MAGIC_BAD);
	/* Bad type or image number for a write. */
	assert_int_equal(trailer_write_swap_info(&nf.area, 0, 5, 0), -EINVAL);
	assert_int_equal(trailer_write_swap_info(&nf.area, 0, 0, 0), -EINVAL);
	assert_int_equal(trailer_write_swap_info(&nf.area, 0, SWAP_TYPE_TEST, 16), -EINVAL);
}

static void load_vector(const char *name)
{
	char path[512];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/test/vectors/imgtool/%s", SRCTREE, name);
	f = fopen(path, "rb");
	assert_non_null(f);
	nor_flash_init(&nf, NOR_FLASH_MAX, 1, 0xff);
	n = fread(nf.mem, 1, NOR_FLASH_MAX, f);
	fclose(f);
	nf.area.size = (uint32_t)n;
	assert_int_equal(n, 0x40000);
}

static void test_trailer_decodes_imgtool_confirmed_padded_vector(void **state)
{
	struct trailer t;

	(void)state;
	load_vector("ecdsa-p256-confirmed-padded.bin");
	assert_int_equal(trailer_read(&nf.area, 0, &t), 0);
	assert_int_equal(t.magic, TRAILER_MAGIC_GOOD);
	assert_int_equal(t.image_ok, TRAILER_FLAG_SET);
	assert_int_equal(t.copy_done, TRAILER_FLAG_UNSET);
	assert_int_equal(t.swap_type, SWAP_TYPE_NONE);
}

static void test_trailer_decodes_imgtool_test_padded_vector(void **state)
{
	struct trailer t;

	(void)state;
	load_vector("ecdsa-p256-test-padded.bin");
	assert_int_equal(trailer_read(&nf.area, 0, &t), 0);
	assert_int_equal(t.magic, TRAILER_MAGIC_GOOD);
	assert_int_equal(t.image_ok, TRAILER_FLAG_UNSET);
	assert_int_equal(t.copy_done, TRAILER_FLAG_UNSET);
	assert_int_equal(t.swap_type, SWAP_TYPE_NONE);
}

/* --- swap-type table ------------------------------------------------------------------ */

#define U TRAILER_FLAG_UNSET
#define S TRAILER_FLAG_SET
#define B TRAILER_FLAG_BAD
#define MU TRAILER_MAGIC_UNSET
#define MG TRAILER_MAGIC_GOOD
#define MB TRAILER_MAGIC_BAD

struct row {
	enum trailer_magic pm, sm;
	enum trailer_flag pok, sok, pcd, scd;
	enum swap_type plain, offset;	/* without and with swap-offset's row I */
};

static const struct row rows[] = {
	/* Row I (swap-offset only), else row II. */
	{ MU, MG, U, U, U, S, SWAP_TYPE_TEST, SWAP_TYPE_REVERT },
	{ MG, MG, S, U, S, S, SWAP_TYPE_TEST, SWAP_TYPE_REVERT },
	/* Row II: any primary. */
	{ MU, MG, U, U, U, U, SWAP_TYPE_TEST, SWAP_TYPE_TEST },
	{ MB, MG, B, U, B, U, SWAP_TYPE_TEST, SWAP_TYPE_TEST },
	{ MG, MG, U, U, S, B, SWAP_TYPE_TEST, SWAP_TYPE_TEST },
	/* Row III. */
	{ MU, MG, U, S, U, U, SWAP_TYPE_PERM, SWAP_TYPE_PERM },
	{ MG, MG, U, S, S, S, SWAP_TYPE_PERM, SWAP_TYPE_PERM },
	/* Row IV, whatever the secondary's magic. */
	{ MG, MU, U, U, S, U, SWAP_TYPE_REVERT, SWAP_TYPE_REVERT },
	{ MG, MB, U, U, S, U, SWAP_TYPE_REVERT, SWAP_TYPE_REVERT },
	{ MG, MG, U, B, S, U, SWAP_TYPE_REVERT, SWAP_TYPE_REVERT },
	/* Secondary GOOD with a BAD image_ok matches neither II nor III. */
	{ MU, MG, U, B, U, U, SWAP_TYPE_NONE, SWAP_TYPE_NONE },
	{ MU, MG, U, B, U, S, SWAP_TYPE_NONE, SWAP_TYPE_NONE },
	/* NONE: row IV needs a GOOD primary, image_ok UNSET and copy_done SET. */
	{ MU, MU, U, U, U, U, SWAP_TYPE_NONE, SWAP_TYPE_NONE },
	{ MG, MU, S, U, S, U, SWAP_TYPE_NONE, SWAP_TYPE_NONE },
	{ MG, MU, U, U, U, U, SWAP_TYPE_NONE, SWAP_TYPE_NONE },
	{ MG, MU, U, U, B, U, SWAP_TYPE_NONE, SWAP_TYPE_NONE },
	{ MG, MU, B, U, S, U, SWAP_TYPE_NONE, SWAP_TYPE_NONE },
	{ MB, MU, U, U, S, U, SWAP_TYPE_NONE, SWAP_TYPE_NONE },
	{ MU, MB, U, S, U, U, SWAP_TYPE_NONE, SWAP_TYPE_NONE },
	{ MB, MB, U, U, S, S, SWAP_TYPE_NONE, SWAP_TYPE_NONE },
};

static void test_swap_type_every_row_of_the_table(void **state)
{
	struct trailer p, s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		memset(&p, 0, sizeof(p));
		memset(&s, 0, sizeof(s));
		p.magic = rows[i].pm;
		s.magic = rows[i].sm;
		p.image_ok = rows[i].pok;
		s.image_ok = rows[i].sok;
		p.copy_done = rows[i].pcd;
		s.copy_done = rows[i].scd;
		if (swap_type_decide(&p, &s, false) != rows[i].plain ||
		    swap_type_decide(&p, &s, true) != rows[i].offset)
			fail_msg("row %zu: got %s/%s", i, swap_type_name(swap_type_decide(&p, &s, false)),
				 swap_type_name(swap_type_decide(&p, &s, true)));
	}
}

static void test_swap_type_names(void **state)
{
	(void)state;
	assert_string_equal(swap_type_name(SWAP_TYPE_NONE), "none");
	assert_string_equal(swap_type_name(SWAP_TYPE_TEST), "test");
	assert_string_equal(swap_type_name(SWAP_TYPE_PERM), "permanent");
	assert_string_equal(swap_type_name(SWAP_TYPE_REVERT), "revert");
	assert_string_equal(swap_type_name((enum swap_type)0), "invalid");
	assert_string_equal(swap_type_name((enum swap_type)5), "invalid");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trailer_offsets_for_align_8_match_spec),
		cmocka_unit_test(test_trailer_offsets_for_align_32_match_spec),
		cmocka_unit_test(test_trailer_default_align_is_max_of_8_and_write_size),
		cmocka_unit_test(test_trailer_layout_rejects_bad_align_and_small_areas),
		cmocka_unit_test(test_trailer_magic_v1_for_8_and_v2_otherwise),
		cmocka_unit_test(test_trailer_writes_one_unit_per_field_for_every_geometry),
		cmocka_unit_test(test_trailer_unset_means_erased_whatever_the_erased_value),
		cmocka_unit_test(test_trailer_decodes_bad_values),
		cmocka_unit_test(test_trailer_decodes_imgtool_confirmed_padded_vector),
		cmocka_unit_test(test_trailer_decodes_imgtool_test_padded_vector),
		cmocka_unit_test(test_swap_type_every_row_of_the_table),
		cmocka_unit_test(test_swap_type_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
