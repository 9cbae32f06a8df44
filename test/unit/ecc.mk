# SPDX-License-Identifier: Apache-2.0
# Unit tests of the elliptic-curve code (lib/crypto/p256.c, p384.c, ecc.c, x25519.c,
# fe25519.c, kex.c and their mbedtls twins), both backends in each binary as in crypto.mk.
# test_crypto_p384 and test_crypto_kex check against OpenSSL's libcrypto.

tests += test_crypto_p384 test_crypto_kex test_crypto_wycheproof_ecc

test_crypto_p384-srcs := test/unit/test_crypto_p384.c $(crypto-unit-srcs)
test_crypto_p384-libs := -lmbedcrypto -lcrypto
test_crypto_kex-srcs := test/unit/test_crypto_kex.c $(crypto-unit-srcs)
test_crypto_kex-libs := -lmbedcrypto -lcrypto
test_crypto_wycheproof_ecc-srcs := test/unit/test_crypto_wycheproof_ecc.c \
	test/unit/wycheproof_json.c $(crypto-unit-srcs)
test_crypto_wycheproof_ecc-libs := -lmbedcrypto
# A P-384 verification under the sanitizers at -O1 takes tens of milliseconds: -O2 halves the
# time of the thousands of cases (the sanitizers stay on).
test_crypto_p384-cflags := -O2
test_crypto_kex-cflags := -O2
