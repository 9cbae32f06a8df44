// SPDX-License-Identifier: Apache-2.0
/*
 * Key agreement for the built-in backend: crypto_x25519() over x25519.c and
 * crypto_ecdh_p256() over p256.c. mbedtls_kex.c is the mbedtls backend's twin. An algorithm a
 * build leaves out answers -ENOTSUP, and IS_ENABLED() folds its code away.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include "internal.h"

/*
 * See crypto.h. Returns 0, -EINVAL for an all-zero result, or -ENOTSUP in a build without
 * X25519. Constant-time in scalar and point.
 */
int crypto_x25519(uint8_t out[32], const uint8_t scalar[32], const uint8_t point[32])
{
	if (!IS_ENABLED(CONFIG_CRYPTO_X25519))
		return -ENOTSUP;
	return x25519(out, scalar, point);
}

/*
 * See crypto.h. Returns 0, -EINVAL for a bad pub_len, point or scalar (out is then all zero),
 * or -ENOTSUP in a build without P-256 ECDH. Constant-time in priv.
 */
int crypto_ecdh_p256(uint8_t out[32], const uint8_t priv[32], const uint8_t *pub,
		     size_t pub_len)
{
	if (!IS_ENABLED(CONFIG_CRYPTO_ECDH_P256))
		return -ENOTSUP;
	if (pub_len != P256_PUB_LEN) {
		__builtin_memset(out, 0, 32);
		return -EINVAL;
	}
	return p256_ecdh(out, priv, pub);
}
