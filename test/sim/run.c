// SPDX-License-Identifier: Apache-2.0
/*
 * One simulated upgrade: a fresh device, a scenario, a cut plan, and the oracle.
 *
 * The oracle keeps, per image pair, what the next completed boot must run:
 *
 *   PENDING      an upgrade is requested and the new image has not run: run the new one
 *   TRIAL        the new image runs unconfirmed (test); the application may confirm it;
 *                a reset before that makes it REVERT_DUE (NEW in modes without revert)
 *   TRIED        power failed after the loader had installed the test image and marked it
 *                as started (copy_done) but before it ran: that is a trial without a
 *                confirm, so either the new image (then TRIAL) or the old one (then OLD)
 *   REVERT_DUE   run the old image again
 *   TORN_CONFIRM the confirm write was torn: either image, and whichever runs stays
 *   NEW, OLD     settled on that image
 *   POSTPONED    settled on the old image: the new one waits for a dependency
 *
 * A boot that a cut interrupts runs nothing, so it changes no state; only the application's
 * confirm, when the cut hits it, decides between TRIAL (not written), NEW (written) and
 * TORN_CONFIRM, and a cut while PENDING may find the trial already committed (TRIED).
 * With two images that need each other, the rules look at what the other pair runs in the
 * same boot: if the image a new one needs does not run, a pending upgrade must wait (then
 * POSTPONED: it runs the old image, and its request may stay until the dependency can be
 * met), and a confirmed new image may either keep running (the confirm holds) or fall back
 * to its old image (the dependency holds): the application confirms the two one at a time,
 * so a cut can confirm one and revert the other. The oracle accepts either, once.
 * Checks after every completed boot: boot_go() found an image, it is the one
 * allowed, its bytes are exactly the image file's, it runs from where the mode runs images,
 * nothing broke the NOR rules, and while a new image is on trial the old one is bit-exact in
 * one of the pair's slots. The run ends when every pair is settled and a whole boot
 * (application included) did no flash operation; then no trailer may hold a BAD magic, a
 * BAD flag only if some write was torn (a torn 0x01 stays as it is: flags are never
 * rewritten), and no slot may be stuck pending: in swap and overwrite modes the trailers
 * must ask for nothing (swap type NONE); in direct-XIP and RAM-load with revert, every
 * trailer with a good magic must be confirmed (no test request or trial mark left over).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rampart/bootapi.h>
#include <rampart/compiler.h>
#include <rampart/errno.h>
#include <rampart/keys.h>

#include "sim.h"

#define OP_LIMIT_DEFAULT 2000000u
/* Watchdogs for a loader stuck without flash operations: log lines and reads per run. */
#define LOG_LIMIT 20000u
#define READ_LIMIT 20000000u

const struct sim_scenario sim_scenarios[] = {
	{ "permanent", 1, { { SIM_IMG_A1, SIM_IMG_A2, true, false, false } } },
	{ "test-confirm", 1, { { SIM_IMG_A1, SIM_IMG_A2, false, true, false } } },
	{ "test-revert", 1, { { SIM_IMG_A1, SIM_IMG_A2, false, false, false } } },
	{ "deps", 2, { { SIM_IMG_A1, SIM_IMG_A2_DEP, true, false, true },
		       { SIM_IMG_B1, SIM_IMG_B2_DEP, true, false, true } } },
	{ "deps-test", 2, { { SIM_IMG_A1, SIM_IMG_A2_DEP, false, true, true },
			    { SIM_IMG_B1, SIM_IMG_B2_DEP, false, true, true } } },
};

const unsigned int sim_nr_scenarios = ARRAY_SIZE(sim_scenarios);

const struct sim_scenario *sim_scenario_find(const char *name)
{
	for (unsigned int i = 0; i < sim_nr_scenarios; i++)
		if (!strcmp(sim_scenarios[i].name, name))
			return &sim_scenarios[i];
	return NULL;
}

enum pstate {
	PS_PENDING, PS_TRIAL, PS_TRIED, PS_REVERT_DUE, PS_TORN_CONFIRM, PS_NEW, PS_OLD,
	PS_POSTPONED,
};

static const char *const pstate_name[] = {
	"PENDING", "TRIAL", "TRIED", "REVERT_DUE", "TORN_CONFIRM", "NEW", "OLD", "POSTPONED",
};

