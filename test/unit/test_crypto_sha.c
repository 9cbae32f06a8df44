// SPDX-License-Identifier: Apache-2.0
/*
 * SHA-256, SHA-384 and SHA-512: FIPS 180-4 / NIST known answers, streaming at every split
 * point, random messages against the mbedtls backend, and the crypto_hash_* API of both
 * backends.
 */
#include <stdlib.h>
#include <string.h>
#include <rampart/errno.h>
#include "crypto_test.h"

struct kat {
	const char *name;
	const char *msg;	/* repeated `repeat` times */
	size_t repeat;
	const char *sha256;
	const char *sha384;
	const char *sha512;
};

/* The NIST example messages (FIPS 180-4 examples), with their published digests. */
static const struct kat kats[] = {
	{ "abc", "abc", 1,
	  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
	  "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded163"
	  "1a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
	  "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
	  "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
	{ "empty", "", 1,
	  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	  "38b060a751ac96384cd9327eb1b1e36a21fdb71114be0743"
	  "4c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b",
	  "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
	  "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e" },
	{ "448-bit", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
	  "3391fdddfc8dc7393707a65b1b4709397cf8b1d162af05ab"
	  "fe8f450de5f36bc6b0455a8520bc4e6f5fe95b1fe3c8452b",
	  "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c335"
	  "96fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445" },
	{ "896-bit",
	  "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
	  "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 1,
	  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
	  "09330c33f71147e83d192fc782cd1b4753111b173b3b05d2"
	  "2fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039",
	  "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
	  "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909" },
	{ "one million 'a'", "a", 1000000,
	  "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	  "9d0e1809716474cb086e834e310a4a1ced149e9c00f24852"
	  "7972cec5704c2a5b07b8b3dc38ecc4ebae97ddd87f3d8985",
	  "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
	  "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b" },
};

static void test_sha256_matches_nist_known_answers(void **state)
{
	struct sha256_ctx ctx;
	uint8_t got[SHA256_LEN], want[SHA256_LEN];
	size_t i, r;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(kats); i++) {
		hex_to(kats[i].sha256, want, sizeof(want));
		sha256_init(&ctx);
		for (r = 0; r < kats[i].repeat; r++)
			sha256_update(&ctx, kats[i].msg, strlen(kats[i].msg));
		sha256_final(&ctx, got);
		if (memcmp(got, want, sizeof(want)))
			fail_msg("SHA-256 of %s is wrong", kats[i].name);
	}
}

static void test_sha512_matches_nist_known_answers(void **state)
{
	struct sha512_ctx ctx;
	uint8_t got[SHA512_LEN], want[SHA512_LEN];
	size_t i, r;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(kats); i++) {
		hex_to(kats[i].sha512, want, sizeof(want));
		sha512_init(&ctx);
		for (r = 0; r < kats[i].repeat; r++)
			sha512_update(&ctx, kats[i].msg, strlen(kats[i].msg));
		sha512_final(&ctx, got);
		if (memcmp(got, want, sizeof(want)))
			fail_msg("SHA-512 of %s is wrong", kats[i].name);
	}
}

static void test_sha384_matches_nist_known_answers(void **state)
{
	struct sha512_ctx ctx;
	uint8_t got[SHA384_LEN + 1], want[SHA384_LEN];
	size_t i, r;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(kats); i++) {
		hex_to(kats[i].sha384, want, sizeof(want));
		sha384_init(&ctx);
		for (r = 0; r < kats[i].repeat; r++)
			sha512_update(&ctx, kats[i].msg, strlen(kats[i].msg));
		got[SHA384_LEN] = 0xa5;
		sha384_final(&ctx, got);
		if (memcmp(got, want, sizeof(want)))
			fail_msg("SHA-384 of %s is wrong", kats[i].name);
		/* The digest is 48 bytes: nothing written past them. */
		assert_int_equal(got[SHA384_LEN], 0xa5);
	}
}

#define SPLIT_LEN 200

static void fill_pattern(uint8_t *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		buf[i] = (uint8_t)(i * 37 + 11);
}

