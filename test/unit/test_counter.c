// SPDX-License-Identifier: Apache-2.0
/*
 * drivers/otp: the flash-log and the OTP counter backends on the NOR/OTP model, for every
 * write size and both erased values, uniform and mixed sector maps, with power cut before,
 * after and in the middle of every write and erase of advance sequences; and the sandbox's
 * file-backed OTP device.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <asm/sandbox.h>
#include <rampart/compiler.h>
#include <rampart/counter.h>
#include <rampart/errno.h>
#include <rampart/flash.h>

#include "nor_flash.h"

static const uint8_t write_sizes[] = { 1, 4, 8, 16, 32 };
static const uint8_t erased_vals[] = { 0xff, 0x00 };

static struct nor_flash nf;
static struct flash_counter fc;
static struct otp_counter oc;
static struct counter_dev cdev;

/* The set-up nf has now, so power-cut scenarios can blank it cheaply (NULL: unknown). */
static void (*ready)(void);
static uint8_t cfg_ws, cfg_erased;

/* ---------------------------------------------------------------------------------------
 * Set-up
 */

/* A flash counter with @nr ids over @nsec uniform sectors of @ss bytes (the whole device). */
static void setup_flash(uint32_t ss, uint32_t nsec, uint8_t ws, uint8_t erased, unsigned int nr)
{
	ready = NULL;
	nor_flash_init(&nf, ss * nsec, ws, erased);
	nf.dev.geo.sector_size = ss;
	nf.strict_units = true;
	fc.area = &nf.area;
	cdev = (struct counter_dev){ "fc", &flash_counter_ops, &fc, nr };
}

/* Device 256 | 512 | 256 | 256; the area leaves out the first sector: 512, 256, 256. */
static const struct flash_sector_run mixed_runs[] = { { 1, 256 }, { 1, 512 }, { 2, 256 } };

static void setup_mixed(uint8_t ws, uint8_t erased, unsigned int nr)
{
	setup_flash(256, 5, ws, erased, nr);
	nf.dev.geo.sector_size = 0;
	nf.dev.geo.sectors = mixed_runs;
	nf.dev.geo.nr_runs = ARRAY_SIZE(mixed_runs);
	nf.area.off = 256;
	nf.area.size = 1024;
}

static void setup_otp(uint32_t bits, uint32_t size, uint8_t ws, uint8_t erased, unsigned int nr)
{
	ready = NULL;
	nor_flash_init_otp(&nf, size, ws, erased);
	oc.area = &nf.area;
	oc.bits_per_counter = bits;
	cdev = (struct counter_dev){ "otp", &otp_counter_ops, &oc, nr };
}

static uint32_t rd(unsigned int id)
{
	uint32_t v = 0xdeadbeef;

	assert_int_equal(counter_read(&cdev, id, &v), 0);
	return v;
}

static void adv(unsigned int id, uint32_t v)
{
	assert_int_equal(counter_advance(&cdev, id, v), 0);
	assert_true(rd(id) >= v);
}

/* ---------------------------------------------------------------------------------------
 * The flash-log format as Documentation/anti-rollback.md describes it, decoded here on
 * its own so the tests check the documented layout, not the driver against itself.
 */

static uint32_t doc_crc32(const uint8_t *p, size_t len)
{
	uint32_t crc = 0xffffffff;

	while (len--) {
		crc ^= *p++;
		for (int k = 0; k < 8; k++)
			crc = crc & 1 ? (crc >> 1) ^ 0xedb88320 : crc >> 1;
	}
	return ~crc;
}

struct doc_entry {
	uint8_t kind, arg;
	uint32_t value, gen;
};

static bool doc_decode(const uint8_t *p, struct doc_entry *e)
{
	if (p[14] != 0x5a || p[15] != 0xa5 || get_le32(p + 10) != doc_crc32(p, 10))
		return false;
	*e = (struct doc_entry){ p[0], p[1], get_le32(p + 2), get_le32(p + 6) };
	return true;
}

static void doc_encode(uint8_t *p, uint32_t slot, uint8_t erased, uint8_t kind, uint8_t arg,
		       uint32_t value, uint32_t gen)
{
	memset(p, erased, slot);
	p[0] = kind;
	p[1] = arg;
	put_le32(p + 2, value);
	put_le32(p + 6, gen);
	put_le32(p + 10, doc_crc32(p, 10));
	p[14] = 0x5a;
	p[15] = 0xa5;
}

static uint32_t slot_size(uint8_t ws)
{
	return (16 + ws - 1) / ws * ws;
}

/* ---------------------------------------------------------------------------------------
 * Flash counter: basics
 */

static void test_flash_counter_blank_area_reads_zero(void **state)
{
	(void)state;
	for (size_t w = 0; w < sizeof(write_sizes); w++) {
		for (size_t e = 0; e < sizeof(erased_vals); e++) {
			setup_flash(256, 2, write_sizes[w], erased_vals[e], 4);
			assert_int_equal(counter_init(&cdev), 0);
			for (unsigned int id = 0; id < 4; id++)
				assert_int_equal(rd(id), 0);
			assert_int_equal(nf.writes + nf.erases, 0);
		}
	}
}

