// SPDX-License-Identifier: Apache-2.0
/*
 * ECDSA verification on NIST P-384 (FIPS 186-4 D.1.2.4, SEC1 4.1.4), built like p256.c's
 * verifier with 12-limb numbers: field elements mod p fully reduced, products reduced by
 * folding with 2^384 = 2^128 + 2^96 - 2^32 + 1 (mod p), u1 = e/s and u2 = r/s by binary
 * division mod n (ecc.c), and u1 G + u2 Q in one pass of Jacobian doublings with both scalars
 * in width-4 NAF (G, 3G, 5G, 7G affine from flash; Q, 3Q, 5Q, 7Q computed per call). The
 * result is checked as X = r Z^2 or (r + n) Z^2, without an inversion.
 *
 * Nothing here is secret (public key, digest and signature), so nothing is constant-time.
 */
#include <rampart/compiler.h>
#include "ecc.h"
#include "internal.h"

#define NW 12			/* limbs per 384-bit number */
#define NAF_LEN (32 * NW + 1)

/* p = 2^384 - 2^128 - 2^96 + 2^32 - 1 */
static const uint32_t field_p[NW] = {
	0xffffffffu, 0x00000000u, 0x00000000u, 0xffffffffu, 0xfffffffeu, 0xffffffffu,
	0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu,
};

/* n, the order of G */
static const uint32_t order_n[NW] = {
	0xccc52973u, 0xecec196au, 0x48b0a77au, 0x581a0db2u, 0xf4372ddfu, 0xc7634d81u,
	0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu,
};

/* The curve is y^2 = x^3 - 3x + b. */
static const uint32_t curve_b[NW] = {
	0xd3ec2aefu, 0x2a85c8edu, 0x8a2ed19du, 0xc656398du, 0x5013875au, 0x0314088fu,
	0xfe814112u, 0x181d9c6eu, 0xe3f82d19u, 0x988e056bu, 0xe23ee7e4u, 0xb3312fa7u,
};

static const uint32_t fe_zero[NW];
static const uint32_t fe_one[NW] = { 1 };
static const uint32_t fe_three[NW] = { 3 };

struct apoint {
	uint32_t x[NW], y[NW];
};

/* G, 3G, 5G, 7G in affine coordinates (SEC2 2.5.1 G; multiples computed offline). */
static const struct apoint g_odd[4] = {
	{	/* 1G */
		{ 0x72760ab7u, 0x3a545e38u, 0xbf55296cu, 0x5502f25du,
		  0x82542a38u, 0x59f741e0u, 0x8ba79b98u, 0x6e1d3b62u,
		  0xf320ad74u, 0x8eb1c71eu, 0xbe8b0537u, 0xaa87ca22u },
		{ 0x90ea0e5fu, 0x7a431d7cu, 0x1d7e819du, 0x0a60b1ceu,
		  0xb5f0b8c0u, 0xe9da3113u, 0x289a147cu, 0xf8f41dbdu,
		  0x9292dc29u, 0x5d9e98bfu, 0x96262c6fu, 0x3617de4au },
	},
	{	/* 3G */
		{ 0x0500c831u, 0x02d7e5c7u, 0x5026580du, 0xb408bbaeu,
		  0xd3566da6u, 0xbea4f240u, 0x202dcd06u, 0xcb9d3910u,
		  0x5fdc7d98u, 0x64793c7eu, 0x606ffa14u, 0x077a41d4u },
		{ 0x0a2f1df1u, 0xb65f2860u, 0xe4b5d298u, 0xc24abd6bu,
		  0xdc111eacu, 0xf7684c0eu, 0x85115aa5u, 0x8520b41cu,
		  0x02a9fc99u, 0x7d0bbe96u, 0x0b0c4283u, 0xc995f7cau },
	},
	{	/* 5G */
		{ 0x836d84bcu, 0x0abcdbc3u, 0x1ca297e6u, 0x37882f4au,
		  0xe56583b0u, 0x4f6661cbu, 0xbff98fc5u, 0xf208e51du,
		  0xa025e467u, 0x573cac5eu, 0xc251c777u, 0x11de24a2u },
		{ 0xe6c1713au, 0x184414abu, 0x0ae8fb33u, 0x3177686du,
		  0xb6901aebu, 0x8c986533u, 0x54d5dee8u, 0x284b4477u,
		  0x0a00e7c5u, 0x0f5837e9u, 0x7440f92du, 0x8fa696c7u },
	},
	{	/* 7G */
		{ 0x8fb6d0e1u, 0x040f05b4u, 0x55b9ebb2u, 0x8b05526fu,
		  0xfa7b1c50u, 0x2d58cc9du, 0xfbea5ffau, 0xad6fe997u,
		  0x234edffeu, 0xf29f8ebfu, 0x65ce4788u, 0x283c1d73u },
		{ 0xc512ef8cu, 0x64664cdau, 0x32a78f9eu, 0x30d84edeu,
		  0x1dbd2256u, 0xd9c92cd0u, 0xed799729u, 0x1a61d867u,
		  0x8c169047u, 0xba52efdbu, 0x61e41b88u, 0x9475c990u },
	},
};

