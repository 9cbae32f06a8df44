// SPDX-License-Identifier: Apache-2.0
/*
 * ECDSA verification for the built-in backend: key and digest lengths, signature decoding,
 * then the curve arithmetic (p256.c).
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include "internal.h"

static verdict_t verify_p256(const uint8_t *pub, size_t pub_len, const uint8_t *digest,
				   size_t digest_len, const uint8_t *sig, size_t sig_len)
{
	uint8_t r[P256_SCALAR_LEN], s[P256_SCALAR_LEN];

	if (pub_len != P256_PUB_LEN || digest_len != SHA256_LEN)
		return verdict_fail();
	if (ecdsa_der_decode(sig, sig_len, r, s))
		return verdict_fail();
	return p256_verify(pub, digest, r, s);
}

verdict_t ecdsa_verify(enum sig_alg alg, const uint8_t *pub, size_t pub_len,
		       const uint8_t *digest, size_t digest_len, const uint8_t *sig,
		       size_t sig_len)
{
	if (alg == SIG_ECDSA_P256 && IS_ENABLED(CONFIG_CRYPTO_ECDSA_P256))
		return verify_p256(pub, pub_len, digest, digest_len, sig, sig_len);
	return verdict_fail();
}
