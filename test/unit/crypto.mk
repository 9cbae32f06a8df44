# SPDX-License-Identifier: Apache-2.0
# Unit tests of lib/crypto. Each binary links both backends: backend_mbedtls.c under the real
# crypto_* names and backend_builtin.c renamed builtin_* (crypto_builtin_alias.c), so every
# test can demand the same verdict from both.

crypto-unit-srcs := lib/crypto/sha256.c lib/crypto/sha512.c lib/crypto/der.c lib/crypto/ct.c \
	lib/crypto/names.c lib/crypto/spki.c lib/crypto/ecdsa_der.c lib/crypto/p256.c \
	lib/crypto/ed25519.c lib/crypto/backend_mbedtls.c lib/crypto/mbedtls_ecdsa.c \
	lib/crypto/verify.c lib/crypto/mbedtls_sym.c test/unit/crypto_builtin_alias.c \
	lib/crypto/mbedtls_rsa.c lib/crypto/bignum.c lib/crypto/rsa_key.c \
	lib/crypto/ecc.c lib/crypto/p384.c lib/crypto/fe25519.c lib/crypto/x25519.c \
	lib/crypto/mbedtls_kex.c lib/crypto/kw.c \
	test/unit/crypto_test_util.c

tests += test_crypto_sha test_crypto_util test_crypto_spki test_crypto_ecdsa \
	test_crypto_ed25519 test_crypto_wycheproof

test_crypto_sha-srcs := test/unit/test_crypto_sha.c $(crypto-unit-srcs)
test_crypto_sha-libs := -lmbedcrypto
test_crypto_util-srcs := test/unit/test_crypto_util.c $(crypto-unit-srcs)
test_crypto_util-libs := -lmbedcrypto
test_crypto_spki-srcs := test/unit/test_crypto_spki.c $(crypto-unit-srcs)
test_crypto_spki-libs := -lmbedcrypto
test_crypto_ecdsa-srcs := test/unit/test_crypto_ecdsa.c $(crypto-unit-srcs)
test_crypto_ecdsa-libs := -lmbedcrypto
test_crypto_ed25519-srcs := test/unit/test_crypto_ed25519.c $(crypto-unit-srcs)
test_crypto_ed25519-libs := -lmbedcrypto -lcrypto
test_crypto_wycheproof-srcs := test/unit/test_crypto_wycheproof.c \
	test/unit/wycheproof_json.c $(crypto-unit-srcs)
test_crypto_wycheproof-libs := -lmbedcrypto

# The same SHA tests on the compact SHA-256 (CONFIG_CRYPTO_SHA256_SMALL, the Cortex-M0 default).
tests += test_crypto_sha_small
test_crypto_sha_small-srcs := test/unit/test_crypto_sha.c $(crypto-unit-srcs)
test_crypto_sha_small-libs := -lmbedcrypto
test_crypto_sha_small-cflags := -DCONFIG_CRYPTO_SHA256_SMALL=1
