# SPDX-License-Identifier: Apache-2.0
# Unit tests of RSA verification (lib/crypto/rsa.c, bignum.c, rsa_key.c, mbedtls_rsa.c), both
# backends in each binary as in crypto.mk. test_crypto_rsa signs with OpenSSL's libcrypto.

tests += test_crypto_rsa test_crypto_wycheproof_rsa

test_crypto_rsa-srcs := test/unit/test_crypto_rsa.c $(crypto-unit-srcs)
test_crypto_rsa-libs := -lmbedcrypto -lcrypto
test_crypto_wycheproof_rsa-srcs := test/unit/test_crypto_wycheproof_rsa.c \
	test/unit/wycheproof_json.c $(crypto-unit-srcs)
test_crypto_wycheproof_rsa-libs := -lmbedcrypto