static void test_flash_counter_reads_back_advanced_value_after_reboot(void **state)
{
	(void)state;
	setup_flash(256, 2, 8, 0xff, 4);
	adv(2, 7);
	adv(2, 8);
	adv(0, 1);
	assert_int_equal(counter_init(&cdev), 0);
	assert_int_equal(rd(0), 1);
	assert_int_equal(rd(1), 0);
	assert_int_equal(rd(2), 8);
	assert_int_equal(rd(3), 0);
	adv(3, UINT32_MAX);
	assert_int_equal(rd(3), UINT32_MAX);
}

static void test_flash_counter_lower_or_equal_advance_writes_nothing(void **state)
{
	unsigned int before;

	(void)state;
	setup_flash(256, 2, 4, 0x00, 2);
	assert_int_equal(counter_advance(&cdev, 0, 0), 0);
	assert_int_equal(nf.writes + nf.erases, 0);
	adv(1, 10);
	before = nf.writes + nf.erases;
	assert_int_equal(counter_advance(&cdev, 1, 10), 0);
	assert_int_equal(counter_advance(&cdev, 1, 9), 0);
	assert_int_equal(counter_advance(&cdev, 1, 0), 0);
	assert_int_equal(nf.writes + nf.erases, before);
	assert_int_equal(rd(1), 10);
}

static void test_flash_counter_rejects_ids_out_of_range(void **state)
{
	uint32_t v = 0;

	(void)state;
	setup_flash(256, 2, 8, 0xff, 3);
	assert_int_equal(counter_read(&cdev, 3, &v), -ERANGE);
	assert_int_equal(counter_read(&cdev, UINT32_MAX, &v), -ERANGE);
	assert_int_equal(counter_advance(&cdev, 3, 1), -ERANGE);
	assert_int_equal(counter_advance(&cdev, 255, 1), -ERANGE);
	assert_int_equal(nf.writes + nf.erases, 0);
}

static void test_flash_counter_refuses_bad_configuration(void **state)
{
	uint32_t v;

	(void)state;
	setup_flash(256, 1, 8, 0xff, 2);	/* one sector */
	assert_int_equal(counter_init(&cdev), -EINVAL);
	assert_int_equal(counter_advance(&cdev, 0, 1), -EINVAL);
	setup_flash(64, 4, 8, 0xff, 3);		/* 4 slots < 3 ids + header + 1 */
	assert_int_equal(counter_init(&cdev), -EINVAL);
	setup_flash(80, 4, 8, 0xff, 3);		/* 5 slots: enough */
	assert_int_equal(counter_init(&cdev), 0);
	setup_flash(256, 2, 8, 0xff, 0);
	assert_int_equal(counter_init(&cdev), -EINVAL);
	setup_flash(4096, 2, 8, 0xff, FLASH_COUNTER_MAX_IDS + 1);
	assert_int_equal(counter_init(&cdev), -EINVAL);
	setup_flash(256, 2, 64, 0xff, 1);	/* write size above 32 */
	assert_int_equal(counter_init(&cdev), -EINVAL);
	setup_flash(256, 2, 3, 0xff, 1);	/* sector 1 does not start on a write unit */
	assert_int_equal(counter_init(&cdev), -EINVAL);
	setup_flash(255, 2, 3, 0xff, 1);	/* odd sizes that fit: 18-byte slots */
	adv(0, 1);
	assert_int_equal(counter_init(&cdev), 0);
	setup_flash(256, 3, 8, 0xff, 1);	/* area not on sector boundaries */
	nf.area.off = 128;
	nf.area.size = 512;
	assert_int_equal(counter_init(&cdev), -EINVAL);
	assert_int_equal(counter_read(&cdev, 0, &v), -EINVAL);
	assert_int_equal(nf.writes + nf.erases, 0);
	nf.area.off = 0;
	nf.area.size = 768;
	for (unsigned int i = 1; i <= 100; i++)
		adv(0, i);
	assert_int_equal(rd(0), 100);
}

/* ---------------------------------------------------------------------------------------
 * Flash counter: compaction, layout, geometry
 */

/* 2,000 round-robin advances of 4 ids, every value checked; many compactions. */
static void many_advances(uint8_t ws, uint8_t erased)
{
	uint32_t model[4] = { 0 };

	setup_flash(256, 2, ws, erased, 4);
	for (unsigned int i = 0; i < 2000; i++) {
		unsigned int id = (i * 5 + i / 7) % 4;

		model[id] += 1 + i % 3;
		adv(id, model[id]);
		assert_int_equal(rd(id), model[id]);
		if (i % 97 == 0)
			for (unsigned int j = 0; j < 4; j++)
				assert_int_equal(rd(j), model[j]);
	}
	assert_true(nf.erases > 2000 / (256 / slot_size(ws)));
	for (unsigned int j = 0; j < 4; j++)
		assert_int_equal(rd(j), model[j]);
}

static void test_flash_counter_compacts_across_many_advances(void **state)
{
	(void)state;
	for (size_t w = 0; w < sizeof(write_sizes); w++)
		for (size_t e = 0; e < sizeof(erased_vals); e++)
			many_advances(write_sizes[w], erased_vals[e]);
}

