// SPDX-License-Identifier: Apache-2.0
/*
 * The multi-image flow: plan every pair, resolve dependencies, execute, select, then raise
 * the security counters of confirmed images (never before: a test image must stay
 * revertible, and never for an image that did not just verify).
 */
#include <rampart/console.h>
#include <rampart/counter.h>
#include <rampart/errno.h>
#include <rampart/slots.h>
#include <rampart/string.h>

static struct pair_state *find_pair(struct pair_state *st, unsigned int nr, uint8_t num)
{
	for (unsigned int i = 0; i < nr; i++)
		if (st[i].pair->num == num)
			return &st[i];
	return NULL;
}

/* Is every dependency of @ps's planned image met by the other pairs' planned images? */
static bool deps_met(struct pair_state *st, unsigned int nr, struct pair_state *ps, bool log)
{
	char need[IMAGE_VERSION_STR_MAX];

	for (unsigned int d = 0; d < ps->after->nr_deps; d++) {
		const struct image_dep *dep = &ps->after->deps[d];
		struct pair_state *o = find_pair(st, nr, dep->image_id);

		if (o && o->after && image_version_cmp(&o->after->version, &dep->min_version) >= 0)
			continue;
		if (log)
			log_wrn("image %u: needs image %u >= %s, which %s", ps->pair->num, dep->image_id,
			image_version_str(&dep->min_version, need, sizeof(need)),
			!o ? "this build does not have" : o->after ? "will not be there" :
			"has no valid image");
		return false;
	}
	return true;
}

void boot_resolve_deps(struct pair_state *st, unsigned int nr)
{
	bool changed = true;

	while (changed) {
		changed = false;
		for (unsigned int i = 0; i < nr; i++) {
			struct pair_state *ps = &st[i];
			const struct upgrade_engine *e = ps->env->engine;

			/* Only planned upgrades give way; what runs today is not second-guessed. */
			if (!ps->after || ps->type == SWAP_TYPE_NONE || !e->demote ||
			    deps_met(st, nr, ps, false))
				continue;
			deps_met(st, nr, ps, true);
			if (e->demote(ps) == 0) {
				log_wrn("image %u: upgrade postponed until its dependencies are met",
					ps->pair->num);
				changed = true;
			}
		}
	}
}

/*
 * A finished resume leaves a test image on trial; if what the other pairs will run no longer
 * meets its dependencies (one of them reverts), it goes back too, in this boot: plan it
 * afresh, which finds its trial state and plans the revert.
 */
static void undo_broken_trials(struct pair_state *st, unsigned int nr)
{
	for (unsigned int i = 0; i < nr; i++) {
		struct pair_state *ps = &st[i];

		if (!ps->resume || ps->confirmed || !ps->after || deps_met(st, nr, ps, true))
			continue;
		log_wrn("image %u: its trial cannot run with the others: reverting it", ps->pair->num);
		ps->resume = false;
		if (ps->env->engine->plan(ps))
			ps->type = SWAP_TYPE_NONE;
	}
}

static void raise_counter(const struct boot_env *env, const struct pair_state *ps)
{
	uint32_t stored;
	int rc;

	if (!IS_ENABLED(CONFIG_BOOT_HW_ROLLBACK_PROT) || !env->counter || ps->run == BOOT_SLOT_NONE || !ps->confirmed ||
	    !verdict_is_ok(ps->verdict) || !ps->info.has_sec_cnt)
		return;
	rc = counter_read(env->counter, ps->pair->num, &stored);
	if (rc || ps->info.sec_cnt <= stored)
		return;
	rc = counter_advance(env->counter, ps->pair->num, ps->info.sec_cnt);
	if (rc)
		log_err("image %u: raising the security counter failed: %s", ps->pair->num,
			strerror_short(rc));
	else
		log_inf("image %u: security counter raised to %u", ps->pair->num,
			(unsigned)ps->info.sec_cnt);
}

int boot_go(const struct boot_env *env, struct pair_state *st)
{
	const struct upgrade_engine *e = env->engine;
	unsigned int i;
	int rc;

	if (!e || env->nr_pairs == 0 || env->nr_pairs > BOOT_MAX_PAIRS)
		return -EINVAL;
	for (i = 0; i < env->nr_pairs; i++) {
		memset(&st[i], 0, sizeof(st[i]));
		st[i].env = env;
		st[i].pair = &env->pairs[i];
		st[i].type = SWAP_TYPE_NONE;
		st[i].run = BOOT_SLOT_NONE;
		st[i].verdict = verdict_fail();
		rc = e->check(env, st[i].pair);
		if (rc)
			return rc;
	}
	/*
	 * A pair whose plan or execute fails (flash errors, logged by the engine) stays as it
	 * is; select still looks for something valid in it and the other pairs go on.
	 */
	for (i = 0; i < env->nr_pairs; i++)
		if (e->plan(&st[i]))
			st[i].type = SWAP_TYPE_NONE;
	/*
	 * An interrupted operation finishes first, before any other pair may reuse a shared
	 * resource (the scratch area), and what it leaves is what the others' dependencies are
	 * checked against: it was dependency-checked when it started.
	 */
	for (i = 0; i < env->nr_pairs; i++) {
		if (!st[i].resume)
			continue;
		e->execute(&st[i]);
		e->select(&st[i]);
		st[i].after = st[i].run != BOOT_SLOT_NONE ? &st[i].info : NULL;
	}
	if (IS_ENABLED(CONFIG_BOOT_MULTI_IMAGE)) {
		boot_resolve_deps(st, env->nr_pairs);
		undo_broken_trials(st, env->nr_pairs);
	}
	for (i = 0; i < env->nr_pairs; i++)
		if (!st[i].resume)
			e->execute(&st[i]);
	for (i = 0; i < env->nr_pairs; i++) {
		if (!st[i].resume)
			e->select(&st[i]);
		raise_counter(env, &st[i]);
	}
	return st[0].run != BOOT_SLOT_NONE && verdict_is_ok(st[0].verdict) ? 0 : -ENOENT;
}
