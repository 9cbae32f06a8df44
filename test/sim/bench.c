// SPDX-License-Identifier: Apache-2.0
/*
 * make bench-update: flash wear and operations per upgrade and mode, on MCUboot's simulator
 * layout for the nRF52840 (188 KiB image, 4 KiB sectors, write size 4), beside MCUboot's
 * published operation counts for one permanent upgrade of the same layout.
 *
 * An operation is one write or erase call, counted over every boot until the upgrade has
 * settled (the application's download is not counted); copies go through the layout's
 * 1 KiB buffer. The time column is an estimate from the nRF52840 datasheet maxima (85 ms per
 * page erase, 41 us per 32-bit word written); the loader's own run time (hashing,
 * signatures) is not included.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rampart/compiler.h>

#include "sim.h"

#define ERASE_US 85000u
#define WORD_US 41u
#define HIST_MAX 8

struct wear {
	uint32_t sectors, erases, writes, max_writes;
	uint64_t bytes;
	uint32_t hist[HIST_MAX + 1];	/* sectors erased 0, 1, ... HIST_MAX+ times */
};

/* The wear of the sectors of @fa (all of the device if @fa is NULL). */
static void wear_of(const struct simflash *f, const struct flash_area *fa, struct wear *w)
{
	uint32_t lo = fa ? fa->off : 0, hi = fa ? fa->off + fa->size : f->dev.geo.size;

	memset(w, 0, sizeof(*w));
	for (uint32_t s = simflash_sector_index(f, lo); s < f->nr_sectors &&
	     f->sector_start[s] < hi; s++) {
		const struct sim_wear *sw = &f->wear[s];

		w->sectors++;
		w->erases += sw->erases;
		w->writes += sw->writes;
		w->max_writes = MAX(w->max_writes, sw->writes);
		w->bytes += sw->bytes;
		w->hist[MIN(sw->erases, (uint32_t)HIST_MAX)]++;
	}
}

/* "1x47 0x5": how many sectors were erased how many times. */
static void hist_str(const struct wear *w, char *buf, size_t len)
{
	size_t pos = 0;

	buf[0] = '\0';
	for (int e = HIST_MAX; e >= 0 && pos < len; e--)
		if (w->hist[e])
			pos += (size_t)snprintf(buf + pos, len - pos, "%s%ux%u%s", pos ? " " : "",
						(unsigned)e, w->hist[e], e == HIST_MAX ? "+" : "");
}

static void print_area(const char *name, const struct wear *w)
{
	char h[96];

	if (!w->erases && !w->writes)
		return;
	hist_str(w, h, sizeof(h));
	printf("    %-9s %3u sectors, erased (times x sectors) %s; %u writes (at most %u in a "
	       "sector), %llu KiB\n", name, w->sectors, h, w->writes, w->max_writes,
	       (unsigned long long)(w->bytes / 1024));
}

/* Run @scn on a fresh @sys without cuts. 0, or -1 after printing why not. */
static int run_clean(struct sim_system *sys, const char *scenario, struct sim_result *res)
{
	const struct sim_scenario *scn = sim_scenario_find(scenario);
	char why[128];

	if (sim_system_usable(sys, scn, why, sizeof(why))) {
		printf("%-17s n/a (%s)\n", sys->mode->engine->name, why);
		return -1;
	}
	sim_run(sys, scn, NULL, 0, false, 0, res);
	if (res->failed) {
		printf("%-17s FAILED: %s", sys->mode->engine->name, res->why);
		return -1;
	}
	return 0;
}

