// SPDX-License-Identifier: Apache-2.0
/*
 * boot/slots swap-move and swap-offset: each engine's run() on a NOR flash model with
 * synthetic images and junk around them, checked byte for byte against the final state the
 * engine promises (its top comment); resumed as the framework resumes it (status scan, run
 * again) after a power cut before, after or in the middle of every flash operation, and
 * after a second cut while resuming; the layout checks and capacities.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <rampart/compiler.h>
#include <rampart/console.h>
#include <rampart/errno.h>
#include <rampart/slots.h>

#include "nor_flash.h"

#define SEC 1024u		/* sector size */
#define SLOT_SECTORS 12u	/* per slot in the standard rig: 11 data + 1 trailer sector */
#define MAX_SECTORS 16u		/* status area: 48 records */

static struct nor_flash nf;
static struct flash_area pri_fa, sec_fa;
static struct boot_pair pair;
static struct boot_env env;
static uint8_t copy_buf[256];
static uint8_t before[NOR_FLASH_MAX], want[NOR_FLASH_MAX];
static char logged[2048];

/* The bootloader's log: to stderr, and kept for the refusal tests. */
void log_msg(int level, const char *fmt, ...)
{
	char line[256];
	size_t used = strlen(logged);
	va_list ap;

	va_start(ap, fmt);
	fmt_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%c: %s\n", level == LOG_LEVEL_ERR ? 'E' : 'I', line);
	snprintf(logged + used, sizeof(logged) - used, "%s\n", line);
}

/* Primary of @p sectors at 0, secondary of @q sectors after it, on one device. */
static void rig_sized(const struct upgrade_engine *e, uint32_t p, uint32_t q, uint8_t ws,
		      uint8_t erased)
{
	nor_flash_init(&nf, (p + q) * SEC, ws, erased);
	nf.dev.geo.sector_size = SEC;
	/*
	 * ECC unit rules too, with 0xff. Over 0x00 a status record 0x01 torn half-way moves no
	 * bit, reads erased and is written again: fine for the bytes, but the model would count
	 * its unit as programmed.
	 */
	nf.strict_units = erased == 0xff;
	pri_fa = (struct flash_area){ "image0-primary", &nf.dev, 0, p * SEC };
	sec_fa = (struct flash_area){ "image0-secondary", &nf.dev, p * SEC, q * SEC };
	pair = (struct boot_pair){ .num = 0, .primary = &pri_fa, .secondary = &sec_fa };
	env = (struct boot_env){
		.engine = e,
		.pairs = &pair,
		.nr_pairs = 1,
		.max_sectors = MAX_SECTORS,
		.buf = copy_buf,
		.buf_len = sizeof(copy_buf),
	};
	logged[0] = '\0';
}

static void rig(const struct upgrade_engine *e, uint8_t ws, uint8_t erased)
{
	rig_sized(e, SLOT_SECTORS, SLOT_SECTORS, ws, erased);
}

/* Slots of @p x SEC and @q x SEC bytes over the mixed sector map @runs (exactly both). */
static void rig_mixed(const struct upgrade_engine *e, const struct flash_sector_run *runs,
		      uint8_t nr_runs, uint32_t p, uint32_t q)
{
	rig_sized(e, p, q, 8, 0xff);
	nf.dev.geo.sectors = runs;
	nf.dev.geo.nr_runs = nr_runs;
}

static uint32_t data_end(const struct flash_area *fa)
{
	uint32_t end;

	assert_int_equal(slot_trailer_start(fa, env.align, env.max_sectors, &end), 0);
	return end;
}

static uint32_t capacity(void)
{
	uint32_t c = env.engine->capacity(&env, &pair, BOOT_SLOT_PRIMARY);

	assert_int_equal(env.engine->capacity(&env, &pair, BOOT_SLOT_SECONDARY), c);
	return c;
}

