# SPDX-License-Identifier: Apache-2.0
# Constant-time test of the built-in key agreement: X25519 and P-256 ECDH (lib/crypto/kex.c,
# x25519.c, fe25519.c, p256.c).

ct-tests += ct_kex
ct_kex-srcs := test/ct/ct_kex.c lib/crypto/kex.c lib/crypto/x25519.c lib/crypto/fe25519.c \
	lib/crypto/p256.c lib/crypto/ecc.c
