// SPDX-License-Identifier: Apache-2.0
/*
 * Ed25519 signature verification (RFC 8032 5.1.7), written for small code: field elements
 * mod p = 2^255 - 19 are 8 little-endian 32-bit limbs kept below 2^256 (reduced fully only to
 * compare or encode), points are extended twisted Edwards coordinates (X:Y:Z:T), and
 * [S]B + [k](-A) is one double-and-add pass (Shamir's trick).
 *
 * Policy, chosen deliberately:
 *  - S must be below L (RFC 8032 5.1.7 step 1); otherwise signatures would be malleable.
 *  - A must be a canonical encoding (y < p; x = 0 only with sign bit 0) of a curve point.
 *  - The check is the cofactorless one, [S]B = R + [k]A, done by encoding [S]B - [k]A and
 *    comparing the 32 bytes with R. An R that is non-canonical or not on the curve can never
 *    equal an encoding we produce, so it is refused without being decoded.
 *  - A of small order (or with a small-order component) is accepted, as RFC 8032 and OpenSSL
 *    do. Such keys have no secret, but the signer is the one who chose the key, so this grants
 *    nothing to anyone else.
 * Nothing here is secret, so nothing is constant-time.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include "internal.h"

#define NW 8

/* p = 2^255 - 19 */
static const uint32_t field_p[NW] = {
	0xffffffedu, 0xffffffffu, 0xffffffffu, 0xffffffffu,
	0xffffffffu, 0xffffffffu, 0xffffffffu, 0x7fffffffu,
};

/* d = -121665 / 121666 mod p */
static const uint32_t curve_d[NW] = {
	0x135978a3u, 0x75eb4dcau, 0x4141d8abu, 0x00700a4du,
	0x7779e898u, 0x8cc74079u, 0x2b6ffe73u, 0x52036ceeu,
};

/* 2^((p - 1) / 4), a square root of -1 */
static const uint32_t sqrt_m1[NW] = {
	0x4a0ea0b0u, 0xc4ee1b27u, 0xad2fe478u, 0x2f431806u,
	0x3dfbd7a7u, 0x2b4d0099u, 0x4fc1df0bu, 0x2b832480u,
};

/* L = 2^252 + 27742317777372353535851937790883648493, the order of B */
static const uint32_t order_l[NW] = {
	0x5cf5d3edu, 0x5812631au, 0xa2f79cd6u, 0x14def9deu,
	0x00000000u, 0x00000000u, 0x00000000u, 0x10000000u,
};

/* The encoding of the base point B: y = 4/5, x even. */
static const uint8_t base_enc[32] = {
	0x58, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
	0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
};

