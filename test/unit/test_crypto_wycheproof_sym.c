// SPDX-License-Identifier: Apache-2.0
/*
 * Project Wycheproof's symmetric vectors (test/vectors/wycheproof/) through both backends:
 * AES key wrap (aes_wrap_test.json: unwrap by both backends, and the built-in wrap), HMAC
 * (hmac_sha256/512_test.json) and HKDF (hkdf_sha256/512_test.json).
 *
 * A "valid" case must unwrap to its key, give its tag or give its output; an "invalid" one must
 * be refused (unwrap: -EINVAL or -EACCES with the output zeroed; HKDF: -EINVAL) or give a
 * different tag; both backends must return exactly the same. The decisions that depart from
 * the file's label, each made deliberately (and listed in the report of this work):
 *
 *  - aes_wrap tcIds 43-97: the whole keySize 192 group (12 valid, 42 invalid, 1 acceptable).
 *    The API takes 16- or 32-byte KEKs only (crypto.h; MCUboot's AES-KW TLV uses AES-128 or
 *    -256), so every one of them is refused with -EINVAL, before anything is written.
 *  - aes_wrap tcIds 12 and 109, "acceptable" (ShortKey: an 8-byte key "wrapped" as one AES
 *    block): refused with -EINVAL. RFC 3394 section 2 requires n >= 2 halves, as crypto.h does.
 * HMAC files: tags of tagSize bits are the MAC's first tagSize / 8 bytes (RFC 2104 section 5);
 * they hold no "acceptable" cases. HKDF files: none either.
 * Every decision must be hit, so a change of the files cannot silently retire one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <rampart/errno.h>
#include "crypto_test.h"
#include "crypto_sym_test.h"
#include "wycheproof_json.h"

enum kind { KIND_KW, KIND_HMAC, KIND_HKDF };

enum decision_id { DECIDE_KW_AES192, DECIDE_KW_ONE_BLOCK, DECISIONS };

struct decision {
	long first, last;	/* aes_wrap_test.json tcIds */
	enum decision_id id;
};

static const struct decision decisions[] = {
	{ 43, 97, DECIDE_KW_AES192 },
	{ 12, 12, DECIDE_KW_ONE_BLOCK },
	{ 109, 109, DECIDE_KW_ONE_BLOCK },
};

#define FIELDS 8
enum field { F_KEY, F_MSG, F_CT, F_TAG, F_IKM, F_SALT, F_INFO, F_OKM };
static const char *const field_names[FIELDS] = { "key", "msg", "ct", "tag", "ikm", "salt",
						 "info", "okm" };

struct wp_sym_run {
	enum kind kind;
	enum hash_alg alg;
	long number_of_tests, tcid, tag_bits, size;
	uint8_t *f[FIELDS];
	size_t len[FIELDS];
	int valid, invalid, acceptable, decided;
	int hits[DECISIONS];
};

static int decision_for(const struct wp_sym_run *run)
{
	size_t i;

	if (run->kind != KIND_KW)
		return -1;
	for (i = 0; i < ARRAY_SIZE(decisions); i++)
		if (run->tcid >= decisions[i].first && run->tcid <= decisions[i].last)
			return (int)decisions[i].id;
	return -1;
}

static uint8_t *copy(const uint8_t *p, size_t len)
{
	uint8_t *q = malloc(len ? len : 1);

	assert_non_null(q);
	if (len)
		memcpy(q, p, len);
	return q;
}

static bool all_zero(const uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i])
			return false;
	return true;
}

/*
 * Unwrap through both backends (exact-size heap copies, so ASan sees any stray access) and
 * the built-in wrap; returns the common result, 0 meaning "unwrapped to msg".
 */
