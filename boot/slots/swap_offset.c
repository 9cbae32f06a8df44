// SPDX-License-Identifier: Apache-2.0
/*
 * Swap using offset: the application writes the update into the secondary one sector up
 * (image offset S, the secondary's first sector size), so the exchange needs neither a
 * scratch area nor a move pass: each sector is erased once. Every sector below the trailer
 * sectors of both slots must have the same size, and the secondary needs one sector more
 * than the largest image. Each step below is followed by one status record (record n =
 * step n); N is swap_size in whole sectors.
 *
 * Forward (test and permanent upgrades): the running image A in pri[0..N-1], the update B in
 * sec[1..N]:
 *
 *   for i = 0 up to N-1:    erase sec[i];   copy pri[i]   -> sec[i]       (A[i])
 *                           erase pri[i];   copy sec[i+1] -> pri[i]       (B[i])
 *
 * leaves pri[0..N-1] = B and sec[0..N-1] = A (at offset 0); sec[N] keeps B[N-1].
 *
 * Revert (sr->from_offset0): B in pri[0..N-1], the previous image A at offset 0 in
 * sec[0..N-1]. The same exchange in the other direction, from the top down:
 *
 *   for i = N-1 down to 0:  erase sec[i+1]; copy pri[i]   -> sec[i+1]     (B[i])
 *                           erase pri[i];   copy sec[i]   -> pri[i]       (A[i])
 *
 * leaves pri[0..N-1] = A and B at offset S again, as the application wrote it; sec[0] keeps
 * a stale A[0]. Going up instead would erase sec[1] (A[1]) before it was copied.
 *
 * A cut part-way through a step leaves its destination half written, and the step is done
 * again at the next boot (its record is missing). That is safe because every step's source
 * is still intact then, and every destination holds nothing still needed:
 *
 *   forward i, 1  source pri[i] is next erased by the step after. The destination sec[i]
 *                 held B[i-1], which step (i-1, 2) already copied to pri[i-1], or for i = 0
 *                 the sector below the update, which holds nothing of either image.
 *   forward i, 2  source sec[i+1] is next erased by step (i+1, 1). The destination pri[i]
 *                 held A[i], copied to sec[i] by the step before.
 *   revert i, 1   source pri[i] is next erased by the step after. The destination sec[i+1]
 *                 held A[i+1], which step (i+1, 2) already copied to pri[i+1], or for
 *                 i = N-1 the forward exchange's left-over.
 *   revert i, 2   source sec[i] is next erased by step (i-1, 1). The destination pri[i] held
 *                 B[i], copied to sec[i+1] by the step before.
 *
 * Status records live in the primary's trailer sectors, which no step touches. Wear per
 * exchange: each sector it covers in either slot is erased once (plus the application's own
 * erase of sec[1..N] when it writes the update).
 */
#include <rampart/slots.h>

#include "sector_swap.h"

static const struct sector_swap_needs offset_needs = {
	.engine = "swap-offset",
	.sec_spare = 1,
	.steps = 2,
};

static int offset_check(const struct boot_env *env, const struct boot_pair *p)
{
	return sector_swap_check(&offset_needs, env, p);
}

/* The image size for both slots; the secondary's offset sector is not counted. */
static uint32_t offset_capacity(const struct boot_env *env, const struct boot_pair *p,
				enum boot_slot slot)
{
	(void)slot;
	return sector_swap_capacity(&offset_needs, env, p);
}

static int forward(struct sector_swap *w, const struct flash_area *pri,
		   const struct flash_area *sec)
{
	int rc = 0;

	for (uint32_t i = 0; !rc && i < w->count; i++) {
		rc = sector_swap_step(w, sec, i, pri, i, i);
		if (!rc)
			rc = sector_swap_step(w, pri, i, sec, i + 1, i);
	}
	return rc;
}

static int backward(struct sector_swap *w, const struct flash_area *pri,
		    const struct flash_area *sec)
{
	int rc = 0;

	for (uint32_t i = w->count; !rc && i-- > 0;) {
		rc = sector_swap_step(w, sec, i + 1, pri, i, i);
		if (!rc)
			rc = sector_swap_step(w, pri, i, sec, i, i);
	}
	return rc;
}

static int offset_run(struct swap_run *sr)
{
	struct sector_swap w;
	int rc = sector_swap_begin(&w, &offset_needs, sr);

	if (rc)
		return rc;
	if (sr->from_offset0)
		return backward(&w, sr->pair->primary, sr->pair->secondary);
	return forward(&w, sr->pair->primary, sr->pair->secondary);
}

static const struct swap_method offset_method = {
	.run = offset_run,
	.secondary_offset = true,
};

const struct upgrade_engine upgrade_swap_offset = {
	.name = "swap-offset",
	.can_revert = true,
	.check = offset_check,
	.capacity = offset_capacity,
	.plan = swap_plan,
	.demote = swap_demote,
	.execute = swap_execute,
	.select = swap_select,
	.swap = &offset_method,
};
