// SPDX-License-Identifier: Apache-2.0
/*
 * x^65537 mod n for RSA verification, with Montgomery multiplication (R = 2^(32 * limbs)).
 *
 * The exponent is fixed, so the whole exponentiation is: bring x into the Montgomery domain
 * (x * R mod n, by long division one limb at a time, so no R^2 mod n is needed), square 16
 * times there (x^65536 * R), and multiply once by the plain x, which leaves the domain and
 * gives x^65537 directly. Each product is computed in full first (a squaring forms each cross
 * product once and doubles them) and then Montgomery-reduced.
 *
 * See bignum.h for the number format. Not constant-time: every input is public.
 */
#include <rampart/compiler.h>
#include <rampart/errno.h>
#include "bignum.h"

static void load_be(uint32_t *r, const uint8_t *b, size_t limbs)
{
	size_t i;

	for (i = 0; i < limbs; i++)
		r[i] = get_be32(b + 4 * (limbs - 1 - i));
}

/* -1, 0 or 1 as a < b, a == b, a > b. */
static int cmp(const uint32_t *a, const uint32_t *b, size_t limbs)
{
	size_t i = limbs;

	while (i--) {
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	}
	return 0;
}

/* r = a - b over limbs limbs; returns the borrow out. r may alias a. */
static uint32_t sub(uint32_t *r, const uint32_t *a, const uint32_t *b, size_t limbs)
{
	uint64_t d;
	uint32_t borrow = 0;
	size_t i;

	for (i = 0; i < limbs; i++) {
		d = (uint64_t)a[i] - b[i] - borrow;
		r[i] = (uint32_t)d;
		borrow = (uint32_t)(d >> 32) & 1;
	}
	return borrow;
}

/*
 * r = (t + top * 2^(32 * limbs)) mod n for a value below 2n (every Montgomery product is), the
 * last step of each multiplication. r may alias t.
 */
static void reduce_once(const struct bn_mont *m, uint32_t *r, const uint32_t *t, uint32_t top)
{
	size_t i;

	if (top || cmp(t, m->n, m->limbs) >= 0) {
		sub(r, t, m->n, m->limbs);	/* the borrow cancels top */
		return;
	}
	for (i = 0; i < m->limbs; i++)
		r[i] = t[i];
}

/*
 * floor((hi * 2^32 + lo) / d) for hi < d and d >= 2^31, one quotient bit per step: the
 * Cortex-M0 has no divide instruction and this runs only once per limb of a key.
 */
static uint32_t div_word(uint32_t hi, uint32_t lo, uint32_t d)
{
	uint32_t q = 0, out;
	int i;

	for (i = 0; i < 32; i++) {
		out = hi >> 31;		/* the bit shifted out of hi: the remainder is 33 bits */
		hi = (hi << 1) | (lo >> 31);
		lo <<= 1;
		q <<= 1;
		if (out || hi >= d) {
			hi -= d;
			q |= 1;
		}
	}
	return q;
}

/* x[0..limbs] += n; returns the carry out of limb `limbs`. */
static uint32_t add_n(const struct bn_mont *m, uint32_t *x)
{
	uint64_t c = 0;
	size_t i;

	for (i = 0; i < m->limbs; i++) {
		c += (uint64_t)x[i] + m->n[i];
		x[i] = (uint32_t)c;
		c >>= 32;
	}
	c += x[m->limbs];
	x[m->limbs] = (uint32_t)c;
	return (uint32_t)(c >> 32);
}

/*
 * x = x * 2^32 mod n, for x < n held in limbs + 1 limbs (the top one zero on entry and exit):
 * one step of schoolbook long division (Knuth 4.3.1, algorithm D). Because n's top bit is set,
 * the quotient guessed from the top limbs alone is never too small and at most 2 too large
 * (Knuth's theorems A and B), so at most two additions of n repair the remainder.
 */
static void shift_limb_mod(const struct bn_mont *m, uint32_t *x)
{
	size_t L = m->limbs, i;
	uint32_t q, borrow = 0;
	uint64_t p, d, c = 0;

	for (i = L; i > 0; i--)
		x[i] = x[i - 1];
	x[0] = 0;
	q = x[L] >= m->n[L - 1] ? 0xffffffffu : div_word(x[L], x[L - 1], m->n[L - 1]);
	for (i = 0; i < L; i++) {
		p = (uint64_t)q * m->n[i] + c;
		c = p >> 32;
		d = (uint64_t)x[i] - (uint32_t)p - borrow;
		x[i] = (uint32_t)d;
		borrow = (uint32_t)(d >> 32) & 1;
	}
	d = (uint64_t)x[L] - c - borrow;
	x[L] = (uint32_t)d;
	borrow = (uint32_t)(d >> 32) & 1;
	/* A borrow means the guess was too large: the remainder is negative (two's complement
	 * in L + 1 limbs) until an addition of n carries out of the top limb. */
	while (borrow)
		borrow = !add_n(m, x);
}

