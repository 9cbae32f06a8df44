// SPDX-License-Identifier: Apache-2.0
/*
 * Fuzz harness for crypto_verify() with SIG_ED25519 (lib/crypto/ed25519.c, sha512.c).
 * Input: raw bytes, used three ways:
 *   1. the whole input as the signature, with the test key and the known message;
 *   2. the input as the key (its first 32 bytes if it is longer than 64), with the known
 *      message and signature;
 *   3. key = bytes 0-31, signature = bytes 32-95, message = the rest (inputs of 96+ bytes).
 *
 * Properties checked (a violation traps): nothing crashes on any length, and
 *  - with the test key and message, only the known signature verifies (1 and 3);
 *  - the known signature and message verify only under the test key (2).
 * Under other keys (3) nothing is required beyond not crashing: a small-order key makes a
 * valid signature for every message, which RFC 8032 allows (see ed25519.c).
 */
#include "lib/crypto/internal.h"
#include "test/fuzz/fuzz_util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_selftest();
	return 0;
}

static bool verifies(const uint8_t *pub, size_t pub_len, const uint8_t *msg, size_t msg_len,
		     const uint8_t *sig, size_t sig_len)
{
	return fuzz_verdict_ok(crypto_verify(SIG_ED25519, pub, pub_len, msg, msg_len, sig,
					     sig_len));
}

static bool is_test_key(const uint8_t *pub, size_t len)
{
	return fuzz_eq(pub, len, fuzz_keys[1].pub, fuzz_keys[1].pub_len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct trusted_key *k = &fuzz_keys[1];
	size_t key_len = size <= 2 * ED25519_PUB_LEN ? size : ED25519_PUB_LEN;

	if (verifies(k->pub, k->pub_len, fv_ed25519_msg, sizeof(fv_ed25519_msg), data, size))
		FUZZ_CHECK(fuzz_eq(data, size, fv_ed25519_sig, sizeof(fv_ed25519_sig)));

	if (verifies(data, key_len, fv_ed25519_msg, sizeof(fv_ed25519_msg), fv_ed25519_sig,
		     sizeof(fv_ed25519_sig)))
		FUZZ_CHECK(is_test_key(data, key_len));

	if (size >= ED25519_PUB_LEN + ED25519_SIG_LEN) {
		const uint8_t *sig = data + ED25519_PUB_LEN;
		const uint8_t *msg = sig + ED25519_SIG_LEN;
		size_t msg_len = size - ED25519_PUB_LEN - ED25519_SIG_LEN;

		if (verifies(data, ED25519_PUB_LEN, msg, msg_len, sig, ED25519_SIG_LEN) &&
		    is_test_key(data, ED25519_PUB_LEN))
			FUZZ_CHECK(fuzz_eq(msg, msg_len, fv_ed25519_msg, sizeof(fv_ed25519_msg)) &&
				   fuzz_eq(sig, ED25519_SIG_LEN, fv_ed25519_sig,
					   sizeof(fv_ed25519_sig)));
	}
	return 0;
}
