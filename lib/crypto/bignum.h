/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Multi-precision arithmetic for RSA public-key operations (rsa.c), in portable C for anything
 * from a Cortex-M0 up: numbers are little-endian arrays of 32-bit limbs and every product is a
 * 32 x 32 -> 64-bit multiply. A modulus is odd, a whole number of limbs long (at most
 * BN_MAX_LIMBS, 4096 bits) and has its top bit set, which is what RSA-2048/3072/4096 keys are.
 *
 * No heap and no globals: the caller owns every buffer (about 2 KiB for 4096 bits). Nothing is
 * constant-time; RSA verification has only public inputs.
 */
#ifndef RAMPART_LIB_CRYPTO_BIGNUM_H
#define RAMPART_LIB_CRYPTO_BIGNUM_H

#include <stddef.h>
#include <stdint.h>

#define BN_MAX_LIMBS 128			/* 4096 bits */
#define BN_SCRATCH_LIMBS (2 * BN_MAX_LIMBS)	/* work space of bn_exp_65537() */

/* A modulus n prepared for Montgomery arithmetic with R = 2^(32 * limbs). */
struct bn_mont {
	uint32_t n[BN_MAX_LIMBS];	/* n, little-endian limbs; only the first `limbs` are used */
	size_t limbs;
	uint32_t n0inv;			/* -n^-1 mod 2^32 */
};

/*
 * bn_mont_init() - load a modulus.
 * @m:        receives the modulus and its Montgomery constant
 * @n, @len:  the modulus, big-endian; len must be a multiple of 4 between 4 and
 *            4 * BN_MAX_LIMBS, the top bit of n[0] set and n odd
 * Returns 0, or -EINVAL (m untouched) if the modulus breaks one of those rules.
 */
int bn_mont_init(struct bn_mont *m, const uint8_t *n, size_t len);

/*
 * bn_exp_65537() - out = x^65537 mod n, the RSA public-key operation with e = 65537.
 * @m:       a modulus from bn_mont_init()
 * @x:       the base, big-endian, exactly 4 * m->limbs bytes
 * @out:     m->limbs + 1 limbs; on success the first m->limbs hold the result (< n)
 * @scratch: BN_SCRATCH_LIMBS limbs of work space, clobbered
 * Returns 0, or -EINVAL if x >= n (an RSA representative must be below the modulus).
 */
int bn_exp_65537(const struct bn_mont *m, const uint8_t *x, uint32_t *out, uint32_t *scratch);

/*
 * bn_byte() - byte @i, counted from the most significant (i = 0), of the 4 * @limbs-byte
 * big-endian form of @x. Precondition: i < 4 * limbs.
 */
static inline uint8_t bn_byte(const uint32_t *x, size_t limbs, size_t i)
{
	size_t pos = 4 * limbs - 1 - i;	/* counted from the least significant byte */

	return (uint8_t)(x[pos / 4] >> (8 * (pos % 4)));
}

#endif
