// SPDX-License-Identifier: Apache-2.0
/*
 * HMAC (RFC 2104) over crypto_hash for the built-in backend: SHA-256 and SHA-512.
 * The context keeps the inner hash running and the outer key block K ^ opad; nothing else
 * of the key survives crypto_hmac_init().
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include "internal.h"

#define HMAC_IPAD 0x36
#define HMAC_OPAD 0x5c

/* The hash's block length B of RFC 2104; 0 for an algorithm HMAC is not offered with. */
static size_t hmac_block_len(enum hash_alg alg)
{
	if (alg == HASH_SHA256)
		return 64;
	if (alg == HASH_SHA512 && IS_ENABLED(CONFIG_CRYPTO_SHA512))
		return 128;
	return 0;
}

/*
 * crypto_hmac_init() - start HMAC with @key (@key_len bytes, any length; key may be NULL if
 * key_len is 0). A key longer than the block (64 bytes for SHA-256, 128 for SHA-512) is
 * hashed first, as RFC 2104 says.
 * Returns 0, or -ENOTSUP for an algorithm other than SHA-256 / SHA-512 or SHA-512 in a build
 * without it (h->alg is then HASH_NONE and update/final do nothing but wipe).
 * Constant-time in the key bytes; the time depends on key_len.
 */
int crypto_hmac_init(struct crypto_hmac *h, enum hash_alg alg, const uint8_t *key,
		     size_t key_len)
{
	size_t b = hmac_block_len(alg), i;
	uint8_t *k = h->okey;

	crypto_wipe(h, sizeof(*h));
	if (!b || crypto_hash_init(&h->inner, alg))
		return -ENOTSUP;
	/* The padded key is built in okey, then turned into K ^ opad in place. */
	if (key_len > b) {
		crypto_hash_update(&h->inner, key, key_len);
		crypto_hash_final(&h->inner, k);
		crypto_hash_init(&h->inner, alg);
	} else if (key_len) {
		__builtin_memcpy(k, key, key_len);
	}
	for (i = 0; i < b; i++)
		k[i] ^= HMAC_IPAD;
	crypto_hash_update(&h->inner, k, b);
	for (i = 0; i < b; i++)
		k[i] ^= HMAC_IPAD ^ HMAC_OPAD;
	h->alg = alg;
	return 0;
}

/*
 * crypto_hmac_update() - authenticate @len more bytes (data may be NULL if len is 0).
 * Constant-time in the data.
 */
void crypto_hmac_update(struct crypto_hmac *h, const void *data, size_t len)
{
	if (h->alg != HASH_NONE)
		crypto_hash_update(&h->inner, data, len);
}

/*
 * crypto_hmac_final() - write the crypto_hash_len(alg)-byte MAC to @mac (nothing after a
 * refused init) and wipe the context; it needs crypto_hmac_init() before reuse. A truncated
 * MAC is a prefix of this one. Constant-time.
 */
void crypto_hmac_final(struct crypto_hmac *h, uint8_t *mac)
{
	uint8_t inner[HASH_MAX_LEN];
	size_t b = hmac_block_len(h->alg);

	if (b) {
		crypto_hash_final(&h->inner, inner);
		crypto_hash_init(&h->inner, h->alg);
		crypto_hash_update(&h->inner, h->okey, b);
		crypto_hash_update(&h->inner, inner, crypto_hash_len(h->alg));
		crypto_hash_final(&h->inner, mac);
		crypto_wipe(inner, sizeof(inner));
	}
	crypto_wipe(h, sizeof(*h));
}
