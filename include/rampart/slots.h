/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Image pairs, upgrade engines and the multi-image boot flow (boot/slots/).
 *
 * boot_go() runs the boot sequence's steps 2-4 (DESIGN.md section 3) for every image pair:
 *
 *   plan     read both trailers; finish an interrupted operation first; otherwise decide the
 *            swap type (MCUboot's table), validate every image a decision depends on and
 *            check rollback rules; a request whose image fails is cleared and logged
 *   resolve  demote planned upgrades whose DEPENDENCY TLVs the planned final state does not
 *            meet, until nothing changes (any image order, no deadlock)
 *   execute  carry out each plan (swap, copy, mark, load); resumable after a cut at any instant
 *   select   the slot each pair runs, validated again; advance security counters of
 *            confirmed images
 *
 * An upgrade engine (one per Kconfig upgrade mode; the simulator links them all) supplies
 * those steps. The swap engines share plan/select (boot/slots/upgrade.c) and differ only in
 * how they exchange the data (struct swap_method).
 *
 * Layout rule for the swap modes: a slot's trailer (MCUboot's, with the swap status area of
 * max_sectors x 3 records below it) lives in the slot's last sector(s), and images must end
 * before the first of those "trailer sectors", which are never part of the data exchange;
 * they hold the swap status for the whole operation. Overwrite keeps no status: its images
 * may use everything below the sector holding the trailer fields.
 */
#ifndef RAMPART_SLOTS_H
#define RAMPART_SLOTS_H

#include <stdbool.h>
#include <stdint.h>

#include <rampart/flash.h>
#include <rampart/image.h>
#include <rampart/trailer.h>
#include <rampart/verdict.h>

struct counter_dev;
struct keyring;
struct upgrade_engine;

#define BOOT_MAX_PAIRS 4
#define SWAP_STATUS_STATES 3	/* records reserved per sector, as imgtool's padding assumes */

struct boot_pair {
	uint8_t num;				/* image number 0..15, as in swap_info */
	const struct flash_area *primary;	/* slot 0: where swap/overwrite modes run from */
	const struct flash_area *secondary;	/* slot 1 */
};

struct boot_env {
	const struct upgrade_engine *engine;
	const struct boot_pair *pairs;
	unsigned int nr_pairs;			/* 1 .. BOOT_MAX_PAIRS */
	const struct flash_area *scratch;	/* swap-scratch only */
	uint32_t align;				/* trailer A (BOOT_MAX_ALIGN); 0: max(8, write) */
	uint32_t max_sectors;			/* status records reserved: max_sectors x 3 */
	const struct keyring *keys;
	bool downgrade_prevention;		/* refuse an upgrade to a lower version */
	const struct counter_dev *counter;	/* security counters; NULL: not enforced */
	/*
	 * RAM-load: images load into the CPU window [ram_addr, ram_addr + ram_size); the loader
	 * writes it through ram_area, a flash area over that RAM (same size).
	 */
	uintptr_t ram_addr;
	uint32_t ram_size;
	const struct flash_area *ram_area;
	uint8_t *buf;				/* copy buffer, buf_len bytes (>= 256, a */
	uint32_t buf_len;			/* multiple of every write size) */
};

/* Where a pair's image will run from, once boot_go() has settled it. */
enum boot_slot { BOOT_SLOT_PRIMARY, BOOT_SLOT_SECONDARY, BOOT_SLOT_NONE };

/* The working state of one pair through the four steps; owned by boot_go(). */
struct pair_state {
	const struct boot_env *env;
	const struct boot_pair *pair;
	struct trailer pri, sec;		/* as read at plan time */
	enum swap_type type;			/* planned operation (NONE: leave as is) */
	bool resume;				/* finishing an interrupted operation */
	bool pri_ok, sec_ok;			/* images validated during plan */
	struct image_info pri_info, sec_info;
	/*
	 * Planned final state, for dependency resolution: the validated image that will run
	 * once execute is done (NULL: unknown or none, e.g. while resuming).
	 */
	const struct image_info *after;
	bool keep_primary;			/* swap: revert impossible, confirm the primary */
	/* Select: the slot to run and its validated image. */
	enum boot_slot run;
	struct image_info info;
	verdict_t verdict;
	bool confirmed;				/* select: the running image will not revert */
	bool ram_loaded;			/* RAM-load: info describes the copy in RAM */
	uintptr_t ram_base;			/* ... which starts (header) here */
};

