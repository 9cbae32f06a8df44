// SPDX-License-Identifier: Apache-2.0
/*
 * Fuzz harness for crypto_spki_parse() (lib/crypto/spki.c over lib/crypto/der.c).
 * Input: the DER bytes, nothing else.
 *
 * Properties checked (a violation traps):
 *  - the return value is 0, -EBADMSG or -ENOTSUP, and the outputs are untouched on error;
 *  - on success the key lies inside the input, has the length of its algorithm (65 bytes
 *    starting 0x04, or 32) and ends the input;
 *  - DER is unique: an accepted input is byte for byte the one encoding of that key (the
 *    fixed RFC 5480 / RFC 8410 prefix followed by the key), so no second encoding of a
 *    trusted key can exist;
 *  - the parsed key verifies the known test signature of its algorithm only if it is the
 *    test key (this also runs the verifiers' point decoding on arbitrary keys).
 */
#include <rampart/errno.h>
#include "test/fuzz/fuzz_util.h"

/* Everything before the raw key in the only accepted encodings. */
static const uint8_t ec_prefix[] = {
	0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,
	0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
};
static const uint8_t ed_prefix[] = {
	0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_selftest();
	return 0;
}

static void check_key_verifies_only_if_known(enum sig_alg alg, const uint8_t *pub,
					     size_t pub_len)
{
	const struct trusted_key *k = &fuzz_keys[alg == SIG_ED25519];
	verdict_t v;

	if (alg == SIG_ECDSA_P256)
		v = crypto_verify(alg, pub, pub_len, fv_ecdsa_digest, sizeof(fv_ecdsa_digest),
				  fv_ecdsa_sig, sizeof(fv_ecdsa_sig));
	else
		v = crypto_verify(alg, pub, pub_len, fv_ed25519_msg, sizeof(fv_ed25519_msg),
				  fv_ed25519_sig, sizeof(fv_ed25519_sig));
	if (fuzz_verdict_ok(v))
		FUZZ_CHECK(fuzz_eq(pub, pub_len, k->pub, k->pub_len));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t sentinel;
	enum sig_alg alg = (enum sig_alg)0x5a;
	const uint8_t *pub = &sentinel;
	size_t pub_len = 0x5a5a;
	int rc;

	rc = crypto_spki_parse(data, size, &alg, &pub, &pub_len);
	if (rc) {
		FUZZ_CHECK(rc == -EBADMSG || rc == -ENOTSUP);
		FUZZ_CHECK(alg == (enum sig_alg)0x5a && pub == &sentinel && pub_len == 0x5a5a);
		return 0;
	}
	FUZZ_CHECK(fuzz_inside(pub, pub_len, data, size));
	FUZZ_CHECK(pub + pub_len == data + size);
	if (alg == SIG_ECDSA_P256) {
		FUZZ_CHECK(pub_len == 65 && pub[0] == 0x04);
		FUZZ_CHECK(size == sizeof(ec_prefix) + pub_len);
		FUZZ_CHECK(memcmp(data, ec_prefix, sizeof(ec_prefix)) == 0);
	} else {
		FUZZ_CHECK(alg == SIG_ED25519);
		FUZZ_CHECK(pub_len == 32);
		FUZZ_CHECK(size == sizeof(ed_prefix) + pub_len);
		FUZZ_CHECK(memcmp(data, ed_prefix, sizeof(ed_prefix)) == 0);
	}
	check_key_verifies_only_if_known(alg, pub, pub_len);
	return 0;
}
