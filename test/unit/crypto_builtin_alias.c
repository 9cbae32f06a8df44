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
#define crypto_rsa_verify builtin_crypto_rsa_verify
#define crypto_aes_setkey builtin_crypto_aes_setkey
#define crypto_aes_ctr builtin_crypto_aes_ctr
#define crypto_aes_wipe builtin_crypto_aes_wipe
#define crypto_aes_key_unwrap builtin_crypto_aes_key_unwrap
#define crypto_hmac_init builtin_crypto_hmac_init
#define crypto_hmac_update builtin_crypto_hmac_update
#define crypto_hmac_final builtin_crypto_hmac_final
#define crypto_hkdf builtin_crypto_hkdf
#define crypto_x25519 builtin_crypto_x25519
#define crypto_ecdh_p256 builtin_crypto_ecdh_p256
#include "lib/crypto/backend_builtin.c"
#include "lib/crypto/verify.c"
#include "lib/crypto/ecdsa.c"
#include "lib/crypto/rsa.c"
#include "lib/crypto/aes.c"
#include "lib/crypto/hmac.c"
#include "lib/crypto/hkdf.c"
#include "lib/crypto/kex.c"