/*
 * The data-exchange part of a swap engine. @run exchanges the first @swap_size bytes of the
 * pair's image areas (rounded up to whole sectors), continuing after the last status record
 * found in the primary's trailer; every step it completes is followed by one status record.
 * Returns 0 or a flash error (the operation resumes at the next boot).
 */
struct swap_run;
struct swap_method {
	int (*run)(struct swap_run *sr);
	/* Offset of the image in the secondary when the application wrote it (swap-offset). */
	bool secondary_offset;
};

struct upgrade_engine {
	const char *name;		/* "swap-scratch", ..., as the log and docs call it */
	bool can_revert;		/* test upgrades and revert exist in this mode */
	/*
	 * Is the layout usable (sector alignment, scratch size, spare sector)? Logs and returns
	 * -EINVAL if not; 0 otherwise.
	 */
	int (*check)(const struct boot_env *env, const struct boot_pair *pair);
	/*
	 * Largest image (header + payload + TLVs) @slot of @pair may hold; an offset the image
	 * starts at (swap-offset's secondary) is not part of it.
	 */
	uint32_t (*capacity)(const struct boot_env *env, const struct boot_pair *pair,
			     enum boot_slot slot);
	int (*plan)(struct pair_state *ps);
	/*
	 * Give up the planned upgrade of @ps (a dependency is not met): ps->after and the plan
	 * change to what runs without it. 0, or -EPERM if the plan cannot be dropped (an
	 * interrupted operation must finish). NULL: never demotable.
	 */
	int (*demote)(struct pair_state *ps);
	int (*execute)(struct pair_state *ps);
	int (*select)(struct pair_state *ps);
	const struct swap_method *swap;	/* swap modes only */
};

extern const struct upgrade_engine upgrade_swap_scratch;
extern const struct upgrade_engine upgrade_swap_move;
extern const struct upgrade_engine upgrade_swap_offset;
extern const struct upgrade_engine upgrade_overwrite;
extern const struct upgrade_engine upgrade_overwrite_fast;
extern const struct upgrade_engine upgrade_direct_xip;
extern const struct upgrade_engine upgrade_direct_xip_revert;
extern const struct upgrade_engine upgrade_ram_load;
extern const struct upgrade_engine upgrade_ram_load_revert;
extern const struct upgrade_engine upgrade_single_slot;

/*
 * boot_go() - settle every image pair of @env and pick what runs (see the top of this file).
 * @st: caller-owned, env->nr_pairs entries; st[i] describes pair i afterwards.
 * Returns 0 if image pair 0 has a validated image to run (st[0].run, st[0].info, verdict
 * OK), -ENOENT if it has none (every candidate refused; the log says why), -EINVAL for an
 * unusable layout, or a flash error that stopped the flow.
 */
int boot_go(const struct boot_env *env, struct pair_state *st);

/*
 * boot_resolve_deps() - the resolve step: while some planned final image has a DEPENDENCY
 * that the planned final image of the named pair does not meet (or no such pair exists),
 * demote that pair's plan. Terminates: demotions only drop plans. Logs each demotion.
 */
void boot_resolve_deps(struct pair_state *st, unsigned int nr);

/* The swap engines' shared steps (boot/slots/upgrade.c). */
int swap_plan(struct pair_state *ps);
int swap_demote(struct pair_state *ps);
int swap_execute(struct pair_state *ps);
int swap_select(struct pair_state *ps);

/*
 * Pieces shared by the engines (boot/slots/slot.c, status.c, upgrade.c).
 */

