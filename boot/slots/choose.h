/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The slot choice of the engines that never move images between slots: direct-XIP runs an
 * image where it is, RAM-load copies it out to RAM (boot/slots/choose.c). Private to
 * boot/slots.
 *
 * Between plan and select, ps->run holds the planned slot and ps->verdict the verdict of
 * its validation in flash; ps->pri and ps->sec hold the trailers as read at plan time
 * (revert engines only; zeroed, i.e. UNSET, otherwise).
 */
#ifndef BOOT_SLOTS_CHOOSE_H
#define BOOT_SLOTS_CHOOSE_H

#include <rampart/slots.h>

/*
 * What an engine requires of a validated image on top of slot_validate() (flags, load or
 * link address): true if @info may run from @slot of @ps's pair, else false with
 * info->reason and info->err saying why. Logs nothing.
 */
typedef bool (*choose_fits_fn)(const struct pair_state *ps, enum boot_slot slot,
			       struct image_info *info);

/* Both slots exist and hold room for an image below their trailer sector. 0 or -EINVAL. */
int choose_check(const struct boot_env *env, const struct boot_pair *pair);

/* Bytes below @slot's trailer sector (the sector holding the trailer fields); 0 if none. */
uint32_t choose_capacity(const struct boot_env *env, const struct boot_pair *pair,
			 enum boot_slot slot);

/*
 * choose_plan() - read the trailers (revert engines), validate both slots (then @fits),
 * and plan the slot to run (choose.c's top comment). Sets ps->run, ps->verdict, ps->after,
 * and ps->type: NONE if no other slot could run instead, else TEST for a first trial and
 * PERM otherwise, so that a dependency can demote the plan. Writes nothing. Returns 0.
 */
int choose_plan(struct pair_state *ps, choose_fits_fn fits);

/*
 * choose_demote() - plan the other slot instead (validated again with @fits).
 * 0, or -EPERM if there is no other slot that may run.
 */
int choose_demote(struct pair_state *ps, choose_fits_fn fits);

/* The slot to fall back to from ps->run (demotion, a failed load), or BOOT_SLOT_NONE. */
enum boot_slot choose_alternative(const struct pair_state *ps);

/*
 * choose_execute() - revert engines: erase the header and trailer sectors of a rejected
 * trial, the trailer of a slot whose image does not validate and of a request that lost
 * to a newer image; then, with @mark, choose_mark_trial(ps->run). Other engines: nothing.
 * Returns 0 or the first flash error (the rest is still attempted).
 */
int choose_execute(struct pair_state *ps, bool mark);

/*
 * choose_mark_trial() - if @slot's image is a requested test that has not run yet, write
 * its copy_done: from now on it is on trial and is rejected at the next boot unless it
 * confirms itself. 0 or a flash error. Revert engines only (a no-op otherwise).
 */
int choose_mark_trial(struct pair_state *ps, enum boot_slot slot);

/* Will the image in @slot stay if it runs now (not a trial)? */
bool choose_confirmed(const struct pair_state *ps, enum boot_slot slot);

/* The validated image_info of @slot (pri_info or sec_info). */
struct image_info *choose_info(struct pair_state *ps, enum boot_slot slot);

/* The flash area of @slot. */
const struct flash_area *choose_area(const struct pair_state *ps, enum boot_slot slot);

#endif
