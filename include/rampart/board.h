/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A board is data: each boards/<vendor>/<board>/board.c defines `const struct board board`
 * (console, flash devices, flash map) and nothing that the core would have to know about.
 */
#ifndef RAMPART_BOARD_H
#define RAMPART_BOARD_H

#include <stddef.h>
#include <rampart/compiler.h>
#include <rampart/counter.h>
#include <rampart/flash.h>
#include <rampart/serial.h>

struct board {
	const char *name;
	/* SoC set-up that is not a driver (clocks, pinmux); optional. 0 or -errno. */
	int (*early_init)(void);
	const struct serial_dev *console;
	const struct flash_dev *const *flash_devs;
	size_t nr_flash_devs;
	const struct flash_area *areas;	/* the flash map */
	size_t nr_areas;
	/* Security counters for anti-rollback (drivers/otp/); NULL: not enforced. */
	const struct counter_dev *counter;
};

extern const struct board board;

/* The flash map entry called @name, or NULL. */
const struct flash_area *board_find_area(const char *name);

#endif
