// SPDX-License-Identifier: Apache-2.0
/*
 * GF(2^255 - 19) with 8 x 32-bit limbs (see fe25519.h): schoolbook products reduced with
 * 2^256 = 38 (mod p), values kept below 2^256 rather than below p. Every function is
 * constant-time; carries are folded back with fixed passes, never with a data-dependent loop.
 */
#include <rampart/compiler.h>
#include "fe25519.h"

#define NW FE25519_NW

/* p = 2^255 - 19 */
static const uint32_t field_p[NW] = {
	0xffffffedu, 0xffffffffu, 0xffffffffu, 0xffffffffu,
	0xffffffffu, 0xffffffffu, 0xffffffffu, 0x7fffffffu,
};

/*
 * r + top 2^256 = r + 38 top (mod p) for top < 2^26. If the first pass carries, the new r is
 * below 38 top + 38 < 2^32 - 38, so adding the last 38 to r[0] cannot carry again.
 */
static void fold(uint32_t *r, uint32_t top)
{
	uint64_t c = (uint64_t)top * 38;
	int i;

	for (i = 0; i < NW; i++) {
		c += r[i];
		r[i] = (uint32_t)c;
		c >>= 32;
	}
	r[0] += (uint32_t)c * 38;
}

void fe25519_from_bytes(uint32_t *r, const uint8_t b[32])
{
	int i;

	for (i = 0; i < NW; i++)
		r[i] = get_le32(b + 4 * i);
}

void fe25519_add(uint32_t *r, const uint32_t *a, const uint32_t *b)
{
	uint64_t c = 0;
	int i;

	for (i = 0; i < NW; i++) {
		c += (uint64_t)a[i] + b[i];
		r[i] = (uint32_t)c;
		c >>= 32;
	}
	fold(r, (uint32_t)c);
}

/*
 * A borrow out of a - b leaves r = a - b + 2^256, 38 too much mod p: take 38 off, and if that
 * borrows too (r was below 38) the new r is at least 2^256 - 38, so the second 38 comes off
 * r[0] without a borrow.
 */
void fe25519_sub(uint32_t *r, const uint32_t *a, const uint32_t *b)
{
	uint64_t c = 0;
	uint32_t borrow;
	int i;

	for (i = 0; i < NW; i++) {
		c = (uint64_t)a[i] - b[i] - c;
		r[i] = (uint32_t)c;
		c = (c >> 32) & 1;
	}
	borrow = (uint32_t)c;
	c = (uint64_t)r[0] - 38 * borrow;
	r[0] = (uint32_t)c;
	c = (c >> 32) & 1;
	for (i = 1; i < NW; i++) {
		c = (uint64_t)r[i] - c;
		r[i] = (uint32_t)c;
		c = (c >> 32) & 1;
	}
	r[0] -= 38 * (uint32_t)c;
}

/* r = t[0 .. 7] + 38 t[8 .. 15] mod p for a 512-bit product t. */
static void reduce(uint32_t *r, const uint32_t *t)
{
	uint64_t c = 0;
	int i;

	for (i = 0; i < NW; i++) {
		c += (uint64_t)t[i + NW] * 38 + t[i];
		r[i] = (uint32_t)c;
		c >>= 32;
	}
	fold(r, (uint32_t)c);
}

void fe25519_mul(uint32_t *r, const uint32_t *a, const uint32_t *b)
{
	uint32_t t[2 * NW];
	uint64_t c;
	int i, j;

	for (i = 0; i < NW; i++)
		t[i] = 0;
	for (i = 0; i < NW; i++) {
		c = 0;
		for (j = 0; j < NW; j++) {
			c += (uint64_t)a[i] * b[j] + t[i + j];
			t[i + j] = (uint32_t)c;
			c >>= 32;
		}
		t[i + NW] = (uint32_t)c;
	}
	reduce(r, t);
}

/* The products a[i] a[j], i < j, once, doubled, plus the squares a[i]^2. */
void fe25519_sqr(uint32_t *r, const uint32_t *a)
{
	uint32_t t[2 * NW], lo, hi, top = 0;
	uint64_t c, sq;
	int i, j;

	for (i = 0; i < 2 * NW; i++)
		t[i] = 0;
	for (i = 0; i < NW - 1; i++) {
		c = 0;
		for (j = i + 1; j < NW; j++) {
			c += (uint64_t)a[i] * a[j] + t[i + j];
			t[i + j] = (uint32_t)c;
			c >>= 32;
		}
		t[i + NW] = (uint32_t)c;
	}
	c = 0;
	for (i = 0; i < NW; i++) {
		sq = (uint64_t)a[i] * a[i];
		lo = t[2 * i];
		hi = t[2 * i + 1];
		c += (uint64_t)((lo << 1) | top) + (uint32_t)sq;
		t[2 * i] = (uint32_t)c;
		c = (c >> 32) + ((uint64_t)((hi << 1) | (lo >> 31)) + (sq >> 32));
		t[2 * i + 1] = (uint32_t)c;
		c >>= 32;
		top = hi >> 31;
	}
	reduce(r, t);
}

