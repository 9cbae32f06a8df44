// SPDX-License-Identifier: Apache-2.0
/*
 * Project Wycheproof's RSA signature vectors (test/vectors/wycheproof/) through both backends:
 * RSASSA-PSS with SHA-256, MGF1-SHA-256 and salt 32 (rsa_pss_{2048,3072,4096}_sha256_mgf1_32)
 * and RSASSA-PKCS1-v1_5 with SHA-256 (rsa_signature_{2048,3072,4096}_sha256).
 *
 * Every case runs in every mode: SIG_RSA_PSS_SHA256, SIG_RSA_PSS_SHA256_ANY_SALT and
 * SIG_RSA_PKCS1_SHA256. In the file's own modes (both PSS modes for a PSS file, whose sLen is
 * 32; PKCS#1 for a PKCS#1 file) each case goes through the DER key (crypto_verify) and the raw
 * modulus and exponent (crypto_rsa_verify) of both backends, and all four verdicts must agree;
 * in the other modes through the DER key of both backends. A "valid" case must be accepted and
 * an "invalid" one refused in the file's own modes, and everything refused in the other modes,
 * except for the decisions below, each made deliberately (and listed in the report of the RSA
 * work and Documentation):
 *
 *  - rsa_signature_* tcId 8, "acceptable" (MissingNull: DigestInfo without the NULL): refused.
 *    We compare against the one encoding RFC 8017 9.2 builds, which has the NULL.
 *  - rsa_signature_2048 tcIds 258, 259 and rsa_signature_3072 tcId 259, "valid" under e = 3
 *    keys (SmallPublicKey): refused. Only e = 65537 is accepted (lib/crypto/rsa_key.h).
 *  - rsa_pss_* tcIds 67-72, "invalid" ("s_len changed to 0, 1, 20, 31, 33, emLen - 34"): correct
 *    PSS signatures with a salt length other than the file's 32. Refused with salt 32, accepted
 *    in any-salt mode, which exists to recover the salt length (FIT "pss").
 *  - rsa_pss_* tcId 108 (WrongPrimitive) is a correct PKCS#1 v1.5 signature: accepted in PKCS#1
 *    mode. rsa_signature_* tcIds 255-257 (2048) / 256-258 (3072, 4096) (WrongPrimitive) are
 *    correct PSS signatures: accepted in any-salt mode, and the last of each, whose salt is 32
 *    bytes, also in salt-32 mode.
 * Every decision must be hit, so a change of the files cannot silently retire one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mbedtls/sha256.h>
#include "crypto_test.h"
#include "wycheproof_json.h"

verdict_t builtin_crypto_rsa_verify(enum sig_alg alg, const uint8_t *n, size_t n_len, uint32_t e,
				    const uint8_t *digest, size_t digest_len, const uint8_t *sig,
				    size_t sig_len);

struct decision {
	const char *file;
	long first, last;	/* tcId range */
	enum sig_alg alg;
	bool accept;
};

static const struct decision decisions[] = {
	{ "rsa_signature_2048_sha256_test.json", 8, 8, SIG_RSA_PKCS1_SHA256, false },
	{ "rsa_signature_3072_sha256_test.json", 8, 8, SIG_RSA_PKCS1_SHA256, false },
	{ "rsa_signature_4096_sha256_test.json", 8, 8, SIG_RSA_PKCS1_SHA256, false },
	{ "rsa_signature_2048_sha256_test.json", 258, 259, SIG_RSA_PKCS1_SHA256, false },
	{ "rsa_signature_3072_sha256_test.json", 259, 259, SIG_RSA_PKCS1_SHA256, false },
	{ "rsa_pss_2048_sha256_mgf1_32_test.json", 67, 72, SIG_RSA_PSS_SHA256_ANY_SALT, true },
	{ "rsa_pss_3072_sha256_mgf1_32_test.json", 67, 72, SIG_RSA_PSS_SHA256_ANY_SALT, true },
	{ "rsa_pss_4096_sha256_mgf1_32_test.json", 67, 72, SIG_RSA_PSS_SHA256_ANY_SALT, true },
	{ "rsa_pss_2048_sha256_mgf1_32_test.json", 108, 108, SIG_RSA_PKCS1_SHA256, true },
	{ "rsa_pss_3072_sha256_mgf1_32_test.json", 108, 108, SIG_RSA_PKCS1_SHA256, true },
	{ "rsa_pss_4096_sha256_mgf1_32_test.json", 108, 108, SIG_RSA_PKCS1_SHA256, true },
	{ "rsa_signature_2048_sha256_test.json", 255, 257, SIG_RSA_PSS_SHA256_ANY_SALT, true },
	{ "rsa_signature_3072_sha256_test.json", 256, 258, SIG_RSA_PSS_SHA256_ANY_SALT, true },
	{ "rsa_signature_4096_sha256_test.json", 256, 258, SIG_RSA_PSS_SHA256_ANY_SALT, true },
	{ "rsa_signature_2048_sha256_test.json", 257, 257, SIG_RSA_PSS_SHA256, true },
	{ "rsa_signature_3072_sha256_test.json", 258, 258, SIG_RSA_PSS_SHA256, true },
	{ "rsa_signature_4096_sha256_test.json", 258, 258, SIG_RSA_PSS_SHA256, true },
};

