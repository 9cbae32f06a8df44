// SPDX-License-Identifier: Apache-2.0
/*
 * boot/slots core: mixed sector maps, exchange regions, trailer sectors, the swap status
 * records, and dependency resolution across image pairs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <rampart/compiler.h>
#include <rampart/errno.h>
#include <rampart/slots.h>

#include "nor_flash.h"

static struct nor_flash nor;

/* STM32F4-like bank: 4 x 16K, 1 x 64K, 7 x 128K = 1 MiB; the model holds its first 256K. */
static const struct flash_sector_run stm32f4[] = {
	{ 4, 0x4000 }, { 1, 0x10000 }, { 7, 0x20000 },
};

static void setup_mixed(void)
{
	nor_flash_init(&nor, NOR_FLASH_MAX, 4, 0xff);
	nor.dev.geo.size = 0x100000;	/* geometry of the whole bank; tests stay below 256K */
	nor.dev.geo.sectors = stm32f4;
	nor.dev.geo.nr_runs = ARRAY_SIZE(stm32f4);
}

static void test_mixed_map_finds_each_sector(void **state)
{
	uint32_t start, size;

	(void)state;
	setup_mixed();
	assert_int_equal(flash_dev_sector(&nor.dev, 0x3fff, &start, &size), 0);
	assert_int_equal(start, 0);
	assert_int_equal(size, 0x4000);
	assert_int_equal(flash_dev_sector(&nor.dev, 0xc000, &start, &size), 0);
	assert_int_equal(start, 0xc000);
	assert_int_equal(flash_dev_sector(&nor.dev, 0x10000, &start, &size), 0);
	assert_int_equal(start, 0x10000);
	assert_int_equal(size, 0x10000);
	assert_int_equal(flash_dev_sector(&nor.dev, 0x30001, &start, &size), 0);
	assert_int_equal(start, 0x20000);
	assert_int_equal(size, 0x20000);
	assert_int_equal(flash_dev_sector(&nor.dev, 0xfffff, &start, &size), 0);
	assert_int_equal(start, 0xe0000);
	assert_int_equal(flash_dev_sector(&nor.dev, 0x100000, &start, &size), -ERANGE);
}

static void test_mixed_map_that_does_not_cover_the_device_is_refused(void **state)
{
	static const struct flash_sector_run short_map[] = { { 2, 0x4000 } };
	uint32_t start, size;

	(void)state;
	setup_mixed();
	nor.dev.geo.sectors = short_map;
	nor.dev.geo.nr_runs = 1;
	assert_int_equal(flash_dev_sector(&nor.dev, 0x4000, &start, &size), 0);
	assert_int_equal(flash_dev_sector(&nor.dev, 0x8000, &start, &size), -EINVAL);
}

static void test_erase_must_hit_sector_boundaries_of_a_mixed_map(void **state)
{
	struct flash_area fa;

	(void)state;
	setup_mixed();
	fa = (struct flash_area){ "a", &nor.dev, 0, 0x40000 };
	assert_int_equal(flash_area_erase(&fa, 0x4000, 0x4000), 0);
	assert_int_equal(flash_area_erase(&fa, 0x10000, 0x4000), -EINVAL);
	assert_int_equal(flash_area_erase(&fa, 0x10000, 0x10000), 0);
	/* widened to the 64K sector and the 128K one after it */
	assert_int_equal(flash_area_erase_range(&fa, 0x18000, 0x10000), 0);
	assert_int_equal(nor.erases, 3);
}

static void test_regions_line_up_two_different_sector_maps(void **state)
{
	struct flash_area a, b;
	uint32_t hi;

	(void)state;
	setup_mixed();
	/* a starts in the 16K sectors, b in the 64K one: first common bound at 0x10000 */
	a = (struct flash_area){ "a", &nor.dev, 0x0, 0x20000 };
	b = (struct flash_area){ "b", &nor.dev, 0x10000, 0x20000 };
	assert_int_equal(swap_region_next(&a, &b, 0, 0x20000, 0x10000, &hi), 0);
	assert_int_equal(hi, 0x10000);
	/* a scratch smaller than the first common span cannot carry it */
	assert_int_equal(swap_region_next(&a, &b, 0, 0x20000, 0x8000, &hi), -EINVAL);
	/* uniform sectors grow the region up to the limit */
	a = (struct flash_area){ "a", &nor.dev, 0x0, 0x10000 };
	b = (struct flash_area){ "b", &nor.dev, 0x0, 0x10000 };
	assert_int_equal(swap_region_next(&a, &b, 0, 0x10000, 0x8000, &hi), 0);
	assert_int_equal(hi, 0x8000);
	assert_int_equal(swap_region_next(&a, &b, 0x8000, 0x10000, 0, &hi), 0);
	assert_int_equal(hi, 0xc000);
	/* never past @end */
	assert_int_equal(swap_region_next(&a, &b, 0, 0x6000, 0x8000, &hi), 0);
	assert_int_equal(hi, 0x4000);
}

