// SPDX-License-Identifier: Apache-2.0
/*
 * The sweep: every mode x geometry x scenario ("case"), each first run without a cut (its
 * operation trace gives the cut points), then once per cut plan. Cases are split into
 * slices that worker processes take from a pipe; results come back whole through another
 * (each record is under PIPE_BUF, so writes do not interleave).
 *
 * Cut plans. The full sweep cuts before and after every operation, tears every write
 * twice and every erase three ways (see simflash.c), and adds double cuts: for first cuts
 * spread over the run, a second one at eight points of the recovery. The reduced sweep
 * (make check) cuts before the first operation; before, after and torn at the last; on
 * both sides of every boundary (a boot completed or the application started: elsewhere
 * "before n" leaves the same flash and the same promise as "after n - 1"); a few double
 * cuts; and fills a fixed budget with operations picked evenly, half from trailer and
 * status writes, half from the rest, rotating the cut kind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <rampart/compiler.h>

#include "sim.h"

#define REDUCED_SINGLES 32
#define REDUCED_DOUBLES 6
#define FULL_DOUBLE_FIRSTS 24
#define FULL_DOUBLE_SECONDS 8
#define FULL_SLICES 8
#define TEXT_MAX 3400
#define RUN_SECONDS 120		/* a run taking longer kills its worker (a loader stuck) */

struct plan {
	struct sim_cut cut[2];
	unsigned int n;
};

struct plans {
	struct plan *p;
	unsigned int n, cap;
};

static void add(struct plans *ps, const struct sim_cut *a, const struct sim_cut *b)
{
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? 2 * ps->cap : 256;
		ps->p = realloc(ps->p, ps->cap * sizeof(*ps->p));
		if (!ps->p) {
			fprintf(stderr, "sim: out of memory\n");
			exit(2);
		}
	}
	ps->p[ps->n].cut[0] = *a;
	if (b)
		ps->p[ps->n].cut[1] = *b;
	ps->p[ps->n++].n = b ? 2 : 1;
}

static void add1(struct plans *ps, uint32_t op, enum sim_cut_kind kind, uint32_t seed)
{
	struct sim_cut c = { op, kind, seed };

	add(ps, &c, NULL);
}

/* add1() unless that very cut is planned already (the reduced picks may coincide). */
static void add1_unique(struct plans *ps, uint32_t op, enum sim_cut_kind kind, uint32_t seed)
{
	for (unsigned int i = 0; i < ps->n; i++)
		if (ps->p[i].cut[0].op == op && ps->p[i].cut[0].kind == kind &&
		    ps->p[i].cut[0].seed == seed)
			return;
	add1(ps, op, kind, seed);
}

/* --- which operations matter ------------------------------------------------------------ */

/* Does operation @op touch a trailer sector of any slot? */
static bool in_trailer(const struct sim_system *sys, const struct sim_op *op)
{
	for (unsigned int p = 0; p < SIM_MAX_PAIRS; p++)
		for (unsigned int s = 0; s < 2; s++) {
			const struct flash_area *fa = &sys->area[p][s];
			uint32_t start;

			if (!fa->size || slot_trailer_start(fa, 0, sys->env.max_sectors, &start))
				continue;
			if (op->off < fa->off + fa->size && op->off + op->len > fa->off + start)
				return true;
		}
	return false;
}

/*
 * Did something other than the loader's flash work happen between operations @n and
 * @n + 1 of the uninterrupted run: a boot completed (its image ran) or the application
 * started? Then "after n" and "before n + 1" leave the same flash but different promises.
 */
static bool at_boundary(const struct sim_result *ref, uint32_t n)
{
	for (unsigned int b = 0; b < ref->boots; b++)
		if ((b && ref->boot_op0[b] == n) || ref->app_op0[b] == n)
			return true;
	return false;
}

/* --- cut plans -------------------------------------------------------------------------- */

static void full_singles(struct plans *ps, const struct sim_system *sys,
			 const struct sim_result *ref)
{
	const struct sim_op *trace = sys->flash.trace;

	for (uint32_t n = 1; n <= ref->ops; n++) {
		unsigned int tears = trace[n - 1].kind == SIM_OP_ERASE ? 3 : 2;

		add1(ps, n, SIM_CUT_BEFORE, 0);
		add1(ps, n, SIM_CUT_AFTER, 0);
		for (unsigned int s = 0; s < tears; s++)
			add1(ps, n, SIM_CUT_TORN, s);
	}
}

