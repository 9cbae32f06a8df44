// SPDX-License-Identifier: Apache-2.0
/*
 * NIST P-256 (FIPS 186-4 D.1.2.3): ECDSA verification (SEC1 4.1.4) and ECDH (SEC1 3.3.1).
 *
 * Field elements mod p are 8 little-endian 32-bit limbs, always fully reduced (< p). Products
 * are reduced with the special form of p (FIPS 186-4 D.2.3, Solinas). Every field operation
 * is constant-time (no data-dependent branch or index), so ECDH can use them on secrets.
 *
 * Verification (public inputs, variable-time) is the template ecc_jacobian.h, shared with
 * P-384: u1 G + u2 Q in one pass of Jacobian doublings, both scalars in width-4 NAF, u1 over
 * the flash table g_odd below, u2 over Q, 3Q, 5Q, 7Q computed per call.
 *
 * ECDH (secret scalar, constant-time): a fixed 4-bit window with signed odd digits over
 * projective points, using the complete formulas of Renes, Costello and Batina (2016), which
 * have no exceptional case, so every step is the same sequence of field operations whatever
 * the scalar; table entries are picked by reading all of them under masks.
 */
#include <rampart/compiler.h>
#include <rampart/errno.h>
#include "ecc.h"
#include "internal.h"

#define NW 8			/* limbs per 256-bit number */
#include "ecc_limbs.h"

/* p = 2^256 - 2^224 + 2^192 + 2^96 - 1 */
static const uint32_t field_p[NW] = {
	0xffffffffu, 0xffffffffu, 0xffffffffu, 0x00000000u,
	0x00000000u, 0x00000000u, 0x00000001u, 0xffffffffu,
};

/* n, the order of G */
static const uint32_t order_n[NW] = {
	0xfc632551u, 0xf3b9cac2u, 0xa7179e84u, 0xbce6faadu,
	0xffffffffu, 0xffffffffu, 0x00000000u, 0xffffffffu,
};

/* The curve is y^2 = x^3 - 3x + b. */
static const uint32_t curve_b[NW] = {
	0x27d2604bu, 0x3bce3c3eu, 0xcc53b0f6u, 0x651d06b0u,
	0x769886bcu, 0xb3ebbd55u, 0xaa3a93e7u, 0x5ac635d8u,
};

/* G, 3G, 5G, 7G in affine coordinates (SEC2 2.4.2 G; multiples computed offline). */
static const struct apoint g_odd[4] = {
	{	/* 1G */
		{ 0xd898c296u, 0xf4a13945u, 0x2deb33a0u, 0x77037d81u,
		  0x63a440f2u, 0xf8bce6e5u, 0xe12c4247u, 0x6b17d1f2u },
		{ 0x37bf51f5u, 0xcbb64068u, 0x6b315eceu, 0x2bce3357u,
		  0x7c0f9e16u, 0x8ee7eb4au, 0xfe1a7f9bu, 0x4fe342e2u },
	},
	{	/* 3G */
		{ 0xc6e7fd6cu, 0xfb41661bu, 0xefada985u, 0xe6c6b721u,
		  0x1d4bf165u, 0xc8f7ef95u, 0xa6330a44u, 0x5ecbe4d1u },
		{ 0xa27d5032u, 0x9a79b127u, 0x384fb83du, 0xd82ab036u,
		  0x1a64a2ecu, 0x374b06ceu, 0x4998ff7eu, 0x8734640cu },
	},
	{	/* 5G */
		{ 0xc3d033edu, 0x21554a0du, 0x1f5be524u, 0xef8c82fdu,
		  0x08668fdfu, 0xd784c856u, 0x515140d2u, 0x51590b7au },
		{ 0xfda16da4u, 0xd1d0bb44u, 0xd4d80888u, 0x0d012f00u,
		  0xbf8a7926u, 0x8ae1bf36u, 0x904a727du, 0xe0c17da8u },
	},
	{	/* 7G */
		{ 0x3187b2a3u, 0x30062870u, 0xa80fef5bu, 0x7ef9f8b8u,
		  0x7c01fb60u, 0x25bb3066u, 0xa0bf7b46u, 0x8e533b6fu },
		{ 0xc1f400b4u, 0xc55e1a86u, 0xcb041b21u, 0x53c73633u,
		  0xa6f59000u, 0x6d069f83u, 0xe0331836u, 0x73eb1dbdu },
	},
};

/* r = mask ? a : r, for mask all ones or zero. */
static void bn_select(uint32_t *r, const uint32_t *a, uint32_t mask)
{
	int i;

	for (i = 0; i < NW; i++)
		r[i] ^= (r[i] ^ a[i]) & mask;
}

static void bn_to_be(uint8_t *be, const uint32_t *a)
{
	int i;

	for (i = 0; i < NW; i++)
		put_be32(be + 4 * (NW - 1 - i), a[i]);
}

