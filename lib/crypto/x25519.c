// SPDX-License-Identifier: Apache-2.0
/*
 * X25519 (RFC 7748 5): the Montgomery ladder on the u-coordinate of Curve25519, over
 * fe25519.c. Constant-time in the scalar and the point: the ladder runs all 255 steps with the
 * same field operations, its swaps are masked, and the field arithmetic never branches on data.
 */
#include <rampart/compiler.h>
#include <rampart/errno.h>
#include "fe25519.h"
#include "internal.h"

#define NW FE25519_NW

/* (A - 2) / 4 for Curve25519's A = 486662 */
#define A24 121665

struct ladder {
	uint32_t x1[NW], x2[NW], z2[NW], x3[NW], z3[NW];
};

/* One step of RFC 7748 5: (x2 : z2) doubled, (x3 : z3) = (x2 : z2) + (x3 : z3) given x1. */
static void ladder_step(struct ladder *l)
{
	uint32_t a[NW], aa[NW], b[NW], bb[NW], e[NW], c[NW], d[NW];

	fe25519_add(a, l->x2, l->z2);
	fe25519_sqr(aa, a);
	fe25519_sub(b, l->x2, l->z2);
	fe25519_sqr(bb, b);
	fe25519_sub(e, aa, bb);
	fe25519_add(c, l->x3, l->z3);
	fe25519_sub(d, l->x3, l->z3);
	fe25519_mul(d, d, a);		/* DA */
	fe25519_mul(c, c, b);		/* CB */
	fe25519_add(l->x3, d, c);
	fe25519_sqr(l->x3, l->x3);
	fe25519_sub(l->z3, d, c);
	fe25519_sqr(l->z3, l->z3);
	fe25519_mul(l->z3, l->z3, l->x1);
	fe25519_mul(l->x2, aa, bb);
	fe25519_mul_small(a, e, A24);
	fe25519_add(a, a, aa);
	fe25519_mul(l->z2, e, a);
}

static void ladder_cswap(struct ladder *l, uint32_t swap)
{
	fe25519_cswap(l->x2, l->x3, swap);
	fe25519_cswap(l->z2, l->z3, swap);
}

/* See internal.h. */
int x25519(uint8_t out[X25519_LEN], const uint8_t scalar[X25519_LEN],
	   const uint8_t u[X25519_LEN])
{
	struct ladder l;
	uint8_t k[X25519_LEN];
	uint32_t bit, swap = 0, acc = 0;
	int i;

	/* Clamp (RFC 7748 5): a multiple of the cofactor 8, bit 254 set, bit 255 clear. */
	__builtin_memcpy(k, scalar, sizeof(k));
	k[0] &= 248;
	k[31] = (uint8_t)((k[31] & 127) | 64);
	fe25519_from_bytes(l.x1, u);
	l.x1[NW - 1] &= 0x7fffffffu;	/* u's top bit is ignored; u >= p is taken mod p */

	__builtin_memset(l.x2, 0, sizeof(l.x2));
	l.x2[0] = 1;
	__builtin_memset(l.z2, 0, sizeof(l.z2));
	__builtin_memcpy(l.x3, l.x1, sizeof(l.x3));
	__builtin_memset(l.z3, 0, sizeof(l.z3));
	l.z3[0] = 1;
	for (i = 254; i >= 0; i--) {
		bit = (k[i / 8] >> (i % 8)) & 1;
		ladder_cswap(&l, swap ^ bit);
		swap = bit;
		ladder_step(&l);
	}
	ladder_cswap(&l, swap);

	fe25519_invert(l.z2, l.z2);
	fe25519_mul(l.x2, l.x2, l.z2);
	fe25519_to_bytes(out, l.x2);
	for (i = 0; i < X25519_LEN; i++)
		acc |= out[i];
	crypto_wipe(k, sizeof(k));
	crypto_wipe(&l, sizeof(l));
	/* All zero (a small-order u) gives -EINVAL; the test is on the value, not a branch. */
	return -EINVAL & (int)(((acc | (0u - acc)) >> 31) - 1);
}
