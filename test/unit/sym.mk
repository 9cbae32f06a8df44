# SPDX-License-Identifier: Apache-2.0
# Unit tests of AES-CTR, AES key unwrap, HMAC and HKDF (both backends; OpenSSL as the oracle).

tests += test_crypto_sym test_crypto_wycheproof_sym

test_crypto_sym-srcs := test/unit/test_crypto_sym.c $(crypto-unit-srcs)
test_crypto_sym-libs := -lmbedcrypto -lcrypto
test_crypto_wycheproof_sym-srcs := test/unit/test_crypto_wycheproof_sym.c \
	test/unit/wycheproof_json.c $(crypto-unit-srcs)
test_crypto_wycheproof_sym-libs := -lmbedcrypto