static uint8_t pattern(uint32_t seed, uint32_t i)
{
	uint32_t x = (i + 0x9e3779b9u) * (2 * seed + 1);

	x ^= x >> 15;
	x *= 0x2c1b3c6du;
	x ^= x >> 12;
	return (uint8_t)x;
}

/* Bytes [off, off + len) of @fa get pattern @seed, behind the NOR rules' back. */
static void fill(const struct flash_area *fa, uint32_t off, uint32_t len, uint32_t seed)
{
	for (uint32_t i = 0; i < len; i++)
		nf.mem[fa->off + off + i] = pattern(seed, i);
}

/*
 * Image A (@a_len bytes) at the start of the primary, image B (@b_len) at @b_off in the
 * secondary, junk in every other byte below both trailers; remembered in @before. Returns
 * the exchange size the framework would record (the larger image).
 */
static uint32_t load(uint32_t a_len, uint32_t b_off, uint32_t b_len)
{
	fill(&pri_fa, 0, data_end(&pri_fa), 1);
	fill(&sec_fa, 0, data_end(&sec_fa), 2);
	fill(&pri_fa, 0, a_len, 3);
	fill(&sec_fa, b_off, b_len, 4);
	memcpy(before, nf.mem, nf.dev.geo.size);
	return MAX(a_len, b_len);
}

/* Back to the state load() left, with no cut armed and the op counters at zero. */
static void restore(void)
{
	nor_flash_reset(&nf);
	memcpy(nf.mem, before, nf.dev.geo.size);
}

static uint32_t sectors(uint32_t size)
{
	return (size + SEC - 1) / SEC;
}

/*
 * In @want: sector @d of @dst holds image sector @i as sector @s of @src held it before: its
 * bytes below @z (rounded up to a write unit), then erased ones.
 */
static void expect(uint32_t z, const struct flash_area *dst, uint32_t d,
		   const struct flash_area *src, uint32_t s, uint32_t i)
{
	uint32_t len = MIN(SEC, ALIGN_UP(z - i * SEC, (uint32_t)nf.dev.geo.write_size));

	memset(want + dst->off + d * SEC, nf.dev.geo.erased_val, SEC);
	memcpy(want + dst->off + d * SEC, before + src->off + s * SEC, len);
}

/* ... and status records 0 .. @n - 1 are written. */
static void expect_records(uint32_t n)
{
	uint32_t ws = nf.dev.geo.write_size, off;

	assert_int_equal(slot_status_off(&pri_fa, env.align, env.max_sectors, &off), 0);
	for (uint32_t r = 0; r < n; r++) {
		memset(want + pri_fa.off + off + r * ws, nf.dev.geo.erased_val, ws);
		want[pri_fa.off + off + r * ws] = (uint8_t)(r % 3 + 1);
	}
}

/* swap-move: pri[0..N-1] = B, sec[0..N-1] = A, a copy of A's last sector in pri[N]. */
static void expect_move(uint32_t z)
{
	uint32_t n = sectors(z);

	memcpy(want, before, nf.dev.geo.size);
	for (uint32_t i = 0; i < n; i++) {
		expect(z, &pri_fa, i, &sec_fa, i, i);
		expect(z, &sec_fa, i, &pri_fa, i, i);
	}
	expect(z, &pri_fa, n, &pri_fa, n - 1, n - 1);
	expect_records(3 * n);
}

/*
 * swap-offset forward: pri[0..N-1] = B (from sec[1..N]), sec[0..N-1] = A, sec[N] as it was.
 * Revert: pri[0..N-1] = A (from sec[0..N-1]), sec[1..N] = B, sec[0] as it was.
 */
static void expect_offset(uint32_t z, bool revert)
{
	uint32_t n = sectors(z);

	memcpy(want, before, nf.dev.geo.size);
	for (uint32_t i = 0; i < n; i++) {
		if (revert) {
			expect(z, &pri_fa, i, &sec_fa, i, i);
			expect(z, &sec_fa, i + 1, &pri_fa, i, i);
		} else {
			expect(z, &pri_fa, i, &sec_fa, i + 1, i);
			expect(z, &sec_fa, i, &pri_fa, i, i);
		}
	}
	expect_records(2 * n);
}

