// SPDX-License-Identifier: Apache-2.0
/*
 * QEMU virt (qemu-system-aarch64 -M virt -cpu cortex-a53): Rampart runs from pflash bank 0
 * (-bios), images live in pflash bank 1, console on the PL011. See README.md for the map.
 */
#include <rampart/board.h>

#define SZ_256K 0x40000u
#define SZ_64M 0x4000000u

/* The virt DT gives the PL011 a 24 MHz apb_pclk; QEMU ignores the divisor but hardware would not. */
static const struct serial_dev console = {
	.name = "pl011",
	.ops = &pl011_ops,
	.base = 0x09000000,
	.clock_hz = 24000000,
	.baud = 115200,
};

/* Bank 0 holds the running bootloader: read it as memory, never send it a command. */
static const struct flash_dev flash0 = {
	.name = "flash0",
	.ops = &cfi_flash_rom_ops,
	.geo = { .size = SZ_64M, .sector_size = SZ_256K, .write_size = 4, .erased_val = 0xff },
	.mapped = true,
	.mmap_base = 0x00000000,
};

/* Two interleaved x16 chips on a 32-bit bus, as QEMU's pflash_cfi01 on virt. */
static struct cfi_flash flash1_cfi = { .bank_width = 4, .chip_width = 2 };

static const struct flash_dev flash1 = {
	.name = "flash1",
	.ops = &cfi_flash_ops,
	.priv = &flash1_cfi,
	.geo = { .size = SZ_64M, .sector_size = SZ_256K, .write_size = 4, .erased_val = 0xff },
	.mapped = true,
	.mmap_base = 0x04000000,
};

static const struct flash_dev *const flash_devs[] = { &flash0, &flash1 };

static const struct flash_area areas[] = {
	{ "boot", &flash0, 0x000000, 0x100000 },
	{ "image0-primary", &flash1, 0x000000, 0x800000 },
	{ "image0-secondary", &flash1, 0x800000, 0x800000 },
	{ "scratch", &flash1, 0x1000000, 0x40000 },
	{ "status", &flash1, 0x1040000, 0x80000 },
};

/* Security counters (CONFIG_BOOT_HW_ROLLBACK_PROT): a power-cut-safe log in "status". */
static struct flash_counter status_counters = { &areas[4] };
static const struct counter_dev counters = {
	.name = "flash-counters",
	.ops = &flash_counter_ops,
	.priv = &status_counters,
	.nr_counters = 4,
};

const struct board board = {
	.name = "qemu_virt_arm64",
	.console = &console,
	.flash_devs = flash_devs,
	.nr_flash_devs = ARRAY_SIZE(flash_devs),
	.areas = areas,
	.nr_areas = ARRAY_SIZE(areas),
	.counter = &counters,
};
