// SPDX-License-Identifier: Apache-2.0
/*
 * Printable names of the signature algorithms, for log messages.
 */
#include <rampart/crypto.h>

/*
 * crypto_sig_name() - short name of a signature algorithm.
 * Returns "ecdsa-p256", "ed25519", "none" for SIG_NONE, or "unknown"; never NULL. The name is
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
	}
	return "unknown";
}
