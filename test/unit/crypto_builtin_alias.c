// SPDX-License-Identifier: Apache-2.0
/*
 * The built-in backend compiled with its entry points renamed builtin_*, so that one test binary
 * holds both backends (backend_mbedtls.c keeps the crypto_* names) and can compare their
 * verdicts on every input.
 */
#define crypto_hash_init builtin_crypto_hash_init
#define crypto_hash_update builtin_crypto_hash_update
#define crypto_hash_final builtin_crypto_hash_final
#define crypto_hash_len builtin_crypto_hash_len
#define crypto_verify builtin_crypto_verify
#define ecdsa_verify builtin_ecdsa_verify
#define rsa_verify_der builtin_rsa_verify_der
#include "lib/crypto/backend_builtin.c"
#include "lib/crypto/verify.c"
#include "lib/crypto/ecdsa.c"