/* Every pair of split points i <= j: [0,i) [i,j) [j,200) hashes like the one-shot message. */
static void test_sha256_streaming_at_every_split_equals_one_shot(void **state)
{
	struct sha256_ctx ctx;
	uint8_t msg[SPLIT_LEN], one[SHA256_LEN], got[SHA256_LEN];
	size_t i, j;

	(void)state;
	fill_pattern(msg, sizeof(msg));
	sha256_init(&ctx);
	sha256_update(&ctx, msg, sizeof(msg));
	sha256_final(&ctx, one);
	for (i = 0; i <= SPLIT_LEN; i++) {
		for (j = i; j <= SPLIT_LEN; j++) {
			sha256_init(&ctx);
			sha256_update(&ctx, msg, i);
			sha256_update(&ctx, msg + i, j - i);
			sha256_update(&ctx, msg + j, SPLIT_LEN - j);
			sha256_final(&ctx, got);
			if (memcmp(got, one, sizeof(one)))
				fail_msg("SHA-256 differs when split at %zu and %zu", i, j);
		}
	}
}

/* The SHA-512 family (SHA-512, SHA-384) at every pair of split points; see above. */
static void check_sha512_family_splits(const char *name, void (*init)(struct sha512_ctx *),
				       void (*final)(struct sha512_ctx *, uint8_t *), size_t dlen)
{
	struct sha512_ctx ctx;
	uint8_t msg[SPLIT_LEN], one[SHA512_LEN], got[SHA512_LEN];
	size_t i, j;

	fill_pattern(msg, sizeof(msg));
	init(&ctx);
	sha512_update(&ctx, msg, sizeof(msg));
	final(&ctx, one);
	for (i = 0; i <= SPLIT_LEN; i++) {
		for (j = i; j <= SPLIT_LEN; j++) {
			init(&ctx);
			sha512_update(&ctx, msg, i);
			sha512_update(&ctx, msg + i, j - i);
			sha512_update(&ctx, msg + j, SPLIT_LEN - j);
			final(&ctx, got);
			if (memcmp(got, one, dlen))
				fail_msg("%s differs when split at %zu and %zu", name, i, j);
		}
	}
}

static void test_sha512_streaming_at_every_split_equals_one_shot(void **state)
{
	(void)state;
	check_sha512_family_splits("SHA-512", sha512_init, sha512_final, SHA512_LEN);
}

static void test_sha384_streaming_at_every_split_equals_one_shot(void **state)
{
	(void)state;
	check_sha512_family_splits("SHA-384", sha384_init, sha384_final, SHA384_LEN);
}

/* Every length 0..300 covers all padding cases of both block sizes; mbedtls is the oracle. */
static void test_sha_every_length_matches_mbedtls_backend(void **state)
{
	struct crypto_hash a, b;
	uint8_t msg[300], da[HASH_MAX_LEN], db[HASH_MAX_LEN];
	enum hash_alg algs[] = { HASH_SHA256, HASH_SHA384, HASH_SHA512 };
	size_t n, k;

	(void)state;
	fill_pattern(msg, sizeof(msg));
	for (k = 0; k < ARRAY_SIZE(algs); k++) {
		for (n = 0; n <= sizeof(msg); n++) {
			assert_int_equal(builtin_crypto_hash_init(&a, algs[k]), 0);
			assert_int_equal(crypto_hash_init(&b, algs[k]), 0);
			builtin_crypto_hash_update(&a, msg, n);
			crypto_hash_update(&b, msg, n);
			builtin_crypto_hash_final(&a, da);
			crypto_hash_final(&b, db);
			if (memcmp(da, db, crypto_hash_len(algs[k])))
				fail_msg("backends differ on alg %d length %zu", algs[k], n);
		}
	}
}

/*
 * Thousands of random messages (0..1000 bytes) fed in random pieces to the built-in backend
 * and in one piece to mbedtls must give the same digest, for every algorithm.
 */
static void test_sha_random_messages_in_random_pieces_match_mbedtls_backend(void **state)
{
	enum hash_alg algs[] = { HASH_SHA256, HASH_SHA384, HASH_SHA512 };
	uint8_t msg[1000], da[HASH_MAX_LEN], db[HASH_MAX_LEN];
	uint64_t rng = 0x5ba384;
	struct crypto_hash a, b;
	size_t k, n, done, piece;
	int round;

	(void)state;
	for (round = 0; round < 3000; round++) {
		k = (size_t)round % ARRAY_SIZE(algs);
		n = (size_t)(test_rand(&rng) % (sizeof(msg) + 1));
		test_rand_bytes(&rng, msg, n);
		assert_int_equal(builtin_crypto_hash_init(&a, algs[k]), 0);
		assert_int_equal(crypto_hash_init(&b, algs[k]), 0);
		for (done = 0; done < n; done += piece) {
			piece = (size_t)(test_rand(&rng) % 300);
			piece = MIN(piece, n - done);
			builtin_crypto_hash_update(&a, msg + done, piece);
		}
		crypto_hash_update(&b, msg, n);
		builtin_crypto_hash_final(&a, da);
		crypto_hash_final(&b, db);
		if (memcmp(da, db, crypto_hash_len(algs[k])))
			fail_msg("backends differ on alg %d, %zu random bytes (round %d)", algs[k],
				 n, round);
	}
}

