# SPDX-License-Identifier: Apache-2.0
# The built-in crypto backend as host code (rampart-img, unit tests), with every algorithm
# that scripts/host-config.h turns on. Paths are relative to the source tree.
crypto-builtin-srcs := lib/crypto/sha256.c lib/crypto/sha512.c lib/crypto/ct.c lib/crypto/der.c \
	lib/crypto/spki.c lib/crypto/names.c lib/crypto/verify.c lib/crypto/ecdsa_der.c \
	lib/crypto/ecdsa.c lib/crypto/p256.c lib/crypto/ed25519.c lib/crypto/backend_builtin.c \
	lib/crypto/rsa.c lib/crypto/bignum.c lib/crypto/rsa_key.c \
	lib/crypto/aes.c lib/crypto/kw.c lib/crypto/hmac.c lib/crypto/hkdf.c \
	lib/crypto/ecc.c lib/crypto/p384.c lib/crypto/fe25519.c lib/crypto/x25519.c lib/crypto/kex.c
