/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The crypto interface: the only way boot code reaches hashes and signature checks.
 *
 * Two backends implement it, chosen by Kconfig (CONFIG_CRYPTO_BUILTIN / CONFIG_CRYPTO_MBEDTLS):
 * the built-in one (lib/crypto, portable heap-free C down to Cortex-M0) and Debian's mbedtls.
 * Algorithms mbedtls 2.28 lacks (Ed25519) stay on the built-in code in the mbedtls build.
 * Both must return the same verdict on every input.
 *
 * All functions take caller-owned contexts and never allocate.
 */
#ifndef RAMPART_CRYPTO_H
#define RAMPART_CRYPTO_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <rampart/verdict.h>

enum hash_alg {
	HASH_NONE = 0,
	HASH_SHA256 = 1,
	HASH_SHA384 = 2,
	HASH_SHA512 = 3,
};

#define SHA256_LEN 32
#define SHA384_LEN 48
#define SHA512_LEN 64
#define HASH_MAX_LEN 64

/* Built-in streaming contexts (public so callers can place them on the stack). */
struct sha256_ctx {
	uint32_t state[8];
	uint64_t total;		/* bytes hashed so far */
	uint8_t block[64];
};

struct sha512_ctx {
	uint64_t state[8];
	uint64_t total;		/* bytes hashed so far (2^64 bytes is plenty) */
	uint8_t block[128];
};

/* FIPS 180-4 4.2.2 round constants, for CPU-specific implementations (arch_sha256_blocks). */
extern const uint32_t sha256_k[64];

void sha256_init(struct sha256_ctx *ctx);
void sha256_update(struct sha256_ctx *ctx, const void *data, size_t len);
void sha256_final(struct sha256_ctx *ctx, uint8_t out[SHA256_LEN]);
void sha512_init(struct sha512_ctx *ctx);
void sha512_update(struct sha512_ctx *ctx, const void *data, size_t len);
void sha512_final(struct sha512_ctx *ctx, uint8_t out[SHA512_LEN]);
/* SHA-384 is SHA-512 with other initial values, truncated: update with sha512_update(). */
void sha384_init(struct sha512_ctx *ctx);
void sha384_final(struct sha512_ctx *ctx, uint8_t out[SHA384_LEN]);

/* Backend-neutral hash context; the backend decides what lives in the union. */
#define CRYPTO_HASH_OPAQUE_WORDS 32
struct crypto_hash {
	enum hash_alg alg;
	union {
		struct sha256_ctx sha256;
		struct sha512_ctx sha512;
		uint64_t opaque[CRYPTO_HASH_OPAQUE_WORDS];
	} u;
};

/*
 * crypto_hash_init() - start a digest.
 * Returns 0, or -ENOTSUP if the algorithm is not built in.
 */
int crypto_hash_init(struct crypto_hash *h, enum hash_alg alg);
void crypto_hash_update(struct crypto_hash *h, const void *data, size_t len);
/* Writes crypto_hash_len(h->alg) bytes to out and wipes the context. */
void crypto_hash_final(struct crypto_hash *h, uint8_t *out);
/* Digest length in bytes, 0 for an unknown algorithm. */
size_t crypto_hash_len(enum hash_alg alg);

enum sig_alg {
	SIG_NONE = 0,
	/* pub: 65-byte uncompressed point; msg: 32-byte digest; sig: strict DER */
	SIG_ECDSA_P256 = 1,
	/* pub: 32 bytes; msg: any bytes (MCUboot signs the digest; "pure" signs the image) */
	SIG_ED25519 = 2,
	/* pub: 97-byte uncompressed point; msg: 48-byte digest (SHA-384); sig: strict DER */
	SIG_ECDSA_P384 = 3,
	/* as SIG_ECDSA_P256 / _P384 but sig is raw r || s (64 / 96 bytes) */
	SIG_ECDSA_P256_RAW = 4,
	SIG_ECDSA_P384_RAW = 5,
	/*
	 * RSA: pub is a DER RSAPublicKey (PKCS#1: SEQUENCE{n, e}, as MCUboot embeds it) of
	 * 2048, 3072 or 4096 bits with e = 65537 (other exponents refused); msg is the 32-byte
	 * SHA-256 digest; sig is exactly the modulus length.
	 * _PSS_SHA256: RSASSA-PSS, MGF1-SHA-256, salt exactly 32 bytes (MCUboot images);
	 * _PSS_SHA256_ANY_SALT: the salt length is recovered from the encoding (FIT "pss");
	 * _PKCS1_SHA256: RSASSA-PKCS1-v1_5 with the SHA-256 DigestInfo (FIT's default).
	 */
	SIG_RSA_PSS_SHA256 = 6,
	SIG_RSA_PSS_SHA256_ANY_SALT = 7,
	SIG_RSA_PKCS1_SHA256 = 8,
};

/*
 * crypto_verify() - check one signature.
 * @alg:  algorithm
 * @pub:  public key in the form listed above, @pub_len its length
 * @msg:  for ECDSA and RSA the message digest; for Ed25519 the message itself
 * @sig:  the signature in the form listed above
 * Returns verdict_ok() only if the signature is valid for that key; any malformed key or
 * signature (wrong length, r or s zero or >= n, non-canonical DER, S >= L, point not on the
 * curve, RSA representative >= n, bad padding) and any algorithm not built in give
 * verdict_fail(). Not constant-time (inputs are public).
 */
verdict_t crypto_verify(enum sig_alg alg, const uint8_t *pub, size_t pub_len,
			const uint8_t *msg, size_t msg_len, const uint8_t *sig, size_t sig_len);

