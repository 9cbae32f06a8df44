// SPDX-License-Identifier: Apache-2.0
/*
 * Project Wycheproof's elliptic-curve vectors (test/vectors/wycheproof/) through both backends:
 * ECDSA P-384 with SHA-384 (DER signatures), P-256 ECDH and X25519. Every "valid" case must be
 * accepted and every "invalid" one refused, with identical results (return value and output
 * bytes) from both backends. The "acceptable" cases are decided as follows, deliberately, and
 * each decision is asserted, so that a change in our code or in the files cannot flip one
 * silently:
 *
 *  - ecdsa_secp384r1_sha384_test.json has none.
 *  - ecdh_secp256r1_test.json (public keys as DER SubjectPublicKeyInfo): every acceptable case
 *    is refused. crypto_ecdh_p256() takes the raw uncompressed point; the test extracts it with
 *    crypto_spki_parse(), our only SPKI reader, which accepts strict DER with the named curve
 *    prime256v1 only. So the 222 InvalidAsn cases (BER lengths, wrong or modified OIDs, garbage,
 *    ...) and the 7 keys with explicit curve parameters (UnnamedCurve: WrongOrder,
 *    ModifiedGenerator, ModifiedCofactor, NoCofactor, ModifiedCurveParameter) are refused by
 *    the SPKI reader, and tcId 2 (CompressedPublic) because only the uncompressed form is taken.
 *  - x25519_test.json: the 31 cases with a ZeroSharedSecret flag (low-order public keys,
 *    canonical or not) are refused: crypto_x25519() returns -EINVAL with an all-zero output, as
 *    RFC 7748 6.1 allows and crypto.h promises. The other 223 (twist points, non-canonical u
 *    >= p taken mod p, edge cases of the ladder) are accepted with the expected secret, as
 *    RFC 7748 5 requires.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mbedtls/sha512.h>
#include <rampart/errno.h>
#include "crypto_test.h"
#include "wycheproof_json.h"

int builtin_crypto_x25519(uint8_t out[32], const uint8_t scalar[32], const uint8_t point[32]);
int builtin_crypto_ecdh_p256(uint8_t out[32], const uint8_t priv[32], const uint8_t *pub,
			     size_t pub_len);

enum wp_kind { WP_ECDSA_P384, WP_ECDH_P256, WP_X25519 };

struct wp_run {
	enum wp_kind kind;
	long number_of_tests, tcid;
	uint8_t *pub, *msg, *sig, *priv, *shared;
	size_t pub_len, msg_len, sig_len, priv_len, shared_len;
	bool zero_shared;	/* the case carries the ZeroSharedSecret flag */
	int valid, invalid, acceptable_accepted, acceptable_refused, spki_refused;
};

static void replace_hex(uint8_t **buf, size_t *len, const char *hex)
{
	free(*buf);
	*buf = hex_alloc(hex, len);
}

/* Both backends on one X25519 or ECDH input: same return and output; true for success. */
static bool kex_both(enum wp_kind kind, const uint8_t *priv, const uint8_t *pub,
		     size_t pub_len, uint8_t out[32])
{
	uint8_t *p = malloc(pub_len ? pub_len : 1), other[32];
	int a, b;

	assert_non_null(p);
	memcpy(p, pub, pub_len);
	memset(out, 0xa5, 32);
	memset(other, 0x5a, 32);
	if (kind == WP_X25519) {
		a = builtin_crypto_x25519(out, priv, p);
		b = crypto_x25519(other, priv, p);
	} else {
		a = builtin_crypto_ecdh_p256(out, priv, p, pub_len);
		b = crypto_ecdh_p256(other, priv, p, pub_len);
	}
	free(p);
	if (a != b || memcmp(out, other, 32))
		fail_msg("backends disagree: builtin %d, mbedtls %d", a, b);
	assert_true(a == 0 || a == -EINVAL);
	return a == 0;
}

/* Wycheproof's ECDH private keys are minimal big-endian integers (a 00 may lead). */
static void priv_to_32(const uint8_t *in, size_t len, uint8_t out[32])
{
	while (len > 32 && *in == 0) {
		in++;
		len--;
	}
	assert_true(len <= 32);
	memset(out, 0, 32 - len);
	memcpy(out + 32 - len, in, len);
}

/* Returns true if the case was accepted (and, for key agreement, gave the expected secret). */
static bool run_kex(struct wp_run *run)
{
	const uint8_t *point = run->pub;
	size_t point_len = run->pub_len;
	enum sig_alg alg;
	uint8_t priv[32], out[32];

	assert_int_equal(run->shared_len == 32 || run->shared_len == 0, true);
	if (run->kind == WP_ECDH_P256) {
		if (crypto_spki_parse(run->pub, run->pub_len, &alg, &point, &point_len) ||
		    alg != SIG_ECDSA_P256) {
			run->spki_refused++;
			return false;
		}
		priv_to_32(run->priv, run->priv_len, priv);
	} else {
		assert_int_equal(run->priv_len, 32);
		assert_int_equal(run->pub_len, 32);
		memcpy(priv, run->priv, 32);
	}
	if (!kex_both(run->kind, priv, point, point_len, out)) {
		static const uint8_t zero[32];

		assert_memory_equal(out, zero, 32);
		return false;
	}
	if (run->shared_len != 32 || memcmp(out, run->shared, 32))
		fail_msg("tcId %ld: wrong shared secret", run->tcid);
	return true;
}