/* What the framework does once the primary's trailer says "exchange in progress". */
static int run(uint32_t swap_size, bool revert)
{
	struct swap_run sr = {
		.env = &env,
		.pair = &pair,
		.swap_size = swap_size,
		.nr_records = env.max_sectors * SWAP_STATUS_STATES,
		.from_offset0 = revert,
	};
	int rc = slot_status_off(&pri_fa, env.align, env.max_sectors, &sr.status_off);

	if (!rc)
		rc = swap_status_scan(&sr);
	return rc ? rc : env.engine->swap->run(&sr);
}

static uint32_t records(void)
{
	struct swap_run sr = {
		.pair = &pair,
		.nr_records = env.max_sectors * SWAP_STATUS_STATES,
	};

	assert_int_equal(slot_status_off(&pri_fa, env.align, env.max_sectors, &sr.status_off), 0);
	assert_int_equal(swap_status_scan(&sr), 0);
	return sr.next;
}

/* Both slots' data sectors as @want has them (the status area may hold a torn record). */
static void assert_data_as_wanted(void)
{
	assert_memory_equal(nf.mem + pri_fa.off, want + pri_fa.off, data_end(&pri_fa));
	assert_memory_equal(nf.mem + sec_fa.off, want + sec_fa.off, data_end(&sec_fa));
}

/* The whole device as @want has it. */
static void assert_all_as_wanted(void)
{
	assert_memory_equal(nf.mem, want, nf.dev.geo.size);
}

/* Exchanges in the standard rig: B nearly full and A smaller, then the other way round. */
struct sizes {
	uint32_t a_len, b_len;
};

static struct sizes case_sizes(unsigned int c)
{
	uint32_t cap = capacity();

	return c == 0 ? (struct sizes){ cap / 2 + 77, cap - 300 } :
			(struct sizes){ cap - SEC - 5, 3 * SEC };
}

/*
 * After a first cut: cut again (torn) at every op of the resumed run in turn, each time
 * from the state the first cut left, and resume once more; all must end as @want.
 */
static void resume_under_second_cuts(uint32_t z, bool revert, uint32_t total, size_t keep)
{
	static uint8_t mem[NOR_FLASH_MAX], programmed[NOR_FLASH_MAX / 8];

	memcpy(mem, nf.mem, nf.dev.geo.size);
	memcpy(programmed, nf.programmed, sizeof(programmed));
	for (unsigned int at = 1;; at++) {
		memcpy(nf.mem, mem, nf.dev.geo.size);
		memcpy(nf.programmed, programmed, sizeof(programmed));
		nf.ops = 0;
		nor_flash_cut(&nf, &(struct nor_cut){ .at = at, .when = NOR_CUT_TEAR,
						      .keep = keep, .half = true });
		if (run(z, revert) == 0) {
			/* the resume needed fewer ops than @at: every second cut was tried */
			assert_false(nf.cut_done);
			assert_data_as_wanted();
			return;
		}
		assert_true(nf.cut_done);
		nor_flash_reboot(&nf);
		assert_int_equal(run(z, revert), 0);
		assert_data_as_wanted();
		assert_int_equal(records(), total);
	}
}

/*
 * Power cut at every flash op of the exchange of @z bytes, of kind @how; then the status
 * scan and run() again must give @want (with @twice, under every second cut too, see
 * resume_under_second_cuts()). @resumed_at[k] is set when a resume started at record k
 * after a cut just before a step's first op (its erase), or after the very last op.
 */