/* Up to @want entries of @ops[0..n) picked evenly; kinds rotate through before/torn/after. */
static void pick_evenly(struct plans *ps, const uint32_t *ops, unsigned int n, unsigned int want,
			unsigned int *rot)
{
	static const enum sim_cut_kind kinds[] = { SIM_CUT_TORN, SIM_CUT_AFTER, SIM_CUT_BEFORE };

	if (!n)
		return;
	want = MIN(want, n);
	for (unsigned int i = 0; i < want; i++) {
		unsigned int k = (*rot)++;

		add1_unique(ps, ops[(uint64_t)i * n / want + n / (2 * want)], kinds[k % 3], k / 3);
	}
}

static void reduced_singles(struct plans *ps, const struct sim_system *sys,
			    const struct sim_result *ref)
{
	uint32_t *trailer = calloc(ref->ops + 1, sizeof(*trailer));
	uint32_t *other = calloc(ref->ops + 1, sizeof(*other));
	unsigned int nt = 0, no = 0, rot = 0, fixed;

	if (!trailer || !other) {
		fprintf(stderr, "sim: out of memory\n");
		exit(2);
	}
	add1_unique(ps, 1, SIM_CUT_BEFORE, 0);
	add1_unique(ps, ref->ops, SIM_CUT_BEFORE, 0);
	add1_unique(ps, ref->ops, SIM_CUT_AFTER, 0);
	add1_unique(ps, ref->ops, SIM_CUT_TORN, 0);
	for (uint32_t n = 1; n < ref->ops; n++)
		if (at_boundary(ref, n)) {
			add1_unique(ps, n, SIM_CUT_AFTER, 0);
			add1_unique(ps, n + 1, SIM_CUT_BEFORE, 0);
		}
	fixed = ps->n;
	for (uint32_t n = 2; n < ref->ops; n++) {
		if (in_trailer(sys, &sys->flash.trace[n - 1]))
			trailer[nt++] = n;
		else
			other[no++] = n;
	}
	if (fixed < REDUCED_SINGLES) {
		unsigned int left = REDUCED_SINGLES - fixed;

		pick_evenly(ps, trailer, nt, (left + 1) / 2, &rot);
		pick_evenly(ps, other, no, REDUCED_SINGLES - ps->n, &rot);
		pick_evenly(ps, trailer, nt, REDUCED_SINGLES - ps->n, &rot);
	}
	free(trailer);
	free(other);
}

/* The single plan that double cut @i (of @firsts) starts with. */
static unsigned int first_of(unsigned int i, unsigned int firsts, unsigned int singles)
{
	return (unsigned int)((uint64_t)i * singles / firsts + singles / (2 * firsts));
}

/*
 * Second cuts for a first cut whose recovery took @r operations: @seconds points of it
 * (the first two, the last two, the rest evenly between), or its middle if just one.
 */
static void plan_doubles(struct plans *ps, const struct sim_cut *first, uint32_t r,
			 unsigned int seconds, unsigned int *k)
{
	static const enum sim_cut_kind kinds[] = { SIM_CUT_AFTER, SIM_CUT_TORN, SIM_CUT_BEFORE };

	for (unsigned int j = 0; j < MIN(seconds, r); j++) {
		uint32_t d = seconds == 1 ? (r + 1) / 2 :
			     j < 2 ? j + 1 : j >= seconds - 2 ? r - (seconds - 1 - j) :
			     1 + (uint32_t)((uint64_t)(j - 1) * r / (seconds - 2));
		struct sim_cut second = { first->op + MAX(1u, MIN(d, r)), kinds[*k % 3], *k };

		(*k)++;
		add(ps, first, &second);
	}
}

/* --- one slice of one case -------------------------------------------------------------- */

struct task {
	uint16_t mode, layout, scenario;
	uint16_t slice, nslices;
};