static void test_flash_counter_record_layout_matches_documentation(void **state)
{
	struct doc_entry e;

	(void)state;
	for (size_t w = 0; w < sizeof(write_sizes); w++) {
		uint8_t ws = write_sizes[w];
		uint32_t slot = slot_size(ws);

		setup_flash(256, 2, ws, 0xff, 2);
		adv(1, 0x12345678);	/* formats sector 0: record in slot 1, header in slot 0 */
		adv(0, 3);		/* appended in slot 2 */
		assert_true(doc_decode(nf.mem, &e));
		assert_int_equal(e.kind, 'H');
		assert_int_equal(e.arg, 1);
		assert_int_equal(e.value, slot);
		assert_int_equal(e.gen, 1);
		assert_true(doc_decode(nf.mem + slot, &e));
		assert_int_equal(e.kind, 'V');
		assert_int_equal(e.arg, 1);
		assert_int_equal(e.value, 0x12345678);
		assert_int_equal(e.gen, 1);
		assert_true(doc_decode(nf.mem + 2 * slot, &e));
		assert_int_equal(e.arg, 0);
		assert_int_equal(e.value, 3);
		for (uint32_t i = 16; i < slot; i++)	/* padding stays erased */
			assert_int_equal(nf.mem[slot + i], 0xff);
	}
	assert_int_equal(doc_crc32((const uint8_t *)"123456789", 9), 0xcbf43926);
}

static void test_flash_counter_reads_highest_record_of_documented_format(void **state)
{
	uint8_t *s1;

	(void)state;
	setup_flash(256, 2, 8, 0x00, 2);
	s1 = nf.mem + 256;
	doc_encode(s1 + 16, 16, 0x00, 'V', 0, 40, 7);
	doc_encode(s1 + 32, 16, 0x00, 'V', 0, 30, 7);	/* lower: the highest counts */
	doc_encode(s1 + 48, 16, 0x00, 'V', 1, 99, 6);	/* other generation: ignored */
	doc_encode(s1 + 64, 16, 0x00, 'V', 5, 99, 7);	/* id past nr_counters: ignored */
	doc_encode(s1, 16, 0x00, 'H', 1, 16, 7);
	doc_encode(nf.mem, 16, 0x00, 'H', 1, 16, 6);	/* older sector */
	doc_encode(nf.mem + 16, 16, 0x00, 'V', 1, 50, 6);
	assert_int_equal(rd(0), 40);
	assert_int_equal(rd(1), 0);
	adv(1, 2);
	assert_true(doc_decode(s1 + 80, &(struct doc_entry){ 0 }));	/* after the last used */
}

static void test_flash_counter_refuses_header_of_other_slot_size(void **state)
{
	uint32_t v;

	(void)state;
	setup_flash(256, 2, 8, 0xff, 2);
	adv(0, 5);
	nf.dev.geo.write_size = 32;	/* the board changed: slots would be 32 bytes */
	assert_int_equal(counter_read(&cdev, 0, &v), -EIO);
	assert_int_equal(counter_advance(&cdev, 0, 6), -EIO);
	assert_int_equal(counter_init(&cdev), -EIO);
	nf.dev.geo.write_size = 8;
	assert_int_equal(rd(0), 5);
}

static void test_flash_counter_returns_enospc_when_generations_run_out(void **state)
{
	uint32_t v;

	(void)state;
	setup_flash(256, 2, 16, 0xff, 1);
	doc_encode(nf.mem, 16, 0xff, 'H', 1, 16, UINT32_MAX);
	for (uint32_t i = 1; i < 16; i++)
		doc_encode(nf.mem + 16 * i, 16, 0xff, 'V', 0, i, UINT32_MAX);
	assert_int_equal(rd(0), 15);
	assert_int_equal(counter_advance(&cdev, 0, 16), -ENOSPC);
	assert_int_equal(counter_read(&cdev, 0, &v), 0);
	assert_int_equal(v, 15);
}

/* Junk (a torn erase of any shape) in sectors that are not active changes nothing. */
static void test_flash_counter_ignores_junk_in_inactive_sectors(void **state)
{
	uint32_t model[3] = { 0 };

	(void)state;
	srand(1);
	setup_flash(256, 3, 8, 0xff, 3);
	for (unsigned int i = 0; i < 300; i++) {
		unsigned int id = i % 3;
		uint32_t active = 0;

		model[id] += 2;
		adv(id, model[id]);
		/* scribble over every sector but the newest */
		for (uint32_t s = 0; s < 3; s++) {
			struct doc_entry e;

			if (doc_decode(nf.mem + 256 * s, &e) && e.gen > active)
				active = e.gen;
		}
		for (uint32_t s = 0; s < 3; s++) {
			struct doc_entry e;

			if (!doc_decode(nf.mem + 256 * s, &e) || e.gen != active)
				for (uint32_t b = 16; b < 256; b++)
					nf.mem[256 * s + b] = (uint8_t)rand();
		}
		for (unsigned int j = 0; j < 3; j++)
			assert_int_equal(rd(j), model[j]);
	}
}

/* A torn record is skipped: never read, never programmed again, the next one goes after. */
static void test_flash_counter_skips_torn_record_and_appends_after_it(void **state)
{
	struct nor_cut cut = { .when = NOR_CUT_TEAR, .keep = 9, .half = true };
	struct doc_entry e;

	(void)state;
	setup_flash(256, 2, 1, 0xff, 2);
	adv(0, 1);			/* erase, record, header: ops 1..3 */
	cut.at = nf.ops + 1;
	nor_flash_cut(&nf, &cut);
	assert_int_equal(counter_advance(&cdev, 0, 0x0a0b0c0d), -EIO);
	nor_flash_reboot(&nf);
	assert_false(doc_decode(nf.mem + 32, &e));
	assert_int_equal(rd(0), 1);
	adv(0, 2);
	assert_true(doc_decode(nf.mem + 48, &e));
	assert_int_equal(e.value, 2);
	assert_int_equal(rd(0), 2);
}