static void sweep(uint32_t z, bool revert, enum nor_cut_when how, bool twice, bool *resumed_at)
{
	size_t keep = nf.dev.geo.write_size / 2;
	uint32_t total;
	unsigned int ops;

	restore();
	assert_int_equal(run(z, revert), 0);
	assert_data_as_wanted();
	ops = nf.ops;
	total = records();
	for (unsigned int at = 1; at <= ops; at++) {
		restore();
		nor_flash_cut(&nf, &(struct nor_cut){ .at = at, .when = how, .keep = keep,
						      .half = true });
		assert_int_equal(run(z, revert), -EIO);
		assert_true(nf.cut_done);
		nor_flash_reboot(&nf);
		if (resumed_at && ((how == NOR_CUT_BEFORE && nf.cut_op.erase) ||
				   (how == NOR_CUT_AFTER && at == ops)))
			resumed_at[records()] = true;
		if (twice) {
			resume_under_second_cuts(z, revert, total, keep);
			continue;
		}
		assert_int_equal(run(z, revert), 0);
		assert_data_as_wanted();
		assert_int_equal(records(), total);
	}
}

static void assert_every_resume_point_seen(const bool *resumed_at, uint32_t total)
{
	for (uint32_t k = 0; k <= total; k++)
		if (!resumed_at[k])
			fail_msg("no cut resumed at record %u of %u", k, total);
}

/* ---- swap-move ------------------------------------------------------------------------ */

static void test_swap_move_full_exchange_gives_exact_contents(void **state)
{
	static const uint8_t write_sizes[] = { 1, 2, 4, 8, 16, 32 };
	static const uint8_t erased_vals[] = { 0xff, 0x00 };

	(void)state;
	for (size_t w = 0; w < sizeof(write_sizes); w++) {
		for (size_t e = 0; e < sizeof(erased_vals); e++) {
			for (unsigned int c = 0; c < 2; c++) {
				struct sizes s;
				uint32_t z;

				rig(&upgrade_swap_move, write_sizes[w], erased_vals[e]);
				s = case_sizes(c);
				z = load(s.a_len, 0, s.b_len);
				expect_move(z);
				assert_int_equal(run(z, false), 0);
				assert_all_as_wanted();
				/* wear: each primary sector twice, each secondary sector once */
				assert_int_equal(nf.erases, 3 * sectors(z));
			}
		}
	}
}

static void test_swap_move_exchange_twice_restores_both_images(void **state)
{
	struct sizes s;
	uint32_t z;

	(void)state;
	rig(&upgrade_swap_move, 8, 0xff);
	s = case_sizes(0);
	z = load(s.a_len, 0, s.b_len);
	assert_int_equal(run(z, false), 0);
	/* a revert starts afresh: new status (the framework's start erases the trailer) */
	assert_int_equal(slot_erase_trailer(&pri_fa, env.align, env.max_sectors), 0);
	assert_int_equal(run(z, false), 0);
	assert_memory_equal(nf.mem + pri_fa.off, before + pri_fa.off, s.a_len);
	assert_memory_equal(nf.mem + sec_fa.off, before + sec_fa.off, s.b_len);
}

static void test_swap_move_resumes_after_a_cut_before_or_after_every_op(void **state)
{
	bool resumed_at[3 * MAX_SECTORS + 1] = { false };
	uint32_t z;

	(void)state;
	rig(&upgrade_swap_move, 8, 0xff);
	z = load(case_sizes(0).a_len, 0, case_sizes(0).b_len);
	expect_move(z);
	sweep(z, false, NOR_CUT_BEFORE, false, resumed_at);
	sweep(z, false, NOR_CUT_AFTER, false, resumed_at);
	/* every status record was a resume point: 0 (nothing done) .. 3N (all done) */
	assert_every_resume_point_seen(resumed_at, 3 * sectors(z));
}

