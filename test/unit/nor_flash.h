/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A memory flash device for unit tests that enforces NOR rules: a write over bytes that are
 * not erased fails the running cmocka test (a correct caller never does it), and every
 * write is counted so a test can prove that a call wrote nothing.
 *
 * Extensions, all off after nor_flash_init() so existing tests see the old behaviour:
 *  - geometry: set dev.geo.sector_size, or dev.geo.sectors/nr_runs for a mixed map, and
 *    area.off/size for an area that is not the whole device;
 *  - strict_units: also fail a write to a write unit programmed since its last erase, even
 *    where the bytes still read erased (NOR with ECC forbids it);
 *  - power cuts (nor_flash_cut()): before, after or in the middle of the Nth write or erase;
 *  - nor_flash_init_otp(): one-time-programmable fuses instead of NOR.
 */
#ifndef TEST_NOR_FLASH_H
#define TEST_NOR_FLASH_H

#include <stdbool.h>
#include <rampart/flash.h>

#define NOR_FLASH_MAX (256 * 1024)

enum nor_cut_when {
	NOR_CUT_NONE,
	NOR_CUT_BEFORE,		/* the operation does nothing */
	NOR_CUT_AFTER,		/* the operation completes, then power is gone */
	NOR_CUT_TEAR,		/* only part of it happens (keep, half) */
};

struct nor_cut {
	unsigned int at;	/* the op (1-based, counting writes and erases) to cut at */
	enum nor_cut_when when;
	size_t keep;		/* NOR_CUT_TEAR: bytes from the start done completely */
	bool half;		/* NOR_CUT_TEAR: byte @keep is half done (half its bits moved) */
};

/* The operation a cut hit, for a test that enumerates cut points. */
struct nor_op {
	bool erase;
	uint32_t off;
	size_t len;
};

struct nor_flash {
	struct flash_dev dev;
	struct flash_area area;		/* the whole device */
	uint8_t mem[NOR_FLASH_MAX];
	unsigned int writes;		/* write ops completed */
	size_t last_write_len;
	unsigned int erases;		/* erase ops completed */
	unsigned int ops;		/* write and erase ops attempted, cut ones included */
	bool strict_units;		/* see above */
	bool otp;			/* set by nor_flash_init_otp() */
	struct nor_cut cut;
	bool cut_done;			/* the cut happened; cut_op says where */
	struct nor_op cut_op;
	bool dead;			/* power is off: every op fails with -EIO */
	uint8_t programmed[NOR_FLASH_MAX / 8];	/* strict_units: bytes of units written */
};

/* A device of @size bytes, erased to @erased, programmed @write_size bytes at a time. */
void nor_flash_init(struct nor_flash *f, uint32_t size, uint8_t write_size, uint8_t erased);

/*
 * The same as one-time-programmable fuses: no erase op (flash_area_erase() returns -ENOSYS
 * when the geometry is valid), and a write may program a unit again but fails the test if
 * it would take a programmed bit back to the unprogrammed value.
 */
void nor_flash_init_otp(struct nor_flash *f, uint32_t size, uint8_t write_size,
			uint8_t erased);

/*
 * Blank the device again, cheaper than nor_flash_init() for tests that replay a scenario
 * many times: every byte erased (also on OTP), counters and cut state cleared; geometry
 * and options stay.
 */
void nor_flash_reset(struct nor_flash *f);

/*
 * Arm a power cut: when op number @cut->at (counted from nor_flash_init(), see f->ops)
 * starts, do the part of it that @cut says, record it in f->cut_op and fail it and every
 * later op, reads included, with -EIO until nor_flash_reboot().
 */
void nor_flash_cut(struct nor_flash *f, const struct nor_cut *cut);

/* Power is back: ops work again and no cut is armed. Memory keeps what the cut left. */
void nor_flash_reboot(struct nor_flash *f);

#endif
