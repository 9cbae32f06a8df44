// SPDX-License-Identifier: Apache-2.0
/*
 * AES-CTR, AES key unwrap, HMAC and HKDF for the mbedtls backend, over mbedtls 2.28. The
 * argument checks are the built-in ones (aes.c, kw.c, hmac.c, hkdf.c), made before mbedtls
 * sees the arguments, so both backends give the same result on every input.
 *
 * Debian builds mbedtls without MBEDTLS_NIST_KW_C, so key unwrap runs the built-in RFC 3394
 * loop (kw.c) over mbedtls's AES block decryption.
 *
 * mbedtls's AES context points into itself: a struct crypto_aes must not be copied or moved
 * between crypto_aes_setkey() and crypto_aes_wipe(). HMAC contexts allocate inside mbedtls
 * (mbedtls_md_setup): every successful crypto_hmac_init() needs its crypto_hmac_final().
 * mbedtls's software AES uses lookup tables, so unlike the built-in code it is not
 * constant-time except where it uses the CPU's AES instructions.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include <mbedtls/aes.h>
#include <mbedtls/hkdf.h>
#include <mbedtls/md.h>
#include "internal.h"

_Static_assert(sizeof(mbedtls_aes_context) <= sizeof(((struct crypto_aes *)0)->u.opaque),
	       "mbedtls AES context does not fit crypto_aes");
_Static_assert(_Alignof(mbedtls_aes_context) <= _Alignof(uint64_t),
	       "mbedtls AES context needs more alignment than crypto_aes gives");
_Static_assert(sizeof(mbedtls_md_context_t) <= sizeof(((struct crypto_hmac *)0)->opaque),
	       "mbedtls md context does not fit crypto_hmac");
_Static_assert(_Alignof(mbedtls_md_context_t) <= _Alignof(uint64_t),
	       "mbedtls md context needs more alignment than crypto_hmac gives");

#define HKDF_MAX_BLOCKS 255

/* mbedtls takes its contexts non-const even to only read them. */
static mbedtls_aes_context *aes_of(const struct crypto_aes *ctx)
{
	return (mbedtls_aes_context *)(void *)ctx->u.opaque;
}

static mbedtls_md_context_t *md_of(struct crypto_hmac *h)
{
	return (mbedtls_md_context_t *)(void *)h->opaque;
}

/* ---- AES -------------------------------------------------------------------------------- */

/* See aes.c. */
int crypto_aes_setkey(struct crypto_aes *ctx, const uint8_t *key, size_t key_len)
{
	crypto_wipe(ctx, sizeof(*ctx));
	if (key_len != 16 && key_len != 32)
		return -EINVAL;
	mbedtls_aes_init(aes_of(ctx));
	if (mbedtls_aes_setkey_enc(aes_of(ctx), key, (unsigned int)(8 * key_len))) {
		crypto_aes_wipe(ctx);
		return -EINVAL;
	}
	ctx->rounds = (uint8_t)(key_len / 4 + 6);
	return 0;
}

/* c += v for the big-endian 128-bit counter c (wrapping at 2^128). */
static void ctr_add(uint8_t c[AES_BLOCK_LEN], uint64_t v)
{
	unsigned int sum, carry = 0;
	int i;

	for (i = AES_BLOCK_LEN - 1; i >= 0; i--) {
		sum = c[i] + (unsigned int)(v & 0xff) + carry;
		c[i] = (uint8_t)sum;
		carry = sum >> 8;
		v >>= 8;
	}
}

/*
 * See aes.c. mbedtls counts the whole 16-byte block as one big-endian counter too; starting
 * inside a block means handing it that block's keystream and the next counter.
 */
void crypto_aes_ctr(const struct crypto_aes *ctx, const uint8_t iv[AES_BLOCK_LEN],
		    uint64_t offset, const uint8_t *in, uint8_t *out, size_t len)
{
	uint8_t ctr[AES_BLOCK_LEN], stream[AES_BLOCK_LEN];
	size_t nc_off = (size_t)(offset % AES_BLOCK_LEN);

	if (!len)
		return;
	__builtin_memcpy(ctr, iv, AES_BLOCK_LEN);
	ctr_add(ctr, offset / AES_BLOCK_LEN);
	if (nc_off) {
		(void)mbedtls_aes_crypt_ecb(aes_of(ctx), MBEDTLS_AES_ENCRYPT, ctr, stream);
		ctr_add(ctr, 1);
	}
	/* Software and AES-NI CTR cannot fail once the key is set. */
	(void)mbedtls_aes_crypt_ctr(aes_of(ctx), len, &nc_off, ctr, stream, in, out);
	crypto_wipe(stream, sizeof(stream));
}

