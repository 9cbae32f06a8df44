// SPDX-License-Identifier: Apache-2.0
/*
 * crypto_verify(): one dispatch for both backends. Each family (ecdsa_verify, rsa_verify_der,
 * ed25519_verify) has a built-in and, where mbedtls has the algorithm, an mbedtls
 * implementation under the same name; Kconfig links one. Algorithms a build leaves out are
 * folded away by IS_ENABLED(), so their code is never linked.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include "internal.h"

/* See crypto.h. Not constant-time (all inputs are public). */
verdict_t crypto_verify(enum sig_alg alg, const uint8_t *pub, size_t pub_len,
			const uint8_t *msg, size_t msg_len, const uint8_t *sig, size_t sig_len)
{
	switch (alg) {
	case SIG_ECDSA_P256:
	case SIG_ECDSA_P256_RAW:
		if (IS_ENABLED(CONFIG_CRYPTO_ECDSA_P256))
			return ecdsa_verify(alg, pub, pub_len, msg, msg_len, sig, sig_len);
		break;
	case SIG_ECDSA_P384:
	case SIG_ECDSA_P384_RAW:
		if (IS_ENABLED(CONFIG_CRYPTO_ECDSA_P384))
			return ecdsa_verify(alg, pub, pub_len, msg, msg_len, sig, sig_len);
		break;
	case SIG_ED25519:
		if (IS_ENABLED(CONFIG_CRYPTO_ED25519))
			return ed25519_verify(pub, pub_len, msg, msg_len, sig, sig_len);
		break;
	case SIG_RSA_PSS_SHA256:
	case SIG_RSA_PSS_SHA256_ANY_SALT:
	case SIG_RSA_PKCS1_SHA256:
		if (IS_ENABLED(CONFIG_CRYPTO_RSA))
			return rsa_verify_der(alg, pub, pub_len, msg, msg_len, sig, sig_len);
		break;
	case SIG_NONE:
		break;
	}
	return verdict_fail();
}