struct record {
	uint32_t task;
	uint8_t started;	/* only says the task began (a worker that dies is named) */
	uint32_t ops;		/* uninterrupted run */
	uint32_t cuts;		/* cut plans run */
	uint32_t boots;
	uint32_t failures;
	uint8_t na;		/* case not applicable: text says why */
	char failed[320];	/* the cut plans that failed, space-separated */
	char text[TEXT_MAX];	/* the first failures (or the n/a reason) */
};

_Static_assert(sizeof(struct record) <= 4096, "a record must fit one atomic pipe write");

static void note_failure(struct record *rec, const struct sim_result *res, const char *replay,
			 const char *cuts)
{
	size_t used = strlen(rec->failed);

	if (used < sizeof(rec->failed) - 32)
		snprintf(rec->failed + used, sizeof(rec->failed) - used, " %s", cuts);
	else if (!strstr(rec->failed, "..."))
		strcat(rec->failed, " ...");
	used = strlen(rec->text);
	rec->failures++;
	if (rec->failures > 2 || used >= TEXT_MAX - 64)
		return;
	snprintf(rec->text + used, TEXT_MAX - used, "FAIL %s      replay: %s\n", res->why,
		 replay);
}

static void plan_str(const struct plan *pl, char *buf, size_t len)
{
	char b[24] = "";

	sim_cut_format(&pl->cut[0], buf, (unsigned int)len);
	if (pl->n > 1) {
		b[0] = ',';
		sim_cut_format(&pl->cut[1], b + 1, sizeof(b) - 1);
		strncat(buf, b, len - strlen(buf) - 1);
	}
}

static void replay_cmd(char *buf, size_t len, const struct sim_system *sys,
		       const struct sim_scenario *scn, const char *cuts)
{
	snprintf(buf, len, "%s replay %s %s %s %s -v", sim_prog, sys->mode->engine->name,
		 sys->layout->name, scn->name, cuts);
}

/* sim_run() under a watchdog: SIGALRM kills the worker, and the sweep reports the task. */
static void timed_run(struct sim_system *sys, const struct sim_scenario *scn,
		      const struct sim_cut *cuts, unsigned int n, bool trace,
		      struct sim_result *res)
{
	alarm(RUN_SECONDS);
	sim_run(sys, scn, cuts, n, trace, 0, res);
	alarm(0);
}

static void run_plans(struct sim_system *sys, const struct sim_scenario *scn,
		      const struct plans *ps, unsigned int from, const struct task *t,
		      uint32_t *rec_len, struct record *rec)
{
	for (unsigned int i = from; i < ps->n; i++) {
		struct sim_result res;
		char replay[200];

		if (i % t->nslices != t->slice)
			continue;
		timed_run(sys, scn, ps->p[i].cut, ps->p[i].n, false, &res);
		rec->cuts++;
		rec->boots += res.boots;
		if (rec_len)
			rec_len[i] = res.failed ? 0 : res.recovery_ops;
		if (res.failed) {
			char cuts[48];

			plan_str(&ps->p[i], cuts, sizeof(cuts));
			replay_cmd(replay, sizeof(replay), sys, scn, cuts);
			note_failure(rec, &res, replay, cuts);
		}
	}
}

/* Run the cases' double cuts this slice owns (first cut i belongs to slice i % nslices). */
static void run_doubles(struct sim_system *sys, const struct sim_scenario *scn,
			const struct plans *singles, const uint32_t *rec_len, bool full,
			const struct task *t, struct record *rec)
{
	unsigned int firsts = MIN(full ? FULL_DOUBLE_FIRSTS : REDUCED_DOUBLES, singles->n);
	unsigned int seconds = full ? FULL_DOUBLE_SECONDS : 1, k = 0;
	struct task all = *t;
	struct plans ps = { 0 };

	for (unsigned int i = 0; i < firsts; i++) {
		unsigned int idx = first_of(i, firsts, singles->n);
		uint32_t r = rec_len[idx];

		if (i % t->nslices != t->slice)
			continue;
		if (idx % t->nslices != t->slice) {
			struct sim_result res;

			timed_run(sys, scn, singles->p[idx].cut, 1, false, &res);
			r = res.failed ? 0 : res.recovery_ops;
		}
		plan_doubles(&ps, &singles->p[idx].cut[0], r, seconds, &k);
	}
	all.slice = 0;
	all.nslices = 1;
	run_plans(sys, scn, &ps, 0, &all, NULL, rec);
	free(ps.p);
}