static const enum sig_alg modes[] = {
	SIG_RSA_PSS_SHA256, SIG_RSA_PSS_SHA256_ANY_SALT, SIG_RSA_PKCS1_SHA256,
};

struct wp_rsa_run {
	const char *file;
	bool pss_file;
	long number_of_tests, tcid, slen;
	uint8_t *asn, *mod, *msg, *sig;
	size_t asn_len, mod_len, msg_len, sig_len;
	uint32_t e;
	bool e_fits;
	int valid, invalid, acceptable, decided, cases;
	int hits[ARRAY_SIZE(decisions)];
};

static void replace_hex(uint8_t **buf, size_t *len, const char *hex)
{
	free(*buf);
	*buf = hex_alloc(hex, len);
}

/* crypto_rsa_verify() of both backends on heap copies; they must agree. */
static bool raw_both(enum sig_alg alg, const uint8_t *n, size_t n_len, uint32_t e,
		     const uint8_t *digest, const uint8_t *sig, size_t sig_len)
{
	uint8_t *nc = malloc(n_len + 1), *dc = malloc(SHA256_LEN), *sc = malloc(sig_len + 1);
	uint32_t a, b;

	assert_true(nc && dc && sc);
	memcpy(nc, n, n_len);
	memcpy(dc, digest, SHA256_LEN);
	memcpy(sc, sig, sig_len);
	a = builtin_crypto_rsa_verify(alg, nc, n_len, e, dc, SHA256_LEN, sc, sig_len).bits;
	b = crypto_rsa_verify(alg, nc, n_len, e, dc, SHA256_LEN, sc, sig_len).bits;
	free(nc);
	free(dc);
	free(sc);
	assert_true(a == VERDICT_OK_BITS || a == VERDICT_FAIL_BITS);
	if (a != b)
		fail_msg("raw key: backends disagree (builtin %s)", a == VERDICT_OK_BITS ? "accepts" :
			 "refuses");
	return a == VERDICT_OK_BITS;
}

static bool native_mode(const struct wp_rsa_run *run, enum sig_alg alg)
{
	return run->pss_file ? alg != SIG_RSA_PKCS1_SHA256 : alg == SIG_RSA_PKCS1_SHA256;
}

/* The verdict demanded of a case in one mode: the decision list first, then the file's label. */
static bool expected(struct wp_rsa_run *run, enum sig_alg alg, const char *result)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(decisions); i++) {
		if (!strcmp(decisions[i].file, run->file) && decisions[i].alg == alg &&
		    run->tcid >= decisions[i].first && run->tcid <= decisions[i].last) {
			run->hits[i]++;
			run->decided++;
			return decisions[i].accept;
		}
	}
	if (!native_mode(run, alg))
		return false;
	if (!strcmp(result, "acceptable"))
		fail_msg("%s tcId %ld: acceptable case without a decision", run->file, run->tcid);
	return !strcmp(result, "valid");
}

/* The modulus magnitude inside the JSON's "modulus" (which carries a sign byte). */
static const uint8_t *modulus(const struct wp_rsa_run *run, size_t *len)
{
	const uint8_t *n = run->mod;
	size_t l = run->mod_len;

	while (l && *n == 0) {
		n++;
		l--;
	}
	*len = l;
	return n;
}

static void run_case(struct wp_rsa_run *run, const char *result)
{
	uint8_t digest[SHA256_LEN];
	const uint8_t *n;
	size_t n_len, i;
	bool der, want;

	if (!run->asn || !run->mod || !run->msg || !run->sig)
		fail_msg("%s tcId %ld: key, msg or sig missing (file shape changed?)", run->file,
			 run->tcid);
	if (run->pss_file)
		assert_int_equal(run->slen, 32);
	assert_int_equal(mbedtls_sha256_ret(run->msg, run->msg_len, digest, 0), 0);
	n = modulus(run, &n_len);
	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		want = expected(run, modes[i], result);
		der = verify_both(modes[i], run->asn, run->asn_len, digest, sizeof(digest),
				  run->sig, run->sig_len);
		if (der != want)
			fail_msg("%s tcId %ld (%s) in mode %s: %s", run->file, run->tcid, result,
				 crypto_sig_name(modes[i]), der ? "accepted" : "refused");
		/* An exponent wider than 32 bits cannot be passed raw; the DER path refused it. */
		if (native_mode(run, modes[i]) && run->e_fits)
			assert_int_equal(raw_both(modes[i], n, n_len, run->e, digest, run->sig,
						  run->sig_len), der);
	}
	if (!strcmp(result, "valid"))
		run->valid++;
	else if (!strcmp(result, "invalid"))
		run->invalid++;
	else if (!strcmp(result, "acceptable"))
		run->acceptable++;
	else
		fail_msg("%s tcId %ld: unknown result \"%s\"", run->file, run->tcid, result);
	run->cases++;
	free(run->msg);
	free(run->sig);
	run->msg = run->sig = NULL;
}