/* Jacobian point (X/Z^2, Y/Z^3); Z = 0 is infinity. */
struct jpoint {
	uint32_t x[NW], y[NW], z[NW];
};

static void bn_copy(uint32_t *r, const uint32_t *a)
{
	int i;

	for (i = 0; i < NW; i++)
		r[i] = a[i];
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

static bool bn_equal(const uint32_t *a, const uint32_t *b)
{
	int i;

	for (i = 0; i < NW; i++)
		if (a[i] != b[i])
			return false;
	return true;
}

/* r = (a + carry 2^384) mod p for a value below 2p. */
static void fe_reduce_once(uint32_t *r, const uint32_t *a, uint32_t carry)
{
	uint32_t t[NW];

	if (bn_sub(t, a, field_p) == 0 || carry)
		bn_copy(r, t);
	else
		bn_copy(r, a);
}

static void fe_add(uint32_t *r, const uint32_t *a, const uint32_t *b)
{
	uint32_t t[NW];
	uint32_t carry = bn_add(t, a, b);

	fe_reduce_once(r, t, carry);
}

static void fe_sub(uint32_t *r, const uint32_t *a, const uint32_t *b)
{
	if (bn_sub(r, a, b))
		bn_add(r, r, field_p);
}

/*
 * r[0 .. rn-1] = a + h (2^128 + 2^96 - 2^32 + 1) for the NW-limb a and hn-limb h (hn <= NW),
 * which is a + h 2^384 mod p. The caller sizes rn <= NW + 5 so that the sum fits (the last
 * carry is zero). h is copied into zeros so that every shifted limb is a plain load.
 */
static void fold(uint32_t *r, int rn, const uint32_t *a, const uint32_t *h, int hn)
{
	uint32_t hz[4 + NW + 5] = { 0 };	/* hz[4 + i] = h[i] */
	int64_t acc = 0;
	int i;

	for (i = 0; i < hn; i++)
		hz[4 + i] = h[i];
	for (i = 0; i < rn; i++) {
		if (i < NW)
			acc += a[i];
		acc += (int64_t)hz[i + 4] - hz[i + 3] + hz[i + 1] + hz[i];
		r[i] = (uint32_t)acc;
		acc >>= 32;	/* arithmetic: the running sum may dip below zero */
	}
}

/*
 * r = t mod p for a 768-bit t (24 limbs) = L + H 2^384: L + H c with c = 2^384 mod p < 2^129
 * is below 2^514 (17 limbs); folding its top 5 limbs again leaves less than 2^384 + 2^289
 * (13 limbs, the top one 0 or 1); a third fold cannot carry (when the 13th limb is 1 the rest
 * is below 2^289), and the result, below 2^384 < 2p, needs at most one subtraction of p.
 */
static void fe_reduce(uint32_t *r, const uint32_t *t)
{
	uint32_t u[NW + 5], v[NW + 1];

	fold(u, NW + 5, t, t + NW, NW);
	fold(v, NW + 1, u, u + NW, 5);
	fold(r, NW, v, v + NW, 1);
	fe_reduce_once(r, r, 0);
}

/* r = a b mod p; r may alias a or b. */
static void fe_mul(uint32_t *r, const uint32_t *a, const uint32_t *b)
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
	fe_reduce(r, t);
}

/* r = a^2 mod p: the products a[i] a[j], i < j, once, doubled, plus the squares a[i]^2. */
static void fe_sqr(uint32_t *r, const uint32_t *a)
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
	fe_reduce(r, t);
}

static bool fe_is_zero(const uint32_t *a)
{
	return ecc_bn_is_zero(a, NW);
}

