// SPDX-License-Identifier: Apache-2.0
/*
 * The upgrade engines that do not swap (boot/slots/overwrite.c, direct_xip.c, ram_load.c and
 * the choice they share, choose.c), driven through boot_go() as the bootloader runs them:
 * on the NOR flash model, with real images that rampart-img's own code signs at set-up time
 * (keys/demo-ecdsa-p256.pem), and lib/bootapi playing the application. Power is cut before,
 * after and in the middle of every flash operation; the loader then reboots until it
 * settles, and must end where the mode promises, with no slot left pending.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rampart/bootapi.h>
#include <rampart/compiler.h>
#include <rampart/console.h>
#include <rampart/errno.h>
#include <rampart/slots.h>

#include "nor_flash.h"
#include "scripts/rampart-img/rimg.h"

#define KEY SRCTREE "/keys/demo-ecdsa-p256.pem"
#define FLASH_SIZE 0x30000u
#define SECTOR 0x1000u
#define SLOT 0x10000u		/* image 0's slots */
#define SLOT1 0x8000u		/* image 1's slots */
#define ALIGN 8u
#define MMAP_BASE 0x08000000u	/* where the CPU sees the NOR device */
#define RAM_ADDR 0x20000000u
#define RAM_SIZE 0x10000u

/* ---- signed images -------------------------------------------------------------------- */

enum img_id { A1, A2, A3, A2_DEP, B1, B2, X2_PRI, X2_SEC, R1, R2, R_OUT, R_LOW, NR_IMG };

static const struct img_spec {
	const char *name, *version, *slot;
	uint32_t payload;
	const char *opt, *arg;	/* one extra rampart-img option, or NULL */
} specs[NR_IMG] = {
	[A1] = { "a1", "1.0.0", "0x10000", 9000, NULL, NULL },
	[A2] = { "a2", "2.0.0", "0x10000", 3000, NULL, NULL },
	[A3] = { "a3", "3.0.0", "0x10000", 3000, NULL, NULL },
	[A2_DEP] = { "a2-dep", "2.0.0", "0x10000", 3000, "-d", "(1,2.0.0)" },
	[B1] = { "b1", "1.0.0", "0x8000", 2000, NULL, NULL },
	[B2] = { "b2", "2.0.0", "0x8000", 2000, NULL, NULL },
	/* linked for the primary's and the secondary's CPU address */
	[X2_PRI] = { "x2-pri", "2.0.0", "0x10000", 3000, "--rom-fixed", "0x08000000" },
	[X2_SEC] = { "x2-sec", "2.0.0", "0x10000", 3000, "--rom-fixed", "0x08010000" },
	[R1] = { "r1", "1.0.0", "0x10000", 3000, "--load-addr", "0x20000000" },
	[R2] = { "r2", "2.0.0", "0x10000", 3000, "--load-addr", "0x20008000" },
	/* 9 KiB at offset 0xf000 of a 64 KiB window: runs past its end */
	[R_OUT] = { "r-out", "3.0.0", "0x10000", 9000, "--load-addr", "0x2000f000" },
	/* starts 4 KiB below the window and would end inside it */
	[R_LOW] = { "r-low", "3.0.0", "0x10000", 3000, "--load-addr", "0x1ffff000" },
};

struct img {
	uint8_t *data;
	size_t len;
};

static struct img img[NR_IMG];
static char tmpdir[PATH_MAX];
static struct rimg_key key;
static struct trusted_key tkey;
static const struct keyring keyring = { &tkey, 1 };