/* ---- the field mod p (constant-time) ---- */

/* r = (a + carry 2^256) mod p for a value below 2p. */
static void fe_reduce_once(uint32_t *r, const uint32_t *a, uint32_t carry)
{
	uint32_t t[NW];
	uint32_t borrow = bn_sub(t, a, field_p);

	bn_copy(r, a);
	bn_select(r, t, 0u - (carry | (borrow ^ 1)));
}

static void fe_add(uint32_t *r, const uint32_t *a, const uint32_t *b)
{
	uint32_t t[NW];
	uint32_t carry = bn_add(t, a, b);

	fe_reduce_once(r, t, carry);
}

static void fe_sub(uint32_t *r, const uint32_t *a, const uint32_t *b)
{
	uint32_t mask = 0u - bn_sub(r, a, b);
	uint64_t c = 0;
	int i;

	for (i = 0; i < NW; i++) {
		c += (uint64_t)r[i] + (field_p[i] & mask);
		r[i] = (uint32_t)c;
		c >>= 32;
	}
}

/* Store the low limb of acc in *r and return the rest (arithmetic shift: acc may be < 0). */
static int64_t put_limb(uint32_t *r, int64_t acc)
{
	*r = (uint32_t)acc;
	return acc >> 32;
}

/* r + k 2^256 = r + k (2^224 - 2^192 - 2^96 + 1) mod p; returns the new signed top carry. */
static int64_t fe_fold(uint32_t *r, int64_t k)
{
	int64_t acc;

	acc = put_limb(&r[0], (int64_t)r[0] + k);
	acc = put_limb(&r[1], acc + r[1]);
	acc = put_limb(&r[2], acc + r[2]);
	acc = put_limb(&r[3], acc + r[3] - k);
	acc = put_limb(&r[4], acc + r[4]);
	acc = put_limb(&r[5], acc + r[5]);
	acc = put_limb(&r[6], acc + r[6] - k);
	return put_limb(&r[7], acc + r[7] + k);
}

/*
 * r = t mod p for a 512-bit t (16 limbs c0..c15), FIPS 186-4 D.2.3:
 * t = T + 2 S1 + 2 S2 + S3 + S4 - D1 - D2 - D3 - D4 mod p, summed limb by limb below. The sum
 * lies in (-4 2^256, 7 2^256); folding its top carry k in twice as k (2^256 mod p) leaves a
 * value in [0, 2^256) (|k| <= 6 makes the first fold's carry -1, 0 or 1, and the second cannot
 * carry), and one conditional subtraction of p finishes.
 */
static void fe_reduce(uint32_t *r, const uint32_t *t)
{
	const uint32_t *c = t;	/* c[i] as in FIPS 186-4 D.2.3 */
	int64_t acc;

	acc = put_limb(&r[0], (int64_t)c[0] + c[8] + c[9] - c[11] - c[12] - c[13] - c[14]);
	acc = put_limb(&r[1], acc + c[1] + c[9] + c[10] - c[12] - c[13] - c[14] - c[15]);
	acc = put_limb(&r[2], acc + c[2] + c[10] + c[11] - c[13] - c[14] - c[15]);
	acc = put_limb(&r[3], acc + c[3] + 2 * ((int64_t)c[11] + c[12]) + c[13] - c[15] - c[8] -
			      c[9]);
	acc = put_limb(&r[4], acc + c[4] + 2 * ((int64_t)c[12] + c[13]) + c[14] - c[9] - c[10]);
	acc = put_limb(&r[5], acc + c[5] + 2 * ((int64_t)c[13] + c[14]) + c[15] - c[10] - c[11]);
	acc = put_limb(&r[6], acc + c[6] + 3 * (int64_t)c[14] + 2 * (int64_t)c[15] + c[13] - c[8] -
			      c[9]);
	acc = put_limb(&r[7], acc + c[7] + 3 * (int64_t)c[15] + c[8] - c[10] - c[11] - c[12] -
			      c[13]);
	fe_fold(r, fe_fold(r, acc));
	fe_reduce_once(r, r, 0);
}

/* ---- ECDSA verification: Jacobian points (X/Z^2, Y/Z^3), Z = 0 is infinity ---- */

#define ECC_VERIFY p256_verify
#include "ecc_jacobian.h"

/* ---- ECDH: projective points (X/Z, Y/Z), identity (0 : 1 : 0); all constant-time ---- */

struct ppoint {
	uint32_t x[NW], y[NW], z[NW];
};

/*
 * r = p + q for any two points, equal, opposite or the identity included (r may alias p or
 * q): Renes, Costello, Batina, "Complete addition formulas for prime order elliptic curves"
 * (EUROCRYPT 2016), Algorithm 4 (a = -3), 12M + 2 multiplications by b, in their order.
 */
