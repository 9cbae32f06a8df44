/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Interfaces shared inside lib/crypto: the algorithm cores that both backends call, and the
 * strict DER reader. Nothing outside lib/crypto (and its unit tests) includes this header.
 */
#ifndef RAMPART_LIB_CRYPTO_INTERNAL_H
#define RAMPART_LIB_CRYPTO_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <rampart/crypto.h>
#include <rampart/verdict.h>

#define P256_PUB_LEN 65		/* 0x04 || X || Y */
#define P256_SCALAR_LEN 32
#define ED25519_PUB_LEN 32
#define ED25519_SIG_LEN 64

#define DER_TAG_INTEGER 0x02
#define DER_TAG_BIT_STRING 0x03
#define DER_TAG_OID 0x06
#define DER_TAG_SEQUENCE 0x30

/*
 * der_next() - read one DER element that must carry tag @tag.
 * @buf, @len: the bytes holding the element (untrusted)
 * @pos:       offset of the element in buf; advanced past it on success
 * @val, @vlen: set to the element's contents on success
 * Accepts only definite lengths in minimal form of at most two length bytes (contents up to
 * 65535 bytes). Returns 0, or -EBADMSG for a wrong tag, a truncated header, a non-minimal or
 * indefinite length, or contents that run past len. Not constant-time.
 */
int der_next(const uint8_t *buf, size_t len, size_t *pos, uint8_t tag, const uint8_t **val,
	     size_t *vlen);

/*
 * ecdsa_der_decode() - split a strict DER ECDSA signature SEQUENCE{INTEGER r, INTEGER s}.
 * @der, @len: the signature bytes (untrusted); nothing may follow the SEQUENCE
 * @r, @s:     receive the integers as 32-byte big-endian numbers
 * Refuses non-minimal lengths and integers, negative integers, integers of more than 32
 * significant bytes and trailing bytes. Zero is decoded (range checks are the verifier's).
 * Returns 0 or -EBADMSG. Not constant-time.
 */
int ecdsa_der_decode(const uint8_t *der, size_t len, uint8_t r[P256_SCALAR_LEN],
		     uint8_t s[P256_SCALAR_LEN]);

/*
 * p256_verify() - ECDSA P-256 verification (SEC1 4.1.4) of a 32-byte digest.
 * @pub:    uncompressed public point 0x04 || X || Y
 * @digest: the message digest (SHA-256 of the message)
 * @r, @s:  the signature integers, big-endian
 * Returns verdict_ok() only if the key is a valid curve point, 1 <= r, s < n and the
 * signature matches; verdict_fail() otherwise. Not constant-time (all inputs are public).
 */
verdict_t p256_verify(const uint8_t pub[P256_PUB_LEN], const uint8_t digest[32],
		      const uint8_t r[P256_SCALAR_LEN], const uint8_t s[P256_SCALAR_LEN]);

/*
 * ed25519_verify() - Ed25519 verification (RFC 8032 5.1.7, cofactorless).
 * @pub, @pub_len: the 32-byte encoded public key A
 * @msg, @msg_len: the message (any length; msg may be NULL if msg_len is 0)
 * @sig, @sig_len: the 64-byte signature R || S
 * Returns verdict_ok() only for a valid signature; verdict_fail() for a wrong length, a
 * non-canonical or off-curve A, S >= L, or a mismatch. Not constant-time (inputs are public).
 */
verdict_t ed25519_verify(const uint8_t *pub, size_t pub_len, const uint8_t *msg, size_t msg_len,
			 const uint8_t *sig, size_t sig_len);

/*
 * ecdsa_verify() - the ECDSA family behind crypto_verify() (ecdsa.c, or mbedtls_ecdsa.c in the
 * mbedtls backend): @alg is one of SIG_ECDSA_*; arguments and verdict as crypto_verify().
 */
verdict_t ecdsa_verify(enum sig_alg alg, const uint8_t *pub, size_t pub_len,
		       const uint8_t *digest, size_t digest_len, const uint8_t *sig,
		       size_t sig_len);

/*
 * rsa_verify_der() - the RSA family behind crypto_verify() (rsa.c, or mbedtls_rsa.c): @pub is
 * a DER RSAPublicKey; parses it and calls crypto_rsa_verify(). Verdict as crypto_verify().
 */
verdict_t rsa_verify_der(enum sig_alg alg, const uint8_t *pub, size_t pub_len,
			 const uint8_t *digest, size_t digest_len, const uint8_t *sig,
			 size_t sig_len);

/* Zero len bytes at p in a way the compiler cannot drop as a dead store. */
static inline void crypto_wipe(void *p, size_t len)
{
	volatile uint8_t *v = p;

	while (len--)
		*v++ = 0;
}

#endif