static int bench_permanent(struct sim_system *sys)
{
	const struct sim_mode *m = sys->mode;
	struct wear all, pri, sec, scr;
	struct sim_result res;
	char mc[16];

	if (run_clean(sys, "permanent", &res))
		return res.failed ? -1 : 0;
	wear_of(&sys->flash, NULL, &all);
	wear_of(&sys->flash, &sys->area[0][0], &pri);
	wear_of(&sys->flash, &sys->area[0][1], &sec);
	wear_of(&sys->flash, &sys->scratch, &scr);
	snprintf(mc, sizeof(mc), m->mcuboot_ops ? "%u" : "-", m->mcuboot_ops);
	printf("%-17s %6u %7u %7u %9llu %9.1f %12s\n", m->engine->name, res.ops, all.erases,
	       all.writes, (unsigned long long)(all.bytes / 1024),
	       ((double)all.erases * ERASE_US + (double)(all.bytes / 4) * WORD_US) / 1e6, mc);
	print_area("primary", &pri);
	print_area("secondary", &sec);
	if (m->kind == SIM_KIND_SWAP)
		print_area("scratch", &scr);
	return 0;
}

/* "ops/erases" of one scenario, or "-" where the mode cannot run it. */
static int cycle(struct sim_system *sys, const char *scenario, char *buf, size_t len)
{
	struct sim_result res;
	struct wear all;
	char why[128];

	snprintf(buf, len, "-");
	if (sim_system_usable(sys, sim_scenario_find(scenario), why, sizeof(why)))
		return 0;
	if (run_clean(sys, scenario, &res))
		return -1;
	wear_of(&sys->flash, NULL, &all);
	snprintf(buf, len, "%u / %u", res.ops, all.erases);
	return 0;
}

static int bench_test(struct sim_system *sys)
{
	char confirm[32], revert[32];

	if (cycle(sys, "test-confirm", confirm, sizeof(confirm)) ||
	    cycle(sys, "test-revert", revert, sizeof(revert)))
		return -1;
	printf("%-17s %20s %20s%s\n", sys->mode->engine->name, confirm, revert,
	       sys->mode->engine->can_revert ? "" : "   (no revert: a test is permanent)");
	return 0;
}

/* Run @fn for every mode on layout @l. Returns 0 or 1 (a mode failed). */
static int each_mode(const struct sim_layout *l, const struct sim_image_set *imgs,
		     int (*fn)(struct sim_system *sys))
{
	int rc = 0;

	for (unsigned int i = 0; i < sim_nr_modes; i++) {
		struct sim_system *sys = calloc(1, sizeof(*sys));

		if (!sys || sim_system_init(sys, &sim_modes[i], l, imgs)) {
			free(sys);
			return 1;
		}
		rc |= fn(sys) ? 1 : 0;
		sim_system_free(sys);
		free(sys);
	}
	return rc;
}

int sim_bench(const char *dir)
{
	const struct sim_layout *l = sim_layout_find("nrf52840-188k");
	struct sim_image_set imgs;
	int rc;

	if (!l || sim_images_load(dir, l, &imgs))
		return 2;
	printf("bench-update: %s\n", l->what);
	printf("  image %u bytes (%.1f KiB), write size %u, copy buffer %u bytes, status for %u "
	       "sectors\n", imgs.img[SIM_VAR_PLAIN][SIM_IMG_A2].len,
	       imgs.img[SIM_VAR_PLAIN][SIM_IMG_A2].len / 1024.0, l->write_size, l->buf_len,
	       l->max_sectors);
	printf("  ops = write + erase calls of every boot until the upgrade settles (the download "
	       "is not counted)\n  time = erases x 85 ms + words written x 41 us (nRF52840 "
	       "datasheet maxima)\n\nOne permanent upgrade:\n");
	printf("%-17s %6s %7s %7s %9s %9s %12s\n", "mode", "ops", "erases", "writes",
	       "KiB prog", "time (s)", "MCUboot ops");
	rc = each_mode(l, &imgs, bench_permanent);
	printf("\nTest upgrades (ops / erases, every boot until settled):\n");
	printf("%-17s %20s %20s\n", "mode", "test, confirmed", "test, reverted");
	rc |= each_mode(l, &imgs, bench_test);
	sim_images_free(&imgs);
	return rc;
}
