/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Scalar arithmetic shared by the signature verifiers (p256.c, p384.c, ed25519.c): numbers are
 * arrays of nw little-endian 32-bit limbs, nw <= ECC_MAX_NW. Verification works on public
 * values, so nothing here is constant-time except ecc_bn_from_be(), which P-256 ECDH also uses
 * to load its secret scalar.
 */
#ifndef RAMPART_LIB_CRYPTO_ECC_H
#define RAMPART_LIB_CRYPTO_ECC_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define ECC_MAX_NW 12	/* P-384 */

/* r = the nw-limb number stored big-endian in be[0 .. 4 nw - 1]. Constant-time. */
void ecc_bn_from_be(uint32_t *r, const uint8_t *be, size_t nw);

/* True if a < b (nw limbs each). */
bool ecc_bn_less(const uint32_t *a, const uint32_t *b, size_t nw);

/* True if a is zero. */
bool ecc_bn_is_zero(const uint32_t *a, size_t nw);

/*
 * ecc_mod_div() - x[0] = b[0] / a and x[1] = b[1] / a modulo the odd prime n, by the binary
 * extended Euclidean algorithm (Hankerson, Menezes, Vanstone, Alg. 2.22, with x1 starting at b
 * instead of 1 so that it divides rather than inverts). ECDSA's u1 = e/s and u2 = r/s share
 * one run. Preconditions: 1 <= a < n, b[k] < n. Not constant-time.
 */
void ecc_mod_div(uint32_t x[2][ECC_MAX_NW], const uint32_t *a,
		 const uint32_t b[2][ECC_MAX_NW], const uint32_t *n, size_t nw);

/*
 * ecc_naf4() - the width-4 non-adjacent forms of k[0] and k[1] (nw limbs each), packed: digit
 * i of k[j] (zero, or odd in -7 .. 7) is ecc_naf_digit(naf[i], j), and k[j] = sum of digit i
 * times 2^i over i = 0 .. 32 nw. @naf must hold 32 nw + 1 bytes. Not constant-time.
 */
void ecc_naf4(uint8_t *naf, const uint32_t k[2][ECC_MAX_NW], size_t nw);

static inline int ecc_naf_digit(uint8_t packed, unsigned int j)
{
	/* Each nibble is a two's complement digit; the arithmetic shift sign-extends it. */
	return (int8_t)(j ? packed : (uint8_t)(packed << 4)) >> 4;
}

#endif
