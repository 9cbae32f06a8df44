// SPDX-License-Identifier: Apache-2.0
/*
 * The upgrade engines under test. The simulator links them all and runs each in turn: to
 * add an engine, add its line here (the kind tells the oracle where images run from; the
 * last column is MCUboot's published operation count for bench-update, 0 if there is none).
 */
#include <string.h>

#include <rampart/compiler.h>

#include "sim.h"

const struct sim_mode sim_modes[] = {
	{ &upgrade_swap_scratch, SIM_KIND_SWAP, 732 },
	{ &upgrade_swap_move, SIM_KIND_SWAP, 835 },
	{ &upgrade_swap_offset, SIM_KIND_SWAP, 560 },
	{ &upgrade_overwrite, SIM_KIND_OVERWRITE, 226 },
	{ &upgrade_overwrite_fast, SIM_KIND_OVERWRITE, 0 },
	{ &upgrade_direct_xip, SIM_KIND_XIP, 0 },
	{ &upgrade_direct_xip_revert, SIM_KIND_XIP, 0 },
	{ &upgrade_ram_load, SIM_KIND_RAM, 0 },
	{ &upgrade_ram_load_revert, SIM_KIND_RAM, 0 },
};

const unsigned int sim_nr_modes = ARRAY_SIZE(sim_modes);

const struct sim_mode *sim_mode_find(const char *name)
{
	for (unsigned int i = 0; i < sim_nr_modes; i++)
		if (!strcmp(sim_modes[i].engine->name, name))
			return &sim_modes[i];
	return NULL;
}