static void point_add_complete(struct ppoint *r, const struct ppoint *p, const struct ppoint *q)
{
	uint32_t t0[NW], t1[NW], t2[NW], t3[NW], t4[NW], x3[NW], y3[NW], z3[NW];

	fe_mul(t0, p->x, q->x);
	fe_mul(t1, p->y, q->y);
	fe_mul(t2, p->z, q->z);
	fe_add(t3, p->x, p->y);
	fe_add(t4, q->x, q->y);
	fe_mul(t3, t3, t4);
	fe_add(t4, t0, t1);
	fe_sub(t3, t3, t4);		/* X1 Y2 + X2 Y1 */
	fe_add(t4, p->y, p->z);
	fe_add(x3, q->y, q->z);
	fe_mul(t4, t4, x3);
	fe_add(x3, t1, t2);
	fe_sub(t4, t4, x3);		/* Y1 Z2 + Y2 Z1 */
	fe_add(x3, p->x, p->z);
	fe_add(y3, q->x, q->z);
	fe_mul(x3, x3, y3);
	fe_add(y3, t0, t2);
	fe_sub(y3, x3, y3);		/* X1 Z2 + X2 Z1 */
	fe_mul(z3, curve_b, t2);
	fe_sub(x3, y3, z3);
	fe_add(z3, x3, x3);
	fe_add(x3, x3, z3);
	fe_sub(z3, t1, x3);
	fe_add(x3, t1, x3);
	fe_mul(y3, curve_b, y3);
	fe_add(t1, t2, t2);
	fe_add(t2, t1, t2);
	fe_sub(y3, y3, t2);
	fe_sub(y3, y3, t0);
	fe_add(t1, y3, y3);
	fe_add(y3, t1, y3);
	fe_add(t1, t0, t0);
	fe_add(t0, t1, t0);
	fe_sub(t0, t0, t2);
	fe_mul(t1, t4, y3);
	fe_mul(t2, t0, y3);
	fe_mul(y3, x3, z3);
	fe_add(r->y, y3, t2);
	fe_mul(x3, t3, x3);
	fe_sub(r->x, x3, t1);
	fe_mul(z3, t4, z3);
	fe_mul(t1, t3, t0);
	fe_add(r->z, z3, t1);
}

/*
 * r = 2p for any point (the identity included; r may alias p): Renes, Costello, Batina,
 * Algorithm 6 (a = -3), 8M + 3S + 2 multiplications by b, in their order.
 */
static void point_double_complete(struct ppoint *r, const struct ppoint *p)
{
	uint32_t t0[NW], t1[NW], t2[NW], t3[NW], x3[NW], y3[NW], z3[NW];

	fe_sqr(t0, p->x);
	fe_sqr(t1, p->y);
	fe_sqr(t2, p->z);
	fe_mul(t3, p->x, p->y);
	fe_add(t3, t3, t3);
	fe_mul(z3, p->x, p->z);
	fe_add(z3, z3, z3);
	fe_mul(y3, curve_b, t2);
	fe_sub(y3, y3, z3);
	fe_add(x3, y3, y3);
	fe_add(y3, x3, y3);
	fe_sub(x3, t1, y3);
	fe_add(y3, t1, y3);
	fe_mul(y3, x3, y3);
	fe_mul(x3, x3, t3);
	fe_add(t3, t2, t2);
	fe_add(t2, t2, t3);
	fe_mul(z3, curve_b, z3);
	fe_sub(z3, z3, t2);
	fe_sub(z3, z3, t0);
	fe_add(t3, z3, z3);
	fe_add(z3, z3, t3);
	fe_add(t3, t0, t0);
	fe_add(t0, t3, t0);
	fe_sub(t0, t0, t2);
	fe_mul(t0, t0, z3);
	fe_add(y3, y3, t0);
	fe_mul(t0, p->y, p->z);
	fe_add(t0, t0, t0);
	fe_mul(z3, t0, z3);
	fe_sub(r->x, x3, z3);
	bn_copy(r->y, y3);	/* only now: r may alias p */
	fe_mul(z3, t0, t1);
	fe_add(z3, z3, z3);
	fe_add(r->z, z3, z3);
}

#define ECDH_DIGITS 64

/*
 * The scalar k (< n) as 64 signed odd base-16 digits: K = k if k is odd, else k + n (the same
 * multiple of a point of order n; chosen by mask), then d_i = (K mod 32) - 16 and
 * K = (K - d_i) / 16, which keeps K odd and positive. K < 2^257 leaves K = 1 after 64 digits,
 * so k P = 16^64 P + sum d_i 16^i P. Constant-time: the same shifts and masks for every k.
 */