static void test_flash_counter_mixed_sector_map_rotates_through_every_sector(void **state)
{
	static const uint32_t starts[] = { 256, 768, 1024 };
	uint32_t v = 0;

	(void)state;
	for (size_t w = 0; w < sizeof(write_sizes); w++) {
		for (size_t e = 0; e < sizeof(erased_vals); e++) {
			uint32_t gens[3];

			setup_mixed(write_sizes[w], erased_vals[e], 2);
			assert_int_equal(counter_init(&cdev), 0);
			for (unsigned int i = 0; i < 400; i++) {
				adv(i % 2, ++v);
				assert_int_equal(rd(i % 2), v);
			}
			/* each sector holds a committed header, of distinct generations */
			for (size_t s = 0; s < 3; s++) {
				struct doc_entry d;

				assert_true(doc_decode(nf.mem + starts[s], &d));
				gens[s] = d.gen;
			}
			assert_true(gens[0] != gens[1] && gens[1] != gens[2] && gens[0] != gens[2]);
			/* the sector outside the area is never touched */
			for (uint32_t b = 0; b < 256; b++)
				assert_int_equal(nf.mem[b], erased_vals[e]);
		}
	}
}

/*
 * The wear figure of the documentation: with n live counters a sector of S bytes serves
 * S / slot - n advances per erase.
 */
static void test_flash_counter_erases_once_per_sector_of_advances(void **state)
{
	unsigned int erases;

	(void)state;
	setup_flash(4096, 2, 8, 0xff, 4);
	for (unsigned int id = 0; id < 4; id++)
		adv(id, 1);
	for (uint32_t v = 2; v < 2000; v++)	/* steady state */
		adv(v % 4, v);
	erases = nf.erases;
	for (uint32_t v = 2000; v < 2000 + 10 * (4096 / 16 - 4); v++)
		adv(v % 4, v);
	assert_int_equal(nf.erases - erases, 10);
}

/* ---------------------------------------------------------------------------------------
 * Power cuts. A scenario replays a list of advances on a blank device with cuts armed one
 * after the other; after each cut it "reboots" (init, read every counter twice) and checks
 * that every counter reads its value from before the interrupted advance or the value
 * that advance asked for, and never less than any read returned before; then it carries on
 * from the interrupted advance. At the end every counter must read what the list says and
 * advance once more.
 */

struct step {
	uint8_t id;
	uint32_t val;
};

#define MAX_STEPS 80
#define MAX_IDS 4

struct sequence {
	void (*setup)(void);	/* a blank device and cdev */
	const struct step *steps;
	size_t nr_steps;
	unsigned int nr_ids;
};

static unsigned long scenarios;

static void check_after_cut(const struct sequence *sq, const struct step *st,
			    const uint32_t *model, uint32_t *seen)
{
	assert_int_equal(counter_init(&cdev), 0);
	for (unsigned int id = 0; id < sq->nr_ids; id++) {
		uint32_t v = rd(id), hi = id == st->id ? MAX(model[id], st->val) : model[id];

		if (v != model[id] && v != hi)
			fail_msg("counter %u reads %u after a cut in advance(%u, %u) from %u "
				 "(op %u: %s at 0x%x len %zu)", id, v, st->id, st->val, model[id],
				 nf.cut.at, nf.cut_op.erase ? "erase" : "write", nf.cut_op.off,
				 nf.cut_op.len);
		assert_true(v >= seen[id]);
		assert_int_equal(rd(id), v);
		seen[id] = v;
	}
}

/* Run steps from *i on; returns true if a cut stopped it (then *i is the cut step). */
static bool run_steps(const struct sequence *sq, size_t *i, uint32_t *model, uint32_t *seen)
{
	for (; *i < sq->nr_steps; (*i)++) {
		const struct step *st = &sq->steps[*i];
		int rc = counter_advance(&cdev, st->id, st->val);

		if (rc == -EIO && nf.dead)
			return true;
		assert_int_equal(rc, 0);
		/* an acknowledged value counts as returned (the reads are in the other tests) */
		model[st->id] = MAX(model[st->id], st->val);
		seen[st->id] = MAX(seen[st->id], model[st->id]);
	}
	return false;
}

/*
 * One scenario: cuts[k].at counts ops from the moment cut k is armed (just after the
 * previous cut's reboot). Returns how many of the cuts happened.
 */
static size_t scenario(const struct sequence *sq, const struct nor_cut *cuts, size_t nr_cuts)
{
	uint32_t model[MAX_IDS] = { 0 }, seen[MAX_IDS] = { 0 };
	size_t i = 0, fired = 0;

	sq->setup();
	scenarios++;
	for (;;) {
		if (fired < nr_cuts) {
			struct nor_cut c = cuts[fired];

			c.at += nf.ops;
			nor_flash_cut(&nf, &c);
		}
		if (!run_steps(sq, &i, model, seen))
			break;
		fired++;
		nor_flash_reboot(&nf);
		check_after_cut(sq, &sq->steps[i], model, seen);
	}
	nor_flash_reboot(&nf);
	for (unsigned int id = 0; id < sq->nr_ids; id++) {
		assert_int_equal(rd(id), model[id]);
		if (model[id] < UINT32_MAX)
			adv(id, model[id] + 1);
	}
	return fired;
}

