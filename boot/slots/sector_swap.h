/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The sector-by-sector exchange that swap-move and swap-offset share (private to boot/slots).
 *
 * Both engines need every sector below the trailer sectors of both slots to have one size S,
 * and move "image sector i" (bytes [i * S, (i + 1) * S) of an image) between sector i and
 * sector i + 1 of a slot. So one slot needs a spare sector beyond the largest image: the
 * primary for swap-move (the old image moves up into it), the secondary for swap-offset (the
 * update sits one sector up). An engine describes this in a struct sector_swap_needs and
 * lists its steps, in order, through sector_swap_step(); step n is status record n.
 */
#ifndef BOOT_SLOTS_SECTOR_SWAP_H
#define BOOT_SLOTS_SECTOR_SWAP_H

#include <stdint.h>

#include <rampart/slots.h>

struct sector_swap_needs {
	const char *engine;	/* "swap-move", as the log calls it */
	uint8_t pri_spare;	/* sectors the primary needs beyond the largest image's */
	uint8_t sec_spare;	/* the same for the secondary */
	uint8_t steps;		/* steps (status records) per image sector */
};

/*
 * sector_swap_check() - can @pair use an engine with @needs? Logs the reason and returns
 * -EINVAL if a sector below either slot's trailer sectors differs in size from the primary's
 * first, if either slot has no room for one image sector plus its spare, if the largest
 * image takes more steps than the status area has records (env->max_sectors x 3), or if the
 * trailer does not fit the slots. 0 otherwise.
 */
int sector_swap_check(const struct sector_swap_needs *needs, const struct boot_env *env,
		      const struct boot_pair *pair);

/*
 * sector_swap_capacity() - the largest image either slot of @pair may hold: whole sectors,
 * each slot keeping its spare below its trailer sectors. 0 if the layout is unusable (see
 * sector_swap_check()). The same for both slots: an image must fit the other one too.
 */
uint32_t sector_swap_capacity(const struct sector_swap_needs *needs, const struct boot_env *env,
			      const struct boot_pair *pair);

/* An exchange being carried out: the engine's run() enumerates every step in order. */
struct sector_swap {
	struct swap_run *sr;
	uint32_t sector;	/* S */
	uint32_t count;		/* image sectors to exchange: sr->swap_size in whole sectors */
	uint32_t step;		/* steps enumerated so far */
};

/*
 * sector_swap_begin() - set @w up for exchanging sr->swap_size bytes. Returns 0, or -EINVAL
 * if the layout is unusable or that many sectors (with the spare, and their status records)
 * do not fit it: a swap_size no start could have written.
 */
int sector_swap_begin(struct sector_swap *w, const struct sector_swap_needs *needs,
		      struct swap_run *sr);

/*
 * sector_swap_step() - the next step of the exchange: erase sector @d of @dst, copy image
 * sector @i into it from sector @s of @src (only its bytes below sr->swap_size; the rest of
 * the sector stays erased), then write the step's status record. A step the status already
 * records (its number is below sr->next) is skipped. Returns 0 or a flash error (the
 * exchange stops there and resumes at the next boot).
 */
int sector_swap_step(struct sector_swap *w, const struct flash_area *dst, uint32_t d,
		     const struct flash_area *src, uint32_t s, uint32_t i);

#endif
