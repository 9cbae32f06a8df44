// SPDX-License-Identifier: Apache-2.0
/*
 * ARM MPS2 with AN385 (Cortex-M3), as QEMU's mps2-an385 models it: CMSDK UART0 console, and
 * SSRAM1 at address 0, the memory the board boots from, used as the flash.
 */
#include <rampart/board.h>

static const struct serial_dev uart0 = {
	.name = "uart0",
	.ops = &cmsdk_uart_ops,
	.base = 0x40004000,
	.clock_hz = 25000000,
	.baud = 115200,
};

/*
 * SSRAM1 (4 MiB at 0) is RAM; the RAM flash driver gives it NOR semantics. 4 KiB sectors,
 * 8-byte writes (imgtool --align 8), erased 0xff. The CPU reads it at address 0.
 */
static const struct flash_dev ssram1 = {
	.name = "ssram1",
	.ops = &ram_flash_ops,
	.geo = {
		.size = 0x400000,
		.sector_size = 0x1000,
		.write_size = 8,
		.erased_val = 0xff,
	},
	.mapped = true,
	.mmap_base = 0x0,
};

static const struct flash_dev *const flash_devs[] = { &ssram1 };

/* Keep in step with scripts/qemu-run and test/apps/cortex-m (the payload at 0x10200). */
static const struct flash_area areas[] = {
	{ "boot", &ssram1, 0x00000, 0x10000 },
	{ "image0-primary", &ssram1, 0x10000, 0x80000 },
	{ "image0-secondary", &ssram1, 0x90000, 0x80000 },
};

const struct board board = {
	.name = "mps2_an385",
	.console = &uart0,
	.flash_devs = flash_devs,
	.nr_flash_devs = ARRAY_SIZE(flash_devs),
	.areas = areas,
	.nr_areas = ARRAY_SIZE(areas),
};