struct epoint {
	uint32_t x[NW], y[NW], z[NW], t[NW];	/* x = X/Z, y = Y/Z, xy = T/Z */
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

static void bn_from_le(uint32_t *r, const uint8_t *b)
{
	int i;

	for (i = 0; i < NW; i++)
		r[i] = get_le32(b + 4 * i);
}

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

/* r += top * 2^256, folded in as top * 38 (2^256 = 38 mod p); at most two passes. */
static void fe_fold(uint32_t *r, uint32_t top)
{
	uint64_t c = top;
	int i;

	while (c) {
		c *= 38;
		for (i = 0; i < NW; i++) {
			c += r[i];
			r[i] = (uint32_t)c;
			c >>= 32;
		}
	}
}

static void fe_add(uint32_t *r, const uint32_t *a, const uint32_t *b)
{
	fe_fold(r, bn_add(r, a, b));
}

/* A borrow means r = a - b + 2^256, which is 38 too much mod p; at most two passes. */
static void fe_sub(uint32_t *r, const uint32_t *a, const uint32_t *b)
{
	static const uint32_t k38[NW] = { 38 };
	uint32_t borrow = bn_sub(r, a, b);

	while (borrow)
		borrow = bn_sub(r, r, k38);
}

static void fe_mul(uint32_t *r, const uint32_t *a, const uint32_t *b)
{
	uint32_t t[2 * NW] = { 0 };
	uint64_t c;
	int i, j;

	for (i = 0; i < NW; i++) {
		c = 0;
		for (j = 0; j < NW; j++) {
			c += (uint64_t)a[i] * b[j] + t[i + j];
			t[i + j] = (uint32_t)c;
			c >>= 32;
		}
		t[i + NW] = (uint32_t)c;
	}
	c = 0;
	for (i = 0; i < NW; i++) {
		c += (uint64_t)t[i + NW] * 38 + t[i];
		r[i] = (uint32_t)c;
		c >>= 32;
	}
	fe_fold(r, (uint32_t)c);
}

/* Reduce a value below 2^256 = 2p + 38 to its canonical residue below p. */
static void fe_canon(uint32_t *r)
{
	uint32_t t[NW];
	int k;

	for (k = 0; k < 2; k++)
		if (!bn_sub(t, r, field_p))
			bn_copy(r, t);
}

static bool fe_equal(const uint32_t *a, const uint32_t *b)
{
	uint32_t x[NW], y[NW];
	int i;

	bn_copy(x, a);
	bn_copy(y, b);
	fe_canon(x);
	fe_canon(y);
	for (i = 0; i < NW; i++)
		if (x[i] != y[i])
			return false;
	return true;
}

static bool fe_is_zero(const uint32_t *a)
{
	static const uint32_t zero[NW];

	return fe_equal(a, zero);
}

/*
 * r = a^(2^k - c) for 0 < c < 32 < k <= 255; r may alias a. Bit i of 2^k - c is bit i of
 * 2^32 - c below 32 and 1 from there up to k - 1.
 */
static void fe_pow(uint32_t *r, const uint32_t *a, int k, uint32_t c)
{
	uint32_t x[NW];
	int i;

	bn_copy(x, a);
	bn_set_word(r, 1);
	for (i = k - 1; i >= 0; i--) {
		fe_mul(r, r, r);
		if (i >= 32 || (((0u - c) >> i) & 1))
			fe_mul(r, r, x);
	}
}

static void fe_inv(uint32_t *r, const uint32_t *a)
{
	fe_pow(r, a, 255, 21);	/* p - 2 */
}

/*
 * Decode a point (RFC 8032 5.1.3): y < p, x from x^2 = (y^2 - 1) / (d y^2 + 1), computed as
 * x = u v^3 (u v^7)^((p-5)/8) with u = y^2 - 1, v = d y^2 + 1. Returns false for y >= p, for a
 * y with no x on the curve, and for x = 0 with the sign bit set.
 */
static bool point_decode(struct epoint *pt, const uint8_t enc[32])
{
	uint32_t u[NW], v[NW], v3[NW], t[NW];
	unsigned int sign = enc[31] >> 7;

	bn_from_le(pt->y, enc);
	pt->y[NW - 1] &= 0x7fffffffu;
	if (!bn_less(pt->y, field_p))
		return false;
	bn_set_word(pt->z, 1);
	fe_mul(u, pt->y, pt->y);
	fe_mul(v, u, curve_d);
	fe_sub(u, u, pt->z);
	fe_add(v, v, pt->z);
	fe_mul(v3, v, v);
	fe_mul(v3, v3, v);		/* v^3 */
	fe_mul(t, v3, v3);
	fe_mul(t, t, v);		/* v^7 */
	fe_mul(t, t, u);
	fe_pow(t, t, 252, 3);		/* (u v^7)^((p-5)/8) */
	fe_mul(t, t, v3);
	fe_mul(pt->x, t, u);

	fe_mul(t, pt->x, pt->x);
	fe_mul(t, t, v);		/* v x^2 */
	if (!fe_equal(t, u)) {
		fe_add(t, t, u);
		if (!fe_is_zero(t))
			return false;
		fe_mul(pt->x, pt->x, sqrt_m1);
	}
	fe_canon(pt->x);
	if (bn_less(pt->x, pt->z) && sign)	/* x == 0 */
		return false;
	if ((pt->x[0] & 1) != sign)
		fe_sub(pt->x, field_p, pt->x);
	fe_mul(pt->t, pt->x, pt->y);
	return true;
}

static void point_encode(uint8_t out[32], const struct epoint *pt)
{
	uint32_t zi[NW], x[NW], y[NW];
	int i;

	fe_inv(zi, pt->z);
	fe_mul(x, pt->x, zi);
	fe_mul(y, pt->y, zi);
	fe_canon(x);
	fe_canon(y);
	y[NW - 1] |= (x[0] & 1) << 31;
	for (i = 0; i < NW; i++)
		put_le32(out + 4 * i, y[i]);
}

/*
 * p = p + q (RFC 8032 5.1.4, "add-2008-hwcd-3"): A = (Y1-X1)(Y2-X2), B = (Y1+X1)(Y2+X2),
 * C = 2d T1 T2, D = 2 Z1 Z2, E = B-A, F = D-C, G = D+C, H = B+A, X3 = EF, Y3 = GH, T3 = EH,
 * Z3 = FG. Complete for a = -1 with d non-square: valid for every pair of points.
 */
static void point_add(struct epoint *p, const struct epoint *q)
{
	uint32_t a[NW], b[NW], c[NW], d[NW], t[NW];

	fe_sub(a, p->y, p->x);
	fe_sub(t, q->y, q->x);
	fe_mul(a, a, t);
	fe_add(b, p->y, p->x);
	fe_add(t, q->y, q->x);
	fe_mul(b, b, t);
	fe_mul(c, p->t, q->t);
	fe_mul(c, c, curve_d);
	fe_add(c, c, c);
	fe_mul(d, p->z, q->z);
	fe_add(d, d, d);
	fe_sub(t, b, a);	/* E */
	fe_add(b, b, a);	/* H */
	fe_sub(a, d, c);	/* F */
	fe_add(d, d, c);	/* G */
	fe_mul(p->x, t, a);
	fe_mul(p->y, d, b);
	fe_mul(p->t, t, b);
	fe_mul(p->z, a, d);
}

/*
 * p = 2p (RFC 8032 5.1.4): A = X^2, B = Y^2, C = 2Z^2, H = A+B, E = H - (X+Y)^2, G = A-B,
 * F = C+G, X3 = EF, Y3 = GH, T3 = EH, Z3 = FG.
 */
static void point_double(struct epoint *p)
{
	uint32_t a[NW], b[NW], c[NW], h[NW];

	fe_mul(a, p->x, p->x);
	fe_mul(b, p->y, p->y);
	fe_mul(c, p->z, p->z);
	fe_add(c, c, c);
	fe_add(h, a, b);
	fe_add(p->t, p->x, p->y);
	fe_mul(p->t, p->t, p->t);
	fe_sub(p->t, h, p->t);	/* E */
	fe_sub(a, a, b);	/* G */
	fe_add(c, c, a);	/* F */
	fe_mul(p->x, p->t, c);
	fe_mul(p->y, a, h);
	fe_mul(p->z, c, a);
	fe_mul(p->t, p->t, h);
}

static void point_negate(struct epoint *p)
{
	fe_sub(p->x, field_p, p->x);
	fe_sub(p->t, field_p, p->t);
}

/* r = h mod L for a 64-byte little-endian h, one bit at a time (r < L < 2^253 throughout). */
static void scalar_reduce(uint32_t *r, const uint8_t h[64])
{
	uint32_t t[NW];
	int i, j;

	bn_set_word(r, 0);
	for (i = 511; i >= 0; i--) {
		for (j = NW - 1; j > 0; j--)
			r[j] = (r[j] << 1) | (r[j - 1] >> 31);
		r[0] = (r[0] << 1) | ((h[i / 8] >> (i % 8)) & 1);
		if (!bn_sub(t, r, order_l))
			bn_copy(r, t);
	}
}

static unsigned int bit(const uint32_t *v, int i)
{
	return (v[i / 32] >> (i % 32)) & 1;
}

/* acc = [s]tab[0] + [k]tab[1] with tab = { B, -A, B - A } and s, k < 2^253. */
static void shamir_mul(struct epoint *acc, const struct epoint tab[3], const uint32_t *s,
		       const uint32_t *k)
{
	unsigned int idx;
	int i;

	bn_set_word(acc->x, 0);
	bn_set_word(acc->y, 1);
	bn_set_word(acc->z, 1);
	bn_set_word(acc->t, 0);
	for (i = 252; i >= 0; i--) {
		point_double(acc);
		idx = bit(s, i) | (bit(k, i) << 1);
		if (idx)
			point_add(acc, &tab[idx - 1]);
	}
}

verdict_t ed25519_verify(const uint8_t *pub, size_t pub_len, const uint8_t *msg, size_t msg_len,
			 const uint8_t *sig, size_t sig_len)
{
	struct epoint tab[3], acc;
	struct sha512_ctx h;
	uint8_t digest[SHA512_LEN];
	uint32_t s[NW], k[NW];

	if (pub_len != ED25519_PUB_LEN || sig_len != ED25519_SIG_LEN)
		return verdict_fail();
	bn_from_le(s, sig + 32);
	if (!bn_less(s, order_l))
		return verdict_fail();
	if (!point_decode(&tab[1], pub) || !point_decode(&tab[0], base_enc))
		return verdict_fail();

	sha512_init(&h);
	sha512_update(&h, sig, 32);
	sha512_update(&h, pub, ED25519_PUB_LEN);
	sha512_update(&h, msg, msg_len);
	sha512_final(&h, digest);
	scalar_reduce(k, digest);

	point_negate(&tab[1]);
	tab[2] = tab[0];
	point_add(&tab[2], &tab[1]);
	shamir_mul(&acc, tab, s, k);
	point_encode(digest, &acc);
	return crypto_ct_equal(digest, sig, 32) ? verdict_ok() : verdict_fail();
}
