// SPDX-License-Identifier: Apache-2.0
/*
 * ECDSA verification for the built-in backend: the shared length and signature checks
 * (ecdsa_decode(), as in mbedtls_ecdsa.c), then the curve arithmetic (p256.c, p384.c).
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include "internal.h"

/* See internal.h and crypto.h. Not constant-time (all inputs are public). */
verdict_t ecdsa_verify(enum sig_alg alg, const uint8_t *pub, size_t pub_len,
		       const uint8_t *digest, size_t digest_len, const uint8_t *sig,
		       size_t sig_len)
{
	uint8_t r[P384_SCALAR_LEN], s[P384_SCALAR_LEN];
	size_t n = ecdsa_decode(alg, pub, pub_len, digest_len, sig, sig_len, r, s);

	if (n == P256_SCALAR_LEN && IS_ENABLED(CONFIG_CRYPTO_ECDSA_P256))
		return p256_verify(pub, digest, r, s);
	if (n == P384_SCALAR_LEN && IS_ENABLED(CONFIG_CRYPTO_ECDSA_P384))
		return p384_verify(pub, digest, r, s);
	return verdict_fail();
}
