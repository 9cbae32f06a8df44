// SPDX-License-Identifier: Apache-2.0
/*
 * ECDSA verification on NIST P-256 (FIPS 186-4 D.1.2.3, SEC1 4.1.4), written for small code
 * on a Cortex-M0: numbers are 8 little-endian 32-bit limbs, one generic Montgomery multiplier
 * serves both the field (mod p) and the scalars (mod n), inverses are computed by Fermat,
 * points are Jacobian, and u1*G + u2*Q is one double-and-add pass (Shamir's trick).
 *
 * Nothing here is secret (public key, digest and signature), so nothing is constant-time.
 * Field elements live in the Montgomery domain (x * 2^256 mod p) from load to final check.
 */
#include <rampart/compiler.h>
#include "internal.h"

#define NW 8	/* limbs per 256-bit number */

struct modulus {
	uint32_t m[NW];
	uint32_t rr[NW];	/* 2^512 mod m: to_mont(x) = mont_mul(x, rr) */
	uint32_t m0inv;		/* -m^-1 mod 2^32 */
};

/* p = 2^256 - 2^224 + 2^192 + 2^96 - 1 */
static const struct modulus mod_p = {
	.m = { 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x00000000u,
	       0x00000000u, 0x00000000u, 0x00000001u, 0xffffffffu },
	.rr = { 0x00000003u, 0x00000000u, 0xffffffffu, 0xfffffffbu,
		0xfffffffeu, 0xffffffffu, 0xfffffffdu, 0x00000004u },
	.m0inv = 0x00000001u,
};

/* n, the order of G */
static const struct modulus mod_n = {
	.m = { 0xfc632551u, 0xf3b9cac2u, 0xa7179e84u, 0xbce6faadu,
	       0xffffffffu, 0xffffffffu, 0x00000000u, 0xffffffffu },
	.rr = { 0xbe79eea2u, 0x83244c95u, 0x49bd6fa6u, 0x4699799cu,
		0x2b6bec59u, 0x2845b239u, 0xf3d95620u, 0x66e12d94u },
	.m0inv = 0xee00bc4fu,
};

/* Curve coefficient b and generator G, big-endian as in SEC2 2.4.2 (loaded like a key). */
static const uint8_t curve_b[32] = {
	0x5a, 0xc6, 0x35, 0xd8, 0xaa, 0x3a, 0x93, 0xe7, 0xb3, 0xeb, 0xbd, 0x55, 0x76, 0x98, 0x86, 0xbc,
	0x65, 0x1d, 0x06, 0xb0, 0xcc, 0x53, 0xb0, 0xf6, 0x3b, 0xce, 0x3c, 0x3e, 0x27, 0xd2, 0x60, 0x4b,
};

static const uint8_t curve_g[64] = {
	0x6b, 0x17, 0xd1, 0xf2, 0xe1, 0x2c, 0x42, 0x47, 0xf8, 0xbc, 0xe6, 0xe5, 0x63, 0xa4, 0x40, 0xf2,
	0x77, 0x03, 0x7d, 0x81, 0x2d, 0xeb, 0x33, 0xa0, 0xf4, 0xa1, 0x39, 0x45, 0xd8, 0x98, 0xc2, 0x96,
	0x4f, 0xe3, 0x42, 0xe2, 0xfe, 0x1a, 0x7f, 0x9b, 0x8e, 0xe7, 0xeb, 0x4a, 0x7c, 0x0f, 0x9e, 0x16,
	0x2b, 0xce, 0x33, 0x57, 0x6b, 0x31, 0x5e, 0xce, 0xcb, 0xb6, 0x40, 0x68, 0x37, 0xbf, 0x51, 0xf5,
};

/* Jacobian point (X/Z^2, Y/Z^3), coordinates in the Montgomery domain; Z = 0 is infinity. */
struct jpoint {
	uint32_t x[NW], y[NW], z[NW];
};

static void bn_copy(uint32_t *r, const uint32_t *a)
{
	int i;

	for (i = 0; i < NW; i++)
		r[i] = a[i];
}

