// SPDX-License-Identifier: Apache-2.0
/*
 * Ed25519 signature verification (RFC 8032 5.1.7). Field arithmetic is fe25519.c; points are
 * extended twisted Edwards coordinates (X:Y:Z:T) with the formulas of Hisil, Wong, Carter and
 * Dawson (2008) that RFC 8032 5.1.4 gives, which are complete for Ed25519 (no exceptional
 * pair of points). [S]B + [k](-A) is one pass of doublings with both scalars in width-4 NAF:
 * S over a flash table of B, 3B, 5B, 7B, k over -A, -3A, -5A, -7A computed per call.
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
#include "ecc.h"
#include "fe25519.h"
#include "internal.h"

#define NW FE25519_NW
#define NAF_LEN (32 * NW + 1)

/* d = -121665 / 121666 mod p */
static const uint32_t curve_d[NW] = {
	0x135978a3u, 0x75eb4dcau, 0x4141d8abu, 0x00700a4du,
	0x7779e898u, 0x8cc74079u, 0x2b6ffe73u, 0x52036ceeu,
};

/* 2d */
static const uint32_t curve_2d[NW] = {
	0x26b2f159u, 0xebd69b94u, 0x8283b156u, 0x00e0149au,
	0xeef3d130u, 0x198e80f2u, 0x56dffce7u, 0x2406d9dcu,
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

static const uint32_t fe_zero[NW];

/* An affine point (x, y) as y + x, y - x and 2 d x y: what an addition of it needs. */
struct niels {
	uint32_t ypx[NW], ymx[NW], xy2d[NW];
};

/* B, 3B, 5B, 7B (B: y = 4/5, x even; multiples computed offline). */
static const struct niels b_odd[4] = {
	{	/* 1B */
		{ 0xf58c3b85u, 0x2fbc93c6u, 0xfb8c0e19u, 0xcf932dc6u,
		  0x643d42c2u, 0x270b4898u, 0x33d4ba65u, 0x07cf9d3au },
		{ 0xd740913eu, 0x9d103905u, 0xd140beb3u, 0xfd399f05u,
		  0x688f8a09u, 0xa5c18434u, 0x98f81267u, 0x44fd2f92u },
		{ 0x877aaa68u, 0xabc91205u, 0xccaac49eu, 0x26d9e823u,
		  0xdd43598cu, 0x5a1b7dcbu, 0x9f0c65a8u, 0x6f117b68u },
	},
	{	/* 3B */
		{ 0x4cee9730u, 0xaf25b0a8u, 0xe8864b8au, 0x025a8430u,
		  0x9f016732u, 0xc11b5002u, 0x9a80f8f4u, 0x7a164e1bu },
		{ 0xa4fcd265u, 0x56611fe8u, 0xe5c1ba7du, 0x3bd353fdu,
		  0x214bd6bdu, 0x8131f31au, 0x555bda62u, 0x2ab91587u },
		{ 0x0dd0d889u, 0x14ae933fu, 0x1c35da62u, 0x58942322u,
		  0x8cf2db4cu, 0xd170e545u, 0x12b9b4c6u, 0x5a2826afu },
	},
	{	/* 5B */
		{ 0x08a5bb33u, 0xa212bc44u, 0xc75eed02u, 0x8d5048c3u,
		  0x5abfec44u, 0xdd1beb0cu, 0x46e206ebu, 0x2945ccf1u },
		{ 0xa447d6bau, 0x7f9182c3u, 0x4b2729b7u, 0xd50014d1u,
		  0xb864a087u, 0xe33cf11cu, 0xeb1b55f3u, 0x154a7e73u },
		{ 0x812a8285u, 0xbcbbdbf1u, 0xd0bdd1fcu, 0x270e0807u,
		  0x1bbda72du, 0xb41b670bu, 0x6b3bb69au, 0x43aabe69u },
	},
	{	/* 7B */
		{ 0x944ea3bfu, 0x6b1a5cd0u, 0xb39dc0d2u, 0x7470353au,
		  0x28542e49u, 0x71b25282u, 0x283c927eu, 0x461bea69u },
		{ 0xaa3221b1u, 0xba6f2c9au, 0x3bba23a7u, 0x6ca02153u,
		  0x92192c3au, 0x9dea764fu, 0x2e5317e0u, 0x1d6edd5du },
		{ 0x01b8b3a2u, 0xf1836dc8u, 0x053ea49au, 0xb3035f47u,
		  0x5877adf3u, 0x529c41bau, 0x6a0f90a7u, 0x7a9fbb1cu },
	},
};

struct epoint {
	uint32_t x[NW], y[NW], z[NW], t[NW];	/* x = X/Z, y = Y/Z, xy = T/Z */
};

/* A projective point as Y + X, Y - X, 2Z and 2d T, ready to be added. */
struct cached {
	uint32_t ypx[NW], ymx[NW], z2[NW], t2d[NW];
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

/*
 * Decode a point (RFC 8032 5.1.3): y < p, x from x^2 = (y^2 - 1) / (d y^2 + 1), computed as
 * x = u v^3 (u v^7)^((p-5)/8) with u = y^2 - 1, v = d y^2 + 1. Returns false for y >= p, for a
 * y with no x on the curve, and for x = 0 with the sign bit set.
 */
static __attribute__((noinline)) bool point_decode(struct epoint *pt, const uint8_t enc[32])
{
	static const uint32_t field_p[NW] = {
		0xffffffedu, 0xffffffffu, 0xffffffffu, 0xffffffffu,
		0xffffffffu, 0xffffffffu, 0xffffffffu, 0x7fffffffu,
	};
	uint32_t u[NW], v[NW], v3[NW], t[NW];
	uint8_t xb[32];
	unsigned int sign = enc[31] >> 7;

	fe25519_from_bytes(pt->y, enc);
	pt->y[NW - 1] &= 0x7fffffffu;
	if (!bn_sub(t, pt->y, field_p))
		return false;
	bn_set_word(pt->z, 1);
	fe25519_sqr(u, pt->y);
	fe25519_mul(v, u, curve_d);
	fe25519_sub(u, u, pt->z);
	fe25519_add(v, v, pt->z);
	fe25519_sqr(v3, v);
	fe25519_mul(v3, v3, v);		/* v^3 */
	fe25519_sqr(t, v3);
	fe25519_mul(t, t, v);		/* v^7 */
	fe25519_mul(t, t, u);
	fe25519_pow2523(t, t);		/* (u v^7)^((p-5)/8) */
	fe25519_mul(t, t, v3);
	fe25519_mul(pt->x, t, u);

	fe25519_sqr(t, pt->x);
	fe25519_mul(t, t, v);		/* v x^2 */
	if (!fe25519_equal(t, u)) {
		fe25519_add(t, t, u);
		if (!fe25519_equal(t, fe_zero))
			return false;
		fe25519_mul(pt->x, pt->x, sqrt_m1);
	}
	fe25519_to_bytes(xb, pt->x);
	if (fe25519_equal(pt->x, fe_zero) && sign)
		return false;
	if ((xb[0] & 1) != sign)
		fe25519_sub(pt->x, fe_zero, pt->x);
	fe25519_mul(pt->t, pt->x, pt->y);
	return true;
}

static __attribute__((noinline)) void point_encode(uint8_t out[32], const struct epoint *pt)
{
	uint32_t zi[NW], x[NW], y[NW];
	uint8_t xb[32];

	fe25519_invert(zi, pt->z);
	fe25519_mul(x, pt->x, zi);
	fe25519_mul(y, pt->y, zi);
	fe25519_to_bytes(xb, x);
	fe25519_to_bytes(out, y);
	out[31] |= (uint8_t)((xb[0] & 1) << 7);
}

static void point_negate(struct epoint *p)
{
	fe25519_sub(p->x, fe_zero, p->x);
	fe25519_sub(p->t, fe_zero, p->t);
}

static void to_cached(struct cached *c, const struct epoint *p)
{
	fe25519_add(c->ypx, p->y, p->x);
	fe25519_sub(c->ymx, p->y, p->x);
	fe25519_add(c->z2, p->z, p->z);
	fe25519_mul(c->t2d, p->t, curve_2d);
}

/*
 * p = p + s q (RFC 8032 5.1.4, "add-2008-hwcd-3") for s = -1 if neg, else 1, and q given as
 * Y2 + X2, Y2 - X2, 2 Z2 (NULL when Z2 = 1) and 2d T2: A = (Y1 - X1)(Y2 - X2),
 * B = (Y1 + X1)(Y2 + X2), C = T1 2d T2, D = Z1 2 Z2, E = B - A, F = D - C, G = D + C, H = B + A,
 * X3 = E F, Y3 = G H, T3 = E H (only if want_t), Z3 = F G. Negating q swaps its first two
 * values and the sign of C. Complete: valid for every pair of points.
 */
static void point_add(struct epoint *p, const uint32_t *ypx, const uint32_t *ymx,
		      const uint32_t *z2, const uint32_t *t2d, bool neg, bool want_t)
{
	uint32_t a[NW], b[NW], c[NW], d[NW];

	fe25519_sub(a, p->y, p->x);
	fe25519_mul(a, a, neg ? ypx : ymx);
	fe25519_add(b, p->y, p->x);
	fe25519_mul(b, b, neg ? ymx : ypx);
	fe25519_mul(c, p->t, t2d);
	if (z2)
		fe25519_mul(d, p->z, z2);
	else
		fe25519_add(d, p->z, p->z);
	fe25519_sub(p->t, b, a);	/* E */
	fe25519_add(b, b, a);		/* H */
	if (neg) {
		fe25519_add(a, d, c);	/* F */
		fe25519_sub(d, d, c);	/* G */
	} else {
		fe25519_sub(a, d, c);
		fe25519_add(d, d, c);
	}
	fe25519_mul(p->x, p->t, a);
	fe25519_mul(p->y, d, b);
	fe25519_mul(p->z, a, d);
	if (want_t)
		fe25519_mul(p->t, p->t, b);
}

/*
 * p = 2p (RFC 8032 5.1.4): A = X^2, B = Y^2, C = 2Z^2, H = A + B, E = H - (X + Y)^2,
 * G = A - B, F = C + G, X3 = E F, Y3 = G H, Z3 = F G, and T3 = E H only if want_t (doubling
 * does not read T, so a doubling followed by another skips it).
 */
static void point_double(struct epoint *p, bool want_t)
{
	uint32_t a[NW], b[NW], c[NW], h[NW];

	fe25519_sqr(a, p->x);
	fe25519_sqr(b, p->y);
	fe25519_sqr(c, p->z);
	fe25519_add(c, c, c);
	fe25519_add(h, a, b);
	fe25519_add(p->t, p->x, p->y);
	fe25519_sqr(p->t, p->t);
	fe25519_sub(p->t, h, p->t);	/* E */
	fe25519_sub(a, a, b);		/* G */
	fe25519_add(c, c, a);		/* F */
	fe25519_mul(p->x, p->t, c);
	fe25519_mul(p->y, a, h);
	fe25519_mul(p->z, c, a);
	if (want_t)
		fe25519_mul(p->t, p->t, h);
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

/* k = SHA-512(R || A || M) mod L. */
static __attribute__((noinline)) void challenge(uint32_t *k, const uint8_t *sig,
						const uint8_t *pub, const uint8_t *msg,
						size_t msg_len)
{
	struct sha512_ctx h;
	uint8_t digest[SHA512_LEN];

	sha512_init(&h);
	sha512_update(&h, sig, 32);
	sha512_update(&h, pub, ED25519_PUB_LEN);
	sha512_update(&h, msg, msg_len);
	sha512_final(&h, digest);
	scalar_reduce(k, digest);
}

/*
 * tab = the odd multiples -A, -3A, -5A, -7A of A, ready to be added. Out of line, like
 * point_decode() and challenge(), so that its temporaries are off the stack afterwards.
 */
static __attribute__((noinline)) void a_table(struct cached tab[4], struct epoint *a)
{
	struct epoint a2;
	struct cached c2;
	int i;

	point_negate(a);
	to_cached(&tab[0], a);
	a2 = *a;
	point_double(&a2, true);
	to_cached(&c2, &a2);
	for (i = 1; i < 4; i++) {
		point_add(a, c2.ypx, c2.ymx, c2.z2, c2.t2d, false, true);
		to_cached(&tab[i], a);
	}
}

/* acc = [s]B + [k](-A) from the packed NAF digits of s and k. */
static void double_mul(struct epoint *acc, const uint8_t naf[NAF_LEN], const struct cached tab[4])
{
	const struct cached *q;
	const struct niels *g;
	int i, ds, dk;

	bn_set_word(acc->x, 0);
	bn_set_word(acc->y, 1);
	bn_set_word(acc->z, 1);
	bn_set_word(acc->t, 0);
	for (i = NAF_LEN - 1; i >= 0; i--) {
		ds = ecc_naf_digit(naf[i], 0);
		dk = ecc_naf_digit(naf[i], 1);
		point_double(acc, ds || dk);
		if (ds) {
			g = &b_odd[(ds < 0 ? -ds : ds) / 2];
			point_add(acc, g->ypx, g->ymx, NULL, g->xy2d, ds < 0, dk != 0);
		}
		if (dk) {
			q = &tab[(dk < 0 ? -dk : dk) / 2];
			point_add(acc, q->ypx, q->ymx, q->z2, q->t2d, dk < 0, false);
		}
	}
}

verdict_t ed25519_verify(const uint8_t *pub, size_t pub_len, const uint8_t *msg, size_t msg_len,
			 const uint8_t *sig, size_t sig_len)
{
	struct cached tab[4];
	struct epoint acc;
	uint32_t sk[2][ECC_MAX_NW], t[NW];
	uint8_t naf[NAF_LEN], enc[32];

	if (pub_len != ED25519_PUB_LEN || sig_len != ED25519_SIG_LEN)
		return verdict_fail();
	fe25519_from_bytes(sk[0], sig + 32);
	if (!bn_sub(t, sk[0], order_l))
		return verdict_fail();	/* S >= L */
	if (!point_decode(&acc, pub))
		return verdict_fail();
	challenge(sk[1], sig, pub, msg, msg_len);
	a_table(tab, &acc);
	ecc_naf4(naf, sk, NW);
	double_mul(&acc, naf, tab);
	point_encode(enc, &acc);
	return crypto_ct_equal(enc, sig, 32) ? verdict_ok() : verdict_fail();
}