struct run {
	struct sim_system *sys;
	const struct sim_scenario *scn;
	struct sim_result *res;
	int verbose;
	char cuts[96];			/* the plan, for messages */
	enum pstate st[SIM_MAX_PAIRS];
	bool torn_seen;			/* some cut tore a write or erase */
	bool deps_chosen[SIM_MAX_PAIRS];	/* chose how to treat a broken dependency */
	int app_pair;			/* pair whose confirm is being written, or -1 */
	unsigned int cuts_seen;
	uint32_t boot_ops0;		/* sys->flash.ops when this boot began */
	bool done;
	jmp_buf landing;
};

static void __printf(2, 3) fail(struct run *r, const char *fmt, ...)
{
	struct sim_result *res = r->res;
	int n;
	va_list ap;

	if (res->failed)
		return;
	res->failed = true;
	n = snprintf(res->why, sizeof(res->why), "%s / %s / %s, cuts %s, boot %u: ",
		     r->sys->mode->engine->name, r->sys->layout->name, r->scn->name,
		     r->cuts[0] ? r->cuts : "none", res->boots);
	va_start(ap, fmt);
	n += vsnprintf(res->why + n, sizeof(res->why) - (size_t)n, fmt, ap);
	va_end(ap);
	if ((size_t)n < sizeof(res->why))
		sim_log_tail(res->why + n, (unsigned int)(sizeof(res->why) - (size_t)n), 6);
}

/* --- what runs -------------------------------------------------------------------------- */

/* Is @img bit-exact in either slot of @pair, where a mode may keep it? */
static bool recoverable(const struct sim_system *sys, unsigned int pair,
			const struct sim_image *img)
{
	uint32_t doff = sim_dfu_offset(sys, pair);

	return sim_holds(&sys->area[pair][0], 0, img) || sim_holds(&sys->area[pair][1], 0, img) ||
	       (doff && sim_holds(&sys->area[pair][1], doff, img));
}

static const char *slot_name(enum boot_slot s)
{
	return s == BOOT_SLOT_PRIMARY ? "primary" : s == BOOT_SLOT_SECONDARY ? "secondary" :
	       "none";
}

static void version_str(const struct image_version *v, char *buf, size_t len)
{
	image_version_str(v, buf, len);
}

static bool same_version(const struct image_version *a, const struct image_version *b)
{
	return a->major == b->major && a->minor == b->minor && a->revision == b->revision &&
	       a->build == b->build;
}

/* Check that the bytes pair @p runs are exactly @img, from where the mode runs images. */
static void check_bytes(struct run *r, unsigned int p, const struct pair_state *ps,
			const struct sim_image *img)
{
	const struct sim_system *sys = r->sys;
	enum sim_kind kind = sys->mode->kind;

	if ((kind == SIM_KIND_SWAP || kind == SIM_KIND_OVERWRITE) &&
	    ps->run != BOOT_SLOT_PRIMARY) {
		fail(r, "image %u runs from the %s slot; this mode runs images from the "
		     "primary\n", p, slot_name(ps->run));
		return;
	}
	if (kind == SIM_KIND_RAM) {
		uintptr_t at = ps->ram_base - sys->env.ram_addr;

		if (!ps->ram_loaded || ps->ram_base < sys->env.ram_addr ||
		    !sim_holds(&sys->ram_area, (uint32_t)at, img))
			fail(r, "image %u: RAM does not hold the image at 0x%lx (loaded: %d)\n",
			     p, (unsigned long)ps->ram_base, ps->ram_loaded);
		return;
	}
	if (!sim_holds(&sys->area[p][ps->run], 0, img))
		fail(r, "image %u: the %s slot runs version %u.x but its bytes differ from "
		     "the image file\n", p, slot_name(ps->run), img->version.major);
}

/* The state change a completed boot that ran @new_ran (else the old image) brings. */
static enum pstate after_boot(const struct run *r, unsigned int p, bool new_ran)
{
	bool revert = r->sys->mode->engine->can_revert && !r->scn->pair[p].permanent;

	switch (r->st[p]) {
	case PS_PENDING:
		return revert ? PS_TRIAL : PS_NEW;
	case PS_TORN_CONFIRM:
		return new_ran ? PS_NEW : PS_OLD;
	case PS_TRIED:
		return new_ran ? PS_TRIAL : PS_OLD;
	case PS_REVERT_DUE:
		return PS_OLD;
	default:
		return r->st[p];
	}
}

/*
 * Which image pair @p runs: 1 the new one, 0 the old one, -1 neither (failure reported).
 * The bytes must be exactly that image's, from where the mode runs images.
 */