/*
 * Where to tear an op: a write after each of its bytes; an erase (hundreds of bytes) after
 * each of its first 40 bytes and then every 7th, 7 being prime to every slot size so that
 * every offset within a slot is still hit.
 */
static size_t next_keep(const struct nor_op *op, size_t keep)
{
	return op->erase && keep >= 40 ? keep + 7 : keep + 1;
}

/*
 * Every way a cut can hit op @at: before, after, and torn, with and without a half-done
 * byte after the bytes done. Returns false if the sequence has fewer ops than @at.
 */
static bool each_cut_at(const struct sequence *sq, unsigned int at)
{
	struct nor_cut cut = { .at = at, .when = NOR_CUT_BEFORE };
	struct nor_op op;

	if (scenario(sq, &cut, 1) < 1)
		return false;
	op = nf.cut_op;
	cut.when = NOR_CUT_AFTER;
	scenario(sq, &cut, 1);
	cut.when = NOR_CUT_TEAR;
	for (cut.keep = 0; cut.keep < op.len; cut.keep = next_keep(&op, cut.keep)) {
		for (int half = 0; half < 2; half++) {
			cut.half = half;
			if (cut.keep || half)
				scenario(sq, &cut, 1);
		}
	}
	return true;
}

static void cut_everywhere(const struct sequence *sq)
{
	unsigned int at = 1;

	while (each_cut_at(sq, at))
		at++;
	assert_true(at > 10);
}

/* After cut @first, a second one at each of the next 12 ops: before, after or torn. */
static void second_cuts(const struct sequence *sq, const struct nor_cut *first)
{
	static const enum nor_cut_when whens[] = { NOR_CUT_BEFORE, NOR_CUT_AFTER, NOR_CUT_TEAR };
	struct nor_cut two[2] = { *first };

	for (unsigned int at = 1; at <= 12; at++) {
		for (size_t w = 0; w < ARRAY_SIZE(whens); w++) {
			two[1] = (struct nor_cut){ .at = at, .when = whens[w], .keep = 7,
						   .half = true };
			if (scenario(sq, two, 2) < 2)
				return;
		}
	}
}

static struct step steps[MAX_STEPS];

/* @n advances over 3 ids, id 0 most often, values rising by 1..5, every 9th a no-op. */
static size_t make_steps(size_t n, uint32_t max)
{
	uint32_t v[3] = { 0 };

	assert_true(n <= MAX_STEPS);
	for (size_t i = 0; i < n; i++) {
		uint8_t id = i % 4 == 3 ? 0 : i % 3;

		if (i % 9 != 8)
			v[id] = MIN(v[id] + 1 + i % 5, max);
		steps[i] = (struct step){ id, i % 9 == 8 && v[id] ? v[id] - 1 : v[id] };
	}
	return n;
}

static void flash_3_ids(void)
{
	setup_flash(256, 2, cfg_ws, cfg_erased, 3);
}

static void mixed_3_ids(void)
{
	setup_mixed(cfg_ws, cfg_erased, 3);
}

static void otp_3_ids(void)
{
	setup_otp(64, 64, cfg_ws, cfg_erased, 3);
}

/* A blank device with @setup's configuration for cfg_ws and cfg_erased. */
static void blank(void (*setup)(void))
{
	static uint8_t ws, erased;

	if (ready == setup && ws == cfg_ws && erased == cfg_erased) {
		nor_flash_reset(&nf);
		return;
	}
	setup();
	ready = setup;
	ws = cfg_ws;
	erased = cfg_erased;
}

static void blank_flash(void)
{
	blank(flash_3_ids);
}

static void blank_mixed(void)
{
	blank(mixed_3_ids);
}

static void blank_otp(void)
{
	blank(otp_3_ids);
}

/* The flash sequences must cross at least two compactions after the first format. */
static void check_crosses_compactions(const struct sequence *sq)
{
	sq->setup();
	for (size_t i = 0; i < sq->nr_steps; i++)
		assert_int_equal(counter_advance(&cdev, sq->steps[i].id, sq->steps[i].val), 0);
	assert_true(nf.erases >= 3);
}

static void test_flash_counter_survives_power_cut_at_every_write_and_erase(void **state)
{
	struct sequence sq = { blank_flash, steps, make_steps(45, UINT32_MAX), 3 };

	(void)state;
	scenarios = 0;
	for (size_t w = 0; w < sizeof(write_sizes); w++) {
		for (size_t e = 0; e < sizeof(erased_vals); e++) {
			cfg_ws = write_sizes[w];
			cfg_erased = erased_vals[e];
			check_crosses_compactions(&sq);
			cut_everywhere(&sq);
		}
	}
	print_message("%lu power-cut scenarios\n", scenarios);
}

static void test_flash_counter_survives_power_cut_on_mixed_sector_map(void **state)
{
	struct sequence sq = { blank_mixed, steps, make_steps(65, UINT32_MAX), 3 };

	(void)state;
	scenarios = 0;
	for (size_t w = 0; w < sizeof(write_sizes); w += 2) {
		for (size_t e = 0; e < sizeof(erased_vals); e++) {
			cfg_ws = write_sizes[w];
			cfg_erased = erased_vals[e];
			check_crosses_compactions(&sq);
			cut_everywhere(&sq);
		}
	}
	print_message("%lu power-cut scenarios\n", scenarios);
}