void fe25519_mul_small(uint32_t *r, const uint32_t *a, uint32_t k)
{
	uint64_t c = 0;
	int i;

	for (i = 0; i < NW; i++) {
		c += (uint64_t)a[i] * k;
		r[i] = (uint32_t)c;
		c >>= 32;
	}
	fold(r, (uint32_t)c);
}

static void sqr_n(uint32_t *r, const uint32_t *a, int n)
{
	fe25519_sqr(r, a);
	while (--n > 0)
		fe25519_sqr(r, r);
}

/*
 * r = a^(2^250 - 1) and a11 = a^11, the common start of both exponents below: each step
 * doubles the run of ones in the exponent (2^5 - 1, 2^10 - 1, ..., 2^250 - 1).
 */
static void pow_2_250_1(uint32_t *r, uint32_t *a11, const uint32_t *a)
{
	uint32_t t0[NW], t1[NW], t2[NW];

	fe25519_sqr(t0, a);		/* 2 */
	sqr_n(t1, t0, 2);		/* 8 */
	fe25519_mul(t1, t1, a);		/* 9 */
	fe25519_mul(a11, t1, t0);	/* 11 */
	fe25519_sqr(t0, a11);		/* 22 */
	fe25519_mul(t0, t0, t1);	/* 31 = 2^5 - 1 */
	sqr_n(t1, t0, 5);
	fe25519_mul(t1, t1, t0);	/* 2^10 - 1 */
	sqr_n(t2, t1, 10);
	fe25519_mul(t2, t2, t1);	/* 2^20 - 1 */
	sqr_n(r, t2, 20);
	fe25519_mul(r, r, t2);		/* 2^40 - 1 */
	sqr_n(r, r, 10);
	fe25519_mul(t0, r, t1);		/* 2^50 - 1 */
	sqr_n(t1, t0, 50);
	fe25519_mul(t1, t1, t0);	/* 2^100 - 1 */
	sqr_n(t2, t1, 100);
	fe25519_mul(t2, t2, t1);	/* 2^200 - 1 */
	sqr_n(t2, t2, 50);
	fe25519_mul(r, t2, t0);		/* 2^250 - 1 */
}

/* p - 2 = 2^255 - 21 = (2^250 - 1) 2^5 + 11 */
void fe25519_invert(uint32_t *r, const uint32_t *a)
{
	uint32_t t[NW], a11[NW];

	pow_2_250_1(t, a11, a);
	sqr_n(t, t, 5);
	fe25519_mul(r, t, a11);
}

/* (p - 5) / 8 = 2^252 - 3 = (2^250 - 1) 2^2 + 1 */
void fe25519_pow2523(uint32_t *r, const uint32_t *a)
{
	uint32_t t[NW], a11[NW];

	pow_2_250_1(t, a11, a);
	sqr_n(t, t, 2);
	fe25519_mul(r, t, a);
}

void fe25519_cswap(uint32_t *a, uint32_t *b, uint32_t swap)
{
	uint32_t mask = 0u - swap, t;
	int i;

	for (i = 0; i < NW; i++) {
		t = (a[i] ^ b[i]) & mask;
		a[i] ^= t;
		b[i] ^= t;
	}
}

/* r = r - p if that does not borrow, without a branch. */
static void sub_p_if_ge(uint32_t *r)
{
	uint32_t t[NW], mask;
	uint64_t c = 0;
	int i;

	for (i = 0; i < NW; i++) {
		c = (uint64_t)r[i] - field_p[i] - c;
		t[i] = (uint32_t)c;
		c = (c >> 32) & 1;
	}
	mask = (uint32_t)c - 1;	/* all ones if no borrow: r >= p */
	for (i = 0; i < NW; i++)
		r[i] ^= (r[i] ^ t[i]) & mask;
}

/* Values are below 2^256 = 2p + 38: two conditional subtractions of p give the residue. */
void fe25519_to_bytes(uint8_t b[32], const uint32_t *a)
{
	uint32_t t[NW];
	int i;

	for (i = 0; i < NW; i++)
		t[i] = a[i];
	sub_p_if_ge(t);
	sub_p_if_ge(t);
	for (i = 0; i < NW; i++)
		put_le32(b + 4 * i, t[i]);
}

uint32_t fe25519_equal(const uint32_t *a, const uint32_t *b)
{
	uint8_t x[32], y[32];
	uint32_t diff = 0;
	int i;

	fe25519_to_bytes(x, a);
	fe25519_to_bytes(y, b);
	for (i = 0; i < 32; i++)
		diff |= (uint32_t)(x[i] ^ y[i]);
	return ((diff | (0u - diff)) >> 31) ^ 1;
}
