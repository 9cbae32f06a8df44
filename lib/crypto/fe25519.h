/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Arithmetic in GF(2^255 - 19), shared by Ed25519 (ed25519.c) and X25519 (x25519.c).
 *
 * An element is FE25519_NW little-endian 32-bit limbs holding any value below 2^256; it is
 * reduced to its canonical residue (below p) only by fe25519_to_bytes(). Every function
 * accepts and returns such values, and every output may alias any input.
 *
 * Every function here is constant-time: no branch and no memory index depends on the values
 * of the elements (X25519 runs them on secrets).
 */
#ifndef RAMPART_LIB_CRYPTO_FE25519_H
#define RAMPART_LIB_CRYPTO_FE25519_H

#include <stdint.h>

#define FE25519_NW 8

/* r = the 32 little-endian bytes b read as a 256-bit number (callers mask bit 255 if needed). */
void fe25519_from_bytes(uint32_t *r, const uint8_t b[32]);

/* b = a mod p, canonical (below p), 32 little-endian bytes. */
void fe25519_to_bytes(uint8_t b[32], const uint32_t *a);

void fe25519_add(uint32_t *r, const uint32_t *a, const uint32_t *b);
void fe25519_sub(uint32_t *r, const uint32_t *a, const uint32_t *b);
void fe25519_mul(uint32_t *r, const uint32_t *a, const uint32_t *b);
void fe25519_sqr(uint32_t *r, const uint32_t *a);

/* r = a k for a small constant k (below 2^24, e.g. 121665). */
void fe25519_mul_small(uint32_t *r, const uint32_t *a, uint32_t k);

/* r = 1 / a = a^(p - 2) (0 for a = 0 mod p). */
void fe25519_invert(uint32_t *r, const uint32_t *a);

/* r = a^((p - 5) / 8), the exponent of the square root in RFC 8032 5.1.3. */
void fe25519_pow2523(uint32_t *r, const uint32_t *a);

/* Swap a and b if swap is 1; leave them if it is 0. */
void fe25519_cswap(uint32_t *a, uint32_t *b, uint32_t swap);

/* 1 if a = b mod p, else 0. */
uint32_t fe25519_equal(const uint32_t *a, const uint32_t *b);

#endif