static void test_flash_counter_survives_second_cut_while_recovering(void **state)
{
	struct sequence sq = { blank_flash, steps, make_steps(45, UINT32_MAX), 3 };
	struct nor_cut first;

	(void)state;
	scenarios = 0;
	cfg_ws = 8;
	cfg_erased = 0xff;
	for (unsigned int at = 1;; at++) {
		size_t len;

		first = (struct nor_cut){ .at = at, .when = NOR_CUT_BEFORE };
		if (scenario(&sq, &first, 1) < 1)
			break;
		len = nf.cut_op.len;
		second_cuts(&sq, &first);
		first.when = NOR_CUT_AFTER;
		second_cuts(&sq, &first);
		first = (struct nor_cut){ at, NOR_CUT_TEAR, len / 2, true };
		second_cuts(&sq, &first);
	}
	print_message("%lu double-cut scenarios\n", scenarios);
}

/* ---------------------------------------------------------------------------------------
 * OTP counter
 */

static void test_otp_counter_blank_fuses_read_zero(void **state)
{
	(void)state;
	for (size_t e = 0; e < sizeof(erased_vals); e++) {
		setup_otp(64, 32, 4, erased_vals[e], 4);
		assert_int_equal(counter_init(&cdev), 0);
		for (unsigned int id = 0; id < 4; id++)
			assert_int_equal(rd(id), 0);
		assert_int_equal(nf.writes, 0);
	}
}

static void test_otp_counter_value_is_run_of_programmed_bits_lsb_first(void **state)
{
	(void)state;
	setup_otp(20, 16, 4, 0xff, 3);	/* 3 bytes per counter, stride 4 */
	adv(0, 11);
	adv(1, 20);
	assert_int_equal(nf.mem[0], 0x00);
	assert_int_equal(nf.mem[1], 0xf8);
	assert_int_equal(nf.mem[2], 0xff);
	assert_int_equal(nf.mem[3], 0xff);
	assert_int_equal(nf.mem[4], 0x00);
	assert_int_equal(nf.mem[5], 0x00);
	assert_int_equal(nf.mem[6], 0xf0);	/* bits past bits_per_counter stay unprogrammed */
	assert_int_equal(nf.mem[7], 0xff);
	assert_int_equal(rd(0), 11);
	assert_int_equal(rd(1), 20);
	assert_int_equal(rd(2), 0);
	setup_otp(20, 16, 1, 0x00, 3);
	adv(0, 9);
	assert_int_equal(nf.mem[0], 0xff);
	assert_int_equal(nf.mem[1], 0x01);
	assert_int_equal(nf.mem[2], 0x00);
	assert_int_equal(nf.mem[3], 0x00);	/* counter 1 starts at byte 3 */
}

static void test_otp_counter_read_stops_at_first_unprogrammed_bit(void **state)
{
	(void)state;
	setup_otp(32, 8, 1, 0xff, 2);
	nf.mem[0] = 0xd8;	/* bits 0..2 and 5 programmed */
	assert_int_equal(rd(0), 3);
	nf.mem[0] = 0x00;
	nf.mem[1] = 0x00;
	nf.mem[2] = 0x00;
	nf.mem[3] = 0x00;
	assert_int_equal(rd(0), 32);
}

static void test_otp_counter_lower_or_equal_advance_writes_nothing(void **state)
{
	(void)state;
	setup_otp(64, 16, 4, 0xff, 2);
	adv(0, 5);
	nf.writes = 0;
	assert_int_equal(counter_advance(&cdev, 0, 5), 0);
	assert_int_equal(counter_advance(&cdev, 0, 1), 0);
	assert_int_equal(counter_advance(&cdev, 1, 0), 0);
	assert_int_equal(nf.writes, 0);
	assert_int_equal(rd(0), 5);
}

static void test_otp_counter_above_capacity_returns_enospc_and_keeps_value(void **state)
{
	(void)state;
	setup_otp(16, 4, 1, 0xff, 2);
	adv(0, 3);
	nf.writes = 0;
	assert_int_equal(counter_advance(&cdev, 0, 17), -ENOSPC);
	assert_int_equal(counter_advance(&cdev, 0, UINT32_MAX), -ENOSPC);
	assert_int_equal(nf.writes, 0);
	assert_int_equal(rd(0), 3);
	adv(0, 16);
	assert_int_equal(rd(0), 16);
	assert_int_equal(rd(1), 0);
	assert_int_equal(counter_advance(&cdev, 0, 17), -ENOSPC);
}

static void test_otp_counter_rejects_ids_out_of_range(void **state)
{
	uint32_t v;

	(void)state;
	setup_otp(16, 8, 1, 0xff, 2);
	assert_int_equal(counter_read(&cdev, 2, &v), -ERANGE);
	assert_int_equal(counter_advance(&cdev, 2, 1), -ERANGE);
	assert_int_equal(nf.writes, 0);
}

static void test_otp_counter_refuses_bad_configuration(void **state)
{
	(void)state;
	setup_otp(64, 31, 1, 0xff, 4);	/* 4 x 8 bytes do not fit */
	assert_int_equal(counter_init(&cdev), -EINVAL);
	setup_otp(8, 8, 4, 0xff, 3);	/* 3 x 4 bytes (one unit each) do not fit */
	assert_int_equal(counter_init(&cdev), -EINVAL);
	setup_otp(0, 8, 1, 0xff, 1);
	assert_int_equal(counter_init(&cdev), -EINVAL);
	setup_otp(8, 8, 1, 0xff, 0);
	assert_int_equal(counter_init(&cdev), -EINVAL);
	setup_otp(8, 128, 64, 0xff, 1);
	assert_int_equal(counter_init(&cdev), -EINVAL);
	setup_otp(8, 16, 4, 0xff, 2);	/* area not on a write unit */
	nf.area.off = 2;
	nf.area.size = 8;
	assert_int_equal(counter_init(&cdev), -EINVAL);
	setup_otp(64, 32, 1, 0xff, 4);
	assert_int_equal(counter_init(&cdev), 0);
}