static void test_swap_move_resumes_after_a_torn_write_or_erase_at_every_op(void **state)
{
	static const uint8_t erased_vals[] = { 0xff, 0x00 };

	(void)state;
	for (size_t e = 0; e < sizeof(erased_vals); e++) {
		for (unsigned int c = 0; c < 2; c++) {
			uint32_t z;

			rig(&upgrade_swap_move, e ? 1 : 8, erased_vals[e]);
			z = load(case_sizes(c).a_len, 0, case_sizes(c).b_len);
			expect_move(z);
			sweep(z, false, NOR_CUT_TEAR, false, NULL);
		}
	}
}

static void test_swap_move_resumes_after_a_second_cut_while_resuming(void **state)
{
	uint32_t z;

	(void)state;
	rig(&upgrade_swap_move, 8, 0xff);
	z = load(case_sizes(1).a_len, 0, case_sizes(1).b_len);
	expect_move(z);
	sweep(z, false, NOR_CUT_TEAR, true, NULL);
}

static void test_swap_move_refuses_an_impossible_swap_size_untouched(void **state)
{
	(void)state;
	rig(&upgrade_swap_move, 8, 0xff);
	load(SEC, 0, SEC);
	assert_int_equal(run(capacity() + 1, false), -EINVAL);
	assert_int_equal(nf.ops, 0);
}

static void test_swap_move_capacity_keeps_a_spare_sector_in_the_primary(void **state)
{
	(void)state;
	/* equal slots: 11 data sectors each, one of the primary's is the spare */
	rig(&upgrade_swap_move, 8, 0xff);
	assert_int_equal(env.engine->check(&env, &pair), 0);
	assert_int_equal(capacity(), 10 * SEC);
	/* a primary one sector larger: the secondary's 11 data sectors all usable */
	rig_sized(&upgrade_swap_move, SLOT_SECTORS + 1, SLOT_SECTORS, 8, 0xff);
	assert_int_equal(env.engine->check(&env, &pair), 0);
	assert_int_equal(capacity(), 11 * SEC);
	/* a larger secondary does not help */
	rig_sized(&upgrade_swap_move, SLOT_SECTORS, SLOT_SECTORS + 4, 8, 0xff);
	assert_int_equal(capacity(), 10 * SEC);
}

static void test_swap_move_refuses_mixed_sector_sizes(void **state)
{
	/* primary: 4 x 1K, 2K, 6 x 1K; secondary 12 x 1K */
	static const struct flash_sector_run runs[] = { { 4, SEC }, { 1, 2 * SEC }, { 18, SEC } };

	(void)state;
	rig_mixed(&upgrade_swap_move, runs, ARRAY_SIZE(runs), 12, 12);
	assert_int_equal(env.engine->check(&env, &pair), -EINVAL);
	assert_non_null(strstr(logged, "image 0: swap-move needs sectors of one size: "
			       "image0-primary has a 2048-byte sector at 0x1000"));
	assert_int_equal(capacity(), 0);
}

static void test_swap_move_refuses_slots_of_different_sector_sizes(void **state)
{
	static const struct flash_sector_run runs[] = { { 12, SEC }, { 6, 2 * SEC } };

	(void)state;
	rig_mixed(&upgrade_swap_move, runs, ARRAY_SIZE(runs), 12, 12);
	assert_int_equal(env.engine->check(&env, &pair), -EINVAL);
	assert_non_null(strstr(logged, "image0-secondary has a 2048-byte sector at 0x0, "
			       "image0-primary starts with 1024-byte ones"));
}

static void test_swap_move_accepts_a_larger_trailer_sector(void **state)
{
	/* only sectors below the trailer are exchanged: the trailer's may differ */
	static const struct flash_sector_run runs[] = { { 11, SEC }, { 1, 2 * SEC },
							{ 11, SEC }, { 1, 2 * SEC } };

	(void)state;
	rig_mixed(&upgrade_swap_move, runs, ARRAY_SIZE(runs), 13, 13);
	assert_int_equal(env.engine->check(&env, &pair), 0);
	assert_int_equal(capacity(), 10 * SEC);
}