/*
 * crypto_rsa_verify() - RSA verification with the key as big-endian modulus @n (@n_len bytes,
 * 256, 384 or 512 with the top bit set) and public exponent @e (65537 only), the form U-Boot's
 * key DTB stores. @alg is one of the SIG_RSA_* values; other arguments as crypto_verify().
 */
verdict_t crypto_rsa_verify(enum sig_alg alg, const uint8_t *n, size_t n_len, uint32_t e,
			    const uint8_t *digest, size_t digest_len, const uint8_t *sig,
			    size_t sig_len);

/*
 * AES (FIPS 197) for encrypted images. Key schedules and data are secret. In the built-in
 * backend every function below runs in constant time with respect to key and data (no
 * secret-dependent branch or table index; test/ct checks it). The mbedtls backend inherits
 * mbedtls's AES: constant-time with AES-NI on x86-64 hosts, table-based (not constant-time)
 * elsewhere, including the arm64 bare-metal build: Documentation/crypto.md.
 */
#define AES_BLOCK_LEN 16
struct crypto_aes {
	union {
		uint32_t rk[60];	/* built-in round keys */
		uint64_t opaque[72];	/* the mbedtls backend's mbedtls_aes_context */
	} u;
	uint8_t rounds;
};

/* Expand a 16- or 32-byte key. Returns 0 or -EINVAL for another length. */
int crypto_aes_setkey(struct crypto_aes *ctx, const uint8_t *key, size_t key_len);
/*
 * crypto_aes_ctr() - AES-CTR en/decryption of @len bytes at byte @offset of the key stream.
 * Keystream block i is AES(iv + i), the 16-byte @iv read as a big-endian 128-bit counter
 * (MCUboot: iv = 0, offset = payload offset). @in and @out may be the same buffer.
 */
void crypto_aes_ctr(const struct crypto_aes *ctx, const uint8_t iv[AES_BLOCK_LEN],
		    uint64_t offset, const uint8_t *in, uint8_t *out, size_t len);
/* Wipe the key schedule. */
void crypto_aes_wipe(struct crypto_aes *ctx);

/*
 * crypto_aes_key_unwrap() - RFC 3394 key unwrap with a 16- or 32-byte KEK.
 * @in, @in_len: the wrapped key, a multiple of 8 bytes, at least 24 (RFC 3394: n >= 2)
 * @out:         receives in_len - 8 bytes; wiped on failure
 * Returns 0, -EINVAL for bad lengths, -EACCES if the integrity check fails (compared in
 * constant time). Constant-time in KEK and data.
 */
int crypto_aes_key_unwrap(const uint8_t *kek, size_t kek_len, const uint8_t *in,
			  size_t in_len, uint8_t *out);

/* HMAC (RFC 2104) over SHA-256 or SHA-512; constant-time in key and data. */
struct crypto_hmac {
	enum hash_alg alg;
	struct crypto_hash inner;	/* built-in: H(K ^ ipad || data) in progress */
	uint8_t okey[128];		/* built-in: K ^ opad */
	uint64_t opaque[8];		/* the mbedtls backend's mbedtls_md_context_t */
};

/* Returns 0, or -ENOTSUP for an algorithm other than SHA-256 / SHA-512. */
int crypto_hmac_init(struct crypto_hmac *h, enum hash_alg alg, const uint8_t *key,
		     size_t key_len);
void crypto_hmac_update(struct crypto_hmac *h, const void *data, size_t len);
/* Writes crypto_hash_len(alg) bytes and wipes the context. */
void crypto_hmac_final(struct crypto_hmac *h, uint8_t *mac);

/*
 * crypto_hkdf() - HKDF (RFC 5869) extract-and-expand with SHA-256 or SHA-512.
 * Returns 0, -ENOTSUP for another hash, -EINVAL if okm_len > 255 * hash length.
 * Constant-time in salt, ikm and output.
 */
int crypto_hkdf(enum hash_alg alg, const uint8_t *salt, size_t salt_len, const uint8_t *ikm,
		size_t ikm_len, const uint8_t *info, size_t info_len, uint8_t *okm,
		size_t okm_len);

/*
 * crypto_x25519() - X25519 (RFC 7748): out = scalar * point (u-coordinates, 32 bytes each).
 * Returns 0, or -EINVAL if the result is all zero (a small-order point). Constant-time in
 * the scalar.
 */
int crypto_x25519(uint8_t out[32], const uint8_t scalar[32], const uint8_t point[32]);

/*
 * crypto_ecdh_p256() - P-256 ECDH: out = x(priv * pub).
 * @priv: 32-byte big-endian private scalar, 1 <= priv < n
 * @pub:  uncompressed point 0x04 || X || Y (@pub_len 65), checked to be on the curve
 * Returns 0, or -EINVAL for an invalid point or scalar. Constant-time in priv.
 */
int crypto_ecdh_p256(uint8_t out[32], const uint8_t priv[32], const uint8_t *pub,
		     size_t pub_len);

/* Constant-time comparison: true if the len bytes at a and b are equal. */
bool crypto_ct_equal(const void *a, const void *b, size_t len);

/*
 * crypto_spki_parse() - read a DER SubjectPublicKeyInfo (as imgtool embeds and hashes it).
 * Accepts id-ecPublicKey with prime256v1 (uncompressed point) and id-Ed25519.
 * On success sets *alg and points *pub and *pub_len into der at the raw key.
 * Returns 0, -EBADMSG for malformed DER, -ENOTSUP for another key type or curve.
 */
int crypto_spki_parse(const uint8_t *der, size_t len, enum sig_alg *alg,
		      const uint8_t **pub, size_t *pub_len);

/* Short name of an algorithm ("ecdsa-p256", "ed25519", "rsa-pss-sha256", ...). */
const char *crypto_sig_name(enum sig_alg alg);

#endif
