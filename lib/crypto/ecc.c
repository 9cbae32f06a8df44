// SPDX-License-Identifier: Apache-2.0
/*
 * Scalar arithmetic shared by the signature verifiers (p256.c, p384.c, ed25519.c): binary
 * modular division for ECDSA's u1 = e/s and u2 = r/s, and width-4 NAF recoding for the
 * double-scalar multiplications. Values are public; only ecc_bn_from_be() is constant-time.
 */
#include <rampart/compiler.h>
#include "ecc.h"

static void bn_copy(uint32_t *r, const uint32_t *a, size_t nw)
{
	size_t i;

	for (i = 0; i < nw; i++)
		r[i] = a[i];
}

static uint32_t bn_add(uint32_t *r, const uint32_t *a, const uint32_t *b, size_t nw)
{
	uint64_t c = 0;
	size_t i;

	for (i = 0; i < nw; i++) {
		c += (uint64_t)a[i] + b[i];
		r[i] = (uint32_t)c;
		c >>= 32;
	}
	return (uint32_t)c;
}

static uint32_t bn_sub(uint32_t *r, const uint32_t *a, const uint32_t *b, size_t nw)
{
	uint64_t c = 0;
	size_t i;

	for (i = 0; i < nw; i++) {
		c = (uint64_t)a[i] - b[i] - c;
		r[i] = (uint32_t)c;
		c = (c >> 32) & 1;
	}
	return (uint32_t)c;
}

/* a = a / 2 + top * 2^(32 nw - 1) */
static void bn_shr1(uint32_t *a, uint32_t top, size_t nw)
{
	size_t i;

	for (i = 0; i + 1 < nw; i++)
		a[i] = (a[i] >> 1) | (a[i + 1] << 31);
	a[nw - 1] = (a[nw - 1] >> 1) | (top << 31);
}

static bool bn_is_one(const uint32_t *a, size_t nw)
{
	return a[0] == 1 && ecc_bn_is_zero(a + 1, nw - 1);
}

void ecc_bn_from_be(uint32_t *r, const uint8_t *be, size_t nw)
{
	size_t i;

	for (i = 0; i < nw; i++)
		r[i] = get_be32(be + 4 * (nw - 1 - i));
}

bool ecc_bn_less(const uint32_t *a, const uint32_t *b, size_t nw)
{
	size_t i = nw;

	while (i--)
		if (a[i] != b[i])
			return a[i] < b[i];
	return false;
}

bool ecc_bn_is_zero(const uint32_t *a, size_t nw)
{
	uint32_t acc = 0;
	size_t i;

	for (i = 0; i < nw; i++)
		acc |= a[i];
	return acc == 0;
}

/* x = x / 2 mod n (n odd): x or x + n is even. */
static void halve_mod(uint32_t *x, const uint32_t *n, size_t nw)
{
	uint32_t carry = 0;

	if (x[0] & 1)
		carry = bn_add(x, x, n, nw);
	bn_shr1(x, carry, nw);
}

/* r = a - b mod n for a, b < n */
static void sub_mod(uint32_t *r, const uint32_t *a, const uint32_t *b, const uint32_t *n,
		    size_t nw)
{
	if (bn_sub(r, a, b, nw))
		bn_add(r, r, n, nw);
}

/*
 * Invariants: x[k] a = u b[k] and x2[k] a = v b[k] (mod n), gcd(u, v) = 1, u and v > 0. Each
 * pass halves whichever of u, v is even and subtracts the smaller from the larger, so one of
 * them reaches 1, where x[k] (u = 1) or x2[k] (v = 1) is b[k] / a.
 */
void ecc_mod_div(uint32_t x[2][ECC_MAX_NW], const uint32_t *a,
		 const uint32_t b[2][ECC_MAX_NW], const uint32_t *n, size_t nw)
{
	uint32_t u[ECC_MAX_NW], v[ECC_MAX_NW], x2[2][ECC_MAX_NW] = { { 0 } };
	int k;

	bn_copy(u, a, nw);
	bn_copy(v, n, nw);
	bn_copy(x[0], b[0], nw);
	bn_copy(x[1], b[1], nw);
	while (!bn_is_one(u, nw) && !bn_is_one(v, nw)) {
		while (!(u[0] & 1)) {
			bn_shr1(u, 0, nw);
			for (k = 0; k < 2; k++)
				halve_mod(x[k], n, nw);
		}
		while (!(v[0] & 1)) {
			bn_shr1(v, 0, nw);
			for (k = 0; k < 2; k++)
				halve_mod(x2[k], n, nw);
		}
		if (!ecc_bn_less(u, v, nw)) {
			bn_sub(u, u, v, nw);
			for (k = 0; k < 2; k++)
				sub_mod(x[k], x[k], x2[k], n, nw);
		} else {
			bn_sub(v, v, u, nw);
			for (k = 0; k < 2; k++)
				sub_mod(x2[k], x2[k], x[k], n, nw);
		}
	}
	if (!bn_is_one(u, nw)) {
		bn_copy(x[0], x2[0], nw);
		bn_copy(x[1], x2[1], nw);
	}
}

/*
 * Right to left: an odd remainder t gives the digit d = t mods 16 (the signed residue), and
 * t - d is then divisible by 16, so the next three digits are zero. t gets one extra limb
 * because subtracting a negative digit can carry past the top of k.
 */
void ecc_naf4(uint8_t *naf, const uint32_t k[2][ECC_MAX_NW], size_t nw)
{
	uint32_t t[ECC_MAX_NW + 1];
	int32_t d;
	size_t i, j, w;

	for (i = 0; i <= 32 * nw; i++)
		naf[i] = 0;
	for (w = 0; w < 2; w++) {
		bn_copy(t, k[w], nw);
		t[nw] = 0;
		for (i = 0; i <= 32 * nw; i++) {
			if (t[0] & 1) {
				d = (int32_t)(t[0] & 15);
				if (d >= 8)
					d -= 16;
				if (d > 0) {
					t[0] -= (uint32_t)d;	/* low bits were d */
				} else {
					t[0] += (uint32_t)-d;
					if (t[0] < (uint32_t)-d)
						for (j = 1; j <= nw && ++t[j] == 0; j++)
							;
				}
				naf[i] |= (uint8_t)(((uint32_t)d & 15) << (4 * w));
			}
			bn_shr1(t, 0, nw + 1);
		}
	}
}