static void test_swap_move_refuses_a_primary_without_room_for_the_spare(void **state)
{
	(void)state;
	rig_sized(&upgrade_swap_move, 2, SLOT_SECTORS, 8, 0xff);
	assert_int_equal(env.engine->check(&env, &pair), -EINVAL);
	assert_non_null(strstr(logged, "image 0: swap-move: image0-primary has 1 sector(s) "
			       "below its trailer, needs at least 2"));
	assert_int_equal(capacity(), 0);
}

static void test_swap_move_refuses_more_sectors_than_status_records(void **state)
{
	(void)state;
	rig(&upgrade_swap_move, 8, 0xff);
	env.max_sectors = 8;	/* 24 records; 10 sectors need 30 */
	assert_int_equal(env.engine->check(&env, &pair), -EINVAL);
	assert_non_null(strstr(logged, "up to 10 sectors to swap, status has room for 8"));
	env.max_sectors = 10;
	assert_int_equal(env.engine->check(&env, &pair), 0);
}

/* ---- swap-offset ---------------------------------------------------------------------- */

static void test_swap_offset_forward_gives_exact_contents(void **state)
{
	static const uint8_t write_sizes[] = { 1, 2, 4, 8, 16, 32 };
	static const uint8_t erased_vals[] = { 0xff, 0x00 };

	(void)state;
	for (size_t w = 0; w < sizeof(write_sizes); w++) {
		for (size_t e = 0; e < sizeof(erased_vals); e++) {
			for (unsigned int c = 0; c < 2; c++) {
				struct sizes s;
				uint32_t z;

				rig(&upgrade_swap_offset, write_sizes[w], erased_vals[e]);
				s = case_sizes(c);
				z = load(s.a_len, SEC, s.b_len);
				expect_offset(z, false);
				assert_int_equal(run(z, false), 0);
				assert_all_as_wanted();
				/* wear: each sector of either slot once */
				assert_int_equal(nf.erases, 2 * sectors(z));
			}
		}
	}
}

static void test_swap_offset_revert_gives_exact_contents(void **state)
{
	static const uint8_t erased_vals[] = { 0xff, 0x00 };

	(void)state;
	for (size_t e = 0; e < sizeof(erased_vals); e++) {
		for (unsigned int c = 0; c < 2; c++) {
			struct sizes s;
			uint32_t z;

			rig(&upgrade_swap_offset, 4, erased_vals[e]);
			s = case_sizes(c);
			/* the previous image at offset 0 of the secondary */
			z = load(s.a_len, 0, s.b_len);
			expect_offset(z, true);
			assert_int_equal(run(z, true), 0);
			assert_all_as_wanted();
			assert_int_equal(nf.erases, 2 * sectors(z));
		}
	}
}

static void test_swap_offset_revert_restores_the_originals(void **state)
{
	(void)state;
	for (unsigned int c = 0; c < 2; c++) {
		struct sizes s;
		uint32_t z;

		rig(&upgrade_swap_offset, 8, 0xff);
		s = case_sizes(c);
		z = load(s.a_len, SEC, s.b_len);
		assert_int_equal(run(z, false), 0);
		/* the old image now at offset 0 of the secondary, the new one running */
		assert_memory_equal(nf.mem + sec_fa.off, before + pri_fa.off, s.a_len);
		assert_memory_equal(nf.mem + pri_fa.off, before + sec_fa.off + SEC, s.b_len);
		assert_int_equal(slot_erase_trailer(&pri_fa, env.align, env.max_sectors), 0);
		assert_int_equal(run(z, true), 0);
		assert_memory_equal(nf.mem + pri_fa.off, before + pri_fa.off, s.a_len);
		assert_memory_equal(nf.mem + sec_fa.off + SEC, before + sec_fa.off + SEC, s.b_len);
	}
}

