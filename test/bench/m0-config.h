/* SPDX-License-Identifier: Apache-2.0 */
/* The smallest verifying configuration: SHA-256 and ECDSA P-256 only (scripts/bench-crypto). */
#define CONFIG_CRYPTO_BUILTIN 1
#define CONFIG_CRYPTO_ECDSA_P256 1
