/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The symmetric half of crypto.h (AES-CTR, key unwrap, HMAC, HKDF) of both backends, for the
 * tests that must get the same result from each: the built-in code under its renamed entry
 * points (crypto_builtin_alias.c) and the mbedtls backend (mbedtls_sym.c) under the real ones.
 */
#ifndef RAMPART_TEST_CRYPTO_SYM_TEST_H
#define RAMPART_TEST_CRYPTO_SYM_TEST_H

#include <rampart/crypto.h>

int builtin_crypto_aes_setkey(struct crypto_aes *ctx, const uint8_t *key, size_t key_len);
void builtin_crypto_aes_ctr(const struct crypto_aes *ctx, const uint8_t iv[AES_BLOCK_LEN],
			    uint64_t offset, const uint8_t *in, uint8_t *out, size_t len);
void builtin_crypto_aes_wipe(struct crypto_aes *ctx);
int builtin_crypto_aes_key_unwrap(const uint8_t *kek, size_t kek_len, const uint8_t *in,
				  size_t in_len, uint8_t *out);
int builtin_crypto_hmac_init(struct crypto_hmac *h, enum hash_alg alg, const uint8_t *key,
			     size_t key_len);
void builtin_crypto_hmac_update(struct crypto_hmac *h, const void *data, size_t len);
void builtin_crypto_hmac_final(struct crypto_hmac *h, uint8_t *mac);
int builtin_crypto_hkdf(enum hash_alg alg, const uint8_t *salt, size_t salt_len,
			const uint8_t *ikm, size_t ikm_len, const uint8_t *info, size_t info_len,
			uint8_t *okm, size_t okm_len);

/* The built-in RFC 3394 wrap (lib/crypto/kw.c, declared in lib/crypto/internal.h). */
int aes_key_wrap(const uint8_t *kek, size_t kek_len, const uint8_t *in, size_t in_len,
		 uint8_t *out);

/* One backend's symmetric entry points. */
struct sym_api {
	const char *name;
	int (*aes_setkey)(struct crypto_aes *ctx, const uint8_t *key, size_t key_len);
	void (*aes_ctr)(const struct crypto_aes *ctx, const uint8_t iv[AES_BLOCK_LEN],
			uint64_t offset, const uint8_t *in, uint8_t *out, size_t len);
	void (*aes_wipe)(struct crypto_aes *ctx);
	int (*key_unwrap)(const uint8_t *kek, size_t kek_len, const uint8_t *in, size_t in_len,
			  uint8_t *out);
	int (*hmac_init)(struct crypto_hmac *h, enum hash_alg alg, const uint8_t *key,
			 size_t key_len);
	void (*hmac_update)(struct crypto_hmac *h, const void *data, size_t len);
	void (*hmac_final)(struct crypto_hmac *h, uint8_t *mac);
	int (*hkdf)(enum hash_alg alg, const uint8_t *salt, size_t salt_len, const uint8_t *ikm,
		    size_t ikm_len, const uint8_t *info, size_t info_len, uint8_t *okm,
		    size_t okm_len);
};

static const struct sym_api sym_apis[] = {
	{ "builtin", builtin_crypto_aes_setkey, builtin_crypto_aes_ctr, builtin_crypto_aes_wipe,
	  builtin_crypto_aes_key_unwrap, builtin_crypto_hmac_init, builtin_crypto_hmac_update,
	  builtin_crypto_hmac_final, builtin_crypto_hkdf },
	{ "mbedtls", crypto_aes_setkey, crypto_aes_ctr, crypto_aes_wipe, crypto_aes_key_unwrap,
	  crypto_hmac_init, crypto_hmac_update, crypto_hmac_final, crypto_hkdf },
};

#define SYM_APIS 2

#endif
