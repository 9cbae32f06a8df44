// SPDX-License-Identifier: Apache-2.0
/*
 * The built-in crypto backend's hash entry points over lib/crypto's own portable SHA-2. The
 * other families have a file each (ecdsa.c, rsa.c, ...), with an mbedtls_*.c twin for the
 * mbedtls backend; crypto_verify() itself is shared (verify.c).
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include "internal.h"

static bool sha512_built(void)
{
	/* SHA-512 (and SHA-384 with it) is built for the algorithms that need it and only then. */
	return IS_ENABLED(CONFIG_CRYPTO_SHA512);
}

/*
 * crypto_hash_init() - start a digest in h.
 * Returns 0, or -ENOTSUP for HASH_NONE, an unknown algorithm, or SHA-384/SHA-512 in a build
 * without CONFIG_CRYPTO_SHA512 (h->alg is then HASH_NONE and update/final do nothing).
 */
int crypto_hash_init(struct crypto_hash *h, enum hash_alg alg)
{
	h->alg = HASH_NONE;
	if (alg == HASH_SHA256) {
		sha256_init(&h->u.sha256);
	} else if (alg == HASH_SHA384 && sha512_built()) {
		sha384_init(&h->u.sha512);
	} else if (alg == HASH_SHA512 && sha512_built()) {
		sha512_init(&h->u.sha512);
	} else {
		return -ENOTSUP;
	}
	h->alg = alg;
	return 0;
}

/* crypto_hash_update() - hash len more bytes (data may be NULL if len is 0). */
void crypto_hash_update(struct crypto_hash *h, const void *data, size_t len)
{
	if (h->alg == HASH_SHA256)
		sha256_update(&h->u.sha256, data, len);
	else if ((h->alg == HASH_SHA384 || h->alg == HASH_SHA512) && sha512_built())
		sha512_update(&h->u.sha512, data, len);
}

/*
 * crypto_hash_final() - write crypto_hash_len(h->alg) bytes to out (none for HASH_NONE) and
 * wipe h; it needs crypto_hash_init() before reuse.
 */
void crypto_hash_final(struct crypto_hash *h, uint8_t *out)
{
	if (h->alg == HASH_SHA256)
		sha256_final(&h->u.sha256, out);
	else if (h->alg == HASH_SHA384 && sha512_built())
		sha384_final(&h->u.sha512, out);
	else if (h->alg == HASH_SHA512 && sha512_built())
		sha512_final(&h->u.sha512, out);
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
