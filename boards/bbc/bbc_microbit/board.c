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

/* The internal flash, read at CPU address 0; 4-byte writes, 1 KiB erase pages. */
static const struct flash_dev flash = {
	.name = "nrf51-flash",
	.ops = &nrf51_nvmc_ops,
	.geo = {
		.size = 0x40000,
		.sector_size = 0x400,
		.write_size = 4,
		.erased_val = 0xff,
	},
	.mapped = true,
	.mmap_base = 0x0,
};

static const struct flash_dev *const flash_devs[] = { &flash };

/* Keep in step with scripts/qemu-run and test/apps/cortex-m (the payload at 0x4200). */
static const struct flash_area areas[] = {
	{ "boot", &flash, 0x00000, 0x04000 },
	{ "image0-primary", &flash, 0x04000, 0x1e000 },
	{ "image0-secondary", &flash, 0x22000, 0x1e000 },
};

const struct board board = {
	.name = "bbc_microbit",
	.console = &uart0,
	.flash_devs = flash_devs,
	.nr_flash_devs = ARRAY_SIZE(flash_devs),
	.areas = areas,
	.nr_areas = ARRAY_SIZE(areas),
};
