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
#define P384_PUB_LEN 97		/* 0x04 || X || Y */
#define P384_SCALAR_LEN 48
#define X25519_LEN 32
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
 * ecdsa_der_decode_len() - split a strict DER ECDSA signature SEQUENCE{INTEGER r, INTEGER s}.
 * @der, @len: the signature bytes (untrusted); nothing may follow the SEQUENCE
 * @n:         the scalar length in bytes (32 for P-256, 48 for P-384)
 * @r, @s:     receive the integers as n-byte big-endian numbers
 * Refuses non-minimal lengths and integers, negative integers, integers of more than n
 * significant bytes and trailing bytes. Zero is decoded (range checks are the verifier's).
 * Returns 0 or -EBADMSG. Not constant-time.
 */
int ecdsa_der_decode_len(const uint8_t *der, size_t len, size_t n, uint8_t *r, uint8_t *s);

/*
 * ecdsa_decode() - the checks both ECDSA backends make before any curve arithmetic, so that
 * they refuse the same inputs: for @alg one of SIG_ECDSA_* with scalar length n (32 for P-256,
 * 48 for P-384), @pub_len must be 2n + 1 with pub[0] = 0x04 (uncompressed), @digest_len n, and
 * @sig raw r || s of exactly 2n bytes (the _RAW algorithms) or strict DER
 * (ecdsa_der_decode_len()). Writes r and s as n-byte big-endian numbers and returns n, or 0
 * for any other algorithm or any failed check. Range and curve checks are the verifier's.
 * Not constant-time.
 */
size_t ecdsa_decode(enum sig_alg alg, const uint8_t *pub, size_t pub_len, size_t digest_len,
		    const uint8_t *sig, size_t sig_len, uint8_t r[P384_SCALAR_LEN],
		    uint8_t s[P384_SCALAR_LEN]);

/* ecdsa_der_decode() - ecdsa_der_decode_len() for P-256 (32-byte integers). */
static inline int ecdsa_der_decode(const uint8_t *der, size_t len, uint8_t r[P256_SCALAR_LEN],
				   uint8_t s[P256_SCALAR_LEN])
{
	return ecdsa_der_decode_len(der, len, P256_SCALAR_LEN, r, s);
}

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
 * p384_verify() - ECDSA P-384 verification (SEC1 4.1.4) of a 48-byte digest (SHA-384); as
 * p256_verify() with 48-byte coordinates and scalars. Not constant-time (inputs are public).
 */
verdict_t p384_verify(const uint8_t pub[P384_PUB_LEN], const uint8_t digest[48],
		      const uint8_t r[P384_SCALAR_LEN], const uint8_t s[P384_SCALAR_LEN]);

/*
 * p256_ecdh() - out = x(priv * pub), big-endian (SEC1 3.3.1).
 * @priv: big-endian private scalar; must be 1 <= priv < n
 * @pub:  uncompressed point 0x04 || X || Y; must have X, Y < p and lie on the curve
 * Returns 0, or -EINVAL for an invalid point (refused before any use of priv) or scalar; out
 * is all zero on failure. Constant-time in priv, including the scalar check; not in pub.
 */
int p256_ecdh(uint8_t out[32], const uint8_t priv[P256_SCALAR_LEN],
	      const uint8_t pub[P256_PUB_LEN]);

/*
 * x25519() - RFC 7748 X25519: out = scalar * u, little-endian u-coordinates. The scalar is
 * clamped and the top bit of u ignored as RFC 7748 5 says; non-canonical u (>= p) is taken
 * mod p. Returns 0, or -EINVAL if out is all zero (u of small order), decided without a
 * branch. Constant-time in scalar and u.
 */
int x25519(uint8_t out[X25519_LEN], const uint8_t scalar[X25519_LEN],
	   const uint8_t u[X25519_LEN]);

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

/*
 * aes_encrypt_block(), aes_decrypt_block() - one AES block forward or inverse (FIPS 197 5.1,
 * 5.3) under a key set by crypto_aes_setkey() (built-in backend, aes.c); for key wrap.
 * in and out may be the same buffer. Constant-time in key and data.
 */
void aes_encrypt_block(const struct crypto_aes *ctx, const uint8_t in[AES_BLOCK_LEN],
		       uint8_t out[AES_BLOCK_LEN]);
void aes_decrypt_block(const struct crypto_aes *ctx, const uint8_t in[AES_BLOCK_LEN],
		       uint8_t out[AES_BLOCK_LEN]);

/*
 * aes_key_wrap() - RFC 3394 key wrap (section 2.2.1), the inverse of crypto_aes_key_unwrap();
 * built-in backend only, for tests and tools (boot code only unwraps).
 * @kek, @kek_len: 16- or 32-byte key-encryption key
 * @in, @in_len:   the key to wrap, a multiple of 8 bytes, at least 16
 * @out:           receives in_len + 8 bytes; may not overlap in
 * Returns 0 or -EINVAL for bad lengths. Constant-time in KEK and data.
 */
int aes_key_wrap(const uint8_t *kek, size_t kek_len, const uint8_t *in, size_t in_len,
		 uint8_t *out);

#define KW_HALF 8	/* RFC 3394 works on 64-bit halves of AES blocks */

/*
 * kw_block_fn - one AES block encrypted or decrypted in place under @key, the backend's key
 * schedule (kw.c calls it; aes.c and mbedtls_sym.c provide it). Cannot fail.
 */
typedef void kw_block_fn(void *key, uint8_t block[AES_BLOCK_LEN]);

/*
 * kw_lengths_ok() - true if @kek_len is 16 or 32 and @len is a multiple of 8 bytes and at
 * least @min_len: the argument check both backends make before key wrap or unwrap.
 */
bool kw_lengths_ok(size_t kek_len, size_t len, size_t min_len);

/*
 * kw_unwrap() - RFC 3394 unwrap (section 2.2.2, index-based form), the loop behind both
 * backends' crypto_aes_key_unwrap().
 * @decrypt, @key: AES block decryption under the KEK
 * @in, @in_len:   the wrapped key; precondition: @in_len a multiple of 8, at least 24
 * @out:           receives in_len - 8 bytes, zeroed unless the integrity check passes; may
 *                 be the same buffer as @in (the key moves down by 8 bytes) but must not
 *                 overlap it otherwise
 * Returns 0, or -EACCES if the integrity check fails. Constant-time in data and outcome if
 * @decrypt is constant-time.
 */
int kw_unwrap(kw_block_fn *decrypt, void *key, const uint8_t *in, size_t in_len, uint8_t *out);

/*
 * kw_wrap() - RFC 3394 wrap (section 2.2.1, index-based form), the loop behind
 * aes_key_wrap().
 * @encrypt, @key: AES block encryption under the KEK
 * @in, @in_len:   the key to wrap; precondition: @in_len a multiple of 8, at least 16
 * @out:           receives in_len + 8 bytes; may not overlap @in
 * Constant-time in data if @encrypt is.
 */
void kw_wrap(kw_block_fn *encrypt, void *key, const uint8_t *in, size_t in_len, uint8_t *out);

/* Zero len bytes at p in a way the compiler cannot drop as a dead store. */
static inline void crypto_wipe(void *p, size_t len)
{
	volatile uint8_t *v = p;

	while (len--)
		*v++ = 0;
}

#endif
