// SPDX-License-Identifier: Apache-2.0
/*
 * Swap using scratch: the images are exchanged region by region through a scratch area, from
 * the lowest region up. A region is the smallest span whose ends are sector boundaries of
 * both slots, grown while it fits the scratch area, so mixed sector maps work as long as the
 * slots' maps line up somewhere below each scratch-sized step. Three steps per region, each
 * followed by a status record:
 *
 *   0  erase scratch;   copy secondary -> scratch
 *   1  erase secondary; copy primary   -> secondary
 *   2  erase primary;   copy scratch   -> primary
 *
 * Each step's source stays intact until the next step has been recorded, so a step cut short
 * is simply done again.
 */
#include <rampart/console.h>
#include <rampart/errno.h>
#include <rampart/slots.h>
#include <rampart/string.h>

/* Where the trailer sectors of either slot begin: no region may reach past it. */
static int data_end(const struct boot_env *env, const struct boot_pair *p, uint32_t *end)
{
	uint32_t tp, ts;
	int rc = slot_trailer_start(p->primary, env->align, env->max_sectors, &tp);

	if (!rc)
		rc = slot_trailer_start(p->secondary, env->align, env->max_sectors, &ts);
	if (!rc)
		*end = MIN(tp, ts);
	return rc;
}

/* Exchangeable bytes: common sector bounds below both slots' trailer sectors. */
static int scratch_span(const struct boot_env *env, const struct boot_pair *p, uint32_t *span,
			unsigned int *nr)
{
	uint32_t end, lo = 0, hi;

	if (!env->scratch || data_end(env, p, &end))
		return -EINVAL;
	*nr = 0;
	while (lo < end && swap_region_next(p->primary, p->secondary, lo, end,
					    env->scratch->size, &hi) == 0) {
		lo = hi;
		(*nr)++;
	}
	*span = lo;
	return 0;
}

static int scratch_check(const struct boot_env *env, const struct boot_pair *p)
{
	uint32_t span;
	unsigned int nr;

	if (!env->scratch) {
		log_err("swap-scratch: the flash map has no scratch area");
		return -EINVAL;
	}
	if (scratch_span(env, p, &span, &nr) || span == 0) {
		log_err("image %u: slots and scratch do not fit swap-scratch (sector maps, scratch "
			"smaller than a sector, or no room below the trailer)", p->num);
		return -EINVAL;
	}
	if (nr > env->max_sectors) {
		log_err("image %u: %u regions to swap, status has room for %u", p->num, nr,
			(unsigned)env->max_sectors);
		return -EINVAL;
	}
	return 0;
}

static uint32_t scratch_capacity(const struct boot_env *env, const struct boot_pair *p,
				 enum boot_slot slot)
{
	uint32_t span;
	unsigned int nr;

	(void)slot;
	return scratch_span(env, p, &span, &nr) ? 0 : span;
}

static int step(struct swap_run *sr, unsigned int s, uint32_t lo, uint32_t hi)
{
	const struct flash_area *pri = sr->pair->primary, *sec = sr->pair->secondary;
	const struct flash_area *scr = sr->env->scratch;
	/* Bytes past swap_size are neither image nor trailer: leave them erased. */
	uint32_t len = MIN(hi, sr->swap_size) - lo;
	int rc;

	switch (s) {
	case 0:
		rc = flash_area_erase_range(scr, 0, hi - lo);
		return rc ? rc : slot_copy(sr->env, scr, 0, sec, lo, len);
	case 1:
		rc = flash_area_erase(sec, lo, hi - lo);
		return rc ? rc : slot_copy(sr->env, sec, lo, pri, lo, len);
	default:
		rc = flash_area_erase(pri, lo, hi - lo);
		return rc ? rc : slot_copy(sr->env, pri, lo, scr, 0, len);
	}
}

static int scratch_run(struct swap_run *sr)
{
	uint32_t lo = 0, hi, end, n = 0;
	int rc = data_end(sr->env, sr->pair, &end);

	while (!rc && lo < sr->swap_size) {
		rc = swap_region_next(sr->pair->primary, sr->pair->secondary, lo, end,
				      sr->env->scratch->size, &hi);
		for (unsigned int s = 0; !rc && s < SWAP_STATUS_STATES; s++, n++) {
			if (n < sr->next)
				continue;
			rc = step(sr, s, lo, hi);
			if (!rc)
				rc = swap_status_step_done(sr);
		}
		lo = hi;
	}
	return rc;
}

static const struct swap_method scratch_method = {
	.run = scratch_run,
};

const struct upgrade_engine upgrade_swap_scratch = {
	.name = "swap-scratch",
	.can_revert = true,
	.check = scratch_check,
	.capacity = scratch_capacity,
	.plan = swap_plan,
	.demote = swap_demote,
	.execute = swap_execute,
	.select = swap_select,
	.swap = &scratch_method,
};