static int kw_case(struct wp_sym_run *run, bool expect_ok)
{
	const uint8_t *kek = run->f[F_KEY], *ct = run->f[F_CT], *msg = run->f[F_MSG];
	size_t kek_len = run->len[F_KEY], ct_len = run->len[F_CT], msg_len = run->len[F_MSG];
	size_t out_len = ct_len >= 8 ? ct_len - 8 : 0, k;
	uint8_t *in, *out;
	int rc[SYM_APIS];

	for (k = 0; k < SYM_APIS; k++) {
		in = copy(ct, ct_len);
		out = malloc(out_len ? out_len : 1);
		assert_non_null(out);
		memset(out, 0xa5, out_len);
		rc[k] = sym_apis[k].key_unwrap(kek, kek_len, in, ct_len, out);
		if (rc[k] == 0 && (out_len != msg_len || memcmp(out, msg, msg_len)))
			fail_msg("tcId %ld: %s unwraps to the wrong key", run->tcid,
				 sym_apis[k].name);
		if (rc[k] == -EACCES && !all_zero(out, out_len))
			fail_msg("tcId %ld: %s leaves output after a failed check", run->tcid,
				 sym_apis[k].name);
		if (rc[k] == -EINVAL && out_len && out[0] != 0xa5)
			fail_msg("tcId %ld: %s writes despite bad lengths", run->tcid,
				 sym_apis[k].name);
		assert_true(rc[k] == 0 || rc[k] == -EACCES || rc[k] == -EINVAL);
		free(in);
		free(out);
	}
	if (rc[0] != rc[1])
		fail_msg("tcId %ld: backends disagree (%d, %d)", run->tcid, rc[0], rc[1]);
	if (expect_ok) {
		out = malloc(msg_len + 8);
		assert_non_null(out);
		assert_int_equal(aes_key_wrap(kek, kek_len, msg, msg_len, out), 0);
		if (msg_len + 8 != ct_len || memcmp(out, ct, ct_len))
			fail_msg("tcId %ld: built-in wrap differs", run->tcid);
		free(out);
	}
	return rc[0];
}

/* Both backends' MAC, which must agree; true if its first tag_bits / 8 bytes are the tag. */
static bool hmac_case(struct wp_sym_run *run)
{
	uint8_t mac[SYM_APIS][HASH_MAX_LEN];
	size_t tag_len = (size_t)run->tag_bits / 8, k;
	struct crypto_hmac h;
	uint8_t *key, *msg;

	assert_true(tag_len <= crypto_hash_len(run->alg) && tag_len == run->len[F_TAG]);
	for (k = 0; k < SYM_APIS; k++) {
		key = copy(run->f[F_KEY], run->len[F_KEY]);
		msg = copy(run->f[F_MSG], run->len[F_MSG]);
		assert_int_equal(sym_apis[k].hmac_init(&h, run->alg, key, run->len[F_KEY]), 0);
		sym_apis[k].hmac_update(&h, msg, run->len[F_MSG]);
		sym_apis[k].hmac_final(&h, mac[k]);
		free(key);
		free(msg);
	}
	if (memcmp(mac[0], mac[1], crypto_hash_len(run->alg)))
		fail_msg("tcId %ld: backends compute different MACs", run->tcid);
	return crypto_ct_equal(mac[0], run->f[F_TAG], tag_len);
}

/* Both backends' HKDF, which must agree; returns the common result, 0 meaning "gave okm". */
static int hkdf_case(struct wp_sym_run *run)
{
	size_t size = (size_t)run->size, k;
	uint8_t *okm[SYM_APIS];
	int rc[SYM_APIS];

	for (k = 0; k < SYM_APIS; k++) {
		okm[k] = malloc(size ? size : 1);
		assert_non_null(okm[k]);
		rc[k] = sym_apis[k].hkdf(run->alg, run->f[F_SALT], run->len[F_SALT], run->f[F_IKM],
					 run->len[F_IKM], run->f[F_INFO], run->len[F_INFO], okm[k],
					 size);
	}
	if (rc[0] != rc[1] || (rc[0] == 0 && memcmp(okm[0], okm[1], size)))
		fail_msg("tcId %ld: backends disagree", run->tcid);
	if (rc[0] == 0 && (run->len[F_OKM] != size || memcmp(okm[0], run->f[F_OKM], size)))
		rc[0] = 1;	/* computed, but not the expected output */
	for (k = 0; k < SYM_APIS; k++)
		free(okm[k]);
	return rc[0];
}

static void decide(struct wp_sym_run *run, int d, const char *result)
{
	int rc;

	run->hits[d]++;
	run->decided++;
	rc = kw_case(run, false);
	if (rc != -EINVAL)
		fail_msg("tcId %ld (%s): expected -EINVAL, got %d", run->tcid, result, rc);
}

