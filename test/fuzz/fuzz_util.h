/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Shared by the fuzz harnesses: the oracle macro, SHA-256, the test keyring built from
 * vectors.h, and a self-test that the embedded vectors agree with each other and with the
 * crypto code (so a stale vectors.h fails loudly at start-up instead of hiding findings).
 */
#ifndef RAMPART_TEST_FUZZ_UTIL_H
#define RAMPART_TEST_FUZZ_UTIL_H

#include <stdio.h>
#include <string.h>
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <rampart/keys.h>
#include "test/fuzz/vectors.h"

/*
 * FUZZ_CHECK(cond) - the oracle: a broken property is a crash that libFuzzer records.
 * Prints what failed first, so a reproducer's log says which property it breaks.
 */
#define FUZZ_CHECK(cond)                                                               \
	do {                                                                           \
		if (!(cond)) {                                                         \
			fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__,    \
				__LINE__, #cond);                                      \
			__builtin_trap();                                              \
		}                                                                      \
	} while (0)

static inline void fuzz_sha256(const void *data, size_t len, uint8_t out[SHA256_LEN])
{
	struct sha256_ctx c;

	sha256_init(&c);
	sha256_update(&c, data, len);
	sha256_final(&c, out);
}

/* The imgtool test keys, as a board build would embed them (index 0 ECDSA, 1 Ed25519). */
static struct trusted_key fuzz_keys[2];
static const struct keyring fuzz_keyring = { fuzz_keys, 2 };

static inline void fuzz_key_init(struct trusted_key *k, const char *name, enum sig_alg alg,
				 const uint8_t *der, size_t der_len, const uint8_t *sha256)
{
	uint8_t digest[SHA256_LEN];
	const uint8_t *pub = NULL;
	size_t pub_len = 0;
	enum sig_alg got = SIG_NONE;

	fuzz_sha256(der, der_len, digest);
	FUZZ_CHECK(memcmp(digest, sha256, SHA256_LEN) == 0);
	FUZZ_CHECK(crypto_spki_parse(der, der_len, &got, &pub, &pub_len) == 0);
	FUZZ_CHECK(got == alg);
	k->name = name;
	k->alg = alg;
	k->der = der;
	k->der_len = (uint16_t)der_len;
	k->pub = pub;
	k->pub_len = (uint16_t)pub_len;
	k->sha256 = sha256;
}

/* Builds fuzz_keyring and checks that the known signatures verify. Call once at start-up. */
static inline void fuzz_selftest(void)
{
	const struct trusted_key *ec = &fuzz_keys[0], *ed = &fuzz_keys[1];

	fuzz_key_init(&fuzz_keys[0], "ecdsa-p256", SIG_ECDSA_P256, fv_ecdsa_p256_spki,
		      sizeof(fv_ecdsa_p256_spki), fv_ecdsa_p256_spki_sha256);
	fuzz_key_init(&fuzz_keys[1], "ed25519", SIG_ED25519, fv_ed25519_spki,
		      sizeof(fv_ed25519_spki), fv_ed25519_spki_sha256);
	FUZZ_CHECK(verdict_is_ok(crypto_verify(SIG_ECDSA_P256, ec->pub, ec->pub_len,
					       fv_ecdsa_digest, sizeof(fv_ecdsa_digest),
					       fv_ecdsa_sig, sizeof(fv_ecdsa_sig))));
	FUZZ_CHECK(verdict_is_ok(crypto_verify(SIG_ECDSA_P256, ec->pub, ec->pub_len,
					       fv_ecdsa_digest, sizeof(fv_ecdsa_digest),
					       fv_ecdsa_sig_neg_s, sizeof(fv_ecdsa_sig_neg_s))));
	FUZZ_CHECK(verdict_is_ok(crypto_verify(SIG_ED25519, ed->pub, ed->pub_len,
					       fv_ed25519_msg, sizeof(fv_ed25519_msg),
					       fv_ed25519_sig, sizeof(fv_ed25519_sig))));
}

/* A verdict is exactly one of the two patterns; anything else is corruption. */
static inline bool fuzz_verdict_ok(verdict_t v)
{
	uint32_t bits = v.bits;

	FUZZ_CHECK(bits == VERDICT_OK_BITS || bits == VERDICT_FAIL_BITS);
	return bits == VERDICT_OK_BITS;
}

static inline bool fuzz_eq(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len)
{
	return a_len == b_len && memcmp(a, b, a_len) == 0;
}

/* Is [p, p + n) inside [base, base + len)? */
static inline bool fuzz_inside(const uint8_t *p, size_t n, const uint8_t *base, size_t len)
{
	return p >= base && (size_t)(p - base) <= len && n <= len - (size_t)(p - base);
}

#endif
