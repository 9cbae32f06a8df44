/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ECDSA verification (SEC1 4.1.4) on a short Weierstrass curve y^2 = x^3 - 3x + b of prime
 * order, with the field products it needs (schoolbook, then the curve's own reduction),
 * included as a template by p256.c and p384.c so that each curve gets code specialised
 * to its constant limb count. The including file first includes ecc.h, internal.h and
 * ecc_limbs.h, and defines:
 *   NW                           limbs per number (field elements and scalars alike)
 *   field_p, order_n, curve_b    p, the order n of G (n < p < 2n) and b, NW limbs each
 *   fe_zero, fe_one, fe_three    0, 1 and 3 as field elements
 *   struct apoint, g_odd[4]      affine x, y of NW limbs; G, 3G, 5G, 7G
 *   fe_add, fe_sub               r = a op b mod p for fully reduced inputs and output, r
 *                                allowed to alias either input
 *   fe_reduce                    r = t mod p, fully reduced, for a 2 NW-limb t
 *   ECC_VERIFY                   the name of the public verifier this file defines
 *
 * Method: u1 = e/s and u2 = r/s by binary division mod n (ecc.c); then u1 G + u2 Q in one
 * pass of Jacobian doublings, both scalars in width-4 NAF, u1 over the affine G table (mixed
 * additions), u2 over Q, 3Q, 5Q, 7Q computed per call. The result is never made affine:
 * x(R) mod n = r is checked as X = r Z^2 or, when r + n < p, X = (r + n) Z^2.
 *
 * Everything here works on public values (key, digest, signature) and is variable-time.
 */
#ifndef RAMPART_LIB_CRYPTO_ECC_JACOBIAN_H
#define RAMPART_LIB_CRYPTO_ECC_JACOBIAN_H

#define NAF_LEN (32 * NW + 1)

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

/* Variable-time zero test, for public values. */
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
 * Load the affine point X || Y (big-endian, 4 NW bytes each); false unless both coordinates
 * are below p and y^2 = x^3 - 3x + b. (0, 0) is not on the curve, so no encoding can stand for
 * infinity. Not constant-time (points are public).
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

/* Jacobian point (X/Z^2, Y/Z^3); Z = 0 is infinity. */
struct jpoint {
	uint32_t x[NW], y[NW], z[NW];
};

/*
 * p = 2p, "dbl-2001-b" for a = -3 (3M + 5S): delta = Z^2, gamma = Y^2, beta = X gamma,
 * alpha = 3 (X - delta)(X + delta), X3 = alpha^2 - 8 beta, Z3 = (Y + Z)^2 - gamma - delta,
 * Y3 = alpha (4 beta - X3) - 8 gamma^2. Infinity stays infinity; a curve of odd prime order
 * has no point of order 2, so no finite point doubles to infinity.
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
 * (qx, qy) ("mixed" addition: 8M + 3S instead of 12M + 4S). "add-1998-cmo-2": U1 = X1 Z2^2,
 * U2 = X2 Z1^2, S1 = Y1 Z2^3, S2 = Y2 Z1^3, H = U2 - U1, R = S2 - S1, X3 = R^2 - H^3 - 2 U1 H^2,
 * Y3 = R (U1 H^2 - X3) - S1 H^3, Z3 = Z1 Z2 H. Handles p at infinity and p = -sq; for p = sq
 * it returns true and leaves p for the caller to double (so the stack holds one formula's
 * temporaries at a time). Returns false otherwise.
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
 * the 4 NW-byte digest read as a number and reduced once (e < 2^(32 NW) < 2n), recoded into
 * width-4 NAF. Kept out of line so that its temporaries are off the stack during the
 * multiplication.
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

/*
 * ECC_VERIFY() - the curve's public verifier (p256_verify(), p384_verify(); the including
 * file defines ECC_VERIFY to that name, declared in internal.h): the verdict on the ECDSA
 * signature (r, s) of @digest under @pub.
 * @pub:        0x04 || X || Y, 1 + 8 NW bytes (SEC1 uncompressed point)
 * @digest:     4 NW bytes, big-endian
 * @r_be, s_be: 4 NW bytes each, big-endian
 * Returns verdict_ok() only if the point is on the curve, 1 <= r, s < n and the signature
 * matches; verdict_fail() otherwise. Variable-time (all inputs are public).
 */
verdict_t ECC_VERIFY(const uint8_t pub[1 + 8 * NW], const uint8_t digest[4 * NW],
		     const uint8_t r_be[4 * NW], const uint8_t s_be[4 * NW])
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

#endif