static void test_trailer_sectors_hold_the_whole_status_area(void **state)
{
	struct flash_area fa;
	uint32_t start, off;

	(void)state;
	nor_flash_init(&nor, 0x20000, 8, 0xff);
	nor.dev.geo.sector_size = 0x1000;
	fa = (struct flash_area){ "slot", &nor.dev, 0, 0x20000 };
	/* 128 sectors x 3 records x 8 bytes + 4 x 8 + 16 = 3120 bytes: one 4K sector */
	assert_int_equal(slot_status_off(&fa, 8, 128, &off), 0);
	assert_int_equal(off, 0x20000 - 3120);
	assert_int_equal(slot_trailer_start(&fa, 8, 128, &start), 0);
	assert_int_equal(start, 0x1f000);
	/* 1K pages: the same trailer takes four pages */
	nor.dev.geo.sector_size = 0x400;
	assert_int_equal(slot_trailer_start(&fa, 8, 128, &start), 0);
	assert_int_equal(start, 0x20000 - 0x1000);
	/* write size 32, 128 sectors: 12288 + 4 x 32 + 32 bytes, in four 4K sectors */
	nor_flash_init(&nor, 0x20000, 32, 0x00);
	nor.dev.geo.sector_size = 0x1000;
	assert_int_equal(slot_trailer_start(&fa, 32, 128, &start), 0);
	assert_int_equal(start, 0x20000 - 0x4000);
}

static const struct boot_env status_env = { .align = 8, .max_sectors = 8 };

static void status_run(struct swap_run *sr, struct boot_pair *pair, struct flash_area *fa)
{
	*fa = (struct flash_area){ "image0-primary", &nor.dev, 0, 0x8000 };
	*pair = (struct boot_pair){ .num = 0, .primary = fa, .secondary = fa };
	*sr = (struct swap_run){ .env = &status_env, .pair = pair, .nr_records = 24 };
	assert_int_equal(slot_status_off(fa, 8, 8, &sr->status_off), 0);
}

static void test_status_records_count_steps_and_survive_a_torn_record(void **state)
{
	struct flash_area fa;
	struct boot_pair pair;
	struct swap_run sr;
	struct nor_cut cut = { .when = NOR_CUT_TEAR, .keep = 0, .half = true };

	(void)state;
	nor_flash_init(&nor, 0x8000, 8, 0xff);
	nor.dev.geo.sector_size = 0x1000;
	status_run(&sr, &pair, &fa);
	assert_int_equal(swap_status_scan(&sr), 0);
	assert_int_equal(sr.next, 0);
	for (int i = 0; i < 5; i++)
		assert_int_equal(swap_status_step_done(&sr), 0);
	assert_int_equal(nor.mem[sr.status_off + 8 * 4], 2);	/* record 4: state (4 % 3) + 1 */
	status_run(&sr, &pair, &fa);
	assert_int_equal(swap_status_scan(&sr), 0);
	assert_int_equal(sr.next, 5);
	/* record 5 torn: half its bits programmed; it counts, its step had finished */
	cut.at = nor.ops + 1;
	nor_flash_cut(&nor, &cut);
	assert_int_not_equal(swap_status_step_done(&sr), 0);
	nor_flash_reboot(&nor);
	status_run(&sr, &pair, &fa);
	assert_int_equal(swap_status_scan(&sr), 0);
	assert_int_equal(sr.next, 6);
	/* all records used: no room for another step */
	sr.next = sr.nr_records;
	assert_int_equal(swap_status_step_done(&sr), -ENOSPC);
}

/* Dependency resolution over hand-made pair states. */
static int demotions;

static int fake_demote(struct pair_state *ps)
{
	if (ps->type == SWAP_TYPE_NONE)
		return -EPERM;
	demotions++;
	ps->type = SWAP_TYPE_NONE;
	ps->after = &ps->pri_info;
	return 0;
}

static const struct upgrade_engine fake_engine = { .name = "fake", .demote = fake_demote };
static const struct boot_env deps_env = { .engine = &fake_engine };
static const struct boot_pair deps_pairs[3] = { { .num = 0 }, { .num = 1 }, { .num = 2 } };