static int identify(struct run *r, unsigned int p, const struct pair_state *ps)
{
	const struct sim_image *old = sim_image_of(r->sys, r->scn->pair[p].old_img);
	const struct sim_image *new = sim_image_of(r->sys, r->scn->pair[p].new_img);
	char seen[IMAGE_VERSION_STR_MAX];

	if (ps->run == BOOT_SLOT_NONE || !verdict_is_ok(ps->verdict)) {
		fail(r, "image %u: nothing to run (state %s)\n", p, pstate_name[r->st[p]]);
		return -1;
	}
	if (same_version(&ps->info.version, &new->version)) {
		check_bytes(r, p, ps, new);
		return 1;
	}
	if (same_version(&ps->info.version, &old->version)) {
		check_bytes(r, p, ps, old);
		return 0;
	}
	version_str(&ps->info.version, seen, sizeof(seen));
	fail(r, "image %u runs %s, neither the old nor the new image\n", p, seen);
	return -1;
}

/*
 * What pair @p may run, given its state and whether the image its new one needs runs:
 * 1 only the new image, 0 only the old one, -1 either. A pending upgrade whose dependency
 * does not run must wait; a confirmed image whose dependency does not run may stay or fall
 * back (see the top of the file), once.
 */
static int allowed(const struct run *r, unsigned int p, bool dep_runs)
{
	enum pstate s = r->st[p];

	if (!dep_runs && s == PS_PENDING)
		return 0;
	if (!dep_runs && s == PS_NEW && !r->deps_chosen[p])
		return -1;
	if (s == PS_PENDING || s == PS_NEW)
		return 1;
	if (s == PS_REVERT_DUE || s == PS_OLD || s == PS_POSTPONED)
		return 0;
	return -1;
}

/* May a pair in state @s run its old image for reasons of its own (not a dependency)? */
static bool may_run_old(enum pstate s)
{
	return s != PS_PENDING && s != PS_NEW;
}

/*
 * @ran: what each pair runs in this boot; @pre: the states before this boot. The image
 * pair @p's new one needs "does not run" only if the other pair runs its old image and was
 * allowed to for reasons of its own (else that pair is at fault, and so is this one).
 */
static void check_pair(struct run *r, unsigned int p, const struct pair_state *ps,
		       const int *ran, const enum pstate *pre)
{
	const struct sim_image *old = sim_image_of(r->sys, r->scn->pair[p].old_img);
	bool dep_runs = r->scn->nr_pairs < 2 || !r->scn->pair[p].needs_other || ran[!p] == 1 ||
			!may_run_old(pre[!p]);
	int want = allowed(r, p, dep_runs);
	enum pstate s = r->st[p];
	char seen[IMAGE_VERSION_STR_MAX];

	version_str(&ps->info.version, seen, sizeof(seen));
	if (want >= 0 && ran[p] != want) {
		fail(r, "image %u runs %s from the %s slot; expected %s (state %s%s)\n", p, seen,
		     slot_name(ps->run), want ? "2.0.0, the new image" : "1.0.0, the old image",
		     pstate_name[s], dep_runs ? "" : "; the image it needs does not run");
		return;
	}
	if (!dep_runs && s == PS_PENDING)
		r->st[p] = PS_POSTPONED;
	else if (!dep_runs && s == PS_NEW && !ran[p])
		r->st[p] = PS_OLD;
	else
		r->st[p] = after_boot(r, p, ran[p]);
	r->deps_chosen[p] |= !dep_runs && s == PS_NEW;
	if (!r->res->failed && ps->confirmed != (r->st[p] != PS_TRIAL))
		fail(r, "image %u: runs %s %s, but select() says it is %sconfirmed\n", p, seen,
		     r->st[p] == PS_TRIAL ? "on trial" : "for good", ps->confirmed ? "" : "not ");
	if (r->st[p] == PS_TRIAL && !recoverable(r->sys, p, old))
		fail(r, "image %u: 2.0.0 runs on trial but 1.0.0 is no longer bit-exact in "
		     "either slot (it could not be reverted)\n", p);
}

/* --- the application -------------------------------------------------------------------- */

static const struct flash_area *running_area(const struct run *r, unsigned int p,
					     const struct pair_state *ps)
{
	enum sim_kind kind = r->sys->mode->kind;

	if (kind == SIM_KIND_SWAP || kind == SIM_KIND_OVERWRITE)
		return &r->sys->area[p][0];
	return &r->sys->area[p][ps->run == BOOT_SLOT_SECONDARY];
}