static void set_exponent(struct wp_rsa_run *run, const char *hex)
{
	size_t len, i;
	uint8_t *e = hex_alloc(hex, &len);

	run->e = 0;
	run->e_fits = true;
	for (i = 0; i < len; i++) {
		if (run->e >> 24)
			run->e_fits = false;
		run->e = (run->e << 8) | e[i];
	}
	free(e);
}

static void on_field(void *ctx, const char *key, const char *val)
{
	struct wp_rsa_run *run = ctx;

	if (!strcmp(key, "numberOfTests"))
		run->number_of_tests = strtol(val, NULL, 10);
	else if (!strcmp(key, "publicKeyAsn"))
		replace_hex(&run->asn, &run->asn_len, val);
	else if (!strcmp(key, "modulus"))
		replace_hex(&run->mod, &run->mod_len, val);
	else if (!strcmp(key, "publicExponent"))
		set_exponent(run, val);
	else if (!strcmp(key, "sLen"))
		run->slen = strtol(val, NULL, 10);
	else if (!strcmp(key, "tcId"))
		run->tcid = strtol(val, NULL, 10);
	else if (!strcmp(key, "msg"))
		replace_hex(&run->msg, &run->msg_len, val);
	else if (!strcmp(key, "sig"))
		replace_hex(&run->sig, &run->sig_len, val);
	else if (!strcmp(key, "result"))
		run_case(run, val);
}

static void run_file(const char *name, bool pss_file)
{
	struct wp_rsa_run run = { .file = name, .pss_file = pss_file, .number_of_tests = -1 };
	size_t i;

	wp_walk_file(name, on_field, &run);
	free(run.asn);
	free(run.mod);
	free(run.msg);
	free(run.sig);
	print_message("%s: %d valid, %d invalid, %d acceptable; %d verdicts by decision\n", name,
		      run.valid, run.invalid, run.acceptable, run.decided);
	assert_int_equal(run.cases, run.number_of_tests);
	assert_true(run.valid > 0 && run.invalid > 0);
	for (i = 0; i < ARRAY_SIZE(decisions); i++)
		if (!strcmp(decisions[i].file, name) && !run.hits[i])
			fail_msg("%s: decision for tcIds %ld-%ld never used", name,
				 decisions[i].first, decisions[i].last);
}

static void test_wycheproof_rsa_pss_2048_sha256_salt32_in_all_modes(void **state)
{
	(void)state;
	run_file("rsa_pss_2048_sha256_mgf1_32_test.json", true);
}

static void test_wycheproof_rsa_pss_3072_sha256_salt32_in_all_modes(void **state)
{
	(void)state;
	run_file("rsa_pss_3072_sha256_mgf1_32_test.json", true);
}

static void test_wycheproof_rsa_pss_4096_sha256_salt32_in_all_modes(void **state)
{
	(void)state;
	run_file("rsa_pss_4096_sha256_mgf1_32_test.json", true);
}

static void test_wycheproof_rsa_pkcs1_2048_sha256_in_all_modes(void **state)
{
	(void)state;
	run_file("rsa_signature_2048_sha256_test.json", false);
}

static void test_wycheproof_rsa_pkcs1_3072_sha256_in_all_modes(void **state)
{
	(void)state;
	run_file("rsa_signature_3072_sha256_test.json", false);
}

static void test_wycheproof_rsa_pkcs1_4096_sha256_in_all_modes(void **state)
{
	(void)state;
	run_file("rsa_signature_4096_sha256_test.json", false);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wycheproof_rsa_pss_2048_sha256_salt32_in_all_modes),
		cmocka_unit_test(test_wycheproof_rsa_pss_3072_sha256_salt32_in_all_modes),
		cmocka_unit_test(test_wycheproof_rsa_pss_4096_sha256_salt32_in_all_modes),
		cmocka_unit_test(test_wycheproof_rsa_pkcs1_2048_sha256_in_all_modes),
		cmocka_unit_test(test_wycheproof_rsa_pkcs1_3072_sha256_in_all_modes),
		cmocka_unit_test(test_wycheproof_rsa_pkcs1_4096_sha256_in_all_modes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