static void run_case(struct sim_system *sys, const struct sim_scenario *scn, bool full,
		     const struct task *t, struct record *rec)
{
	struct sim_result ref;
	struct plans ps = { 0 };
	uint32_t *rec_len;
	char why[128];

	if (sim_system_usable(sys, scn, why, sizeof(why))) {
		rec->na = 1;
		snprintf(rec->text, TEXT_MAX, "%s", why);
		return;
	}
	timed_run(sys, scn, NULL, 0, true, &ref);
	rec->ops = ref.ops;
	if (t->slice == 0)
		rec->boots = ref.boots;
	if (ref.failed) {
		char replay[200];

		if (t->slice == 0) {
			rec->cuts = 1;
			replay_cmd(replay, sizeof(replay), sys, scn, "none");
			note_failure(rec, &ref, replay, "none");
		}
		return;
	}
	if (!ref.ops)
		return;		/* no flash operation: nothing to cut */
	sys->op_limit = 20 * ref.ops + 1000;
	if (full)
		full_singles(&ps, sys, &ref);
	else
		reduced_singles(&ps, sys, &ref);
	rec_len = calloc(ps.n, sizeof(*rec_len));
	if (!rec_len) {
		fprintf(stderr, "sim: out of memory\n");
		exit(2);
	}
	run_plans(sys, scn, &ps, 0, t, rec_len, rec);
	run_doubles(sys, scn, &ps, rec_len, full, t, rec);
	sys->op_limit = 0;
	free(rec_len);
	free(ps.p);
}

/* --- workers ---------------------------------------------------------------------------- */

struct worker_ctx {
	const struct sim_sweep_opts *o;
	const struct task *tasks;
	int task_fd, result_fd;
};

/* Images per layout, loaded once per worker on first use. */
static struct sim_image_set *image_cache[16];

static const struct sim_image_set *images_for(const char *dir, unsigned int layout)
{
	if (layout >= ARRAY_SIZE(image_cache))
		return NULL;
	if (!image_cache[layout]) {
		image_cache[layout] = calloc(1, sizeof(**image_cache));
		if (!image_cache[layout] ||
		    sim_images_load(dir, &sim_layouts[layout], image_cache[layout]))
			return NULL;
	}
	return image_cache[layout];
}

static void do_task(const struct worker_ctx *w, uint32_t idx, struct record *rec)
{
	const struct task *t = &w->tasks[idx];
	const struct sim_image_set *imgs = images_for(w->o->images, t->layout);
	struct sim_system *sys = malloc(sizeof(*sys));

	memset(rec, 0, sizeof(*rec));
	rec->task = idx;
	if (!imgs || !sys || sim_system_init(sys, &sim_modes[t->mode], &sim_layouts[t->layout],
					     imgs)) {
		rec->failures = 1;
		snprintf(rec->text, TEXT_MAX, "FAIL cannot set up the case (images or memory)\n");
		free(sys);
		return;
	}
	run_case(sys, &sim_scenarios[t->scenario], w->o->full, t, rec);
	sim_system_free(sys);
	free(sys);
}

static void worker(const struct worker_ctx *w)
{
	struct record *rec = malloc(sizeof(*rec));
	uint32_t idx;

	if (!rec)
		_exit(2);
	while (read(w->task_fd, &idx, sizeof(idx)) == (ssize_t)sizeof(idx)) {
		memset(rec, 0, sizeof(*rec));
		rec->task = idx;
		rec->started = 1;
		if (write(w->result_fd, rec, sizeof(*rec)) != (ssize_t)sizeof(*rec))
			_exit(2);
		do_task(w, idx, rec);
		if (write(w->result_fd, rec, sizeof(*rec)) != (ssize_t)sizeof(*rec))
			_exit(2);
	}
	_exit(0);
}

/* --- the table -------------------------------------------------------------------------- */

struct row {
	uint32_t ops, cuts, boots, failures;
	unsigned int texts;		/* records whose text was kept */
	bool na;
	char *text;
	char failed[400];
};

static bool selected(const char *only, const char *name)
{
	return !only || !strcmp(only, name);
}

