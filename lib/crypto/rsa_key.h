/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The RSA key and input rules both crypto backends apply before any arithmetic (rsa_key.c),
 * so that rsa.c and mbedtls_rsa.c give the same verdict on every input. Nothing outside
 * lib/crypto (and its unit tests) includes this header.
 */
#ifndef RAMPART_LIB_CRYPTO_RSA_KEY_H
#define RAMPART_LIB_CRYPTO_RSA_KEY_H

#include <stddef.h>
#include <stdint.h>
#include <rampart/crypto.h>

#define RSA_EXPONENT 65537u	/* the only public exponent accepted */

/*
 * rsa_pubkey_parse() - split a DER RSAPublicKey (RFC 8017 A.1.1, the key blob MCUboot embeds):
 * SEQUENCE { modulus INTEGER, publicExponent INTEGER } with nothing after either.
 * @der, @len: the key bytes (untrusted)
 * @n, @n_len: set to the modulus magnitude, big-endian, inside der (the DER sign byte dropped)
 * @e:         set to the public exponent
 * Both integers must be positive and in minimal form (no redundant leading zero byte).
 * Returns 0; -EBADMSG for malformed DER, trailing bytes, or a zero, negative or non-minimal
 * integer; -ENOTSUP for an exponent wider than 32 bits. Outputs are set only on success.
 * Modulus size and exponent value are rsa_check_inputs()'s business. Not constant-time.
 */
int rsa_pubkey_parse(const uint8_t *der, size_t len, const uint8_t **n, size_t *n_len,
		     uint32_t *e);

/*
 * rsa_check_inputs() - decide whether a verification can go ahead.
 * @alg:        must be SIG_RSA_PSS_SHA256, SIG_RSA_PSS_SHA256_ANY_SALT or SIG_RSA_PKCS1_SHA256
 * @n, @n_len:  big-endian modulus: 256, 384 or 512 bytes (RSA-2048/3072/4096), top bit set, odd
 * @e:          public exponent: 65537 only. Small exponents (3, 17) are what signature
 *              forgeries against lax PKCS#1 v1.5 verifiers exploit, and every signer we serve
 *              (imgtool, mkimage, OpenSSL defaults) uses 65537.
 * @digest_len: 32 (SHA-256)
 * @sig, @sig_len: exactly the modulus length (no short or zero-padded signatures), and below n
 *              as a big-endian integer (RFC 8017 5.2.2 step 1)
 * Returns 0, -EINVAL for another algorithm or a wrong digest or signature length, -ENOTSUP for
 * a modulus size or exponent outside the policy, -EBADMSG for a modulus without its top bit
 * or even, or a signature >= n. Not constant-time (all inputs are public).
 */
int rsa_check_inputs(enum sig_alg alg, const uint8_t *n, size_t n_len, uint32_t e,
		     size_t digest_len, const uint8_t *sig, size_t sig_len);

#endif
