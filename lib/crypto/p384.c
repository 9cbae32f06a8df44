// SPDX-License-Identifier: Apache-2.0
/*
 * ECDSA verification on NIST P-384 (FIPS 186-4 D.1.2.4, SEC1 4.1.4): the curve constants and
 * the field mod p with 12-limb numbers, fully reduced, products reduced by folding with
 * 2^384 = 2^128 + 2^96 - 2^32 + 1 (mod p). The verifier itself (Jacobian double-scalar
 * multiplication in width-4 NAF, as for P-256) is the template ecc_jacobian.h.
 *
 * Nothing here is secret (public key, digest and signature), so nothing is constant-time.
 */
#include <rampart/compiler.h>
#include "ecc.h"
#include "internal.h"

#define NW 12			/* limbs per 384-bit number */
#include "ecc_limbs.h"

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

#define ECC_VERIFY p384_verify
#include "ecc_jacobian.h"