/* Every task of the sweep, in table order; returns how many (tasks and rows allocated). */
static unsigned int make_tasks(const struct sim_sweep_opts *o, struct task **tasks,
			       unsigned int *nr_cases)
{
	unsigned int n = 0, cases = 0, slices = o->full ? FULL_SLICES : 1;

	*nr_cases = 0;
	*tasks = calloc((size_t)sim_nr_modes * sim_nr_layouts * sim_nr_scenarios * slices,
			sizeof(**tasks));
	if (!*tasks)
		return 0;
	for (unsigned int m = 0; m < sim_nr_modes; m++)
		for (unsigned int l = 0; l < sim_nr_layouts; l++)
			for (unsigned int s = 0; s < sim_nr_scenarios; s++) {
				const struct sim_layout *lay = &sim_layouts[l];

				if (!lay->sweep ||
				    !selected(o->only_mode, sim_modes[m].engine->name) ||
				    !selected(o->only_layout, lay->name) ||
				    !selected(o->only_scenario, sim_scenarios[s].name))
					continue;
				for (unsigned int i = 0; i < slices; i++)
					(*tasks)[n++] = (struct task){ (uint16_t)m, (uint16_t)l,
						(uint16_t)s, (uint16_t)i, (uint16_t)slices };
				cases++;
			}
	*nr_cases = cases;
	return n;
}

static void print_table(const struct task *tasks, unsigned int ntasks, struct row *rows,
			unsigned int slices)
{
	uint64_t cuts = 0, boots = 0, failures = 0;
	unsigned int cases = 0, na = 0, detailed[32] = { 0 };
	bool brief = false;

	printf("%-17s %-18s %-12s %6s %6s %7s %8s\n", "mode", "geometry", "scenario", "ops",
	       "cuts", "boots", "failures");
	for (unsigned int i = 0; i < ntasks; i += slices) {
		const struct task *t = &tasks[i];
		struct row *r = &rows[i / slices];

		printf("%-17s %-18s %-12s ", sim_modes[t->mode].engine->name,
		       sim_layouts[t->layout].name, sim_scenarios[t->scenario].name);
		if (r->na) {
			printf("%6s %6s %7s %8s  (%s)\n", "-", "-", "-", "n/a", r->text);
			na++;
			continue;
		}
		printf("%6u %6u %7u %8u\n", r->ops, r->cuts, r->boots, r->failures);
		cases++;
		cuts += r->cuts;
		boots += r->boots;
		failures += r->failures;
	}
	printf("\n%u cases (%u not applicable), %llu cut plans, %llu boots, %llu failures\n",
	       cases, na, (unsigned long long)cuts, (unsigned long long)boots,
	       (unsigned long long)failures);
	for (unsigned int i = 0; i < ntasks; i += slices) {
		const struct row *r = &rows[i / slices];
		const struct task *t = &tasks[i];

		if (r->na || !r->failures)
			continue;
		printf("\n%s / %s / %s: %u failed cut plans:%s\n", sim_modes[t->mode].engine->name,
		       sim_layouts[t->layout].name, sim_scenarios[t->scenario].name, r->failures,
		       r->failed);
		/* Details for the first failing geometry of each mode and scenario only. */
		if (r->text && t->mode < ARRAY_SIZE(detailed) && t->scenario < 32 &&
		    !(detailed[t->mode] & 1u << t->scenario)) {
			detailed[t->mode] |= 1u << t->scenario;
			printf("%s", r->text);
		} else {
			brief = true;
		}
	}
	if (brief)
		printf("\n(details for the first failing geometry of each mode and scenario; replay\n"
		       " any other: %s replay MODE GEOMETRY SCENARIO CUTS -v)\n", sim_prog);
	printf("sim: %llu passed, %llu failed\n", (unsigned long long)(cuts - failures),
	       (unsigned long long)failures);
}