static void bn_set_word(uint32_t *r, uint32_t w)
{
	int i;

	for (i = 0; i < NW; i++)
		r[i] = 0;
	r[0] = w;
}

static bool bn_is_zero(const uint32_t *a)
{
	uint32_t acc = 0;
	int i;

	for (i = 0; i < NW; i++)
		acc |= a[i];
	return acc == 0;
}

static bool bn_equal(const uint32_t *a, const uint32_t *b)
{
	int i;

	for (i = 0; i < NW; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

static void bn_from_be(uint32_t *r, const uint8_t *b)
{
	int i;

	for (i = 0; i < NW; i++)
		r[i] = get_be32(b + 4 * (NW - 1 - i));
}

/* r = a + b; returns the carry out. */
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

/* r = a - b; returns the borrow out (1 if a < b). */
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

static bool bn_less(const uint32_t *a, const uint32_t *b)
{
	uint32_t t[NW];

	return bn_sub(t, a, b) != 0;
}

/* r = (a + carry * 2^256) mod m, for a value below 2m. */
static void reduce_once(uint32_t *r, const uint32_t *a, uint32_t carry, const uint32_t *m)
{
	uint32_t t[NW];

	if (bn_sub(t, a, m) == 0 || carry)
		bn_copy(r, t);
	else
		bn_copy(r, a);
}

static void mod_add(uint32_t *r, const uint32_t *a, const uint32_t *b, const uint32_t *m)
{
	uint32_t t[NW];
	uint32_t carry = bn_add(t, a, b);

	reduce_once(r, t, carry, m);
}

static void mod_sub(uint32_t *r, const uint32_t *a, const uint32_t *b, const uint32_t *m)
{
	if (bn_sub(r, a, b))
		bn_add(r, r, m);
}

/*
 * r = a * b / 2^256 mod m (CIOS Montgomery multiplication) for a, b < m; r may alias a or b.
 * Each 64-bit accumulation is at most (2^32-1)^2 + 2(2^32-1) = 2^64 - 1, so nothing overflows.
 */
static void mont_mul(uint32_t *r, const uint32_t *a, const uint32_t *b, const struct modulus *md)
{
	uint32_t t[NW + 2] = { 0 };
	uint64_t c;
	uint32_t q;
	int i, j;

	for (i = 0; i < NW; i++) {
		c = 0;
		for (j = 0; j < NW; j++) {
			c += (uint64_t)a[j] * b[i] + t[j];
			t[j] = (uint32_t)c;
			c >>= 32;
		}
		c += t[NW];
		t[NW] = (uint32_t)c;
		t[NW + 1] = (uint32_t)(c >> 32);

		/* Add q*m so the low limb becomes zero, and shift down one limb. */
		q = t[0] * md->m0inv;
		c = ((uint64_t)q * md->m[0] + t[0]) >> 32;
		for (j = 1; j < NW; j++) {
			c += (uint64_t)q * md->m[j] + t[j];
			t[j - 1] = (uint32_t)c;
			c >>= 32;
		}
		c += t[NW];
		t[NW - 1] = (uint32_t)c;
		t[NW] = t[NW + 1] + (uint32_t)(c >> 32);
	}
	reduce_once(r, t, t[NW], md->m);
}

/*
 * r = a^(m-2) in the Montgomery domain: the inverse of a for prime m (0 for a = 0).
 * The top bit of m - 2 is bit 255 for both p and n, and m[0] >= 2, so no borrow crosses limbs.
 */
static void mod_inv(uint32_t *r, const uint32_t *a, const struct modulus *md)
{
	uint32_t x[NW];
	uint32_t e;
	int i;

	bn_copy(x, a);
	bn_copy(r, a);
	for (i = 254; i >= 0; i--) {
		e = md->m[i / 32] - (i < 32 ? 2 : 0);
		mont_mul(r, r, r, md);
		if ((e >> (i % 32)) & 1)
			mont_mul(r, r, x, md);
	}
}

static void fmul(uint32_t *r, const uint32_t *a, const uint32_t *b)
{
	mont_mul(r, a, b, &mod_p);
}

static void fadd(uint32_t *r, const uint32_t *a, const uint32_t *b)
{
	mod_add(r, a, b, mod_p.m);
}

static void fsub(uint32_t *r, const uint32_t *a, const uint32_t *b)
{
	mod_sub(r, a, b, mod_p.m);
}

/* Load a big-endian field element into the Montgomery domain; false if it is >= p. */
static bool fe_load(uint32_t *r, const uint8_t *be)
{
	bn_from_be(r, be);
	if (!bn_less(r, mod_p.m))
		return false;
	fmul(r, r, mod_p.rr);
	return true;
}

/*
 * Load the affine point X || Y (big-endian) as a Jacobian point with Z = 1; false unless both
 * coordinates are below p and y^2 = x^3 - 3x + b. (0, 0) is not on the curve, so no encoding
 * here can stand for infinity.
 */
static bool point_load(struct jpoint *pt, const uint8_t *xy)
{
	uint32_t lhs[NW], rhs[NW], t[NW];

	if (!fe_load(pt->x, xy) || !fe_load(pt->y, xy + 32) || !fe_load(t, curve_b))
		return false;
	fmul(rhs, pt->x, pt->x);
	fmul(rhs, rhs, pt->x);
	fsub(rhs, rhs, pt->x);
	fsub(rhs, rhs, pt->x);
	fsub(rhs, rhs, pt->x);
	fadd(rhs, rhs, t);
	fmul(lhs, pt->y, pt->y);
	bn_set_word(t, 1);
	fmul(pt->z, t, mod_p.rr);
	return bn_equal(lhs, rhs);
}

/*
 * p = 2p, "dbl-2001-b" for a = -3: delta = Z^2, gamma = Y^2, beta = X*gamma,
 * alpha = 3(X - delta)(X + delta), X3 = alpha^2 - 8beta, Z3 = 2YZ,
 * Y3 = alpha(4beta - X3) - 8gamma^2. Infinity (Z = 0) stays infinity; P-256 has no point
 * of order 2, so no finite point doubles to infinity.
 */
static void point_double(struct jpoint *p)
{
	uint32_t delta[NW], gamma[NW], beta[NW], alpha[NW], t[NW];

	fmul(delta, p->z, p->z);
	fmul(gamma, p->y, p->y);
	fmul(beta, p->x, gamma);
	fsub(t, p->x, delta);
	fadd(alpha, p->x, delta);
	fmul(alpha, alpha, t);
	fadd(t, alpha, alpha);
	fadd(alpha, t, alpha);
	fmul(t, p->y, p->z);
	fadd(p->z, t, t);
	fadd(beta, beta, beta);
	fadd(beta, beta, beta);
	fmul(t, alpha, alpha);
	fsub(t, t, beta);
	fsub(p->x, t, beta);
	fsub(beta, beta, p->x);
	fmul(beta, beta, alpha);
	fmul(gamma, gamma, gamma);
	fadd(gamma, gamma, gamma);
	fadd(gamma, gamma, gamma);
	fadd(gamma, gamma, gamma);
	fsub(p->y, beta, gamma);
}

/*
 * p = p + q for any two points, including infinity, p = q and p = -q ("add-1998-cmo-2":
 * U1 = X1 Z2^2, U2 = X2 Z1^2, S1 = Y1 Z2^3, S2 = Y2 Z1^3, H = U2 - U1, R = S2 - S1,
 * X3 = R^2 - H^3 - 2 U1 H^2, Y3 = R (U1 H^2 - X3) - S1 H^3, Z3 = Z1 Z2 H).
 */
static void point_add(struct jpoint *p, const struct jpoint *q)
{
	uint32_t z1z1[NW], z2z2[NW], u1[NW], u2[NW], s1[NW], s2[NW];

	if (bn_is_zero(q->z))
		return;
	if (bn_is_zero(p->z)) {
		*p = *q;
		return;
	}
	fmul(z1z1, p->z, p->z);
	fmul(z2z2, q->z, q->z);
	fmul(u1, p->x, z2z2);
	fmul(u2, q->x, z1z1);
	fmul(s1, p->y, q->z);
	fmul(s1, s1, z2z2);
	fmul(s2, q->y, p->z);
	fmul(s2, s2, z1z1);
	fsub(u2, u2, u1);	/* H */
	fsub(s2, s2, s1);	/* R */
	if (bn_is_zero(u2)) {
		if (bn_is_zero(s2))
			point_double(p);
		else
			bn_set_word(p->z, 0);
		return;
	}
	fmul(p->z, p->z, q->z);
	fmul(p->z, p->z, u2);
	fmul(z1z1, u2, u2);	/* H^2 */
	fmul(z2z2, z1z1, u2);	/* H^3 */
	fmul(u1, u1, z1z1);	/* V = U1 H^2 */
	fmul(p->x, s2, s2);
	fsub(p->x, p->x, z2z2);
	fsub(p->x, p->x, u1);
	fsub(p->x, p->x, u1);
	fsub(u1, u1, p->x);
	fmul(u1, u1, s2);
	fmul(s1, s1, z2z2);
	fsub(p->y, u1, s1);
}

/* Load a big-endian scalar; false unless 1 <= v < n. */
static bool scalar_load(uint32_t *v, const uint8_t *be)
{
	bn_from_be(v, be);
	return !bn_is_zero(v) && bn_less(v, mod_n.m);
}

static unsigned int bit(const uint32_t *v, int i)
{
	return (v[i / 32] >> (i % 32)) & 1;
}

/* acc = u1*G + u2*Q, with tab = { G, Q, G + Q }. */
static void shamir_mul(struct jpoint *acc, const struct jpoint tab[3], const uint32_t *u1,
		       const uint32_t *u2)
{
	unsigned int idx;
	int i;

	__builtin_memset(acc, 0, sizeof(*acc));
	for (i = 255; i >= 0; i--) {
		point_double(acc);
		idx = bit(u1, i) | (bit(u2, i) << 1);
		if (idx)
			point_add(acc, &tab[idx - 1]);
	}
}

verdict_t p256_verify(const uint8_t pub[P256_PUB_LEN], const uint8_t digest[32],
		      const uint8_t r_be[P256_SCALAR_LEN], const uint8_t s_be[P256_SCALAR_LEN])
{
	struct jpoint tab[3], acc;
	uint32_t r[NW], w[NW], u1[NW], u2[NW];

	if (pub[0] != 0x04 || !scalar_load(r, r_be) || !scalar_load(w, s_be))
		return verdict_fail();
	if (!point_load(&tab[1], pub + 1) || !point_load(&tab[0], curve_g))
		return verdict_fail();

	/* w = s^-1 (Montgomery form); u1 = e w, u2 = r w (plain, as mont_mul divides by R). */
	mont_mul(w, w, mod_n.rr, &mod_n);
	mod_inv(w, w, &mod_n);
	bn_from_be(u1, digest);
	reduce_once(u1, u1, 0, mod_n.m);	/* e < 2^256 < 2n */
	mont_mul(u1, u1, w, &mod_n);
	mont_mul(u2, r, w, &mod_n);

	tab[2] = tab[0];
	point_add(&tab[2], &tab[1]);
	shamir_mul(&acc, tab, u1, u2);
	if (bn_is_zero(acc.z))
		return verdict_fail();

	/* x(R) = X / Z^2, out of the Montgomery domain, then mod n (p < 2n). */
	mod_inv(w, acc.z, &mod_p);
	fmul(w, w, w);
	fmul(w, w, acc.x);
	bn_set_word(u1, 1);
	fmul(w, w, u1);
	reduce_once(w, w, 0, mod_n.m);
	return bn_equal(w, r) ? verdict_ok() : verdict_fail();
}
