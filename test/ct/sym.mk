# SPDX-License-Identifier: Apache-2.0
# Constant-time test of the built-in AES (key schedule, CTR), key unwrap, HMAC and HKDF.

ct-tests += ct_sym
ct_sym-srcs := test/ct/ct_sym.c lib/crypto/aes.c lib/crypto/kw.c lib/crypto/hmac.c \
	lib/crypto/hkdf.c lib/crypto/sha256.c lib/crypto/sha512.c lib/crypto/backend_builtin.c \
	lib/crypto/ct.c