/* See aes.c. */
void crypto_aes_wipe(struct crypto_aes *ctx)
{
	mbedtls_aes_free(aes_of(ctx));
	crypto_wipe(ctx, sizeof(*ctx));
}

/* ---- key unwrap ------------------------------------------------------------------------- */

static void kw_decrypt(void *key, uint8_t block[AES_BLOCK_LEN])
{
	/* Software and AES-NI ECB cannot fail once the key is set. */
	(void)mbedtls_aes_crypt_ecb(key, MBEDTLS_AES_DECRYPT, block, block);
}

/* See kw.c; the RFC 3394 loop is kw_unwrap()'s, over mbedtls's block decryption. */
int crypto_aes_key_unwrap(const uint8_t *kek, size_t kek_len, const uint8_t *in,
			  size_t in_len, uint8_t *out)
{
	mbedtls_aes_context aes;
	int ret;

	if (!kw_lengths_ok(kek_len, in_len, 3 * KW_HALF))
		return -EINVAL;
	mbedtls_aes_init(&aes);
	if (mbedtls_aes_setkey_dec(&aes, kek, (unsigned int)(8 * kek_len))) {
		mbedtls_aes_free(&aes);
		return -EINVAL;
	}
	ret = kw_unwrap(kw_decrypt, &aes, in, in_len, out);
	mbedtls_aes_free(&aes);
	return ret;
}

/* ---- HMAC and HKDF ---------------------------------------------------------------------- */

/* The built-in rule: SHA-256 always, SHA-512 when built; NULL for anything else. */
static const mbedtls_md_info_t *hmac_md(enum hash_alg alg)
{
	if (alg == HASH_SHA256)
		return mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);
	if (alg == HASH_SHA512 && IS_ENABLED(CONFIG_CRYPTO_SHA512))
		return mbedtls_md_info_from_type(MBEDTLS_MD_SHA512);
	return NULL;
}

/* See hmac.c. An mbedtls failure (allocation) also gives -ENOTSUP. */
int crypto_hmac_init(struct crypto_hmac *h, enum hash_alg alg, const uint8_t *key,
		     size_t key_len)
{
	const mbedtls_md_info_t *md = hmac_md(alg);

	crypto_wipe(h, sizeof(*h));
	if (!md)
		return -ENOTSUP;
	mbedtls_md_init(md_of(h));
	if (mbedtls_md_setup(md_of(h), md, 1) ||
	    mbedtls_md_hmac_starts(md_of(h), key, key_len)) {
		mbedtls_md_free(md_of(h));
		crypto_wipe(h, sizeof(*h));
		return -ENOTSUP;
	}
	h->alg = alg;
	return 0;
}

/* See hmac.c. */
void crypto_hmac_update(struct crypto_hmac *h, const void *data, size_t len)
{
	/* Software hashing cannot fail on update; its return value carries nothing. */
	if (h->alg != HASH_NONE && len)
		(void)mbedtls_md_hmac_update(md_of(h), data, len);
}

/* See hmac.c. */
void crypto_hmac_final(struct crypto_hmac *h, uint8_t *mac)
{
	if (h->alg != HASH_NONE) {
		(void)mbedtls_md_hmac_finish(md_of(h), mac);
		mbedtls_md_free(md_of(h));
	}
	crypto_wipe(h, sizeof(*h));
}

/* See hkdf.c: same checks in the same order; nothing is derived for okm_len 0. */
int crypto_hkdf(enum hash_alg alg, const uint8_t *salt, size_t salt_len, const uint8_t *ikm,
		size_t ikm_len, const uint8_t *info, size_t info_len, uint8_t *okm,
		size_t okm_len)
{
	const mbedtls_md_info_t *md = hmac_md(alg);

	if (!md)
		return -ENOTSUP;
	if (okm_len > HKDF_MAX_BLOCKS * crypto_hash_len(alg))
		return -EINVAL;
	if (!okm_len)
		return 0;
	/* mbedtls reads a NULL salt as HashLen zeros, the same as an empty one. */
	if (mbedtls_hkdf(md, salt_len ? salt : NULL, salt_len, ikm, ikm_len, info, info_len, okm,
			 okm_len)) {
		crypto_wipe(okm, okm_len);
		return -ENOTSUP;
	}
	return 0;
}