/*
 * t[0..len) += a[0..len) * b; returns the carry out (the limb above t[len - 1]).
 * Each 64-bit accumulation stays below 2^64: (2^32 - 1)^2 + 2 * (2^32 - 1) = 2^64 - 1.
 * Two limbs per pass: the loop overhead is a third of the work otherwise.
 */
static uint32_t mac_row(uint32_t *t, const uint32_t *a, uint32_t b, size_t len)
{
	uint64_t c = 0;
	size_t j = len & 1;

	if (j) {
		c = (uint64_t)a[0] * b + t[0];
		t[0] = (uint32_t)c;
		c >>= 32;
	}
	for (; j < len; j += 2) {
		c += (uint64_t)a[j] * b + t[j];
		t[j] = (uint32_t)c;
		c >>= 32;
		c += (uint64_t)a[j + 1] * b + t[j + 1];
		t[j + 1] = (uint32_t)c;
		c >>= 32;
	}
	return (uint32_t)c;
}

/*
 * x = t / R mod n (Montgomery reduction) for a 2 * limbs-limb t below n * R; t is clobbered.
 * Round i adds q * n * 2^(32 i) with q chosen to clear limb i; its carry lands in limb i + L,
 * and what that overflows (top) in limb i + L + 1, which the next round adds in.
 */
static void redc(const struct bn_mont *m, uint32_t *x, uint32_t *t)
{
	size_t L = m->limbs, i;
	uint32_t top = 0;
	uint64_t c;

	for (i = 0; i < L; i++) {
		c = (uint64_t)mac_row(t + i, m->n, t[i] * m->n0inv, L) + t[i + L] + top;
		t[i + L] = (uint32_t)c;
		top = (uint32_t)(c >> 32);
	}
	reduce_once(m, x, t + L, top);
}

/* x = x^2 / R mod n, for x < n; t is 2 * limbs limbs of work space. */
static void mont_sqr(const struct bn_mont *m, uint32_t *x, uint32_t *t)
{
	size_t L = m->limbs, i;
	uint64_t c = 0, sq;

	/* t = the cross products x[i] * x[j] * 2^(32 (i + j)), i < j, each once. Row i adds
	 * into limbs 2i + 1 .. i + L - 1, which row i - 1 wrote (row 0: the zeroed low half), and
	 * sets limb i + L, which no earlier row reached. */
	for (i = 0; i < L; i++)
		t[i] = 0;
	for (i = 0; i < L; i++)
		t[i + L] = mac_row(t + 2 * i + 1, x + i + 1, x[i], L - 1 - i);
	/* t = 2t + the squares x[i]^2 * 2^(64 i) = x^2 (below 2^(64 L): no carry out). */
	for (i = 0; i < L; i++) {
		sq = (uint64_t)x[i] * x[i];
		c += ((uint64_t)t[2 * i] << 1) + (uint32_t)sq;
		t[2 * i] = (uint32_t)c;
		c >>= 32;
		c += ((uint64_t)t[2 * i + 1] << 1) + (sq >> 32);
		t[2 * i + 1] = (uint32_t)c;
		c >>= 32;
	}
	redc(m, x, t);
}

/*
 * x = x * y / R mod n, for x, y < n with y given big-endian (the signature bytes); t is
 * 2 * limbs limbs of work space.
 */
static void mont_mul_be(const struct bn_mont *m, uint32_t *x, const uint8_t *y, uint32_t *t)
{
	size_t L = m->limbs, i;

	for (i = 0; i < L; i++)
		t[i] = 0;
	for (i = 0; i < L; i++)
		t[i + L] = mac_row(t + i, x, get_be32(y + 4 * (L - 1 - i)), L);
	redc(m, x, t);
}

int bn_mont_init(struct bn_mont *m, const uint8_t *n, size_t len)
{
	uint32_t inv, n0;
	int i;

	if (len == 0 || len % 4 || len > 4 * BN_MAX_LIMBS || !(n[0] & 0x80) || !(n[len - 1] & 1))
		return -EINVAL;
	m->limbs = len / 4;
	load_be(m->n, n, m->limbs);
	/* Newton's iteration for n0^-1 mod 2^32: n0 * n0 = 1 mod 8 for odd n0 (3 correct bits),
	 * and each step doubles the correct bits: 6, 12, 24, 48. */
	n0 = m->n[0];
	inv = n0;
	for (i = 0; i < 4; i++)
		inv *= 2 - n0 * inv;
	m->n0inv = 0 - inv;
	return 0;
}

int bn_exp_65537(const struct bn_mont *m, const uint8_t *x, uint32_t *out, uint32_t *scratch)
{
	size_t i;

	load_be(out, x, m->limbs);
	if (cmp(out, m->n, m->limbs) >= 0)
		return -EINVAL;
	out[m->limbs] = 0;
	for (i = 0; i < m->limbs; i++)
		shift_limb_mod(m, out);	/* out = x * R mod n */
	for (i = 0; i < 16; i++)
		mont_sqr(m, out, scratch);	/* out = x^(2^16) * R mod n */
	mont_mul_be(m, out, x, scratch);	/* x^65536 * R * x / R = x^65537 */
	return 0;
}
