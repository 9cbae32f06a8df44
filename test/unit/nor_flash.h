/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A memory flash device for unit tests that enforces NOR rules: a write over bytes that are
 * not erased fails the running cmocka test (a correct caller never does it), and every
 * write is counted so a test can prove that a call wrote nothing.
 */
#ifndef TEST_NOR_FLASH_H
#define TEST_NOR_FLASH_H

#include <rampart/flash.h>

#define NOR_FLASH_MAX (256 * 1024)

struct nor_flash {
	struct flash_dev dev;
	struct flash_area area;		/* the whole device */
	uint8_t mem[NOR_FLASH_MAX];
	unsigned int writes;		/* write ops seen */
	size_t last_write_len;
};

/* A device of @size bytes, erased to @erased, programmed @write_size bytes at a time. */
void nor_flash_init(struct nor_flash *f, uint32_t size, uint8_t write_size, uint8_t erased);

#endif
