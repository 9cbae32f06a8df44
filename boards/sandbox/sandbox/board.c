// SPDX-License-Identifier: Apache-2.0
/* The sandbox board: one file-backed flash device, console on stdout. */
#include <asm/sandbox.h>
#include <rampart/board.h>

static const struct serial_dev console = {
	.name = "stdout",
	.ops = &sandbox_serial_ops,
};

/* 4 KiB sectors, 8-byte writes (imgtool --align 8), NOR erased to 0xff. */
static const struct flash_dev flash0 = {
	.name = "flash0",
	.ops = &sandbox_flash_ops,
	.priv = &sandbox_flash0,
	.geo = {
		.size = CONFIG_SANDBOX_FLASH_SIZE,
		.sector_size = 0x1000,
		.write_size = 8,
		.erased_val = 0xff,
	},
};

static const struct flash_dev *const flash_devs[] = { &flash0 };

static const struct flash_area areas[] = {
	{ "boot", &flash0, 0x00000, 0x20000 },
	{ "image0-primary", &flash0, 0x20000, 0x40000 },
	{ "image0-secondary", &flash0, 0x60000, 0x40000 },
	{ "scratch", &flash0, 0xa0000, 0x8000 },
	{ "image1-primary", &flash0, 0xb0000, 0x20000 },
	{ "image1-secondary", &flash0, 0xd0000, 0x20000 },
	{ "status", &flash0, 0xf0000, 0x10000 },
};

const struct board board = {
	.name = "sandbox",
	.console = &console,
	.flash_devs = flash_devs,
	.nr_flash_devs = ARRAY_SIZE(flash_devs),
	.areas = areas,
	.nr_areas = ARRAY_SIZE(areas),
};