static void test_swap_offset_forward_resumes_after_a_cut_before_or_after_every_op(void **state)
{
	bool resumed_at[3 * MAX_SECTORS + 1] = { false };
	uint32_t z;

	(void)state;
	rig(&upgrade_swap_offset, 8, 0xff);
	z = load(case_sizes(0).a_len, SEC, case_sizes(0).b_len);
	expect_offset(z, false);
	sweep(z, false, NOR_CUT_BEFORE, false, resumed_at);
	sweep(z, false, NOR_CUT_AFTER, false, resumed_at);
	assert_every_resume_point_seen(resumed_at, 2 * sectors(z));
}

static void test_swap_offset_revert_resumes_after_a_cut_before_or_after_every_op(void **state)
{
	bool resumed_at[3 * MAX_SECTORS + 1] = { false };
	uint32_t z;

	(void)state;
	rig(&upgrade_swap_offset, 8, 0xff);
	z = load(case_sizes(1).a_len, 0, case_sizes(1).b_len);
	expect_offset(z, true);
	sweep(z, true, NOR_CUT_BEFORE, false, resumed_at);
	sweep(z, true, NOR_CUT_AFTER, false, resumed_at);
	assert_every_resume_point_seen(resumed_at, 2 * sectors(z));
}

static void test_swap_offset_resumes_after_a_torn_write_or_erase_at_every_op(void **state)
{
	static const uint8_t erased_vals[] = { 0xff, 0x00 };

	(void)state;
	for (size_t e = 0; e < sizeof(erased_vals); e++) {
		for (unsigned int c = 0; c < 2; c++) {
			for (int revert = 0; revert < 2; revert++) {
				uint32_t z;

				rig(&upgrade_swap_offset, e ? 1 : 8, erased_vals[e]);
				z = load(case_sizes(c).a_len, revert ? 0 : SEC,
					 case_sizes(c).b_len);
				expect_offset(z, revert);
				sweep(z, revert, NOR_CUT_TEAR, false, NULL);
			}
		}
	}
}

static void test_swap_offset_resumes_after_a_second_cut_while_resuming(void **state)
{
	(void)state;
	for (int revert = 0; revert < 2; revert++) {
		uint32_t z;

		rig(&upgrade_swap_offset, 8, 0xff);
		z = load(case_sizes(1).a_len, revert ? 0 : SEC, case_sizes(1).b_len);
		expect_offset(z, revert);
		sweep(z, revert, NOR_CUT_TEAR, true, NULL);
	}
}

static void test_swap_offset_refuses_an_impossible_swap_size_untouched(void **state)
{
	(void)state;
	rig(&upgrade_swap_offset, 8, 0xff);
	load(SEC, SEC, SEC);
	assert_int_equal(run(capacity() + 1, false), -EINVAL);
	assert_int_equal(run(capacity() + 1, true), -EINVAL);
	assert_int_equal(nf.ops, 0);
}

static void test_swap_offset_capacity_keeps_the_offset_sector_in_the_secondary(void **state)
{
	(void)state;
	rig(&upgrade_swap_offset, 8, 0xff);
	assert_int_equal(env.engine->check(&env, &pair), 0);
	assert_int_equal(capacity(), 10 * SEC);
	assert_true(env.engine->swap->secondary_offset);
	/* a secondary one sector larger: the primary's 11 data sectors all usable */
	rig_sized(&upgrade_swap_offset, SLOT_SECTORS, SLOT_SECTORS + 1, 8, 0xff);
	assert_int_equal(env.engine->check(&env, &pair), 0);
	assert_int_equal(capacity(), 11 * SEC);
	/* a larger primary does not help */
	rig_sized(&upgrade_swap_offset, SLOT_SECTORS + 4, SLOT_SECTORS, 8, 0xff);
	assert_int_equal(capacity(), 10 * SEC);
}

