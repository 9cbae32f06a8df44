// SPDX-License-Identifier: Apache-2.0
/*
 * Swap using move: the images are exchanged sector by sector without a scratch area, using
 * one spare sector in the primary above the largest image. Every sector below the trailer
 * sectors of both slots must have the same size. With N sectors to exchange (swap_size in
 * whole sectors), the old image A in pri[0..N-1] and the new image B in sec[0..N-1], the
 * steps are, each followed by one status record (record n = step n):
 *
 *   move    for i = N-1 down to 0:   erase pri[i+1]; copy pri[i] -> pri[i+1]
 *           afterwards pri[1..N] = A
 *   swap    for i = 0 up to N-1:     erase pri[i];   copy sec[i]   -> pri[i]      (B[i])
 *                                    erase sec[i];   copy pri[i+1] -> sec[i]      (A[i])
 *
 * leaving pri[0..N-1] = B, sec[0..N-1] = A and a stale copy of A[N-1] in pri[N].
 *
 * A cut part-way through a step leaves its destination half written, and the step is done
 * again at the next boot (its record is missing). That is safe because every step's source
 * is still intact then, and every destination holds nothing still needed:
 *
 *   move i     source pri[i] is next erased by move i-1 (or, for i = 0, by the first swap
 *              step), which runs only after move i is recorded. The destination pri[i+1]
 *              is the spare (i = N-1) or held A[i+1], which move i+1 already copied up.
 *   swap i, 1  source sec[i] is next erased by this sector's second step. The destination
 *              pri[i] held A[i-1], already copied to sec[i-1] (i > 0), or A[0], which the
 *              move phase copied to pri[1] (i = 0).
 *   swap i, 2  source pri[i+1] (A[i]) is next erased by swap i+1's first step. The
 *              destination sec[i] held B[i], already copied to pri[i] by the step before.
 *
 * Status records live in the primary's trailer sectors, which no step touches. Wear per
 * exchange: each primary sector it covers is erased twice (once by the move, once by the
 * swap), the spare once, each secondary sector once.
 */
#include <rampart/slots.h>

#include "sector_swap.h"

static const struct sector_swap_needs move_needs = {
	.engine = "swap-move",
	.pri_spare = 1,
	.steps = 3,
};

static int move_check(const struct boot_env *env, const struct boot_pair *p)
{
	return sector_swap_check(&move_needs, env, p);
}

static uint32_t move_capacity(const struct boot_env *env, const struct boot_pair *p,
			      enum boot_slot slot)
{
	(void)slot;
	return sector_swap_capacity(&move_needs, env, p);
}

static int move_run(struct swap_run *sr)
{
	const struct flash_area *pri = sr->pair->primary, *sec = sr->pair->secondary;
	struct sector_swap w;
	uint32_t i;
	int rc = sector_swap_begin(&w, &move_needs, sr);

	if (rc)
		return rc;
	for (i = w.count; !rc && i-- > 0;)
		rc = sector_swap_step(&w, pri, i + 1, pri, i, i);
	for (i = 0; !rc && i < w.count; i++) {
		rc = sector_swap_step(&w, pri, i, sec, i, i);
		if (!rc)
			rc = sector_swap_step(&w, sec, i, pri, i + 1, i);
	}
	return rc;
}

static const struct swap_method move_method = {
	.run = move_run,
};

const struct upgrade_engine upgrade_swap_move = {
	.name = "swap-move",
	.can_revert = true,
	.check = move_check,
	.capacity = move_capacity,
	.plan = swap_plan,
	.demote = swap_demote,
	.execute = swap_execute,
	.select = swap_select,
	.swap = &move_method,
};
