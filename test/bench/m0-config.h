/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The smallest verifying configuration, as a Cortex-M0 board builds it: SHA-256 (the compact
 * variant) and ECDSA P-256 only (scripts/bench-crypto).
 */
#define CONFIG_CRYPTO_BUILTIN 1
#define CONFIG_CRYPTO_ECDSA_P256 1
#define CONFIG_CRYPTO_SHA256_SMALL 1