static void test_otp_counter_has_no_erase(void **state)
{
	(void)state;
	setup_otp(64, 32, 4, 0xff, 4);
	assert_int_equal(flash_area_erase(&nf.area, 0, 32), -ENOSYS);
}

static void test_otp_counter_counts_to_capacity_for_every_write_size(void **state)
{
	static const uint8_t ws[] = { 1, 2, 4, 8, 16, 32 };

	(void)state;
	for (size_t w = 0; w < sizeof(ws); w++) {
		for (size_t e = 0; e < sizeof(erased_vals); e++) {
			uint32_t v0 = 0, v1 = 0;

			setup_otp(300, 256, ws[w], erased_vals[e], 2);
			while (v0 < 300) {
				v0 = MIN(v0 + 1 + v0 % 13, 300u);
				adv(0, v0);
				assert_int_equal(rd(0), v0);
				if (v1 < 300)
					adv(1, ++v1);
				assert_int_equal(rd(1), v1);
			}
			assert_int_equal(counter_advance(&cdev, 0, 301), -ENOSPC);
		}
	}
}

static void test_otp_counter_survives_power_cut_at_every_write(void **state)
{
	static const uint8_t ws[] = { 1, 4, 8 };
	struct sequence sq = { blank_otp, steps, make_steps(40, 64), 3 };

	(void)state;
	scenarios = 0;
	for (size_t w = 0; w < sizeof(ws); w++) {
		for (size_t e = 0; e < sizeof(erased_vals); e++) {
			cfg_ws = ws[w];
			cfg_erased = erased_vals[e];
			cut_everywhere(&sq);
		}
	}
	print_message("%lu power-cut scenarios\n", scenarios);
}

/*
 * The documented limit: fuses that a cut-off advance programmed above the commit bit stay
 * programmed, so a later, smaller advance reads up to that earlier target.
 */
static void test_otp_counter_later_advance_adopts_bits_of_cut_off_one(void **state)
{
	struct nor_cut cut = { .when = NOR_CUT_BEFORE };

	(void)state;
	setup_otp(32, 4, 1, 0xff, 1);
	adv(0, 3);
	/* advance(10) writes bytes 0 and 1 (bits 4..9), then byte 0 again (bit 3) */
	cut.at = nf.ops + 3;
	nor_flash_cut(&nf, &cut);
	assert_int_equal(counter_advance(&cdev, 0, 10), -EIO);
	nor_flash_reboot(&nf);
	assert_int_equal(rd(0), 3);
	adv(0, 5);
	assert_int_equal(rd(0), 10);
}

/* ---------------------------------------------------------------------------------------
 * Sandbox OTP file
 */

static struct flash_dev otp_file_dev = {
	.name = "otp0",
	.ops = &sandbox_otp_ops,
	.priv = &sandbox_otp0,
	.geo = { .size = 64, .sector_size = 64, .write_size = 1, .erased_val = 0xff },
};

static const struct flash_area otp_file_area = { "otp", &otp_file_dev, 0, 64 };

static char otp_path[] = "/tmp/rampart-otp-XXXXXX";

static void otp_file_open(void)
{
	int fd = mkstemp(otp_path);

	assert_true(fd >= 0);
	sandbox_otp0.fd = fd;
	sandbox_otp0.path = otp_path;
}

static void otp_file_close(void)
{
	close(sandbox_otp0.fd);
	sandbox_otp0.fd = -1;
}

static void test_sandbox_otp_programs_by_and_and_cannot_erase(void **state)
{
	uint8_t b[4];

	(void)state;
	otp_file_open();
	assert_int_equal(flash_init(&otp_file_dev), 0);
	assert_int_equal(flash_area_read(&otp_file_area, 60, b, 4), 0);
	assert_memory_equal(b, "\xff\xff\xff\xff", 4);
	assert_int_equal(flash_area_write(&otp_file_area, 61, "\xf0", 1), 0);
	assert_int_equal(flash_area_write(&otp_file_area, 61, "\x3c", 1), 0);
	assert_int_equal(flash_area_write(&otp_file_area, 61, "\xff", 1), 0);
	assert_int_equal(flash_area_read(&otp_file_area, 60, b, 4), 0);
	assert_memory_equal(b, "\xff\x30\xff\xff", 4);
	assert_int_equal(flash_area_read(&otp_file_area, 0, b, 4), 0);	/* no hole of 0x00 */
	assert_memory_equal(b, "\xff\xff\xff\xff", 4);
	assert_int_equal(flash_area_erase(&otp_file_area, 0, 64), -ENOSYS);
	otp_file_dev.geo.erased_val = 0x00;
	assert_int_equal(flash_init(&otp_file_dev), -EINVAL);
	otp_file_dev.geo.erased_val = 0xff;
	otp_file_close();
	unlink(otp_path);
}