static void recode(int8_t d[ECDH_DIGITS], const uint32_t *k)
{
	uint32_t t[NW + 1], kn[NW + 1], mask = (k[0] & 1) - 1;
	int i, j;

	bn_copy(t, k);
	t[NW] = 0;
	kn[NW] = bn_add(kn, k, order_n);
	for (j = 0; j <= NW; j++)
		t[j] ^= (t[j] ^ kn[j]) & mask;
	for (i = 0; i < ECDH_DIGITS; i++) {
		d[i] = (int8_t)((int32_t)(t[0] & 31) - 16);
		t[0] = (t[0] & ~31u) | 16;	/* K - d_i: the low five bits become 16 */
		for (j = 0; j < NW; j++)
			t[j] = (t[j] >> 4) | (t[j + 1] << 28);
		t[NW] >>= 4;
	}
}

/* r = d P for an odd digit -15 <= d <= 15 from tab = { P, 3P, ..., 15P }: reads every entry. */
static void table_select(struct ppoint *r, const struct ppoint tab[8], int8_t digit)
{
	uint32_t d = (uint32_t)(int32_t)digit, neg = d >> 31, idx, mask, ny[NW];
	uint32_t j;

	idx = ((d ^ (0u - neg)) + neg) >> 1;	/* (|d| - 1) / 2 */
	*r = tab[0];
	for (j = 1; j < 8; j++) {
		mask = (((j ^ idx) - 1) >> 31) * 0xffffffffu;	/* all ones if j == idx */
		bn_select(r->x, tab[j].x, mask);
		bn_select(r->y, tab[j].y, mask);
		bn_select(r->z, tab[j].z, mask);
	}
	fe_sub(ny, fe_zero, r->y);
	bn_select(r->y, ny, 0u - neg);
}

/*
 * r = k p for 1 <= k < n: a fixed window of four bits with signed odd digits (recode()), so
 * every step is four doublings and one addition of a table entry, whatever k is. The
 * formulas are complete, so no step has a special case to branch on. Constant-time in k.
 */
static void scalar_mul(struct ppoint *r, const struct ppoint *p, const uint32_t *k)
{
	struct ppoint tab[8], t;
	int8_t d[ECDH_DIGITS];
	int i, j;

	recode(d, k);
	tab[0] = *p;
	point_double_complete(&t, p);
	for (i = 1; i < 8; i++)
		point_add_complete(&tab[i], &tab[i - 1], &t);
	*r = *p;		/* the top digit is always 1 */
	for (i = ECDH_DIGITS - 1; i >= 0; i--) {
		for (j = 0; j < 4; j++)
			point_double_complete(r, r);
		table_select(&t, tab, d[i]);
		point_add_complete(r, r, &t);
	}
	crypto_wipe(tab, sizeof(tab));
	crypto_wipe(&t, sizeof(t));
	crypto_wipe(d, sizeof(d));
}

/* r = a^(p-2) = 1/a (0 for a = 0). The exponent is public: branching on its bits is safe. */
static void fe_inv(uint32_t *r, const uint32_t *a)
{
	static const uint32_t p_minus_2[NW] = {
		0xfffffffdu, 0xffffffffu, 0xffffffffu, 0x00000000u,
		0x00000000u, 0x00000000u, 0x00000001u, 0xffffffffu,
	};
	uint32_t x[NW];
	int i;

	bn_copy(x, a);
	bn_copy(r, fe_one);
	for (i = 255; i >= 0; i--) {
		fe_sqr(r, r);
		if ((p_minus_2[i / 32] >> (i % 32)) & 1)
			fe_mul(r, r, x);
	}
}

int p256_ecdh(uint8_t out[32], const uint8_t priv[P256_SCALAR_LEN],
	      const uint8_t pub[P256_PUB_LEN])
{
	struct ppoint p, q;
	uint32_t k[NW], t[NW], valid, nonzero = 0;
	int i;

	if (pub[0] != 0x04 || !point_load(p.x, p.y, pub + 1)) {
		__builtin_memset(out, 0, 32);
		return -EINVAL;
	}
	bn_copy(p.z, fe_one);

	/* 1 <= k < n, decided without branching on k: the verdict is combined at the end. */
	ecc_bn_from_be(k, priv, NW);
	valid = bn_sub(t, k, order_n);
	for (i = 0; i < NW; i++)
		nonzero |= k[i];
	valid &= (nonzero | (0u - nonzero)) >> 31;

	scalar_mul(&q, &p, k);
	fe_inv(t, q.z);
	fe_mul(t, q.x, t);
	bn_select(t, fe_zero, valid - 1);
	bn_to_be(out, t);
	crypto_wipe(k, sizeof(k));
	crypto_wipe(&q, sizeof(q));
	crypto_wipe(t, sizeof(t));
	return -EINVAL & ((int)valid - 1);
}