struct hash_api {
	const char *name;
	int (*init)(struct crypto_hash *h, enum hash_alg alg);
	void (*update)(struct crypto_hash *h, const void *data, size_t len);
	void (*final)(struct crypto_hash *h, uint8_t *out);
	size_t (*len)(enum hash_alg alg);
};

static const struct hash_api apis[] = {
	{ "builtin", builtin_crypto_hash_init, builtin_crypto_hash_update,
	  builtin_crypto_hash_final, builtin_crypto_hash_len },
	{ "mbedtls", crypto_hash_init, crypto_hash_update, crypto_hash_final, crypto_hash_len },
};

static bool all_zero(const void *p, size_t len)
{
	const uint8_t *b = p;
	size_t i;

	for (i = 0; i < len; i++)
		if (b[i])
			return false;
	return true;
}

static void test_crypto_hash_api_gives_known_answers_and_wipes_in_both_backends(void **state)
{
	struct crypto_hash h;
	uint8_t got[HASH_MAX_LEN], want[HASH_MAX_LEN];
	const enum hash_alg algs[] = { HASH_SHA256, HASH_SHA384, HASH_SHA512 };
	const char *m = kats[3].msg;
	enum hash_alg alg;
	size_t i, k;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(apis); i++) {
		assert_int_equal(apis[i].len(HASH_SHA256), 32);
		assert_int_equal(apis[i].len(HASH_SHA384), 48);
		assert_int_equal(apis[i].len(HASH_SHA512), 64);
		assert_int_equal(apis[i].len(HASH_NONE), 0);
		assert_int_equal(apis[i].len((enum hash_alg)99), 0);

		assert_int_equal(apis[i].init(&h, HASH_NONE), -ENOTSUP);
		assert_int_equal(apis[i].init(&h, (enum hash_alg)99), -ENOTSUP);
		/* A refused context stays inert: update and final write nothing. */
		memset(got, 0xa5, sizeof(got));
		apis[i].update(&h, "x", 1);
		apis[i].final(&h, got);
		assert_true(got[0] == 0xa5 && got[HASH_MAX_LEN - 1] == 0xa5);

		for (k = 0; k < ARRAY_SIZE(algs); k++) {
			alg = algs[k];
			hex_to(alg == HASH_SHA256 ? kats[3].sha256 :
			       alg == HASH_SHA384 ? kats[3].sha384 : kats[3].sha512,
			       want, apis[i].len(alg));
			assert_int_equal(apis[i].init(&h, alg), 0);
			/* NULL with length 0 is allowed at any point, also inside a block. */
			apis[i].update(&h, NULL, 0);
			apis[i].update(&h, m, 5);
			apis[i].update(&h, NULL, 0);
			apis[i].update(&h, m + 5, strlen(m) - 5);
			memset(got, 0xa5, sizeof(got));
			apis[i].final(&h, got);
			if (memcmp(got, want, apis[i].len(alg)))
				fail_msg("%s backend: wrong digest for alg %d", apis[i].name, alg);
			/* Exactly crypto_hash_len() bytes are written. */
			if (apis[i].len(alg) < HASH_MAX_LEN)
				assert_int_equal(got[apis[i].len(alg)], 0xa5);
			assert_true(all_zero(&h, sizeof(h)));
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_matches_nist_known_answers),
		cmocka_unit_test(test_sha512_matches_nist_known_answers),
		cmocka_unit_test(test_sha384_matches_nist_known_answers),
		cmocka_unit_test(test_sha256_streaming_at_every_split_equals_one_shot),
		cmocka_unit_test(test_sha512_streaming_at_every_split_equals_one_shot),
		cmocka_unit_test(test_sha384_streaming_at_every_split_equals_one_shot),
		cmocka_unit_test(test_sha_every_length_matches_mbedtls_backend),
		cmocka_unit_test(test_sha_random_messages_in_random_pieces_match_mbedtls_backend),
		cmocka_unit_test(test_crypto_hash_api_gives_known_answers_and_wipes_in_both_backends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