static void test_otp_counter_on_sandbox_otp_file_persists(void **state)
{
	static struct otp_counter soc = { &otp_file_area, 64 };
	static const struct counter_dev sdev = { "otp", &otp_counter_ops, &soc, 4 };
	uint32_t v;

	(void)state;
	strcpy(otp_path, "/tmp/rampart-otp-XXXXXX");
	otp_file_open();
	assert_int_equal(counter_init(&sdev), 0);
	assert_int_equal(counter_advance(&sdev, 2, 33), 0);
	assert_int_equal(counter_advance(&sdev, 3, 64), 0);
	assert_int_equal(counter_advance(&sdev, 3, 65), -ENOSPC);
	otp_file_close();
	sandbox_otp0.fd = open(otp_path, O_RDWR);
	assert_true(sandbox_otp0.fd >= 0);
	assert_int_equal(counter_read(&sdev, 2, &v), 0);
	assert_int_equal(v, 33);
	assert_int_equal(counter_read(&sdev, 3, &v), 0);
	assert_int_equal(v, 64);
	assert_int_equal(counter_read(&sdev, 0, &v), 0);
	assert_int_equal(v, 0);
	otp_file_close();
	unlink(otp_path);
}

/* ---------------------------------------------------------------------------------------
 * The flash model's cut itself
 */

static void test_nor_flash_tear_leaves_prefix_and_half_programmed_byte(void **state)
{
	struct nor_cut cut = { .at = 1, .when = NOR_CUT_TEAR, .keep = 2, .half = true };
	uint8_t b[4];

	(void)state;
	nor_flash_init(&nf, 1024, 4, 0xff);
	nor_flash_cut(&nf, &cut);
	assert_int_equal(flash_area_write(&nf.area, 0, "\x11\x22\x0f\x44", 4), -EIO);
	assert_int_equal(flash_area_read(&nf.area, 0, b, 4), -EIO);
	nor_flash_reboot(&nf);
	assert_int_equal(flash_area_read(&nf.area, 0, b, 4), 0);
	assert_memory_equal(b, "\x11\x22\xcf\xff", 4);	/* bits 4, 5 of 0xf0 moved */
	assert_false(nf.cut_op.erase);
	assert_int_equal(nf.cut_op.len, 4);
	cut = (struct nor_cut){ .at = 2, .when = NOR_CUT_TEAR, .keep = 1, .half = true };
	nor_flash_cut(&nf, &cut);
	assert_int_equal(flash_area_erase(&nf.area, 0, 1024), -EIO);
	nor_flash_reboot(&nf);
	assert_int_equal(flash_area_read(&nf.area, 0, b, 4), 0);
	assert_memory_equal(b, "\xff\x2f\xcf\xff", 4);	/* bits 0, 2, 3 of 0xdd */
	assert_true(nf.cut_op.erase);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flash_counter_blank_area_reads_zero),
		cmocka_unit_test(test_flash_counter_reads_back_advanced_value_after_reboot),
		cmocka_unit_test(test_flash_counter_lower_or_equal_advance_writes_nothing),
		cmocka_unit_test(test_flash_counter_rejects_ids_out_of_range),
		cmocka_unit_test(test_flash_counter_refuses_bad_configuration),
		cmocka_unit_test(test_flash_counter_compacts_across_many_advances),
		cmocka_unit_test(test_flash_counter_record_layout_matches_documentation),
		cmocka_unit_test(test_flash_counter_reads_highest_record_of_documented_format),
		cmocka_unit_test(test_flash_counter_refuses_header_of_other_slot_size),
		cmocka_unit_test(test_flash_counter_returns_enospc_when_generations_run_out),
		cmocka_unit_test(test_flash_counter_ignores_junk_in_inactive_sectors),
		cmocka_unit_test(test_flash_counter_skips_torn_record_and_appends_after_it),
		cmocka_unit_test(test_flash_counter_mixed_sector_map_rotates_through_every_sector),
		cmocka_unit_test(test_flash_counter_erases_once_per_sector_of_advances),
		cmocka_unit_test(test_flash_counter_survives_power_cut_at_every_write_and_erase),
		cmocka_unit_test(test_flash_counter_survives_power_cut_on_mixed_sector_map),
		cmocka_unit_test(test_flash_counter_survives_second_cut_while_recovering),
		cmocka_unit_test(test_otp_counter_blank_fuses_read_zero),
		cmocka_unit_test(test_otp_counter_value_is_run_of_programmed_bits_lsb_first),
		cmocka_unit_test(test_otp_counter_read_stops_at_first_unprogrammed_bit),
		cmocka_unit_test(test_otp_counter_lower_or_equal_advance_writes_nothing),
		cmocka_unit_test(test_otp_counter_above_capacity_returns_enospc_and_keeps_value),
		cmocka_unit_test(test_otp_counter_rejects_ids_out_of_range),
		cmocka_unit_test(test_otp_counter_refuses_bad_configuration),
		cmocka_unit_test(test_otp_counter_has_no_erase),
		cmocka_unit_test(test_otp_counter_counts_to_capacity_for_every_write_size),
		cmocka_unit_test(test_otp_counter_survives_power_cut_at_every_write),
		cmocka_unit_test(test_otp_counter_later_advance_adopts_bits_of_cut_off_one),
		cmocka_unit_test(test_sandbox_otp_programs_by_and_and_cannot_erase),
		cmocka_unit_test(test_otp_counter_on_sandbox_otp_file_persists),
		cmocka_unit_test(test_nor_flash_tear_leaves_prefix_and_half_programmed_byte),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
