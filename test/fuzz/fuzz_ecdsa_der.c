// SPDX-License-Identifier: Apache-2.0
/*
 * Fuzz harness for the strict DER readers and ECDSA P-256 verification: der_next()
 * (lib/crypto/der.c), ecdsa_der_decode() (lib/crypto/ecdsa_der.c) and crypto_verify() with
 * SIG_ECDSA_P256 (lib/crypto/backend_builtin.c, lib/crypto/p256.c).
 * Input: DER bytes. Used whole as a signature, and, when longer than 65 bytes, also as a
 * 65-byte public key followed by a signature.
 *
 * Properties checked (a violation traps):
 *  - der_next() walks the input with elements inside it, each with the one minimal header
 *    for its length, and refuses a wrong tag or a position past the end;
 *  - ecdsa_der_decode() accepts only the unique DER encoding of the (r, s) it returns: the
 *    input re-encodes to itself;
 *  - crypto_verify(fixed key, fixed digest, input) is OK only for the known signature or its
 *    (r, n - s) twin, and only if ecdsa_der_decode() accepts the input;
 *  - crypto_verify(input key, fixed digest, input signature) is OK only for the test key
 *    (this runs the point checks on arbitrary 65-byte keys).
 */
#include <rampart/errno.h>
#include "lib/crypto/internal.h"
#include "test/fuzz/fuzz_util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_selftest();
	return 0;
}

/* Header bytes of the minimal DER encoding of a length (der_next() reads up to 2). */
static size_t der_header_len(size_t vlen)
{
	return vlen < 0x80 ? 2 : vlen < 0x100 ? 3 : 4;
}

static void check_der_walk(const uint8_t *data, size_t size)
{
	const uint8_t *val;
	size_t pos = 0, prev, vlen;

	while (pos < size) {
		prev = pos;
		/* A wrong tag never matches and never moves pos. */
		FUZZ_CHECK(der_next(data, size, &pos, (uint8_t)(data[pos] ^ 1), &val, &vlen) ==
			   -EBADMSG && pos == prev);
		if (der_next(data, size, &pos, data[pos], &val, &vlen)) {
			FUZZ_CHECK(pos == prev);
			break;
		}
		FUZZ_CHECK(pos > prev && pos <= size);
		FUZZ_CHECK(fuzz_inside(val, vlen, data, size));
		FUZZ_CHECK(val + vlen == data + pos);
		FUZZ_CHECK(vlen <= 0xffff);
		FUZZ_CHECK(pos - prev == der_header_len(vlen) + vlen);
	}
	pos = size + 1;
	FUZZ_CHECK(der_next(data, size, &pos, DER_TAG_SEQUENCE, &val, &vlen) == -EBADMSG);
}

/* Minimal DER INTEGER of a non-negative 32-byte big-endian number. */
static size_t put_integer(uint8_t *out, const uint8_t v[P256_SCALAR_LEN])
{
	size_t i = 0, n;

	while (i < P256_SCALAR_LEN - 1 && v[i] == 0)
		i++;
	n = P256_SCALAR_LEN - i;
	out[0] = DER_TAG_INTEGER;
	if (v[i] & 0x80) {
		out[1] = (uint8_t)(n + 1);
		out[2] = 0;
		memcpy(out + 3, v + i, n);
		return n + 3;
	}
	out[1] = (uint8_t)n;
	memcpy(out + 2, v + i, n);
	return n + 2;
}

static bool decode_roundtrips(const uint8_t *data, size_t size)
{
	uint8_t r[P256_SCALAR_LEN], s[P256_SCALAR_LEN], der[2 + 2 * (3 + P256_SCALAR_LEN)];
	size_t n;
	int rc;

	rc = ecdsa_der_decode(data, size, r, s);
	if (rc) {
		FUZZ_CHECK(rc == -EBADMSG);
		return false;
	}
	n = put_integer(der + 2, r);
	n += put_integer(der + 2 + n, s);
	der[0] = DER_TAG_SEQUENCE;
	der[1] = (uint8_t)n;	/* at most 70: always the short form */
	FUZZ_CHECK(fuzz_eq(data, size, der, n + 2));
	return true;
}

static bool is_known_sig(const uint8_t *sig, size_t len)
{
	return fuzz_eq(sig, len, fv_ecdsa_sig, sizeof(fv_ecdsa_sig)) ||
	       fuzz_eq(sig, len, fv_ecdsa_sig_neg_s, sizeof(fv_ecdsa_sig_neg_s));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct trusted_key *k = &fuzz_keys[0];
	bool decoded;
	verdict_t v;

	check_der_walk(data, size);
	decoded = decode_roundtrips(data, size);

	v = crypto_verify(SIG_ECDSA_P256, k->pub, k->pub_len, fv_ecdsa_digest,
			  sizeof(fv_ecdsa_digest), data, size);
	if (fuzz_verdict_ok(v))
		FUZZ_CHECK(decoded && is_known_sig(data, size));

	if (size > P256_PUB_LEN) {
		const uint8_t *sig = data + P256_PUB_LEN;
		size_t sig_len = size - P256_PUB_LEN;

		decode_roundtrips(sig, sig_len);
		v = crypto_verify(SIG_ECDSA_P256, data, P256_PUB_LEN, fv_ecdsa_digest,
				  sizeof(fv_ecdsa_digest), sig, sig_len);
		if (fuzz_verdict_ok(v))
			FUZZ_CHECK(fuzz_eq(data, P256_PUB_LEN, k->pub, k->pub_len) &&
				   is_known_sig(sig, sig_len));
	}
	return 0;
}
