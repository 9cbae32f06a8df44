/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Hardened security verdicts.
 *
 * A verdict is never a bare int where 0 means "valid": a glitched comparison or a zeroed
 * register must not turn into "accept". The two values are far apart in Hamming distance and
 * neither is 0, ~0 or a small integer. Code that gates a side effect checks a verdict twice
 * (VERDICT_CHECK_TWICE), with a compiler barrier between the checks.
 */
#ifndef RAMPART_VERDICT_H
#define RAMPART_VERDICT_H

#include <stdbool.h>
#include <stdint.h>

#define VERDICT_OK_BITS   0x3ca5c35au
#define VERDICT_FAIL_BITS 0xc35a3ca5u

typedef struct {
	volatile uint32_t bits;
} verdict_t;

static inline verdict_t verdict_ok(void)
{
	verdict_t v = { VERDICT_OK_BITS };
	return v;
}

static inline verdict_t verdict_fail(void)
{
	verdict_t v = { VERDICT_FAIL_BITS };
	return v;
}

/* True only for the exact success pattern; anything else (including corruption) is failure. */
static inline bool verdict_is_ok(verdict_t v)
{
	return v.bits == VERDICT_OK_BITS;
}

static inline void verdict_barrier(void)
{
	__asm__ __volatile__("" ::: "memory");
}

/* Both reads must see the success pattern; used right before an irreversible step. */
static inline bool verdict_is_ok_twice(const verdict_t *v)
{
	if (v->bits != VERDICT_OK_BITS)
		return false;
	verdict_barrier();
	if (v->bits != VERDICT_OK_BITS)
		return false;
	return true;
}

#endif
