// SPDX-License-Identifier: Apache-2.0
/*
 * BBC micro:bit v1: nRF51822 (Cortex-M0, 256 KiB flash in 1 KiB pages, 16 KiB RAM). Console
 * on UART0 (the USB interface chip's serial port), flash through the NVMC.
 */
#include <rampart/board.h>

/* The micro:bit routes UART0 to the interface chip on P0.24 (TXD) and P0.25 (RXD). */
static const struct nrf51_uart_pins uart0_pins = { .txd = 24, .rxd = 25 };

static const struct serial_dev uart0 = {
	.name = "uart0",
	.ops = &nrf51_uart_ops,
	.base = 0x40002000,
	.baud = 115200,
	.priv = (void *)&uart0_pins,
};

/*
 * The boot area is CONFIG_BOOT_ROM_SIZE (16 KiB single-slot, 24 KiB with an upgrade mode);
 * swap-scratch takes 8 KiB of scratch at the top; the two slots share the rest. Single slot:
 * primary 0x4000/0x1e000 (keep in step with scripts/qemu-run and test/apps/cortex-m, the
 * payload at 0x4200); swap-scratch: primary 0x6000/0x1c000, secondary 0x22000, scratch
 * 0x3e000/0x2000.
 */
#define FLASH_SIZE 0x40000
#define SCRATCH_SIZE (IS_ENABLED(CONFIG_BOOT_SWAP_SCRATCH) ? 0x2000 : 0)
#define SLOT_SIZE (((FLASH_SIZE - CONFIG_BOOT_ROM_SIZE - SCRATCH_SIZE) / 2) & ~0x3ff)

/* The internal flash, read at CPU address 0; 4-byte writes, 1 KiB erase pages. */
static const struct flash_dev flash = {
	.name = "nrf51-flash",
	.ops = &nrf51_nvmc_ops,
	.geo = {
		.size = FLASH_SIZE,
		.sector_size = 0x400,
		.write_size = 4,
		.erased_val = 0xff,
	},
	.mapped = true,
	.mmap_base = 0x0,
};

static const struct flash_dev *const flash_devs[] = { &flash };

static const struct flash_area areas[] = {
	{ "boot", &flash, 0x00000, CONFIG_BOOT_ROM_SIZE },
	{ "image0-primary", &flash, CONFIG_BOOT_ROM_SIZE, SLOT_SIZE },
	{ "image0-secondary", &flash, CONFIG_BOOT_ROM_SIZE + SLOT_SIZE, SLOT_SIZE },
	{ "scratch", &flash, FLASH_SIZE - SCRATCH_SIZE, SCRATCH_SIZE },
};

const struct board board = {
	.name = "bbc_microbit",
	.console = &uart0,
	.flash_devs = flash_devs,
	.nr_flash_devs = ARRAY_SIZE(flash_devs),
	.areas = areas,
	/* the scratch area (last) only exists with swap-scratch */
	.nr_areas = ARRAY_SIZE(areas) - (SCRATCH_SIZE ? 0 : 1),
};