/* Run rampart-img in-process, its output into tmpdir/tool.log. Returns its exit code. */
static int tool(char **argv, int argc)
{
	char log[PATH_MAX + 16];
	int rc, out, err, fd;

	snprintf(log, sizeof(log), "%s/tool.log", tmpdir);
	fflush(stdout);
	fflush(stderr);
	fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
	out = dup(1);
	err = dup(2);
	if (fd < 0 || out < 0 || err < 0)
		return -1;
	dup2(fd, 1);
	dup2(fd, 2);
	rc = rimg_main(argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(out, 1);
	dup2(err, 2);
	close(out);
	close(err);
	close(fd);
	return rc;
}

/* A payload of @len pseudo-random bytes, different for each image. */
static int write_payload(const char *path, uint32_t len, uint32_t seed)
{
	uint8_t *p = malloc(len);
	uint32_t x = seed * 2654435761u + 1;
	int rc;

	if (!p)
		return -1;
	for (uint32_t i = 0; i < len; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		p[i] = (uint8_t)x;
	}
	rc = rimg_write_file(path, p, len, false);
	free(p);
	return rc;
}

static int make_image(enum img_id id)
{
	const struct img_spec *s = &specs[id];
	char in[PATH_MAX + 32], out[PATH_MAX + 32];
	char *argv[20] = { "rampart-img", "sign", "-k", KEY, "-v", (char *)s->version,
			   "-H", "0x100", "--pad-header", "-S", (char *)s->slot, "--align", "8" };
	int argc = 13;

	snprintf(in, sizeof(in), "%s/%s.raw", tmpdir, s->name);
	snprintf(out, sizeof(out), "%s/%s.bin", tmpdir, s->name);
	if (write_payload(in, s->payload, id + 1))
		return -1;
	if (s->opt) {
		argv[argc++] = (char *)s->opt;
		argv[argc++] = (char *)s->arg;
	}
	argv[argc++] = in;
	argv[argc++] = out;
	if (tool(argv, argc)) {
		fprintf(stderr, "signing %s failed: see %s/tool.log\n", s->name, tmpdir);
		return -1;
	}
	return rimg_read_file(out, &img[id].data, &img[id].len);
}

/* ---- the log ---------------------------------------------------------------------------- */

static char logbuf[32768];
static size_t loglen;

/* The bootloader's log: kept for logged(); echoed with TEST_VERBOSE=1. */
void log_msg(int level, const char *fmt, ...)
{
	char line[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (getenv("TEST_VERBOSE"))
		fprintf(stderr, "%c: %s\n", "?EWID"[level >= 0 && level < 5 ? level : 0], line);
	n = MIN(n, (int)sizeof(line) - 1);
	if (loglen + (size_t)n + 2 > sizeof(logbuf))
		loglen = 0;
	memcpy(logbuf + loglen, line, (size_t)n);
	loglen += (size_t)n;
	logbuf[loglen++] = '\n';
	logbuf[loglen] = '\0';
}

static bool logged(const char *s)
{
	return strstr(logbuf, s) != NULL;
}

/* ---- the device ------------------------------------------------------------------------ */

static struct nor_flash nor;
static struct flash_area area[2][2];	/* [pair][primary, secondary] */
static struct boot_pair pairs[2];

#define P0 (&area[0][0])
#define S0 (&area[0][1])
#define P1 (&area[1][0])
#define S1 (&area[1][1])

/* RAM behind drivers/flash/ram.c; a write can flip one bit of it, as failing RAM would. */
static uint8_t ram_buf[RAM_SIZE];
static uint32_t ram_bad_byte;		/* offset in the window, or UINT32_MAX */
static struct flash_ops ram_ops;

static int faulty_ram_write(const struct flash_dev *dev, uint32_t off, const void *buf,
			    size_t len)
{
	int rc = ram_flash_ops.write(dev, off, buf, len);

	if (!rc && ram_bad_byte >= off && ram_bad_byte - off < len)
		ram_buf[ram_bad_byte] ^= 0x10;
	return rc;
}

static const struct flash_dev ram_dev = {
	.name = "ram",
	.ops = &ram_ops,
	.geo = { .size = RAM_SIZE, .sector_size = SECTOR, .write_size = 1, .erased_val = 0xff },
	.mapped = true,
	.mmap_base = (uintptr_t)ram_buf,
};

static const struct flash_area ram_area = { "ram-load", &ram_dev, 0, RAM_SIZE };

static struct boot_env env;
static struct pair_state st[2];
static uint8_t copy_buf[256];
static bool downgrade_prevention;

static int fresh(void **state)
{
	(void)state;
	nor_flash_init(&nor, FLASH_SIZE, 8, 0xff);
	nor.dev.geo.sector_size = SECTOR;
	nor.dev.mapped = true;
	nor.dev.mmap_base = MMAP_BASE;
	area[0][0] = (struct flash_area){ "image0-primary", &nor.dev, 0x00000, SLOT };
	area[0][1] = (struct flash_area){ "image0-secondary", &nor.dev, 0x10000, SLOT };
	area[1][0] = (struct flash_area){ "image1-primary", &nor.dev, 0x20000, SLOT1 };
	area[1][1] = (struct flash_area){ "image1-secondary", &nor.dev, 0x28000, SLOT1 };
	pairs[0] = (struct boot_pair){ 0, P0, S0 };
	pairs[1] = (struct boot_pair){ 1, P1, S1 };
	memset(ram_buf, 0x5a, sizeof(ram_buf));
	ram_bad_byte = UINT32_MAX;
	downgrade_prevention = false;
	return 0;
}

static int boot(const struct upgrade_engine *e, unsigned int nr_pairs)
{
	env = (struct boot_env){
		.engine = e,
		.pairs = pairs,
		.nr_pairs = nr_pairs,
		.align = ALIGN,
		.max_sectors = 128,
		.keys = &keyring,
		.downgrade_prevention = downgrade_prevention,
		.ram_addr = RAM_ADDR,
		.ram_size = RAM_SIZE,
		.ram_area = &ram_area,
		.buf = copy_buf,
		.buf_len = sizeof(copy_buf),
	};
	loglen = 0;
	logbuf[0] = '\0';
	return boot_go(&env, st);
}

static void expect_run_of(const struct pair_state *ps, int rc, enum boot_slot slot,
			  const char *version)
{
	char v[IMAGE_VERSION_STR_MAX];

	if (rc || ps->run != slot)
		fprintf(stderr, "boot log:\n%s", logbuf);
	assert_int_equal(rc, 0);
	assert_int_equal(ps->run, slot);
	assert_string_equal(image_version_str(&ps->info.version, v, sizeof(v)), version);
	assert_true(verdict_is_ok(ps->verdict));
}

/* Pair 0 runs @version from @slot. */
static void expect_run(int rc, enum boot_slot slot, const char *version)
{
	expect_run_of(&st[0], rc, slot, version);
}

/* Boot and check that nothing was written or erased. */
static void boot_writes_nothing(const struct upgrade_engine *e, enum boot_slot slot,
				const char *version)
{
	unsigned int ops = nor.ops;

	expect_run(boot(e, 1), slot, version);
	assert_int_equal(nor.ops, ops);
}

static void put(const struct flash_area *fa, enum img_id id)
{
	assert_int_equal(bootapi_write_image(fa, img[id].data, img[id].len, NULL, NULL), 0);
}

static void request(const struct flash_area *fa, bool permanent)
{
	assert_int_equal(bootapi_request_upgrade(fa, permanent), 0);
}

/* A trailer as imgtool --confirm writes it. */
static void confirmed(const struct flash_area *fa)
{
	assert_int_equal(trailer_write_magic(fa, ALIGN), 0);
	assert_int_equal(trailer_write_image_ok(fa, ALIGN), 0);
}

static struct trailer trailer(const struct flash_area *fa)
{
	struct trailer t;

	assert_int_equal(trailer_read(fa, ALIGN, &t), 0);
	return t;
}

static bool holds(const struct flash_area *fa, enum img_id id)
{
	return !memcmp(nor.mem + fa->off, img[id].data, img[id].len);
}

static bool erased(const uint8_t *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (p[i] != 0xff)
			return false;
	return true;
}

static bool header_erased(const struct flash_area *fa)
{
	return erased(nor.mem + fa->off, 32);
}

/* Nothing pending for the next boot, as an application (lib/bootapi) sees it. */
static void assert_not_pending(const struct flash_area *pri, const struct flash_area *sec)
{
	struct bootapi_state bs;

	assert_int_equal(bootapi_slot_state(pri, sec, &bs), 0);
	assert_int_equal(bs.pending, SWAP_TYPE_NONE);
	assert_int_not_equal(bs.secondary.magic, TRAILER_MAGIC_GOOD);
}

/* ---- power cuts ------------------------------------------------------------------------ */

static uint8_t snap[FLASH_SIZE];

static void save(void)
{
	memcpy(snap, nor.mem, FLASH_SIZE);
}

static void restore(void)
{
	nor_flash_reboot(&nor);
	memcpy(nor.mem, snap, FLASH_SIZE);
}

static const enum nor_cut_when cut_kinds[] = { NOR_CUT_BEFORE, NOR_CUT_AFTER, NOR_CUT_TEAR };

/*
 * One boot with power failing at its @n-th flash operation (from 1) as @when says; a torn
 * operation completes @keep bytes and half of the next. Power is back afterwards. Returns
 * whether the boot got that far; *len is the cut operation's length.
 */
static bool boot_cut(const struct upgrade_engine *e, unsigned int nr_pairs, unsigned int n,
		     enum nor_cut_when when, size_t keep, size_t *len)
{
	struct nor_cut c = {
		.at = nor.ops + n, .when = when, .keep = keep, .half = when == NOR_CUT_TEAR,
	};

	nor_flash_cut(&nor, &c);
	boot(e, nr_pairs);
	nor_flash_reboot(&nor);
	if (nor.cut_done && len)
		*len = nor.cut_op.len;
	return nor.cut_done;
}

/* Flash operations of one uncut boot from the saved state (which is then restored). */
static unsigned int ops_of_boot(const struct upgrade_engine *e, unsigned int nr_pairs)
{
	unsigned int ops = nor.ops;

	restore();
	boot(e, nr_pairs);
	ops = nor.ops - ops;
	restore();
	return ops;
}

/* ---- overwrite --------------------------------------------------------------------------- */

static void old_and_requested_new(bool permanent)
{
	put(P0, A1);
	put(S0, A2);
	request(S0, permanent);
}

/* After an upgrade: the new image runs with a finished trailer, nothing is left pending. */
static void assert_overwritten(const struct upgrade_engine *e)
{
	struct trailer t = trailer(P0);

	assert_true(holds(P0, A2));
	assert_int_equal(t.magic, TRAILER_MAGIC_GOOD);
	assert_int_not_equal(t.image_ok, TRAILER_FLAG_UNSET);
	assert_int_not_equal(t.copy_done, TRAILER_FLAG_UNSET);
	assert_not_pending(P0, S0);
	boot_writes_nothing(e, BOOT_SLOT_PRIMARY, "2.0.0+0");
}

static void overwrite_installs(const struct upgrade_engine *e, bool permanent)
{
	old_and_requested_new(permanent);
	expect_run(boot(e, 1), BOOT_SLOT_PRIMARY, "2.0.0+0");
	assert_true(st[0].confirmed);
	assert_true(logged(permanent ? "image 0: permanent upgrade requested" :
			   "image 0: test upgrade requested: carried out as permanent"));
	assert_true(logged("image 0: overwrite complete"));
	/* The secondary keeps its image; only the request is gone. */
	assert_true(holds(S0, A2));
	assert_int_equal(trailer(S0).magic, TRAILER_MAGIC_UNSET);
	assert_overwritten(e);
}

static void test_overwrite_installs_a_permanent_request(void **state)
{
	(void)state;
	overwrite_installs(&upgrade_overwrite, true);
}

static void test_overwrite_carries_out_a_test_request_as_permanent(void **state)
{
	(void)state;
	overwrite_installs(&upgrade_overwrite, false);
}

static void test_overwrite_fast_installs_a_request(void **state)
{
	(void)state;
	overwrite_installs(&upgrade_overwrite_fast, false);
}

/* A1 covers three sectors, A2 one: only the fast variant leaves A1's tail in place. */
static void overwrite_tail(const struct upgrade_engine *e, bool tail_kept)
{
	uint32_t lo = SECTOR, hi = (uint32_t)img[A1].len;

	old_and_requested_new(true);
	expect_run(boot(e, 1), BOOT_SLOT_PRIMARY, "2.0.0+0");
	if (tail_kept)
		assert_memory_equal(nor.mem + P0->off + lo, img[A1].data + lo, hi - lo);
	else
		assert_true(erased(nor.mem + P0->off + lo, SLOT - 2 * SECTOR));
}

static void test_overwrite_erases_the_whole_image_area(void **state)
{
	(void)state;
	overwrite_tail(&upgrade_overwrite, false);
}

static void test_overwrite_fast_erases_only_the_sectors_the_new_image_covers(void **state)
{
	(void)state;
	overwrite_tail(&upgrade_overwrite_fast, true);
}

static void test_overwrite_clears_a_request_whose_image_fails(void **state)
{
	(void)state;
	old_and_requested_new(true);
	nor.mem[S0->off + 0x400] ^= 0x01;	/* payload byte: hash mismatch */
	expect_run(boot(&upgrade_overwrite, 1), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(logged("image0-secondary: image refused: hash"));
	assert_true(logged("image 0: upgrade request cleared"));
	assert_true(holds(P0, A1));
	assert_not_pending(P0, S0);
	boot_writes_nothing(&upgrade_overwrite, BOOT_SLOT_PRIMARY, "1.0.0+0");
}

/* MCUboot's stuck slot: magic and image_ok over an erased header. */
static void test_overwrite_clears_a_stale_trailer_over_an_erased_slot(void **state)
{
	(void)state;
	put(P0, A1);
	request(S0, true);
	expect_run(boot(&upgrade_overwrite, 1), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(logged("image0-secondary: empty"));
	assert_not_pending(P0, S0);
}

static void test_overwrite_refuses_a_downgrade(void **state)
{
	(void)state;
	downgrade_prevention = true;
	put(P0, A2);
	put(S0, A1);
	request(S0, true);
	expect_run(boot(&upgrade_overwrite, 1), BOOT_SLOT_PRIMARY, "2.0.0+0");
	assert_true(logged("downgrade from 2.0.0+0 to 1.0.0+0 refused"));
	assert_true(holds(P0, A2));
	assert_not_pending(P0, S0);
}

static void test_overwrite_clears_a_request_for_the_installed_image_without_copying(void **state)
{
	unsigned int erases;

	(void)state;
	put(P0, A2);
	put(S0, A2);
	request(S0, true);
	erases = nor.erases;
	expect_run(boot(&upgrade_overwrite, 1), BOOT_SLOT_PRIMARY, "2.0.0+0");
	assert_true(logged("already installed"));
	assert_int_equal(nor.erases, erases + 1);	/* the secondary's trailer sector */
	assert_not_pending(P0, S0);
}

static void test_overwrite_refuses_a_layout_without_room_below_the_trailer(void **state)
{
	(void)state;
	area[0][0].size = SECTOR;
	assert_int_equal(boot(&upgrade_overwrite, 1), -EINVAL);
}

/* Right after a cut: the old image is intact, or the primary records the overwrite. */
static void assert_recoverable(void)
{
	struct trailer p = trailer(P0);

	assert_true(holds(S0, A2));
	if (p.copy_done != TRAILER_FLAG_UNSET) {
		assert_true(holds(P0, A2));
		return;
	}
	if (p.magic == TRAILER_MAGIC_GOOD && p.swap_type == SWAP_TYPE_PERM)
		return;
	assert_true(holds(P0, A1));
	assert_int_equal(trailer(S0).magic, TRAILER_MAGIC_GOOD);
}

static void overwrite_cut_everywhere(const struct upgrade_engine *e)
{
	unsigned int n, total, cuts = 0;
	size_t lens[256] = { 0 };

	old_and_requested_new(false);
	save();
	total = ops_of_boot(e, 1);
	assert_true(total > 6 && total < ARRAY_SIZE(lens));
	for (n = 1; n <= total; n++) {
		for (size_t k = 0; k < ARRAY_SIZE(cut_kinds); k++) {
			restore();
			assert_true(boot_cut(e, 1, n, cut_kinds[k], lens[n] / 2, &lens[n]));
			assert_recoverable();
			/* One boot finishes the job, whatever the cut left. */
			expect_run(boot(e, 1), BOOT_SLOT_PRIMARY, "2.0.0+0");
			assert_overwritten(e);
			cuts++;
		}
	}
	assert_int_equal(cuts, 3 * total);
}

static void test_overwrite_resumes_after_a_cut_at_every_operation(void **state)
{
	(void)state;
	overwrite_cut_everywhere(&upgrade_overwrite);
}

static void test_overwrite_fast_resumes_after_a_cut_at_every_operation(void **state)
{
	(void)state;
	overwrite_cut_everywhere(&upgrade_overwrite_fast);
}

/* A second cut anywhere in the recovery boot, after a first one anywhere in the upgrade. */
static void test_overwrite_survives_a_cut_during_its_recovery(void **state)
{
	static uint8_t after_first[FLASH_SIZE];
	const struct upgrade_engine *e = &upgrade_overwrite_fast;
	unsigned int n, m, total;

	(void)state;
	old_and_requested_new(true);
	save();
	total = ops_of_boot(e, 1);
	for (n = 1; n <= total; n++) {
		restore();
		assert_true(boot_cut(e, 1, n, NOR_CUT_AFTER, 0, NULL));
		memcpy(after_first, nor.mem, FLASH_SIZE);
		for (m = 1; ; m++) {
			memcpy(nor.mem, after_first, FLASH_SIZE);
			/* A recovery boot too short to reach op m ran uncut: check it too. */
			if (!boot_cut(e, 1, m, m % 2 ? NOR_CUT_TEAR : NOR_CUT_BEFORE, 0, NULL))
				break;
			expect_run(boot(e, 1), BOOT_SLOT_PRIMARY, "2.0.0+0");
			assert_overwritten(e);
		}
		assert_overwritten(e);
	}
}

/* The record in the primary suffices: the secondary's trailer is not needed to resume. */
static void test_overwrite_resumes_from_the_primary_trailer_alone(void **state)
{
	(void)state;
	old_and_requested_new(true);
	save();
	/* erase trailer, swap_size, swap_info, magic, erase data: cut after the data erase */
	assert_true(boot_cut(&upgrade_overwrite, 1, 5, NOR_CUT_AFTER, 0, NULL));
	assert_false(holds(P0, A1));
	assert_int_equal(flash_area_erase(S0, SLOT - SECTOR, SECTOR), 0);
	expect_run(boot(&upgrade_overwrite, 1), BOOT_SLOT_PRIMARY, "2.0.0+0");
	assert_true(logged("resuming the interrupted overwrite"));
	assert_overwritten(&upgrade_overwrite);
}

static void test_overwrite_drops_its_record_if_the_source_is_gone_before_the_erase(void **state)
{
	(void)state;
	old_and_requested_new(true);
	save();
	/* cut after the magic: the primary's image is still intact */
	assert_true(boot_cut(&upgrade_overwrite, 1, 4, NOR_CUT_AFTER, 0, NULL));
	assert_int_equal(trailer(P0).magic, TRAILER_MAGIC_GOOD);
	assert_int_equal(flash_area_erase(S0, 0, SLOT), 0);
	expect_run(boot(&upgrade_overwrite, 1), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(logged("overwrite record dropped"));
	assert_int_equal(trailer(P0).magic, TRAILER_MAGIC_UNSET);
	boot_writes_nothing(&upgrade_overwrite, BOOT_SLOT_PRIMARY, "1.0.0+0");
}

static void test_overwrite_finishes_with_a_new_image_if_the_source_went_bad(void **state)
{
	(void)state;
	old_and_requested_new(true);
	save();
	assert_true(boot_cut(&upgrade_overwrite, 1, 6, NOR_CUT_AFTER, 0, NULL));
	nor.mem[S0->off + 0x200] ^= 0x01;
	assert_int_equal(boot(&upgrade_overwrite, 1), -ENOENT);
	assert_true(logged("the interrupted overwrite cannot go on"));
	/* What recovery does: write a good image; no request is needed to finish. */
	put(S0, A3);
	expect_run(boot(&upgrade_overwrite, 1), BOOT_SLOT_PRIMARY, "3.0.0+0");
	assert_not_pending(P0, S0);
}

static void test_overwrite_postpones_an_upgrade_until_its_dependency_is_met(void **state)
{
	(void)state;
	put(P0, A1);
	put(S0, A2_DEP);
	request(S0, true);
	put(P1, B1);
	expect_run(boot(&upgrade_overwrite, 2), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(logged("upgrade postponed"));
	assert_int_equal(trailer(S0).magic, TRAILER_MAGIC_GOOD);
	put(S1, B2);
	request(S1, false);
	expect_run(boot(&upgrade_overwrite, 2), BOOT_SLOT_PRIMARY, "2.0.0+0");
	expect_run_of(&st[1], 0, BOOT_SLOT_PRIMARY, "2.0.0+0");
	assert_not_pending(P0, S0);
	assert_not_pending(P1, S1);
}

/* ---- direct XIP ------------------------------------------------------------------------- */

static void test_xip_runs_the_higher_version_from_either_slot(void **state)
{
	(void)state;
	put(P0, A1);
	put(S0, A2);
	boot_writes_nothing(&upgrade_direct_xip, BOOT_SLOT_SECONDARY, "2.0.0+0");
	assert_true(st[0].confirmed);
	put(P0, A3);
	boot_writes_nothing(&upgrade_direct_xip, BOOT_SLOT_PRIMARY, "3.0.0+0");
	put(S0, A3);
	boot_writes_nothing(&upgrade_direct_xip, BOOT_SLOT_PRIMARY, "3.0.0+0");
	put(P0, A1);
	nor.mem[S0->off + 0x300] ^= 0x01;
	boot_writes_nothing(&upgrade_direct_xip, BOOT_SLOT_PRIMARY, "1.0.0+0");
}

static void test_xip_ignores_requests_and_never_writes(void **state)
{
	(void)state;
	put(P0, A2);
	put(S0, A1);
	request(S0, false);
	boot_writes_nothing(&upgrade_direct_xip, BOOT_SLOT_PRIMARY, "2.0.0+0");
	boot_writes_nothing(&upgrade_direct_xip, BOOT_SLOT_PRIMARY, "2.0.0+0");
}

static void test_xip_refuses_a_rom_fixed_image_linked_for_the_other_slot(void **state)
{
	(void)state;
	put(P0, A1);
	put(S0, X2_PRI);
	expect_run(boot(&upgrade_direct_xip, 1), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(logged("image0-secondary: image refused: linked for 0x08000000 (ROM_FIXED), "
			   "the slot is at 0x08010000"));
	put(S0, X2_SEC);
	expect_run(boot(&upgrade_direct_xip, 1), BOOT_SLOT_SECONDARY, "2.0.0+0");
	put(P0, X2_PRI);
	expect_run(boot(&upgrade_direct_xip, 1), BOOT_SLOT_PRIMARY, "2.0.0+0");
	assert_false(logged("refused"));
}

static void test_xip_refuses_a_rom_fixed_image_in_an_unmapped_slot(void **state)
{
	(void)state;
	nor.dev.mapped = false;
	put(P0, A1);
	put(S0, X2_SEC);
	expect_run(boot(&upgrade_direct_xip, 1), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(logged("the slot is not memory-mapped"));
}

static void test_xip_refuses_an_image_built_for_ram_load(void **state)
{
	(void)state;
	put(P0, A1);
	put(S0, R2);
	expect_run(boot(&upgrade_direct_xip, 1), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(logged("built for RAM-load"));
}

static void test_xip_without_a_valid_image_runs_nothing(void **state)
{
	(void)state;
	assert_int_equal(boot(&upgrade_direct_xip, 1), -ENOENT);
	assert_int_equal(st[0].run, BOOT_SLOT_NONE);
	assert_false(verdict_is_ok(st[0].verdict));
}

static void test_xip_falls_back_when_a_dependency_is_not_met(void **state)
{
	(void)state;
	put(P0, A1);
	put(S0, A2_DEP);
	put(P1, B1);
	expect_run(boot(&upgrade_direct_xip, 2), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(logged("needs image 1 >= 2.0.0+0"));
	put(S1, B2);
	expect_run(boot(&upgrade_direct_xip, 2), BOOT_SLOT_SECONDARY, "2.0.0+0");
	expect_run_of(&st[1], 0, BOOT_SLOT_SECONDARY, "2.0.0+0");
}

/* ---- direct XIP with revert --------------------------------------------------------------- */

/* Confirmed 1.0.0 in the primary, a test of 2.0.0 requested in the secondary. */
static void confirmed_old_and_test_new(enum img_id old, enum img_id new)
{
	put(P0, old);
	confirmed(P0);
	put(S0, new);
	request(S0, false);
}

static void first_trial(const struct upgrade_engine *e, enum boot_slot slot)
{
	const struct flash_area *fa = slot == BOOT_SLOT_PRIMARY ? P0 : S0;

	expect_run(boot(e, 1), slot, "2.0.0+0");
	assert_false(st[0].confirmed);
	assert_int_equal(trailer(fa).copy_done, TRAILER_FLAG_SET);
	assert_int_equal(trailer(fa).image_ok, TRAILER_FLAG_UNSET);
	assert_true(logged("on trial"));
}

static void reverts_an_unconfirmed_trial(const struct upgrade_engine *e, enum img_id old,
					 enum img_id new)
{
	confirmed_old_and_test_new(old, new);
	first_trial(e, BOOT_SLOT_SECONDARY);
	expect_run(boot(e, 1), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(st[0].confirmed);
	assert_true(logged("image0-secondary: image 2.0.0+0 was tried and not confirmed"));
	assert_true(header_erased(S0));
	assert_int_equal(trailer(S0).magic, TRAILER_MAGIC_UNSET);
	assert_true(holds(P0, old));
	boot_writes_nothing(e, BOOT_SLOT_PRIMARY, "1.0.0+0");
}

static void test_xip_revert_erases_an_unconfirmed_trial_at_the_next_boot(void **state)
{
	(void)state;
	reverts_an_unconfirmed_trial(&upgrade_direct_xip_revert, A1, A2);
}

static void test_xip_revert_keeps_a_trial_that_confirmed_itself(void **state)
{
	const struct upgrade_engine *e = &upgrade_direct_xip_revert;

	(void)state;
	confirmed_old_and_test_new(A1, A2);
	first_trial(e, BOOT_SLOT_SECONDARY);
	/* the application confirms the slot it runs from */
	assert_int_equal(bootapi_confirm(S0), 0);
	boot_writes_nothing(e, BOOT_SLOT_SECONDARY, "2.0.0+0");
	assert_true(st[0].confirmed);
	assert_true(holds(P0, A1));
	boot_writes_nothing(e, BOOT_SLOT_SECONDARY, "2.0.0+0");
}

static void test_xip_revert_runs_a_permanent_request_without_a_trial(void **state)
{
	(void)state;
	put(P0, A1);
	confirmed(P0);
	put(S0, A2);
	request(S0, true);
	boot_writes_nothing(&upgrade_direct_xip_revert, BOOT_SLOT_SECONDARY, "2.0.0+0");
	assert_true(st[0].confirmed);
}

static void test_xip_revert_never_erases_an_image_without_a_trailer(void **state)
{
	const struct upgrade_engine *e = &upgrade_direct_xip_revert;

	(void)state;
	put(P0, A1);
	boot_writes_nothing(e, BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(st[0].confirmed);
	boot_writes_nothing(e, BOOT_SLOT_PRIMARY, "1.0.0+0");
	/* Two without a request: the newer one runs, as without revert. */
	put(S0, A2);
	boot_writes_nothing(e, BOOT_SLOT_SECONDARY, "2.0.0+0");
	assert_true(st[0].confirmed);
}

static void test_xip_revert_tries_a_request_before_an_image_without_a_trailer(void **state)
{
	const struct upgrade_engine *e = &upgrade_direct_xip_revert;

	(void)state;
	put(P0, A3);		/* a newer factory image without a trailer */
	put(S0, A2);
	request(S0, false);
	first_trial(e, BOOT_SLOT_SECONDARY);
	expect_run(boot(e, 1), BOOT_SLOT_PRIMARY, "3.0.0+0");
	assert_true(header_erased(S0));
	assert_not_pending(P0, S0);
}

static void test_xip_revert_never_erases_the_last_valid_image(void **state)
{
	const struct upgrade_engine *e = &upgrade_direct_xip_revert;

	(void)state;
	put(S0, A2);
	request(S0, false);
	first_trial(e, BOOT_SLOT_SECONDARY);
	boot_writes_nothing(e, BOOT_SLOT_SECONDARY, "2.0.0+0");
	assert_false(st[0].confirmed);
	assert_int_equal(bootapi_confirm(S0), 0);
	boot_writes_nothing(e, BOOT_SLOT_SECONDARY, "2.0.0+0");
	assert_true(st[0].confirmed);
}

static void test_xip_revert_clears_a_request_for_an_older_image(void **state)
{
	const struct upgrade_engine *e = &upgrade_direct_xip_revert;

	(void)state;
	put(P0, A2);
	confirmed(P0);
	put(S0, A1);
	request(S0, false);
	expect_run(boot(e, 1), BOOT_SLOT_PRIMARY, "2.0.0+0");
	assert_true(logged("not newer than the one that runs"));
	assert_true(holds(S0, A1));
	assert_not_pending(P0, S0);
	boot_writes_nothing(e, BOOT_SLOT_PRIMARY, "2.0.0+0");
}

static void test_xip_revert_clears_a_trailer_over_a_slot_without_a_valid_image(void **state)
{
	const struct upgrade_engine *e = &upgrade_direct_xip_revert;

	(void)state;
	put(P0, A1);
	request(S0, true);
	expect_run(boot(e, 1), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(logged("image0-secondary: no valid image under the trailer"));
	assert_not_pending(P0, S0);
	/* and over a refused image (linked for the other slot) */
	put(S0, X2_PRI);
	request(S0, false);
	expect_run(boot(e, 1), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_int_equal(trailer(S0).magic, TRAILER_MAGIC_UNSET);
}

static void test_xip_revert_postpones_a_trial_until_its_dependency_is_met(void **state)
{
	const struct upgrade_engine *e = &upgrade_direct_xip_revert;

	(void)state;
	confirmed_old_and_test_new(A1, A2_DEP);
	put(P1, B1);
	confirmed(P1);
	expect_run(boot(e, 2), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(logged("upgrade postponed"));
	/* neither marked nor cleared: it waits */
	assert_int_equal(trailer(S0).magic, TRAILER_MAGIC_GOOD);
	assert_int_equal(trailer(S0).copy_done, TRAILER_FLAG_UNSET);
	put(S1, B2);
	request(S1, false);
	expect_run(boot(e, 2), BOOT_SLOT_SECONDARY, "2.0.0+0");
	expect_run_of(&st[1], 0, BOOT_SLOT_SECONDARY, "2.0.0+0");
	assert_int_equal(trailer(S0).copy_done, TRAILER_FLAG_SET);
	assert_int_equal(trailer(S1).copy_done, TRAILER_FLAG_SET);
}

/*
 * A test upgrade that is never confirmed, cut at every operation of its two boots (the
 * trial mark, then the revert's two erases): every boot still runs a valid image, and within
 * three more boots the old one runs, untouched, with nothing pending.
 */
static void revert_cut_everywhere(const struct upgrade_engine *e, enum img_id old,
				  enum img_id new)
{
	unsigned int n, boots, first, total;
	size_t lens[16] = { 0 };

	confirmed_old_and_test_new(old, new);
	save();
	first = ops_of_boot(e, 1);
	boot(e, 1);
	total = nor.ops;
	boot(e, 1);
	total = first + nor.ops - total;
	/* the trial mark (one write); the revert (header sector, trailer sector) */
	assert_int_equal(first, 1);
	assert_int_equal(total, 3);
	for (n = 1; n <= total; n++) {
		for (size_t k = 0; k < ARRAY_SIZE(cut_kinds); k++) {
			unsigned int at = n;

			restore();
			if (n > first) {
				boot(e, 1);
				at = n - first;
			}
			assert_true(boot_cut(e, 1, at, cut_kinds[k], lens[n] / 2, &lens[n]));
			for (boots = 0; boots < 3; boots++) {
				int rc = boot(e, 1);

				assert_int_equal(rc, 0);
				if (st[0].run == BOOT_SLOT_PRIMARY)
					break;
				expect_run(rc, BOOT_SLOT_SECONDARY, "2.0.0+0");
			}
			expect_run(0, BOOT_SLOT_PRIMARY, "1.0.0+0");
			assert_true(holds(P0, old));
			assert_not_pending(P0, S0);
			/* the rejected image can never come back as a fallback */
			assert_true(header_erased(S0));
			boot_writes_nothing(e, BOOT_SLOT_PRIMARY, "1.0.0+0");
		}
	}
}

static void test_xip_revert_survives_a_cut_at_every_operation(void **state)
{
	(void)state;
	revert_cut_everywhere(&upgrade_direct_xip_revert, A1, A2);
}

/* ---- RAM load ------------------------------------------------------------------------------ */

static void test_ram_load_copies_the_newest_image_and_verifies_the_copy(void **state)
{
	(void)state;
	put(P0, R1);
	put(S0, R2);
	boot_writes_nothing(&upgrade_ram_load, BOOT_SLOT_SECONDARY, "2.0.0+0");
	assert_true(st[0].ram_loaded);
	assert_int_equal(st[0].ram_base, RAM_ADDR + 0x8000);
	assert_int_equal(st[0].info.load_addr, RAM_ADDR + 0x8000);
	assert_true(st[0].confirmed);
	assert_memory_equal(ram_buf + 0x8000, img[R2].data, img[R2].len);
	assert_true(logged("ram-load: image 2.0.0+0 verified"));
}

static void test_ram_load_refuses_a_load_range_outside_the_window(void **state)
{
	(void)state;
	put(P0, R1);
	put(S0, R_OUT);
	expect_run(boot(&upgrade_ram_load, 1), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(logged("bytes at 0x2000f000 do not fit the RAM-load window"));
	assert_int_equal(st[0].ram_base, RAM_ADDR);
	/* nothing was copied for the refused image */
	assert_int_equal(ram_buf[0xf000], 0x5a);
	put(S0, R_LOW);
	expect_run(boot(&upgrade_ram_load, 1), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(logged("at 0x1ffff000 do not fit the RAM-load window"));
}

static void test_ram_load_refuses_an_image_without_the_ram_load_flag(void **state)
{
	(void)state;
	put(P0, R1);
	put(S0, A3);
	expect_run(boot(&upgrade_ram_load, 1), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(logged("no RAM_LOAD flag"));
}

/* Bad RAM under the newest image: its copy fails verification; the other image runs. */
static void test_ram_load_runs_only_a_copy_that_verified_in_ram(void **state)
{
	(void)state;
	put(P0, R1);
	put(S0, R2);
	ram_bad_byte = 0x8000 + 0x400;
	expect_run(boot(&upgrade_ram_load, 1), BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_true(logged("ram-load: image refused: hash"));
	assert_true(logged("falling back to image0-primary"));
	assert_int_equal(st[0].ram_base, RAM_ADDR);
	/* with nothing to fall back to, nothing runs */
	assert_int_equal(flash_area_erase(P0, 0, SLOT), 0);
	assert_int_equal(boot(&upgrade_ram_load, 1), -ENOENT);
	assert_false(verdict_is_ok(st[0].verdict));
}

static void test_ram_load_refuses_two_pairs_and_a_missing_window(void **state)
{
	struct boot_env no_window;

	(void)state;
	assert_int_equal(boot(&upgrade_ram_load, 2), -EINVAL);
	assert_true(logged("one image pair only"));
	no_window = env;
	no_window.nr_pairs = 1;
	no_window.ram_area = NULL;
	assert_int_equal(boot_go(&no_window, st), -EINVAL);
}

static void test_ram_load_revert_erases_an_unconfirmed_trial_at_the_next_boot(void **state)
{
	(void)state;
	reverts_an_unconfirmed_trial(&upgrade_ram_load_revert, R1, R2);
	assert_int_equal(st[0].ram_base, RAM_ADDR);
}

static void test_ram_load_revert_keeps_a_trial_that_confirmed_itself(void **state)
{
	const struct upgrade_engine *e = &upgrade_ram_load_revert;

	(void)state;
	confirmed_old_and_test_new(R1, R2);
	first_trial(e, BOOT_SLOT_SECONDARY);
	assert_int_equal(bootapi_confirm(S0), 0);
	boot_writes_nothing(e, BOOT_SLOT_SECONDARY, "2.0.0+0");
	assert_true(st[0].confirmed);
	assert_true(st[0].ram_loaded);
}

/* A trial whose copy failed never ran: it is not marked, and stays requested. */
static void test_ram_load_revert_marks_a_trial_only_once_its_copy_verified(void **state)
{
	const struct upgrade_engine *e = &upgrade_ram_load_revert;

	(void)state;
	confirmed_old_and_test_new(R1, R2);
	ram_bad_byte = 0x8000 + 0x100;
	boot_writes_nothing(e, BOOT_SLOT_PRIMARY, "1.0.0+0");
	assert_int_equal(trailer(S0).copy_done, TRAILER_FLAG_UNSET);
	ram_bad_byte = UINT32_MAX;
	first_trial(e, BOOT_SLOT_SECONDARY);
}

static void test_ram_load_revert_survives_a_cut_at_every_operation(void **state)
{
	(void)state;
	revert_cut_everywhere(&upgrade_ram_load_revert, R1, R2);
}

/* ---- fixtures ------------------------------------------------------------------------------- */

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/test_upgrade_modes.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(tmpdir) || rimg_key_load(&key, KEY))
		return -1;
	rimg_key_trusted(&key, &tkey);
	for (int i = 0; i < NR_IMG; i++)
		if (make_image((enum img_id)i))
			return -1;
	ram_ops = ram_flash_ops;
	ram_ops.write = faulty_ram_write;
	return 0;
}

static int teardown(void **state)
{
	char cmd[PATH_MAX + 16];

	(void)state;
	for (int i = 0; i < NR_IMG; i++)
		free(img[i].data);
	rimg_key_free(&key);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) ? -1 : 0;
}

#define T(f) cmocka_unit_test_setup(f, fresh)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_overwrite_installs_a_permanent_request),
		T(test_overwrite_carries_out_a_test_request_as_permanent),
		T(test_overwrite_fast_installs_a_request),
		T(test_overwrite_erases_the_whole_image_area),
		T(test_overwrite_fast_erases_only_the_sectors_the_new_image_covers),
		T(test_overwrite_clears_a_request_whose_image_fails),
		T(test_overwrite_clears_a_stale_trailer_over_an_erased_slot),
		T(test_overwrite_refuses_a_downgrade),
		T(test_overwrite_clears_a_request_for_the_installed_image_without_copying),
		T(test_overwrite_refuses_a_layout_without_room_below_the_trailer),
		T(test_overwrite_resumes_after_a_cut_at_every_operation),
		T(test_overwrite_fast_resumes_after_a_cut_at_every_operation),
		T(test_overwrite_survives_a_cut_during_its_recovery),
		T(test_overwrite_resumes_from_the_primary_trailer_alone),
		T(test_overwrite_drops_its_record_if_the_source_is_gone_before_the_erase),
		T(test_overwrite_finishes_with_a_new_image_if_the_source_went_bad),
		T(test_overwrite_postpones_an_upgrade_until_its_dependency_is_met),
		T(test_xip_runs_the_higher_version_from_either_slot),
		T(test_xip_ignores_requests_and_never_writes),
		T(test_xip_refuses_a_rom_fixed_image_linked_for_the_other_slot),
		T(test_xip_refuses_a_rom_fixed_image_in_an_unmapped_slot),
		T(test_xip_refuses_an_image_built_for_ram_load),
		T(test_xip_without_a_valid_image_runs_nothing),
		T(test_xip_falls_back_when_a_dependency_is_not_met),
		T(test_xip_revert_erases_an_unconfirmed_trial_at_the_next_boot),
		T(test_xip_revert_keeps_a_trial_that_confirmed_itself),
		T(test_xip_revert_runs_a_permanent_request_without_a_trial),
		T(test_xip_revert_never_erases_an_image_without_a_trailer),
		T(test_xip_revert_tries_a_request_before_an_image_without_a_trailer),
		T(test_xip_revert_never_erases_the_last_valid_image),
		T(test_xip_revert_clears_a_request_for_an_older_image),
		T(test_xip_revert_clears_a_trailer_over_a_slot_without_a_valid_image),
		T(test_xip_revert_postpones_a_trial_until_its_dependency_is_met),
		T(test_xip_revert_survives_a_cut_at_every_operation),
		T(test_ram_load_copies_the_newest_image_and_verifies_the_copy),
		T(test_ram_load_refuses_a_load_range_outside_the_window),
		T(test_ram_load_refuses_an_image_without_the_ram_load_flag),
		T(test_ram_load_runs_only_a_copy_that_verified_in_ram),
		T(test_ram_load_refuses_two_pairs_and_a_missing_window),
		T(test_ram_load_revert_erases_an_unconfirmed_trial_at_the_next_boot),
		T(test_ram_load_revert_keeps_a_trial_that_confirmed_itself),
		T(test_ram_load_revert_marks_a_trial_only_once_its_copy_verified),
		T(test_ram_load_revert_survives_a_cut_at_every_operation),
	};

	return cmocka_run_group_tests_name("upgrade modes", tests, setup, teardown);
}
