// SPDX-License-Identifier: Apache-2.0
/*
 * Project Wycheproof vectors (test/vectors/wycheproof/) through crypto_verify() of both
 * backends: ECDSA P-256 with SHA-256 (DER signatures) and Ed25519.
 *
 * Results: every "valid" case must be accepted and every "invalid" one refused, by both
 * backends. "acceptable" cases (none in the files kept here; Wycheproof uses the label for
 * e.g. BER signatures or small-order keys) must get the same verdict from both backends and are
 * counted; our deliberate choices are strict DER (BER refused) and small-order Ed25519 keys
 * accepted (see lib/crypto/ed25519.c).
 *
 * Each group's publicKeyDer also runs through crypto_spki_parse() and must yield the group's
 * raw key.
 *
 * The JSON walker (wycheproof_json.c) reports "key": value pairs in document order and this
 * test reacts to the few keys it needs. It fails loudly if the shape changes (a case
 * without msg or sig, or a count different from numberOfTests).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mbedtls/sha256.h>
#include "crypto_test.h"
#include "wycheproof_json.h"

struct wp_run {
	enum sig_alg alg;
	long number_of_tests;
	long tcid;
	uint8_t *pub, *spki, *msg, *sig;
	size_t pub_len, spki_len, msg_len, sig_len;
	int valid, invalid, acceptable, spki_checked;
};

static void replace_hex(uint8_t **buf, size_t *len, const char *hex)
{
	free(*buf);
	*buf = hex_alloc(hex, len);
}

static void check_group_spki(struct wp_run *run)
{
	enum sig_alg alg;
	const uint8_t *pub;
	size_t pub_len;

	if (!run->spki || !run->pub)
		return;
	assert_int_equal(crypto_spki_parse(run->spki, run->spki_len, &alg, &pub, &pub_len), 0);
	assert_int_equal(alg, run->alg);
	assert_int_equal(pub_len, run->pub_len);
	assert_memory_equal(pub, run->pub, pub_len);
	run->spki_checked++;
	free(run->spki);
	run->spki = NULL;
}

static void run_case(struct wp_run *run, const char *result)
{
	uint8_t digest[32];
	const uint8_t *msg = run->msg;
	size_t msg_len = run->msg_len;
	bool ok;

	if (!run->pub || !run->msg || !run->sig)
		fail_msg("tcId %ld: key, msg or sig missing (file shape changed?)", run->tcid);
	if (run->alg == SIG_ECDSA_P256) {
		assert_int_equal(mbedtls_sha256_ret(run->msg, run->msg_len, digest, 0), 0);
		msg = digest;
		msg_len = sizeof(digest);
	}
	ok = verify_both(run->alg, run->pub, run->pub_len, msg, msg_len, run->sig, run->sig_len);
	if (!strcmp(result, "valid")) {
		if (!ok)
			fail_msg("tcId %ld: valid signature refused", run->tcid);
		run->valid++;
	} else if (!strcmp(result, "invalid")) {
		if (ok)
			fail_msg("tcId %ld: invalid signature accepted", run->tcid);
		run->invalid++;
	} else if (!strcmp(result, "acceptable")) {
		run->acceptable++;
	} else {
		fail_msg("tcId %ld: unknown result \"%s\"", run->tcid, result);
	}
	free(run->msg);
	free(run->sig);
	run->msg = run->sig = NULL;
}

static void on_field(void *ctx, const char *key, const char *val)
{
	struct wp_run *run = ctx;
	const char *pub_key = run->alg == SIG_ECDSA_P256 ? "uncompressed" : "pk";

	if (!strcmp(key, "numberOfTests")) {
		run->number_of_tests = strtol(val, NULL, 10);
	} else if (!strcmp(key, pub_key)) {
		replace_hex(&run->pub, &run->pub_len, val);
		check_group_spki(run);
	} else if (!strcmp(key, "publicKeyDer")) {
		replace_hex(&run->spki, &run->spki_len, val);
		check_group_spki(run);
	} else if (!strcmp(key, "tcId")) {
		run->tcid = strtol(val, NULL, 10);
	} else if (!strcmp(key, "msg")) {
		replace_hex(&run->msg, &run->msg_len, val);
	} else if (!strcmp(key, "sig")) {
		replace_hex(&run->sig, &run->sig_len, val);
	} else if (!strcmp(key, "result")) {
		run_case(run, val);
	}
}

static void run_file(const char *name, enum sig_alg alg)
{
	struct wp_run run = { .alg = alg, .number_of_tests = -1 };

	wp_walk_file(name, on_field, &run);
	free(run.pub);
	free(run.spki);
	free(run.msg);
	free(run.sig);
	print_message("%s: %d valid accepted, %d invalid refused, %d acceptable, %d SPKI keys\n",
		      name, run.valid, run.invalid, run.acceptable, run.spki_checked);
	assert_int_equal(run.valid + run.invalid + run.acceptable, run.number_of_tests);
	assert_true(run.valid > 0 && run.invalid > 0 && run.spki_checked > 0);
}

static void test_wycheproof_ecdsa_p256_sha256_verdicts_in_both_backends(void **state)
{
	(void)state;
	run_file("ecdsa_secp256r1_sha256_test.json", SIG_ECDSA_P256);
}

static void test_wycheproof_ed25519_verdicts_in_both_backends(void **state)
{
	(void)state;
	run_file("ed25519_test.json", SIG_ED25519);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wycheproof_ecdsa_p256_sha256_verdicts_in_both_backends),
		cmocka_unit_test(test_wycheproof_ed25519_verdicts_in_both_backends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