/* The new image on trial confirms itself, pair by pair (bootapi_confirm() per image). */
static void app_run(struct run *r, const struct pair_state *st)
{
	for (unsigned int p = 0; p < r->scn->nr_pairs && !r->res->failed; p++) {
		int rc;

		if (r->st[p] != PS_TRIAL || !r->scn->pair[p].confirm)
			continue;
		r->app_pair = (int)p;
		rc = bootapi_confirm(running_area(r, p, &st[p]));
		r->app_pair = -1;
		if (rc)
			fail(r, "image %u: bootapi_confirm() returned %d\n", p, rc);
		r->st[p] = PS_NEW;
		if (r->verbose)
			printf("    app: image %u confirmed\n", p);
	}
}

/* A reset: an unconfirmed trial image is due to be reverted. */
static void reset(struct run *r)
{
	for (unsigned int p = 0; p < r->scn->nr_pairs; p++)
		if (r->st[p] == PS_TRIAL)
			r->st[p] = PS_REVERT_DUE;
}

/* --- trailers after settling ------------------------------------------------------------ */

static bool trailer_clean(const struct trailer *t, bool torn)
{
	return t->magic != TRAILER_MAGIC_BAD &&
	       ((t->copy_done != TRAILER_FLAG_BAD && t->image_ok != TRAILER_FLAG_BAD) || torn);
}

/*
 * Has the loader committed to a trial of pair @p's new image: is it installed bit-exact in
 * a slot whose trailer says started (copy_done written) and not confirmed?
 */
static bool trial_committed(const struct run *r, unsigned int p)
{
	const struct sim_image *new = sim_image_of(r->sys, r->scn->pair[p].new_img);

	for (unsigned int s = 0; s < 2; s++) {
		const struct flash_area *fa = &r->sys->area[p][s];
		struct trailer t;

		if (sim_holds(fa, 0, new) && !trailer_read(fa, 0, &t) &&
		    t.magic == TRAILER_MAGIC_GOOD && t.copy_done != TRAILER_FLAG_UNSET &&
		    t.image_ok == TRAILER_FLAG_UNSET)
			return true;
	}
	return false;
}

static bool unconfirmed(const struct trailer *t)
{
	return t->magic == TRAILER_MAGIC_GOOD && t->image_ok == TRAILER_FLAG_UNSET;
}

static void check_trailers(struct run *r, unsigned int p)
{
	const struct sim_system *sys = r->sys;
	const struct upgrade_engine *e = sys->mode->engine;
	struct trailer pri, sec;
	char a[160], b[160];
	enum swap_type pending;

	if (trailer_read(&sys->area[p][0], 0, &pri) || trailer_read(&sys->area[p][1], 0, &sec)) {
		fail(r, "image %u: a trailer is unreadable after settling\n", p);
		return;
	}
	sim_trailer_str(&sys->area[p][0], a, sizeof(a));
	sim_trailer_str(&sys->area[p][1], b, sizeof(b));
	if (!trailer_clean(&pri, r->torn_seen) || !trailer_clean(&sec, r->torn_seen)) {
		fail(r, "image %u: settled with a BAD trailer %s\n      %s\n      %s\n", p,
		     r->torn_seen ? "magic" : "field (no write was torn)", a, b);
		return;
	}
	if (sys->mode->kind != SIM_KIND_SWAP && sys->mode->kind != SIM_KIND_OVERWRITE) {
		/* With revert, a trailer left unconfirmed is a test or a trial still pending. */
		if (e->can_revert && r->st[p] != PS_POSTPONED &&
		    (unconfirmed(&pri) || unconfirmed(&sec)))
			fail(r, "image %u: settled with a test request or trial mark that is "
			     "not confirmed (stuck pending)\n      %s\n      %s\n", p, a, b);
		return;
	}
	pending = swap_type_decide(&pri, &sec, e->swap && e->swap->secondary_offset);
	if (pending != SWAP_TYPE_NONE && r->st[p] != PS_POSTPONED)
		fail(r, "image %u: settled but the trailers still ask for a %s swap (stuck "
		     "pending)\n      %s\n      %s\n", p, swap_type_name(pending), a, b);
}

/* --- the boot loop ---------------------------------------------------------------------- */