static void merge(struct row *r, const struct record *rec)
{
	size_t have = r->text ? strlen(r->text) : 0, add_len = strlen(rec->text);

	r->ops = rec->ops;
	r->cuts += rec->cuts;
	r->boots += rec->boots;
	r->failures += rec->failures;
	r->na |= rec->na;
	if (strlen(r->failed) + strlen(rec->failed) < sizeof(r->failed) - 1)
		strcat(r->failed, rec->failed);
	if (!add_len || (have && (rec->na || r->texts >= 2)))
		return;
	r->texts++;
	r->text = realloc(r->text, have + add_len + 1);
	if (r->text)
		memcpy(r->text + have, rec->text, add_len + 1);
}

static int spawn_workers(const struct worker_ctx *w, unsigned int jobs, pid_t *pids)
{
	for (unsigned int j = 0; j < jobs; j++) {
		pids[j] = fork();
		if (pids[j] < 0) {
			perror("fork");
			return -1;
		}
		if (!pids[j])
			worker(w);
	}
	return 0;
}

/* Feed every task to @jobs workers; their records come back on *@result_fd. */
static int start(const struct worker_ctx *proto, unsigned int ntasks, unsigned int jobs,
		 pid_t *pids, int *result_fd)
{
	struct worker_ctx w = *proto;
	int tfd[2], rfd[2];

	if (pipe(tfd) || pipe(rfd))
		return -1;
	for (uint32_t i = 0; i < ntasks; i++)
		if (write(tfd[1], &i, sizeof(i)) != (ssize_t)sizeof(i))
			return -1;
	close(tfd[1]);
	fflush(stdout);
	w.task_fd = tfd[0];
	w.result_fd = rfd[1];
	if (spawn_workers(&w, jobs, pids))
		return -1;
	close(rfd[1]);
	close(tfd[0]);
	*result_fd = rfd[0];
	return 0;
}

/* Merge records until every task reported; names the tasks a dying worker took along. */
static int collect(int fd, const struct task *tasks, unsigned int ntasks, unsigned int slices,
		   struct row *rows)
{
	struct record *rec = malloc(sizeof(*rec));
	uint8_t *state = calloc(ntasks, 1);	/* 1 started, 2 reported */
	unsigned int got = 0;
	int rc = 0;

	if (!rec || !state)
		return 1;
	while (got < ntasks && read(fd, rec, sizeof(*rec)) == (ssize_t)sizeof(*rec)) {
		state[rec->task] = rec->started ? 1 : 2;
		if (rec->started)
			continue;
		merge(&rows[rec->task / slices], rec);
		got++;
	}
	for (unsigned int i = 0; i < ntasks; i++)
		if (state[i] != 2) {
			const struct task *t = &tasks[i];

			printf("sim: %s / %s / %s (slice %u) never reported: its worker died "
			       "(a run over %u s, or a crash)\n", sim_modes[t->mode].engine->name,
			       sim_layouts[t->layout].name, sim_scenarios[t->scenario].name,
			       t->slice, RUN_SECONDS);
			rc = 1;
		}
	free(state);
	free(rec);
	return rc;
}

int sim_sweep(const struct sim_sweep_opts *o)
{
	struct task *tasks;
	unsigned int cases, ntasks = make_tasks(o, &tasks, &cases);
	unsigned int slices = o->full ? FULL_SLICES : 1, jobs = MAX(1u, o->jobs);
	struct row *rows = calloc(cases + 1, sizeof(*rows));
	struct worker_ctx w = { o, tasks, -1, -1 };
	time_t t0 = time(NULL);
	pid_t pids[64];
	int fd, rc;

	jobs = MIN(MIN(jobs, (unsigned int)ARRAY_SIZE(pids)), ntasks);
	if (!ntasks || !rows || start(&w, ntasks, jobs, pids, &fd)) {
		fprintf(stderr, "sim: nothing to run, or out of resources\n");
		return 2;
	}
	rc = collect(fd, tasks, ntasks, slices, rows);
	for (unsigned int j = 0; j < jobs; j++) {
		int status;

		if (waitpid(pids[j], &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
			rc = 1;
	}
	printf("sim: %s sweep, %u workers, %ld s\n\n", o->full ? "full" : "reduced", jobs,
	       (long)(time(NULL) - t0));
	print_table(tasks, ntasks, rows, slices);
	for (unsigned int i = 0; i < cases; i++) {
		rc |= rows[i].failures != 0;
		free(rows[i].text);
	}
	free(rows);
	free(tasks);
	return rc;
}
