// SPDX-License-Identifier: Apache-2.0
/*
 * The sandbox board: a file-backed flash device (--flash), file-backed OTP fuses holding the
 * security counters (--otp), console on stdout.
 */
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

/* 256 bytes of fuses from --otp FILE: 1-byte programming, unprogrammed bits read 1. */
static const struct flash_dev otp0 = {
	.name = "otp0",
	.ops = &sandbox_otp_ops,
	.priv = &sandbox_otp0,
	.geo = { .size = 0x100, .sector_size = 0x100, .write_size = 1, .erased_val = 0xff },
};

/* RAM for RAM-load builds (boot/Kconfig BOOT_RAM_LOAD_*): a host buffer as a RAM device. */
static uint8_t ram_window[0x40000];

static const struct flash_dev ram0 = {
	.name = "ram0",
	.ops = &ram_flash_ops,
	.geo = { .size = sizeof(ram_window), .sector_size = 0x1000, .write_size = 1,
		 .erased_val = 0xff },
	.mapped = true,
	.mmap_base = (uintptr_t)ram_window,
};

static const struct flash_dev *const flash_devs[] = { &flash0, &otp0, &ram0 };

/* Security counters: 4 image numbers, 64 values each (not in the map: --write can't hit it). */
static const struct flash_area otp_counter_area = { "otp-counters", &otp0, 0, 0x100 };
static struct otp_counter otp_counters = { &otp_counter_area, 64 };
static const struct counter_dev counters = {
	.name = "otp-counters",
	.ops = &otp_counter_ops,
	.priv = &otp_counters,
	.nr_counters = 4,
};

static const struct flash_area areas[] = {
	{ "boot", &flash0, 0x00000, 0x20000 },
	{ "image0-primary", &flash0, 0x20000, 0x40000 },
	{ "image0-secondary", &flash0, 0x60000, 0x40000 },
	{ "scratch", &flash0, 0xa0000, 0x8000 },
	{ "image1-primary", &flash0, 0xb0000, 0x20000 },
	{ "image1-secondary", &flash0, 0xd0000, 0x20000 },
	{ "status", &flash0, 0xf0000, 0x10000 },
	{ "ram-load", &ram0, 0, sizeof(ram_window) },
};

const struct board board = {
	.name = "sandbox",
	.console = &console,
	.flash_devs = flash_devs,
	.nr_flash_devs = ARRAY_SIZE(flash_devs),
	.areas = areas,
	.nr_areas = ARRAY_SIZE(areas),
	.counter = &counters,
};