static void test_swap_offset_refuses_mixed_sector_sizes(void **state)
{
	/* primary 12 x 1K; secondary: 4 x 1K, 2K, 6 x 1K */
	static const struct flash_sector_run runs[] = { { 16, SEC }, { 1, 2 * SEC }, { 6, SEC } };

	(void)state;
	rig_mixed(&upgrade_swap_offset, runs, ARRAY_SIZE(runs), 12, 12);
	assert_int_equal(env.engine->check(&env, &pair), -EINVAL);
	assert_non_null(strstr(logged, "image 0: swap-offset needs sectors of one size: "
			       "image0-secondary has a 2048-byte sector at 0x1000"));
	assert_int_equal(capacity(), 0);
}

static void test_swap_offset_refuses_a_secondary_without_room_for_the_offset(void **state)
{
	(void)state;
	rig_sized(&upgrade_swap_offset, SLOT_SECTORS, 2, 8, 0xff);
	assert_int_equal(env.engine->check(&env, &pair), -EINVAL);
	assert_non_null(strstr(logged, "image 0: swap-offset: image0-secondary has 1 sector(s) "
			       "below its trailer, needs at least 2"));
	assert_int_equal(capacity(), 0);
}

static void test_swap_offset_refuses_more_sectors_than_status_records(void **state)
{
	(void)state;
	rig(&upgrade_swap_offset, 8, 0xff);
	env.max_sectors = 6;	/* 18 records; 10 sectors need 20 */
	assert_int_equal(env.engine->check(&env, &pair), -EINVAL);
	assert_non_null(strstr(logged, "up to 10 sectors to swap, status has room for 9"));
	env.max_sectors = 7;
	assert_int_equal(env.engine->check(&env, &pair), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_swap_move_full_exchange_gives_exact_contents),
		cmocka_unit_test(test_swap_move_exchange_twice_restores_both_images),
		cmocka_unit_test(test_swap_move_resumes_after_a_cut_before_or_after_every_op),
		cmocka_unit_test(test_swap_move_resumes_after_a_torn_write_or_erase_at_every_op),
		cmocka_unit_test(test_swap_move_resumes_after_a_second_cut_while_resuming),
		cmocka_unit_test(test_swap_move_refuses_an_impossible_swap_size_untouched),
		cmocka_unit_test(test_swap_move_capacity_keeps_a_spare_sector_in_the_primary),
		cmocka_unit_test(test_swap_move_refuses_mixed_sector_sizes),
		cmocka_unit_test(test_swap_move_refuses_slots_of_different_sector_sizes),
		cmocka_unit_test(test_swap_move_accepts_a_larger_trailer_sector),
		cmocka_unit_test(test_swap_move_refuses_a_primary_without_room_for_the_spare),
		cmocka_unit_test(test_swap_move_refuses_more_sectors_than_status_records),
		cmocka_unit_test(test_swap_offset_forward_gives_exact_contents),
		cmocka_unit_test(test_swap_offset_revert_gives_exact_contents),
		cmocka_unit_test(test_swap_offset_revert_restores_the_originals),
		cmocka_unit_test(test_swap_offset_forward_resumes_after_a_cut_before_or_after_every_op),
		cmocka_unit_test(test_swap_offset_revert_resumes_after_a_cut_before_or_after_every_op),
		cmocka_unit_test(test_swap_offset_resumes_after_a_torn_write_or_erase_at_every_op),
		cmocka_unit_test(test_swap_offset_resumes_after_a_second_cut_while_resuming),
		cmocka_unit_test(test_swap_offset_refuses_an_impossible_swap_size_untouched),
		cmocka_unit_test(test_swap_offset_capacity_keeps_the_offset_sector_in_the_secondary),
		cmocka_unit_test(test_swap_offset_refuses_mixed_sector_sizes),
		cmocka_unit_test(test_swap_offset_refuses_a_secondary_without_room_for_the_offset),
		cmocka_unit_test(test_swap_offset_refuses_more_sectors_than_status_records),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
