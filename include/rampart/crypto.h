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
	HASH_SHA512 = 3,
};

#define SHA256_LEN 32
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

void sha256_init(struct sha256_ctx *ctx);
void sha256_update(struct sha256_ctx *ctx, const void *data, size_t len);
void sha256_final(struct sha256_ctx *ctx, uint8_t out[SHA256_LEN]);
void sha512_init(struct sha512_ctx *ctx);
void sha512_update(struct sha512_ctx *ctx, const void *data, size_t len);
void sha512_final(struct sha512_ctx *ctx, uint8_t out[SHA512_LEN]);

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
	SIG_ECDSA_P256 = 1,	/* pub: 65-byte uncompressed point; msg: 32-byte digest; sig: DER */
	SIG_ED25519 = 2,	/* pub: 32 bytes; msg: any bytes (MCUboot signs the digest); sig: 64 B */
};

/*
 * crypto_verify() - check one signature.
 * @alg:  algorithm
 * @pub:  public key in the raw form listed above, @pub_len its length
 * @msg:  for ECDSA the message digest (32 bytes for P-256); for Ed25519 the message itself
 * @sig:  for ECDSA a strict DER SEQUENCE{INTEGER r, INTEGER s} with nothing after it;
 *        for Ed25519 R||S
 * Returns verdict_ok() only if the signature is valid for that key; any malformed key or
 * signature (wrong length, r or s zero or >= n, non-canonical DER, S >= L, point not on the
 * curve) gives verdict_fail(). Not constant-time (inputs are public).
 */
verdict_t crypto_verify(enum sig_alg alg, const uint8_t *pub, size_t pub_len,
			const uint8_t *msg, size_t msg_len, const uint8_t *sig, size_t sig_len);

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

/* Short name of an algorithm ("ecdsa-p256", "ed25519"). */
const char *crypto_sig_name(enum sig_alg alg);

#endif
