// SPDX-License-Identifier: Apache-2.0
/*
 * The harness's own check: a comparison that exits early on the first differing byte of a
 * secret, and a table lookup indexed by a secret. check-ct requires valgrind to flag this
 * program, so a broken harness (memcheck not running, client requests compiled out) cannot
 * pass every real test vacuously.
 */
#include <stdint.h>
#include <string.h>
#include "test/ct/ct.h"

static const uint8_t table[256] = { 1, 2, 3 };

int main(void)
{
	uint8_t secret[16] = "0123456789abcdef", guess[16] = "0123456789abcdeX";
	volatile uint8_t sink;
	int i;

	ct_secret(secret, sizeof(secret));
	for (i = 0; i < 16 && secret[i] == guess[i]; i++)
		;
	sink = table[secret[3]];
	(void)sink;
	return i == 16;
}
