// SPDX-License-Identifier: Apache-2.0
/*
 * Device geometries and flash maps. Each sweep layout holds two image pairs and a scratch
 * area on one device. Slots are sized so that every engine fits: the image, one spare
 * sector (swap-move shifts the primary up by one, swap-offset writes the update one sector
 * into the secondary) and the trailer sector(s) at the end; the last image sector is only
 * partly used. The images span several sectors everywhere but on the 256 KiB CFI part.
 */
#include <string.h>

#include <rampart/compiler.h>

#include "sim.h"

#define K(n) ((n) * 1024u)

/* STM32F42x/43x dual-bank 2 MiB: per bank 4 x 16K, 1 x 64K, 7 x 128K. */
static const struct flash_sector_run stm32f4_runs[] = {
	{ 4, K(16) }, { 1, K(64) }, { 7, K(128) },
	{ 4, K(16) }, { 1, K(64) }, { 7, K(128) },
};

/* Four equal slots at @base, @slot bytes each, then the scratch area. */
#define SLOTS(base, slot) { \
	{ { (base), (slot) }, { (base) + (slot), (slot) } }, \
	{ { (base) + 2 * (slot), (slot) }, { (base) + 3 * (slot), (slot) } } }

const struct sim_layout sim_layouts[] = {
	{
		.name = "nrf52-4k-w4",
		.what = "nRF52840-like: 4 KiB sectors, write 4, erased 0xff, 1-sector scratch",
		.dev_size = K(148), .sector_size = K(4), .write_size = 4, .erased = 0xff,
		.slot = SLOTS(0, K(36)), .scratch = { K(144), K(4) },
		.max_sectors = 16, .payload = 25800, .buf_len = 1024, .sweep = true,
	},
	{
		.name = "stm32f4-mixed-w1",
		.what = "STM32F4 dual bank: primary 4x16K+64K+128K, secondary 2x128K, write 1",
		.dev_size = K(2048), .runs = stm32f4_runs, .nr_runs = ARRAY_SIZE(stm32f4_runs),
		.write_size = 1, .erased = 0xff,
		.slot = { { { 0, K(256) }, { K(256), K(256) } },
			  { { K(1024), K(256) }, { K(1280), K(256) } } },
		.scratch = { K(512), K(128) },
		.max_sectors = 8, .payload = 100000, .buf_len = 4096, .sweep = true,
	},
	{
		.name = "nrf51-1k-w4",
		.what = "nRF51: 1 KiB pages, write 4, erased 0xff, 1-page scratch",
		.dev_size = K(65), .sector_size = K(1), .write_size = 4, .erased = 0xff,
		.slot = SLOTS(0, K(16)), .scratch = { K(64), K(1) },
		.max_sectors = 16, .payload = 11500, .buf_len = 1024, .sweep = true,
	},
	{
		.name = "cfi-256k-w32",
		.what = "CFI parallel NOR: 256 KiB sectors, write 32 (A = 32), erased 0xff",
		.dev_size = K(4352), .sector_size = K(256), .write_size = 32, .erased = 0xff,
		.slot = SLOTS(0, K(1024)), .scratch = { K(4096), K(256) },
		.max_sectors = 4, .payload = 300000, .buf_len = 4096, .sweep = true,
	},
	{
		.name = "stm32l4-2k-w8",
		.what = "STM32L4-like: 2 KiB pages, write 8 (double word), erased 0xff",
		.dev_size = K(98), .sector_size = K(2), .write_size = 8, .erased = 0xff,
		.slot = SLOTS(0, K(24)), .scratch = { K(96), K(2) },
		.max_sectors = 12, .payload = 16000, .buf_len = 1024, .sweep = true,
	},
	{
		.name = "e00-8k-w16",
		.what = "8 KiB sectors, write 16, erased 0x00 (programming sets bits)",
		.dev_size = K(264), .sector_size = K(8), .write_size = 16, .erased = 0x00,
		.slot = SLOTS(0, K(64)), .scratch = { K(256), K(8) },
		.max_sectors = 8, .payload = 40000, .buf_len = 1024, .sweep = true,
	},
	{
		.name = "e00-4k-w2",
		.what = "4 KiB sectors, write 2, erased 0x00, 3-sector scratch",
		.dev_size = K(204), .sector_size = K(4), .write_size = 2, .erased = 0x00,
		.slot = SLOTS(0, K(48)), .scratch = { K(192), K(12) },
		.max_sectors = 12, .payload = 37000, .buf_len = 1024, .sweep = true,
	},
	{
		.name = "stm32l4-2k-w8-ecc",
		.what = "stm32l4-2k-w8 with ECC: a torn double word reads back as -EIO",
		.dev_size = K(98), .sector_size = K(2), .write_size = 8, .erased = 0xff,
		.ecc = true,
		.slot = SLOTS(0, K(24)), .scratch = { K(96), K(2) },
		.max_sectors = 12, .payload = 16000, .buf_len = 1024, .sweep = true,
	},
	{
		/* MCUboot simulator's nRF52840 map; a 188 KiB image; not swept (bench only). */
		.name = "nrf52840-188k",
		.what = "MCUboot's nRF52840 map: 208 KiB slots, 52 KiB scratch, 4 KiB, write 4",
		.dev_size = K(1024), .sector_size = K(4), .write_size = 4, .erased = 0xff,
		.slot = { { { K(32), K(208) }, { K(240), K(208) } } },
		.scratch = { K(448), K(52) },
		.max_sectors = 128, .payload = K(188) - 0x200 - 0x98, .buf_len = 1024,
	},
};

const unsigned int sim_nr_layouts = ARRAY_SIZE(sim_layouts);

const struct sim_layout *sim_layout_find(const char *name)
{
	for (unsigned int i = 0; i < sim_nr_layouts; i++)
		if (!strcmp(sim_layouts[i].name, name))
			return &sim_layouts[i];
	return NULL;
}
