/* SPDX-License-Identifier: Apache-2.0 */
/*
 * An in-memory NOR flash device for the power-cut simulator (DESIGN.md section 5).
 *
 * Geometry: uniform or mixed sector runs, write size 1..32, erased value 0xff (programming
 * ANDs) or 0x00 (programming ORs). Rules are strict: a write must cover whole write units
 * that are fully erased; anything else is recorded as a violation (the engines must never
 * program a unit twice) and programmed anyway, as the silicon would.
 *
 * Every write or erase call inside the cut window is one operation, numbered from 1. A cut
 * plan can stop the device before, after, or in the middle of ("torn") any operation; a cut
 * longjmp()s to the simulator's landing point, as a power failure takes the CPU away from
 * the code that was running. Wear (erases, write calls, bytes) is counted per sector.
 *
 * With ecc set, a write unit left half-programmed by a torn write or garbled by a torn erase
 * reads back as -EIO until its sector is erased, like flash with per-unit ECC.
 */
#ifndef SIM_SIMFLASH_H
#define SIM_SIMFLASH_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include <rampart/flash.h>

#define SIMFLASH_MAX_RUNS 8
#define SIMFLASH_MAX_CUTS 4

/* Why the device longjmp()ed to the landing point (the value setjmp() returns). */
#define SIMFLASH_LANDED_CUT 1
#define SIMFLASH_LANDED_RUNAWAY 2	/* more operations than the limit */
#define SIMFLASH_LANDED_HANG 3		/* more reads than the limit, or simflash_land() */

enum sim_cut_kind {
	SIM_CUT_BEFORE,		/* the operation does not happen */
	SIM_CUT_AFTER,		/* it completes, then power fails */
	SIM_CUT_TORN,		/* part of it happens (chosen by the seed) */
};

struct sim_cut {
	uint32_t op;		/* 1-based operation number in the cut window */
	enum sim_cut_kind kind;
	uint32_t seed;		/* SIM_CUT_TORN: which part is done */
};

enum sim_op_kind { SIM_OP_WRITE, SIM_OP_ERASE };

/* One operation, as recorded in the trace. */
struct sim_op {
	enum sim_op_kind kind;
	uint32_t off;		/* device offset */
	uint32_t len;
};

struct sim_wear {
	uint32_t erases;	/* erase calls that covered the sector (torn ones too) */
	uint32_t writes;	/* write calls that touched the sector */
	uint64_t bytes;		/* bytes those calls programmed in it */
};

struct simflash {
	struct flash_dev dev;
	struct flash_sector_run runs[SIMFLASH_MAX_RUNS];
	uint8_t *mem;
	uint8_t *ecc_bad;		/* one flag per write unit, NULL without ECC */
	uint32_t nr_sectors;
	uint32_t *sector_start;		/* nr_sectors + 1 entries, the last is the size */
	struct sim_wear *wear;		/* nr_sectors entries */

	/* The cut window: operations are counted (and cuts armed) only while counting. */
	bool counting;
	uint32_t ops;			/* operations so far in the window */
	uint32_t op_limit;		/* more than this many lands as a runaway (0: none) */
	uint64_t reads;			/* read calls in the window */
	uint64_t read_limit;		/* more than this many lands as a hang (0: none) */
	const struct sim_cut *cuts;	/* sorted by op */
	unsigned int nr_cuts;
	unsigned int next_cut;
	jmp_buf *landing;
	struct sim_cut last_cut;	/* the cut that fired last */

	bool tracing;			/* record every operation of the window ... */
	struct sim_op *trace;		/* ... here */
	uint32_t trace_len, trace_cap;
	void (*on_op)(const struct simflash *f, const struct sim_op *op, const char *what);

	bool ram;			/* RAM (RAM-load's window): no NOR rules, never counted */
	unsigned int violations;	/* strict-rule breaches (a correct caller makes none) */
	char violation[192];		/* the first one, described */
};

/*
 * simflash_init() - an erased device. @runs (nr_runs of them) is a mixed sector map, or NULL
 * for uniform @sector_size sectors. Returns 0, or -1 if the geometry is malformed or memory
 * runs out (message on stderr).
 */
int simflash_init(struct simflash *f, const char *name, uint32_t size, uint32_t sector_size,
		  const struct flash_sector_run *runs, unsigned int nr_runs, uint8_t write_size,
		  uint8_t erased, bool ecc);
void simflash_free(struct simflash *f);

/*
 * simflash_init_ram() - RAM posing as a flash device (RAM-load's window): reads and writes
 * are plain copies, nothing is counted or cut; simflash_reset() fills it with garbage, as
 * RAM holds after a power cycle. Returns as simflash_init().
 */
int simflash_init_ram(struct simflash *f, const char *name, uint32_t size);

/* Erase everything and clear counters, wear, trace and violations (the window is closed). */
void simflash_reset(struct simflash *f);

/*
 * simflash_arm() - open the cut window: count operations from 1 and fire @cuts (sorted by
 * op, at most SIMFLASH_MAX_CUTS, kept by reference) by longjmp(*@landing, ...).
 */
void simflash_arm(struct simflash *f, const struct sim_cut *cuts, unsigned int nr_cuts,
		  jmp_buf *landing, uint32_t op_limit);
/* Close the window: operations are no longer counted and no cut fires. */
void simflash_disarm(struct simflash *f);

/* Land at once with @why (a watchdog outside the device found the loader stuck). */
__attribute__((noreturn)) void simflash_land(struct simflash *f, int why);

/* Index of the sector holding device offset @off (which must be inside the device). */
uint32_t simflash_sector_index(const struct simflash *f, uint32_t off);

/* Is every byte of [off, off + len) erased? */
bool simflash_is_erased(const struct simflash *f, uint32_t off, uint32_t len);

/* "37b", "37a", "37t5": the command-line form of a cut (sim_cut_parse() reads it back). */
void sim_cut_format(const struct sim_cut *c, char *buf, unsigned int len);
/* Returns 0, or -1 if @s is not of that form. */
int sim_cut_parse(const char *s, struct sim_cut *c);

#endif