static bool run_ecdsa(struct wp_run *run)
{
	uint8_t digest[64];	/* mbedtls's SHA-384 writes into a SHA-512-sized buffer */

	assert_int_equal(mbedtls_sha512_ret(run->msg, run->msg_len, digest, 1), 0);
	return verify_both(SIG_ECDSA_P384, run->pub, run->pub_len, digest, SHA384_LEN, run->sig,
			   run->sig_len);
}

static void run_case(struct wp_run *run, const char *result)
{
	bool ok;

	if (!run->pub || (run->kind == WP_ECDSA_P384 ? !run->msg || !run->sig : !run->priv))
		fail_msg("tcId %ld: key, msg, sig or private key missing (file shape changed?)",
			 run->tcid);
	ok = run->kind == WP_ECDSA_P384 ? run_ecdsa(run) : run_kex(run);
	if (!strcmp(result, "valid")) {
		if (!ok)
			fail_msg("tcId %ld: valid case refused", run->tcid);
		run->valid++;
	} else if (!strcmp(result, "invalid")) {
		if (ok)
			fail_msg("tcId %ld: invalid case accepted", run->tcid);
		run->invalid++;
	} else if (!strcmp(result, "acceptable")) {
		/* The decisions of the header comment: X25519 accepts all but zero secrets. */
		bool want = run->kind == WP_X25519 && !run->zero_shared;

		if (ok != want)
			fail_msg("tcId %ld: acceptable case %s, decided otherwise", run->tcid,
				 ok ? "accepted" : "refused");
		if (ok)
			run->acceptable_accepted++;
		else
			run->acceptable_refused++;
	} else {
		fail_msg("tcId %ld: unknown result \"%s\"", run->tcid, result);
	}
	run->zero_shared = false;
	free(run->msg);
	free(run->sig);
	free(run->shared);
	run->msg = run->sig = run->shared = NULL;
	run->shared_len = 0;
	if (run->kind != WP_ECDSA_P384) {
		free(run->pub);
		free(run->priv);
		run->pub = run->priv = NULL;
	}
}

static void on_field(void *ctx, const char *key, const char *val)
{
	struct wp_run *run = ctx;

	if (!strcmp(key, "numberOfTests"))
		run->number_of_tests = strtol(val, NULL, 10);
	else if (!strcmp(key, "tcId"))
		run->tcid = strtol(val, NULL, 10);
	else if (!strcmp(key, "flags") && !strcmp(val, "ZeroSharedSecret"))
		run->zero_shared = true;
	else if (run->kind == WP_ECDSA_P384 && !strcmp(key, "uncompressed"))
		replace_hex(&run->pub, &run->pub_len, val);
	else if (run->kind != WP_ECDSA_P384 && !strcmp(key, "public"))
		replace_hex(&run->pub, &run->pub_len, val);
	else if (!strcmp(key, "private"))
		replace_hex(&run->priv, &run->priv_len, val);
	else if (!strcmp(key, "shared"))
		replace_hex(&run->shared, &run->shared_len, val);
	else if (!strcmp(key, "msg"))
		replace_hex(&run->msg, &run->msg_len, val);
	else if (!strcmp(key, "sig"))
		replace_hex(&run->sig, &run->sig_len, val);
	else if (!strcmp(key, "result"))
		run_case(run, val);
}

static struct wp_run run_file(const char *name, enum wp_kind kind)
{
	struct wp_run run = { .kind = kind, .number_of_tests = -1 };

	wp_walk_file(name, on_field, &run);
	free(run.pub);
	free(run.priv);
	free(run.msg);
	free(run.sig);
	free(run.shared);
	print_message("%s: %d valid accepted, %d invalid refused, acceptable: %d accepted, "
		      "%d refused (%d of all cases refused by the SPKI reader)\n", name, run.valid,
		      run.invalid, run.acceptable_accepted, run.acceptable_refused,
		      run.spki_refused);
	assert_int_equal(run.valid + run.invalid + run.acceptable_accepted +
			 run.acceptable_refused, run.number_of_tests);
	assert_true(run.valid > 0 && run.invalid + run.acceptable_refused > 0);
	return run;
}

static void test_wycheproof_ecdsa_p384_sha384_verdicts_in_both_backends(void **state)
{
	struct wp_run run;

	(void)state;
	run = run_file("ecdsa_secp384r1_sha384_test.json", WP_ECDSA_P384);
	assert_int_equal(run.acceptable_accepted + run.acceptable_refused, 0);
}

static void test_wycheproof_ecdh_p256_results_in_both_backends(void **state)
{
	struct wp_run run;

	(void)state;
	run = run_file("ecdh_secp256r1_test.json", WP_ECDH_P256);
	assert_int_equal(run.acceptable_refused, 230);
	assert_int_equal(run.acceptable_accepted, 0);
}

static void test_wycheproof_x25519_results_in_both_backends(void **state)
{
	struct wp_run run;

	(void)state;
	run = run_file("x25519_test.json", WP_X25519);
	assert_int_equal(run.acceptable_refused, 31);
	assert_int_equal(run.acceptable_accepted, 223);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wycheproof_ecdsa_p384_sha384_verdicts_in_both_backends),
		cmocka_unit_test(test_wycheproof_ecdh_p256_results_in_both_backends),
		cmocka_unit_test(test_wycheproof_x25519_results_in_both_backends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
