// SPDX-License-Identifier: Apache-2.0
/*
 * The mbedtls crypto backend's hash entry points over mbedtls 2.28 (libmbedcrypto). The other
 * families have a file each (mbedtls_ecdsa.c, ...); mbedtls 2.28 has no Ed25519, so that
 * stays on the built-in ed25519.c. mbedtls may allocate internally (bignums); we do not.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include <mbedtls/sha256.h>
#include <mbedtls/sha512.h>
#include "internal.h"

#define OPAQUE_SIZE sizeof(((struct crypto_hash *)0)->u.opaque)

_Static_assert(sizeof(mbedtls_sha256_context) <= OPAQUE_SIZE,
	       "mbedtls SHA-256 context does not fit crypto_hash");
_Static_assert(sizeof(mbedtls_sha512_context) <= OPAQUE_SIZE,
	       "mbedtls SHA-512 context does not fit crypto_hash");
_Static_assert(_Alignof(mbedtls_sha256_context) <= _Alignof(uint64_t) &&
	       _Alignof(mbedtls_sha512_context) <= _Alignof(uint64_t),
	       "mbedtls hash context needs more alignment than crypto_hash gives");

static bool sha512_built(void)
{
	/* Same rule as the built-in backend, so switching backends changes no behaviour. */
	return IS_ENABLED(CONFIG_CRYPTO_SHA512);
}

static mbedtls_sha256_context *sha256_of(struct crypto_hash *h)
{
	return (mbedtls_sha256_context *)(void *)h->u.opaque;
}

static mbedtls_sha512_context *sha512_of(struct crypto_hash *h)
{
	return (mbedtls_sha512_context *)(void *)h->u.opaque;
}

/*
 * crypto_hash_init() - start a digest in h.
 * Returns 0, or -ENOTSUP for HASH_NONE, an unknown algorithm, SHA-384/SHA-512 in a build
 * without CONFIG_CRYPTO_SHA512, or an mbedtls failure (h->alg is then HASH_NONE and
 * update/final do nothing).
 */
int crypto_hash_init(struct crypto_hash *h, enum hash_alg alg)
{
	h->alg = HASH_NONE;
	if (alg == HASH_SHA256) {
		mbedtls_sha256_init(sha256_of(h));
		if (mbedtls_sha256_starts_ret(sha256_of(h), 0))
			return -ENOTSUP;
	} else if ((alg == HASH_SHA384 || alg == HASH_SHA512) && sha512_built()) {
		/* One mbedtls context serves both: its is384 flag picks IV and digest length. */
		mbedtls_sha512_init(sha512_of(h));
		if (mbedtls_sha512_starts_ret(sha512_of(h), alg == HASH_SHA384))
			return -ENOTSUP;
	} else {
		return -ENOTSUP;
	}
	h->alg = alg;
	return 0;
}

/* crypto_hash_update() - hash len more bytes (data may be NULL if len is 0). */
void crypto_hash_update(struct crypto_hash *h, const void *data, size_t len)
{
	/* mbedtls's software SHA cannot fail on update; its return value carries nothing. */
	if (len == 0)
		return;
	if (h->alg == HASH_SHA256)
		(void)mbedtls_sha256_update_ret(sha256_of(h), data, len);
	else if (h->alg == HASH_SHA384 || h->alg == HASH_SHA512)
		(void)mbedtls_sha512_update_ret(sha512_of(h), data, len);
}

/*
 * crypto_hash_final() - write crypto_hash_len(h->alg) bytes to out (none for HASH_NONE) and
 * wipe h; it needs crypto_hash_init() before reuse.
 */
void crypto_hash_final(struct crypto_hash *h, uint8_t *out)
{
	if (h->alg == HASH_SHA256) {
		(void)mbedtls_sha256_finish_ret(sha256_of(h), out);
		mbedtls_sha256_free(sha256_of(h));
	} else if (h->alg == HASH_SHA384 || h->alg == HASH_SHA512) {
		/* For SHA-384 mbedtls writes only the 48-byte digest. */
		(void)mbedtls_sha512_finish_ret(sha512_of(h), out);
		mbedtls_sha512_free(sha512_of(h));
	}
	crypto_wipe(h, sizeof(*h));
}

/* crypto_hash_len() - digest length in bytes; 0 for an unknown or HASH_NONE algorithm. */
size_t crypto_hash_len(enum hash_alg alg)
{
	switch (alg) {
	case HASH_SHA256:
		return SHA256_LEN;
	case HASH_SHA384:
		return SHA384_LEN;
	case HASH_SHA512:
		return SHA512_LEN;
	case HASH_NONE:
		break;
	}
	return 0;
}