/* Load a big-endian field element; false if it is >= p. */
static bool fe_load(uint32_t *r, const uint8_t *be)
{
	ecc_bn_from_be(r, be, NW);
	return ecc_bn_less(r, field_p, NW);
}

/*
 * Load the affine point X || Y (big-endian); false unless both coordinates are below p and
 * y^2 = x^3 - 3x + b. (0, 0) is not on the curve, so no encoding can stand for infinity.
 */
static bool point_load(uint32_t *x, uint32_t *y, const uint8_t *xy)
{
	uint32_t lhs[NW], rhs[NW];

	if (!fe_load(x, xy) || !fe_load(y, xy + 4 * NW))
		return false;
	fe_sqr(rhs, x);
	fe_sub(rhs, rhs, fe_three);
	fe_mul(rhs, rhs, x);
	fe_add(rhs, rhs, curve_b);
	fe_sqr(lhs, y);
	return bn_equal(lhs, rhs);
}

/*
 * p = 2p, "dbl-2001-b" for a = -3 (3M + 5S): delta = Z^2, gamma = Y^2, beta = X gamma,
 * alpha = 3 (X - delta)(X + delta), X3 = alpha^2 - 8 beta, Z3 = (Y + Z)^2 - gamma - delta,
 * Y3 = alpha (4 beta - X3) - 8 gamma^2. Infinity stays infinity; P-384 has no point of order
 * 2, so no finite point doubles to infinity.
 */
static void point_double(struct jpoint *p)
{
	uint32_t delta[NW], gamma[NW], beta[NW], alpha[NW], t[NW];

	fe_sqr(delta, p->z);
	fe_sqr(gamma, p->y);
	fe_mul(beta, p->x, gamma);
	fe_sub(t, p->x, delta);
	fe_add(alpha, p->x, delta);
	fe_mul(alpha, alpha, t);
	fe_add(t, alpha, alpha);
	fe_add(alpha, t, alpha);
	fe_add(t, p->y, p->z);
	fe_sqr(t, t);
	fe_sub(t, t, gamma);
	fe_sub(p->z, t, delta);
	fe_add(beta, beta, beta);
	fe_add(beta, beta, beta);
	fe_sqr(t, alpha);
	fe_sub(t, t, beta);
	fe_sub(p->x, t, beta);
	fe_sub(beta, beta, p->x);
	fe_mul(beta, beta, alpha);
	fe_sqr(gamma, gamma);
	fe_add(gamma, gamma, gamma);
	fe_add(gamma, gamma, gamma);
	fe_add(gamma, gamma, gamma);
	fe_sub(p->y, beta, gamma);
}

/*
 * p = p + s q with s = -1 if neg, else 1, and q = (qx, qy, qz), or with qz NULL the affine
 * (qx, qy) (mixed addition). "add-1998-cmo-2", as in p256.c. Handles p at infinity and
 * p = -sq; for p = sq it returns true and leaves p for the caller to double. Returns false
 * otherwise.
 */
static bool point_add(struct jpoint *p, const uint32_t *qx, const uint32_t *qy,
		      const uint32_t *qz, bool neg)
{
	uint32_t zz[NW], u1[NW], s1[NW], h[NW], r[NW], t[NW];

	if (fe_is_zero(p->z)) {
		bn_copy(p->x, qx);
		bn_copy(p->y, qy);
		if (neg)
			fe_sub(p->y, fe_zero, qy);
		bn_copy(p->z, qz ? qz : fe_one);
		return false;
	}
	if (qz) {
		fe_sqr(t, qz);
		fe_mul(u1, p->x, t);
		fe_mul(s1, p->y, qz);
		fe_mul(s1, s1, t);
	} else {
		bn_copy(u1, p->x);
		bn_copy(s1, p->y);
	}
	fe_sqr(zz, p->z);
	fe_mul(h, qx, zz);
	fe_sub(h, h, u1);
	fe_mul(r, qy, p->z);
	fe_mul(r, r, zz);
	if (neg)
		fe_sub(r, fe_zero, r);
	fe_sub(r, r, s1);
	if (fe_is_zero(h)) {
		if (fe_is_zero(r))
			return true;
		bn_copy(p->z, fe_zero);
		return false;
	}
	if (qz)
		fe_mul(p->z, p->z, qz);
	fe_mul(p->z, p->z, h);
	fe_sqr(zz, h);
	fe_mul(u1, u1, zz);	/* V = U1 H^2 */
	fe_mul(zz, zz, h);	/* H^3 */
	fe_sqr(t, r);
	fe_sub(t, t, zz);
	fe_sub(t, t, u1);
	fe_sub(p->x, t, u1);
	fe_sub(t, u1, p->x);
	fe_mul(t, t, r);
	fe_mul(s1, s1, zz);
	fe_sub(p->y, t, s1);
	return false;
}

