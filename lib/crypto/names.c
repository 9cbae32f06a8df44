// SPDX-License-Identifier: Apache-2.0
/*
 * Printable names of the signature algorithms, for log messages.
 */
#include <rampart/crypto.h>

/*
 * crypto_sig_name() - short name of a signature algorithm.
 * Returns "ecdsa-p256", "ed25519", "rsa-pss-sha256", ..., "none" for SIG_NONE, or "unknown"; never NULL. The name is
 * the same whether or not the algorithm is built in.
 */
const char *crypto_sig_name(enum sig_alg alg)
{
	switch (alg) {
	case SIG_NONE:
		return "none";
	case SIG_ECDSA_P256:
		return "ecdsa-p256";
	case SIG_ED25519:
		return "ed25519";
	case SIG_ECDSA_P384:
		return "ecdsa-p384";
	case SIG_ECDSA_P256_RAW:
		return "ecdsa-p256-raw";
	case SIG_ECDSA_P384_RAW:
		return "ecdsa-p384-raw";
	case SIG_RSA_PSS_SHA256:
		return "rsa-pss-sha256";
	case SIG_RSA_PSS_SHA256_ANY_SALT:
		return "rsa-pss-sha256-any-salt";
	case SIG_RSA_PKCS1_SHA256:
		return "rsa-pkcs1-sha256";
	}
	return "unknown";
}
