// SPDX-License-Identifier: Apache-2.0
#include <rampart/board.h>
#include <rampart/string.h>

const struct flash_area *board_find_area(const char *name)
{
	for (size_t i = 0; i < board.nr_areas; i++) {
		if (strcmp(board.areas[i].name, name) == 0)
			return &board.areas[i];
	}
	return NULL;
}