/*
 * slot_trailer_start() - offset of the first trailer sector of @fa: the start of the sector
 * holding the lowest trailer byte (status area included, for @max_sectors). Images must end
 * at or below it. Returns 0 and sets *start, or -EINVAL (layout, geometry).
 */
int slot_trailer_start(const struct flash_area *fa, uint32_t align, uint32_t max_sectors,
		       uint32_t *start);

/* slot_status_off() - offset of status record 0 in @fa's trailer. 0 or -EINVAL. */
int slot_status_off(const struct flash_area *fa, uint32_t align, uint32_t max_sectors,
		    uint32_t *off);

/*
 * slot_erase_trailer() - erase @fa's trailer sectors (magic first to go: one erase call per
 * sector, highest first, so a cut never leaves a GOOD magic over erased flags).
 * 0 or a flash error.
 */
int slot_erase_trailer(const struct flash_area *fa, uint32_t align, uint32_t max_sectors);

/*
 * slot_validate() - mcuboot_validate() of the image at @off in @fa (an image of @pair),
 * then the slot rules: refused if larger than @capacity, and, with env->counter, if it has
 * no SEC_CNT TLV or one below the stored counter for pair->num. Logs the outcome once:
 * "<area>: image <version> verified (...)", "<area>: empty" or
 * "<area>: image refused: <reason>". Returns the verdict; @info filled as
 * mcuboot_validate() leaves it, reason/err updated for the slot rules.
 */
verdict_t slot_validate(const struct boot_env *env, const struct boot_pair *pair,
			const struct flash_area *fa, uint32_t off, uint32_t capacity,
			struct image_info *info);

/*
 * slot_downgrade() - the version rule: with env->downgrade_prevention, is the validated
 * secondary image (ps->sec_info) below the validated primary one? Logs the refusal.
 */
bool slot_downgrade(const struct pair_state *ps);

/*
 * slot_run_primary() - the end of a select that runs the primary: if ps->pri_ok, copy
 * ps->pri_info to ps->info, set ps->run and ps->confirmed = @confirmed and return 0;
 * otherwise ps->run = BOOT_SLOT_NONE and -ENOENT.
 */
int slot_run_primary(struct pair_state *ps, bool confirmed);

/*
 * slot_copy() - copy @len bytes from @src at @soff to @dst at @doff through env->buf.
 * The destination must be erased; @len is rounded up to the destination's write size
 * (reading past @len in @src is fine: both are whole sectors). 0 or a flash error.
 */
int slot_copy(const struct boot_env *env, const struct flash_area *dst, uint32_t doff,
	      const struct flash_area *src, uint32_t soff, uint32_t len);

/* State of a swap in progress, for struct swap_method's run(). */
struct swap_run {
	const struct boot_env *env;
	const struct boot_pair *pair;
	uint32_t swap_size;	/* bytes to exchange, from the primary's trailer */
	uint32_t status_off;	/* record 0 in the primary */
	uint32_t nr_records;	/* max_sectors x 3 */
	uint32_t next;		/* first record not yet written: steps 0 .. next - 1 are done */
	bool from_offset0;	/* swap-offset: the secondary's image starts at 0 (a revert) */
};

/*
 * swap_status_scan() - find sr->next: the number of leading records in the primary that are
 * not erased. A torn record counts as written (it is written only after its step finished),
 * and so does one that cannot be read (ECC error on a torn unit). Returns 0.
 */
int swap_status_scan(struct swap_run *sr);

/* swap_status_step_done() - write record sr->next and advance it. -ENOSPC if none left. */
int swap_status_step_done(struct swap_run *sr);

/*
 * swap_region_next() - the region of an exchange that starts at @lo (a sector boundary of
 * both @a and @b): *hi is the smallest offset above @lo that is a sector boundary of both
 * areas, extended while the region stays within @max bytes (0: one common sector step) and
 * below @end. Returns 0, or -EINVAL if the sector maps never line up within @max or below
 * the areas' ends.
 */
int swap_region_next(const struct flash_area *a, const struct flash_area *b, uint32_t lo,
		     uint32_t end, uint32_t max, uint32_t *hi);

#endif
