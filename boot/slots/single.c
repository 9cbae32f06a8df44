// SPDX-License-Identifier: Apache-2.0
/*
 * Single slot: validate the primary and run it. No trailer is read or written; updates
 * arrive only through recovery or a loader image.
 */
#include <rampart/errno.h>
#include <rampart/slots.h>

static int single_check(const struct boot_env *env, const struct boot_pair *p)
{
	(void)env;
	return p->primary ? 0 : -EINVAL;
}

static uint32_t single_capacity(const struct boot_env *env, const struct boot_pair *p,
				enum boot_slot slot)
{
	(void)env;
	return slot == BOOT_SLOT_PRIMARY ? p->primary->size : 0;
}

static int single_plan(struct pair_state *ps)
{
	ps->verdict = slot_validate(ps->env, ps->pair, ps->pair->primary, 0,
				    ps->pair->primary->size, &ps->pri_info);
	ps->pri_ok = verdict_is_ok(ps->verdict);
	ps->after = ps->pri_ok ? &ps->pri_info : NULL;
	return 0;
}

static int single_execute(struct pair_state *ps)
{
	(void)ps;
	return 0;
}

static int single_select(struct pair_state *ps)
{
	return slot_run_primary(ps, true);
}

const struct upgrade_engine upgrade_single_slot = {
	.name = "single-slot",
	.check = single_check,
	.capacity = single_capacity,
	.plan = single_plan,
	.execute = single_execute,
	.select = single_select,
};