static void print_boot(const struct run *r, int rc, const struct pair_state *st, uint32_t ops)
{
	char v[IMAGE_VERSION_STR_MAX], t[160];

	printf("    boot_go() = %d, %u operations\n", rc, ops);
	for (unsigned int p = 0; p < r->scn->nr_pairs; p++) {
		version_str(&st[p].info.version, v, sizeof(v));
		printf("    image %u: runs %s from %s%s; oracle now %s\n", p, v,
		       slot_name(st[p].run), st[p].ram_loaded ? " (loaded to RAM)" : "",
		       pstate_name[r->st[p]]);
		for (unsigned int s = 0; s < 2; s++) {
			sim_trailer_str(&r->sys->area[p][s], t, sizeof(t));
			printf("      %s\n", t);
		}
	}
}

static bool all_settled(const struct run *r)
{
	for (unsigned int p = 0; p < r->scn->nr_pairs; p++)
		if (r->st[p] != PS_NEW && r->st[p] != PS_OLD && r->st[p] != PS_POSTPONED)
			return false;
	return true;
}

static void check_violations(struct run *r)
{
	if (r->sys->flash.violations)
		fail(r, "NOR rule broken: %s\n", r->sys->flash.violation);
}

/* Judge a completed boot: first what each pair runs, then whether that was allowed. */
static void check_boot(struct run *r, const struct pair_state *st)
{
	int ran[SIM_MAX_PAIRS];
	enum pstate pre[SIM_MAX_PAIRS];

	for (unsigned int p = 0; p < r->scn->nr_pairs && !r->res->failed; p++)
		ran[p] = identify(r, p, &st[p]);
	memcpy(pre, r->st, sizeof(pre));
	for (unsigned int p = 0; p < r->scn->nr_pairs && !r->res->failed; p++)
		check_pair(r, p, &st[p], ran, pre);
}

static void boot_once(struct run *r)
{
	struct simflash *f = &r->sys->flash;
	struct pair_state st[SIM_MAX_PAIRS];
	uint32_t ops;
	int rc;

	if (++r->res->boots > SIM_BOOT_LIMIT) {
		fail(r, "does not settle within %u boots\n", SIM_BOOT_LIMIT);
		return;
	}
	r->boot_ops0 = f->ops;
	r->res->boot_op0[r->res->boots - 1] = f->ops;
	simflash_reset(&r->sys->ram);
	sim_log_reset(r->verbose > 0);
	if (r->verbose)
		printf("  boot %u (operations so far: %u)\n", r->res->boots, f->ops);
	memset(st, 0, sizeof(st));
	rc = boot_go(&r->sys->env, st);
	check_violations(r);
	if (rc) {
		fail(r, "boot_go() returned %d (%s): no image to run\n", rc, strerror_short(rc));
		return;
	}
	r->res->app_op0[r->res->boots - 1] = f->ops;
	check_boot(r, st);
	if (!r->res->failed)
		app_run(r, st);
	check_violations(r);
	ops = f->ops - r->boot_ops0;
	if (r->verbose)
		print_boot(r, rc, st, ops);
	if (r->res->failed)
		return;
	if (all_settled(r) && !ops) {
		for (unsigned int p = 0; p < r->scn->nr_pairs; p++)
			check_trailers(r, p);
		r->done = true;
		return;
	}
	reset(r);
}

/* Power failed: note what the application's write (if it was one) achieved, then reset. */
static void on_landing(struct run *r, int why)
{
	const struct sim_cut *c = &r->sys->flash.last_cut;
	char cut[24];

	sim_cut_format(c, cut, sizeof(cut));
	if (why == SIMFLASH_LANDED_RUNAWAY) {
		fail(r, "runaway: more than %u flash operations\n", r->sys->flash.op_limit);
		return;
	}
	if (why == SIMFLASH_LANDED_HANG) {
		fail(r, "hang: boot_go() did %llu flash reads or logged %u lines without "
		     "finishing (a loop)\n", (unsigned long long)r->sys->flash.reads, LOG_LIMIT);
		return;
	}
	if (!r->cuts_seen++)
		r->res->recovery_ops = r->sys->flash.ops;
	if (r->verbose)
		printf("  *** power cut %s (boot %u)\n", cut, r->res->boots);
	r->torn_seen |= c->kind == SIM_CUT_TORN;
	if (r->app_pair >= 0) {
		unsigned int p = (unsigned int)r->app_pair;

		if (c->kind == SIM_CUT_AFTER)
			r->st[p] = PS_NEW;
		else if (c->kind == SIM_CUT_TORN)
			r->st[p] = PS_TORN_CONFIRM;
		r->app_pair = -1;
	}
	for (unsigned int p = 0; p < r->scn->nr_pairs; p++)
		if (r->st[p] == PS_PENDING && !r->scn->pair[p].permanent &&
		    r->sys->mode->engine->can_revert && trial_committed(r, p))
			r->st[p] = PS_TRIED;
	check_violations(r);
	reset(r);
}