static void version(struct image_info *i, uint8_t major)
{
	memset(&i->version, 0, sizeof(i->version));
	i->version.major = major;
}

static void depends(struct image_info *i, uint8_t id, uint8_t major)
{
	i->deps[i->nr_deps].image_id = id;
	memset(&i->deps[i->nr_deps].min_version, 0, sizeof(struct image_version));
	i->deps[i->nr_deps].min_version.major = major;
	i->nr_deps++;
}

/* Pair @n runs @cur and, with @upgrade, plans to run @next. */
static void pair(struct pair_state *st, int n, uint8_t cur, uint8_t next, bool upgrade)
{
	struct pair_state *ps = &st[n];

	memset(ps, 0, sizeof(*ps));
	ps->env = &deps_env;
	ps->pair = &deps_pairs[n];
	version(&ps->pri_info, cur);
	version(&ps->sec_info, next);
	ps->type = upgrade ? SWAP_TYPE_TEST : SWAP_TYPE_NONE;
	ps->after = upgrade ? &ps->sec_info : &ps->pri_info;
}

static void test_dependency_on_a_not_yet_swapped_lower_numbered_image_is_met(void **state)
{
	struct pair_state st[2];

	(void)state;
	demotions = 0;
	/* image 1 v2 needs image 0 >= 2, which arrives in the same boot */
	pair(st, 0, 1, 2, true);
	pair(st, 1, 1, 2, true);
	depends(&st[1].sec_info, 0, 2);
	boot_resolve_deps(st, 2);
	assert_int_equal(demotions, 0);
	assert_int_equal(st[0].type, SWAP_TYPE_TEST);
	assert_int_equal(st[1].type, SWAP_TYPE_TEST);
}

static void test_unmet_dependency_demotes_only_the_dependent_chain(void **state)
{
	struct pair_state st[3];

	(void)state;
	demotions = 0;
	/* 0 needs 1 >= 3 (not coming); 2 needs 0 >= 2 (so goes too); 1 upgrades alone */
	pair(st, 0, 1, 2, true);
	pair(st, 1, 1, 2, true);
	pair(st, 2, 1, 2, true);
	depends(&st[0].sec_info, 1, 3);
	depends(&st[2].sec_info, 0, 2);
	boot_resolve_deps(st, 3);
	assert_int_equal(demotions, 2);
	assert_int_equal(st[0].type, SWAP_TYPE_NONE);
	assert_int_equal(st[1].type, SWAP_TYPE_TEST);
	assert_int_equal(st[2].type, SWAP_TYPE_NONE);
}

static void test_unprovisioned_image_cancels_only_upgrades_that_need_it(void **state)
{
	struct pair_state st[3];

	(void)state;
	demotions = 0;
	pair(st, 0, 1, 2, true);
	pair(st, 1, 1, 2, true);
	pair(st, 2, 0, 0, false);
	st[2].after = NULL;			/* image 2: nothing valid anywhere */
	depends(&st[1].sec_info, 2, 1);
	boot_resolve_deps(st, 3);
	assert_int_equal(demotions, 1);
	assert_int_equal(st[0].type, SWAP_TYPE_TEST);
	assert_int_equal(st[1].type, SWAP_TYPE_NONE);
}

static void test_running_images_are_not_second_guessed(void **state)
{
	struct pair_state st[2];

	(void)state;
	demotions = 0;
	pair(st, 0, 1, 1, false);
	pair(st, 1, 1, 1, false);
	depends(&st[0].pri_info, 1, 5);
	boot_resolve_deps(st, 2);
	assert_int_equal(demotions, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mixed_map_finds_each_sector),
		cmocka_unit_test(test_mixed_map_that_does_not_cover_the_device_is_refused),
		cmocka_unit_test(test_erase_must_hit_sector_boundaries_of_a_mixed_map),
		cmocka_unit_test(test_regions_line_up_two_different_sector_maps),
		cmocka_unit_test(test_trailer_sectors_hold_the_whole_status_area),
		cmocka_unit_test(test_status_records_count_steps_and_survive_a_torn_record),
		cmocka_unit_test(test_dependency_on_a_not_yet_swapped_lower_numbered_image_is_met),
		cmocka_unit_test(test_unmet_dependency_demotes_only_the_dependent_chain),
		cmocka_unit_test(test_unprovisioned_image_cancels_only_upgrades_that_need_it),
		cmocka_unit_test(test_running_images_are_not_second_guessed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