/* p += d Q for a NAF digit d (odd, or 0 for nothing) over a table of odd multiples of Q. */
static void add_digit(struct jpoint *p, int d, const uint32_t *x, const uint32_t *y,
		      const uint32_t *z)
{
	if (d && point_add(p, x, y, z, d < 0))
		point_double(p);
}

/*
 * The scalars of SEC1 4.1.4: 1 <= r, s < n (else false), u1 = e/s and u2 = r/s mod n with e
 * the 48-byte digest read as a number and reduced once (e < 2^384 < 2n), in width-4 NAF.
 */
static __attribute__((noinline)) bool scalars(uint8_t naf[NAF_LEN], uint32_t *r,
					      const uint8_t *digest, const uint8_t *r_be,
					      const uint8_t *s_be)
{
	uint32_t s[NW], e[2][ECC_MAX_NW], u[2][ECC_MAX_NW];

	ecc_bn_from_be(r, r_be, NW);
	ecc_bn_from_be(s, s_be, NW);
	if (fe_is_zero(r) || fe_is_zero(s) || !ecc_bn_less(r, order_n, NW) ||
	    !ecc_bn_less(s, order_n, NW))
		return false;
	ecc_bn_from_be(e[0], digest, NW);
	if (!ecc_bn_less(e[0], order_n, NW))
		bn_sub(e[0], e[0], order_n);
	bn_copy(e[1], r);
	ecc_mod_div(u, s, e, order_n, NW);
	ecc_naf4(naf, u, NW);
	return true;
}

/* acc = u1 G + u2 Q from the packed NAF digits of u1 and u2, with q = { Q, 3Q, 5Q, 7Q }. */
static void double_mul(struct jpoint *acc, const uint8_t naf[NAF_LEN], const struct jpoint q[4])
{
	const struct jpoint *qd;
	const struct apoint *gd;
	int i, d;

	bn_copy(acc->z, fe_zero);
	for (i = NAF_LEN - 1; i >= 0; i--) {
		if (!fe_is_zero(acc->z))
			point_double(acc);
		d = ecc_naf_digit(naf[i], 0);
		gd = &g_odd[(d < 0 ? -d : d) / 2];
		add_digit(acc, d, gd->x, gd->y, NULL);
		d = ecc_naf_digit(naf[i], 1);
		qd = &q[(d < 0 ? -d : d) / 2];
		add_digit(acc, d, qd->x, qd->y, qd->z);
	}
}

/* True if x(R) mod n = r for R = (X, Y, Z) Jacobian, Z != 0: X = r Z^2 or (r + n) Z^2. */
static bool x_matches(const struct jpoint *acc, const uint32_t *r)
{
	uint32_t zz[NW], t[NW], rn[NW];

	fe_sqr(zz, acc->z);
	fe_mul(t, r, zz);
	if (bn_equal(t, acc->x))
		return true;
	if (bn_add(rn, r, order_n) || !ecc_bn_less(rn, field_p, NW))
		return false;
	fe_mul(t, rn, zz);
	return bn_equal(t, acc->x);
}

verdict_t p384_verify(const uint8_t pub[P384_PUB_LEN], const uint8_t digest[48],
		      const uint8_t r_be[P384_SCALAR_LEN], const uint8_t s_be[P384_SCALAR_LEN])
{
	uint8_t naf[NAF_LEN];
	struct jpoint q[4], acc;
	uint32_t r[NW];
	int i;

	if (pub[0] != 0x04 || !point_load(q[0].x, q[0].y, pub + 1))
		return verdict_fail();
	if (!scalars(naf, r, digest, r_be, s_be))
		return verdict_fail();

	bn_copy(q[0].z, fe_one);
	acc = q[0];
	point_double(&acc);
	for (i = 1; i < 4; i++) {
		q[i] = q[i - 1];
		point_add(&q[i], acc.x, acc.y, acc.z, false);	/* (2i - 1)Q != +-2Q */
	}
	double_mul(&acc, naf, q);
	if (fe_is_zero(acc.z) || !x_matches(&acc, r))
		return verdict_fail();
	return verdict_ok();
}