static void boot_loop(struct run *r)
{
	int why = setjmp(r->landing);

	if (why)
		on_landing(r, why);
	while (!r->res->failed && !r->done)
		boot_once(r);
}

/* --- setting up a run ------------------------------------------------------------------- */

/* The factory state and the DFU client's work: old confirmed, new written and requested. */
static int prepare(struct run *r)
{
	struct sim_system *sys = r->sys;
	const struct upgrade_engine *e = sys->mode->engine;
	char why[96];

	simflash_reset(&sys->flash);
	if (sim_system_usable(sys, r->scn, why, sizeof(why))) {
		fail(r, "%s\n", why);
		return -1;
	}
	for (unsigned int p = 0; p < r->scn->nr_pairs; p++) {
		const struct sim_image *old = sim_image_of(sys, r->scn->pair[p].old_img);
		const struct sim_image *new = sim_image_of(sys, r->scn->pair[p].new_img);
		uint32_t cap_p = e->capacity(&sys->env, &sys->pairs[p], BOOT_SLOT_PRIMARY);
		uint32_t cap_s = e->capacity(&sys->env, &sys->pairs[p], BOOT_SLOT_SECONDARY);
		int rc;

		if (MAX(old->len, new->len) > MIN(cap_p, cap_s)) {
			fail(r, "simulator layout: images of %u bytes, slot capacity %u/%u\n",
			     MAX(old->len, new->len), cap_p, cap_s);
			return -1;
		}
		rc = sim_install(&sys->area[p][0], 0, old);
		if (!rc)
			rc = sim_dfu_write(sys, p, new);
		if (!rc)
			rc = bootapi_request_upgrade(&sys->area[p][1], r->scn->pair[p].permanent);
		if (rc) {
			fail(r, "setting up image %u failed (%d)\n", p, rc);
			return -1;
		}
		r->st[p] = PS_PENDING;
	}
	check_violations(r);
	return r->res->failed ? -1 : 0;
}

static void hang(void *arg)
{
	simflash_land(arg, SIMFLASH_LANDED_HANG);
}

static void describe_op(const struct simflash *f, const struct sim_op *op, const char *what)
{
	printf("    op %u %s 0x%x+0x%x\n", f->counting ? f->ops : 0, what, op->off, op->len);
}

void sim_run(struct sim_system *sys, const struct sim_scenario *scn, const struct sim_cut *cuts,
	     unsigned int nr_cuts, bool trace, int verbose, struct sim_result *res)
{
	struct run *r = calloc(1, sizeof(*r));
	size_t pos = 0;

	memset(res, 0, sizeof(*res));
	if (!r) {
		res->failed = true;
		snprintf(res->why, sizeof(res->why), "out of memory\n");
		return;
	}
	r->sys = sys;
	r->scn = scn;
	r->res = res;
	r->verbose = verbose;
	r->app_pair = -1;
	for (unsigned int i = 0; i < nr_cuts && pos < sizeof(r->cuts) - 16; i++) {
		if (i)
			r->cuts[pos++] = ',';
		sim_cut_format(&cuts[i], r->cuts + pos, (unsigned int)(sizeof(r->cuts) - pos));
		pos = strlen(r->cuts);
	}
	sys->flash.on_op = verbose >= SIM_VERBOSE_OPS ? describe_op : NULL;
	sys->flash.tracing = trace;
	if (trace && !sys->flash.trace_cap) {
		sys->flash.trace = malloc(1024 * sizeof(*sys->flash.trace));
		sys->flash.trace_cap = sys->flash.trace ? 1024 : 0;
	}
	if (!prepare(r)) {
		uint32_t limit = sys->op_limit ? sys->op_limit : OP_LIMIT_DEFAULT;

		simflash_arm(&sys->flash, cuts, nr_cuts, &r->landing, limit);
		sys->flash.read_limit = READ_LIMIT;
		sim_log_watch(LOG_LIMIT, hang, &sys->flash);
		boot_loop(r);
		sim_log_watch(0, NULL, NULL);
		simflash_disarm(&sys->flash);
	}
	res->ops = sys->flash.ops;
	if (r->cuts_seen)
		res->recovery_ops = res->ops - res->recovery_ops;
	free(r);
}
