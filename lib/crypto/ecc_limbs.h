/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fixed-size number arithmetic and small constants, included as a template by p256.c and
 * p384.c before their curve constants and field code: numbers are arrays of NW little-endian 32-bit limbs, where NW is a constant the
 * including file defines first, so that each curve gets loops of its own constant length (the
 * compiler unrolls and schedules them per curve; P-256 speed and Cortex-M0 size depend on it).
 * Functions taking the limb count at run time are in ecc.c instead.
 *
 * Every function here is constant-time except bn_equal().
 */
#ifndef RAMPART_LIB_CRYPTO_ECC_LIMBS_H
#define RAMPART_LIB_CRYPTO_ECC_LIMBS_H

#include <stdbool.h>
#include <stdint.h>

#ifndef NW
#error "define NW, the limb count, before including ecc_limbs.h"
#endif

static const uint32_t fe_zero[NW];
static const uint32_t fe_one[NW] = { 1 };
static const uint32_t fe_three[NW] = { 3 };

/* An affine point (x, y), as in the curves' tables of odd multiples of G. */
struct apoint {
	uint32_t x[NW], y[NW];
};

/* r = a (NW limbs). */
static void bn_copy(uint32_t *r, const uint32_t *a)
{
	int i;

	for (i = 0; i < NW; i++)
		r[i] = a[i];
}

/* r = a + b; returns the carry out. r may alias a or b. */
static uint32_t bn_add(uint32_t *r, const uint32_t *a, const uint32_t *b)
{
	uint64_t c = 0;
	int i;

	for (i = 0; i < NW; i++) {
		c += (uint64_t)a[i] + b[i];
		r[i] = (uint32_t)c;
		c >>= 32;
	}
	return (uint32_t)c;
}

/* r = a - b; returns the borrow out (1 if a < b). r may alias a or b. */
static uint32_t bn_sub(uint32_t *r, const uint32_t *a, const uint32_t *b)
{
	uint64_t c = 0;
	int i;

	for (i = 0; i < NW; i++) {
		c = (uint64_t)a[i] - b[i] - c;
		r[i] = (uint32_t)c;
		c = (c >> 32) & 1;
	}
	return (uint32_t)c;
}

/* True if a = b. Variable-time: for public values only. */
static bool bn_equal(const uint32_t *a, const uint32_t *b)
{
	int i;

	for (i = 0; i < NW; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

#endif