static void run_case(struct wp_sym_run *run, const char *result)
{
	bool valid = !strcmp(result, "valid"), ok;
	int d = decision_for(run);

	if (!valid && strcmp(result, "invalid") && strcmp(result, "acceptable"))
		fail_msg("tcId %ld: unknown result \"%s\"", run->tcid, result);
	if (d >= 0) {
		decide(run, d, result);
		return;
	}
	if (run->kind == KIND_KW)
		ok = kw_case(run, valid) == 0;
	else if (run->kind == KIND_HMAC)
		ok = hmac_case(run);
	else
		ok = hkdf_case(run) == 0;
	if (!strcmp(result, "acceptable"))
		fail_msg("tcId %ld: \"acceptable\" case without a decision", run->tcid);
	if (valid && !ok)
		fail_msg("tcId %ld: valid case fails", run->tcid);
	if (!valid && ok)
		fail_msg("tcId %ld: invalid case passes", run->tcid);
	if (valid)
		run->valid++;
	else
		run->invalid++;
}

static void on_field(void *ctx, const char *key, const char *val)
{
	struct wp_sym_run *run = ctx;
	size_t i;

	if (!strcmp(key, "numberOfTests")) {
		run->number_of_tests = strtol(val, NULL, 10);
	} else if (!strcmp(key, "tagSize")) {
		run->tag_bits = strtol(val, NULL, 10);
	} else if (!strcmp(key, "tcId")) {
		run->tcid = strtol(val, NULL, 10);
		run->size = -1;
		for (i = 0; i < FIELDS; i++) {
			free(run->f[i]);
			run->f[i] = NULL;
		}
	} else if (!strcmp(key, "size")) {
		run->size = strtol(val, NULL, 10);
	} else if (!strcmp(key, "result")) {
		run_case(run, val);
	} else {
		for (i = 0; i < FIELDS; i++) {
			if (!strcmp(key, field_names[i])) {
				free(run->f[i]);
				run->f[i] = hex_alloc(val, &run->len[i]);
			}
		}
	}
}

static void run_file(const char *name, enum kind kind, enum hash_alg alg)
{
	struct wp_sym_run run = { .kind = kind, .alg = alg, .number_of_tests = -1 };
	size_t i;

	wp_walk_file(name, on_field, &run);
	for (i = 0; i < FIELDS; i++)
		free(run.f[i]);
	print_message("%s: %d valid passed, %d invalid refused, %d decided (see the top of "
		      "test_crypto_wycheproof_sym.c)\n", name, run.valid, run.invalid, run.decided);
	assert_int_equal(run.valid + run.invalid + run.decided, run.number_of_tests);
	assert_true(run.valid > 0 && run.invalid > 0);
	if (kind == KIND_KW) {
		for (i = 0; i < DECISIONS; i++)
			if (!run.hits[i])
				fail_msg("%s: decision %zu never hit (file changed?)", name, i);
	}
}

static void test_wycheproof_aes_wrap_in_both_backends(void **state)
{
	(void)state;
	run_file("aes_wrap_test.json", KIND_KW, HASH_NONE);
}

static void test_wycheproof_hmac_sha256_in_both_backends(void **state)
{
	(void)state;
	run_file("hmac_sha256_test.json", KIND_HMAC, HASH_SHA256);
}

static void test_wycheproof_hmac_sha512_in_both_backends(void **state)
{
	(void)state;
	run_file("hmac_sha512_test.json", KIND_HMAC, HASH_SHA512);
}

static void test_wycheproof_hkdf_sha256_in_both_backends(void **state)
{
	(void)state;
	run_file("hkdf_sha256_test.json", KIND_HKDF, HASH_SHA256);
}

static void test_wycheproof_hkdf_sha512_in_both_backends(void **state)
{
	(void)state;
	run_file("hkdf_sha512_test.json", KIND_HKDF, HASH_SHA512);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wycheproof_aes_wrap_in_both_backends),
		cmocka_unit_test(test_wycheproof_hmac_sha256_in_both_backends),
		cmocka_unit_test(test_wycheproof_hmac_sha512_in_both_backends),
		cmocka_unit_test(test_wycheproof_hkdf_sha256_in_both_backends),
		cmocka_unit_test(test_wycheproof_hkdf_sha512_in_both_backends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
