// SPDX-License-Identifier: Apache-2.0
/*
 * Host helper for the QEMU tests: prints the flash map of the board.c it is linked with, one
 * "NAME OFFSET SIZE" line per area, so a test takes slot addresses from the board file itself.
 * Built by update-common.sh with the board build's autoconf.h and the drivers left unresolved
 * (-Wl,--unresolved-symbols=ignore-all): only the map's numbers and names are read.
 */
#include <stdio.h>

#include <rampart/board.h>

int main(void)
{
	for (size_t i = 0; i < board.nr_areas; i++)
		printf("%s 0x%x 0x%x\n", board.areas[i].name, (unsigned)board.areas[i].off,
		       (unsigned)board.areas[i].size);
	return 0;
}
