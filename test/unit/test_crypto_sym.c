// SPDX-License-Identifier: Apache-2.0
/*
 * AES-CTR, AES key unwrap, HMAC and HKDF of both backends: published known answers (FIPS 197
 * appendix C, SP 800-38A F.5.1/F.5.5, RFC 3394 section 4, RFC 4231, RFC 5869 appendix A),
 * CTR at every offset and length, counter carries, argument checks, and thousands of random
 * inputs against Debian's OpenSSL (libcrypto) as an independent oracle.
 */
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <rampart/errno.h>
#include "crypto_test.h"
#include "crypto_sym_test.h"
#include "lib/crypto/internal.h"

#define DIFF_ROUNDS 2000

static uint8_t *dup_bytes(const uint8_t *p, size_t len)
{
	uint8_t *q = malloc(len ? len : 1);

	assert_non_null(q);
	if (len)
		memcpy(q, p, len);
	return q;
}

static bool all_zero(const void *p, size_t len)
{
	const uint8_t *b = p;
	size_t i;

	for (i = 0; i < len; i++)
		if (b[i])
			return false;
	return true;
}

/* c += v, c a big-endian 128-bit number: the test's own counter arithmetic. */
static void be128_add(uint8_t c[16], uint64_t v)
{
	unsigned int carry = 0, sum;
	int i;

	for (i = 15; i >= 0; i--) {
		sum = c[i] + (unsigned int)(v & 0xff) + carry;
		c[i] = (uint8_t)sum;
		carry = sum >> 8;
		v >>= 8;
	}
}

/* ---- OpenSSL oracles ---------------------------------------------------------------------- */

static void openssl_ctr(const uint8_t *key, size_t key_len, const uint8_t iv[16],
			uint64_t offset, const uint8_t *in, uint8_t *out, size_t len)
{
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	uint8_t start[16], skip[16] = { 0 };
	int n;

	assert_non_null(c);
	memcpy(start, iv, 16);
	be128_add(start, offset / 16);
	assert_int_equal(EVP_EncryptInit_ex(c, key_len == 16 ? EVP_aes_128_ctr() :
					    EVP_aes_256_ctr(), NULL, key, start), 1);
	assert_int_equal(EVP_EncryptUpdate(c, skip, &n, skip, (int)(offset % 16)), 1);
	if (len)
		assert_int_equal(EVP_EncryptUpdate(c, out, &n, in, (int)len), 1);
	EVP_CIPHER_CTX_free(c);
}

static void openssl_wrap(const uint8_t *kek, size_t kek_len, const uint8_t *in, size_t len,
			 uint8_t *out)
{
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	int n, m;

	assert_non_null(c);
	EVP_CIPHER_CTX_set_flags(c, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
	assert_int_equal(EVP_EncryptInit_ex(c, kek_len == 16 ? EVP_aes_128_wrap() :
					    EVP_aes_256_wrap(), NULL, kek, NULL), 1);
	assert_int_equal(EVP_EncryptUpdate(c, out, &n, in, (int)len), 1);
	assert_int_equal(EVP_EncryptFinal_ex(c, out + n, &m), 1);
	assert_int_equal(n + m, (int)len + 8);
	EVP_CIPHER_CTX_free(c);
}

static void openssl_hmac(enum hash_alg alg, const uint8_t *key, size_t key_len,
			 const uint8_t *msg, size_t len, uint8_t *mac)
{
	unsigned int n = 0;

	assert_non_null(HMAC(alg == HASH_SHA256 ? EVP_sha256() : EVP_sha512(), key,
			     (int)key_len, msg, len, mac, &n));
	assert_int_equal(n, crypto_hash_len(alg));
}

static void openssl_hkdf(enum hash_alg alg, const uint8_t *salt, size_t salt_len,
			 const uint8_t *ikm, size_t ikm_len, const uint8_t *info, size_t info_len,
			 uint8_t *okm, size_t okm_len)
{
	EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, NULL);
	size_t n = okm_len;

	assert_non_null(c);
	assert_int_equal(EVP_PKEY_derive_init(c), 1);
	assert_int_equal(EVP_PKEY_CTX_set_hkdf_md(c, alg == HASH_SHA256 ? EVP_sha256() :
						  EVP_sha512()), 1);
	if (salt_len)
		assert_int_equal(EVP_PKEY_CTX_set1_hkdf_salt(c, salt, (int)salt_len), 1);
	assert_int_equal(EVP_PKEY_CTX_set1_hkdf_key(c, ikm, (int)ikm_len), 1);
	if (info_len)
		assert_int_equal(EVP_PKEY_CTX_add1_hkdf_info(c, info, (int)info_len), 1);
	assert_int_equal(EVP_PKEY_derive(c, okm, &n), 1);
	assert_int_equal(n, okm_len);
	EVP_PKEY_CTX_free(c);
}

/* ---- AES ---------------------------------------------------------------------------------- */

struct aes_kat {
	const char *key, *pt, *ct;
};

/* FIPS 197 appendix C.1 (AES-128) and C.3 (AES-256). */
static const struct aes_kat fips197[] = {
	{ "000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff",
	  "69c4e0d86a7b0430d8cdb78070b4c55a" },
	{ "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
	  "00112233445566778899aabbccddeeff", "8ea2b7ca516745bfeafc49904b496089" },
};

/* The cipher through CTR: with the plaintext block as counter, the keystream is AES(pt). */
static void test_aes_matches_fips197_appendix_c_in_both_backends(void **state)
{
	uint8_t key[32], pt[16], ct[16], zero[16] = { 0 }, got[16];
	struct crypto_aes ctx;
	size_t i, k, key_len;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(fips197); i++) {
		key_len = strlen(fips197[i].key) / 2;
		hex_to(fips197[i].key, key, key_len);
		hex_to(fips197[i].pt, pt, 16);
		hex_to(fips197[i].ct, ct, 16);
		for (k = 0; k < SYM_APIS; k++) {
			assert_int_equal(sym_apis[k].aes_setkey(&ctx, key, key_len), 0);
			assert_int_equal(ctx.rounds, key_len == 16 ? 10 : 14);
			sym_apis[k].aes_ctr(&ctx, pt, 0, zero, got, 16);
			if (memcmp(got, ct, 16))
				fail_msg("%s: FIPS 197 AES-%zu wrong", sym_apis[k].name, 8 * key_len);
			sym_apis[k].aes_wipe(&ctx);
		}
		/* The built-in block functions key wrap uses, both directions. */
		assert_int_equal(builtin_crypto_aes_setkey(&ctx, key, key_len), 0);
		aes_encrypt_block(&ctx, pt, got);
		assert_memory_equal(got, ct, 16);
		aes_decrypt_block(&ctx, got, got);
		assert_memory_equal(got, pt, 16);
		builtin_crypto_aes_wipe(&ctx);
	}
}

/* The inverse cipher (used only by key unwrap) undoes the forward one on random keys. */
static void test_aes_builtin_decrypt_inverts_encrypt_on_random_blocks(void **state)
{
	uint8_t key[32], blk[16], enc[16], dec[16];
	struct crypto_aes ctx;
	uint64_t rng = 0xae5;
	int i;

	(void)state;
	for (i = 0; i < 500; i++) {
		test_rand_bytes(&rng, key, sizeof(key));
		test_rand_bytes(&rng, blk, sizeof(blk));
		assert_int_equal(builtin_crypto_aes_setkey(&ctx, key, i & 1 ? 32 : 16), 0);
		aes_encrypt_block(&ctx, blk, enc);
		aes_decrypt_block(&ctx, enc, dec);
		assert_memory_equal(dec, blk, 16);
	}
}

struct ctr_kat {
	const char *key, *ct;
};

/* SP 800-38A F.5.1 (CTR-AES128.Encrypt) and F.5.5 (CTR-AES256.Encrypt). */
static const char sp800_38a_iv[] = "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";
static const char sp800_38a_pt[] = "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
				   "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";
static const struct ctr_kat sp800_38a[] = {
	{ "2b7e151628aed2a6abf7158809cf4f3c",
	  "874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"
	  "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee" },
	{ "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
	  "601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c5"
	  "2b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6" },
};

static void test_aes_ctr_matches_sp800_38a_f51_f55_in_both_backends(void **state)
{
	uint8_t key[32], iv[16], pt[64], ct[64], buf[64];
	struct crypto_aes ctx;
	size_t i, k, key_len;

	(void)state;
	hex_to(sp800_38a_iv, iv, sizeof(iv));
	hex_to(sp800_38a_pt, pt, sizeof(pt));
	for (i = 0; i < ARRAY_SIZE(sp800_38a); i++) {
		key_len = strlen(sp800_38a[i].key) / 2;
		hex_to(sp800_38a[i].key, key, key_len);
		hex_to(sp800_38a[i].ct, ct, sizeof(ct));
		for (k = 0; k < SYM_APIS; k++) {
			assert_int_equal(sym_apis[k].aes_setkey(&ctx, key, key_len), 0);
			sym_apis[k].aes_ctr(&ctx, iv, 0, pt, buf, sizeof(buf));
			if (memcmp(buf, ct, sizeof(ct)))
				fail_msg("%s: SP 800-38A CTR-AES%zu wrong", sym_apis[k].name,
					 8 * key_len);
			/* Decryption is the same operation, here in place. */
			sym_apis[k].aes_ctr(&ctx, iv, 0, buf, buf, sizeof(buf));
			assert_memory_equal(buf, pt, sizeof(pt));
			sym_apis[k].aes_wipe(&ctx);
		}
	}
}

#define SPAN 80	/* five blocks: every start and length in it covers every alignment */

/* Any window [s, s + l) of the keystream, asked for alone, equals that part of one pass. */
static void test_aes_ctr_at_every_offset_and_length_equals_one_shot_in_both_backends(void **state)
{
	uint8_t key[32], iv[16], msg[SPAN], one[SPAN], *in, *out;
	uint64_t rng = 0xc7;
	struct crypto_aes ctx;
	size_t k, s, l, key_len;

	(void)state;
	test_rand_bytes(&rng, key, sizeof(key));
	test_rand_bytes(&rng, iv, sizeof(iv));
	test_rand_bytes(&rng, msg, sizeof(msg));
	for (key_len = 16; key_len <= 32; key_len += 16) {
		for (k = 0; k < SYM_APIS; k++) {
			assert_int_equal(sym_apis[k].aes_setkey(&ctx, key, key_len), 0);
			sym_apis[k].aes_ctr(&ctx, iv, 0, msg, one, SPAN);
			for (s = 0; s <= SPAN; s++) {
				for (l = 0; s + l <= SPAN; l++) {
					/* Exact-size heap copies: ASan sees any access past l. */
					in = dup_bytes(msg + s, l);
					out = dup_bytes(msg + s, l);
					sym_apis[k].aes_ctr(&ctx, iv, s, in, out, l);
					if (memcmp(out, one + s, l))
						fail_msg("%s AES-%zu: window %zu+%zu differs",
							 sym_apis[k].name, 8 * key_len, s, l);
					free(in);
					free(out);
				}
			}
			sym_apis[k].aes_wipe(&ctx);
		}
	}
}

/*
 * The counter is all 128 bits: block k of the keystream is AES(iv + k) with the carry running
 * through byte 11 (2^32), byte 7 (2^64) and out of the top (2^128 wraps to 0), also when the
 * start comes from a large byte offset. Checked block by block against a counter the test
 * computes itself, and as a whole against OpenSSL.
 */
static void test_aes_ctr_counter_carries_across_2_32_2_64_and_2_128_in_both_backends(void **state)
{
	static const char *const ivs[] = {
		"000000000000000000000000fffffffe",
		"1111111111111111fffffffffffffffd",
		"fffffffffffffffffffffffffffffffe",
		"00000000000000000000000000000000",
	};
	static const uint64_t offsets[] = {
		0, 5, 16 * 0xffffffffull + 5, 16 * 0xffffffffffffffull, 0x8000000000000003ull,
		UINT64_MAX - 40,
	};
	uint8_t key[32], iv[16], ctr[16], zero[128] = { 0 }, ks[128], blk[16], want[128];
	uint64_t rng = 0xca77;
	struct crypto_aes ctx;
	size_t i, o, k, b, key_len;

	(void)state;
	test_rand_bytes(&rng, key, sizeof(key));
	for (key_len = 16; key_len <= 32; key_len += 16) {
		for (k = 0; k < SYM_APIS; k++) {
			assert_int_equal(sym_apis[k].aes_setkey(&ctx, key, key_len), 0);
			for (i = 0; i < ARRAY_SIZE(ivs); i++) {
				hex_to(ivs[i], iv, 16);
				for (o = 0; o < ARRAY_SIZE(offsets); o++) {
					sym_apis[k].aes_ctr(&ctx, iv, offsets[o], zero, ks,
							    sizeof(ks));
					openssl_ctr(key, key_len, iv, offsets[o], zero, want,
						    sizeof(want));
					if (memcmp(ks, want, sizeof(ks)))
						fail_msg("%s: iv %s offset %llu differs from OpenSSL",
							 sym_apis[k].name, ivs[i],
							 (unsigned long long)offsets[o]);
				}
				/* Block b from offset 0 is block 0 of the counter iv + b. */
				sym_apis[k].aes_ctr(&ctx, iv, 0, zero, ks, sizeof(ks));
				for (b = 0; b < sizeof(ks) / 16; b++) {
					memcpy(ctr, iv, 16);
					be128_add(ctr, b);
					sym_apis[k].aes_ctr(&ctx, ctr, 0, zero, blk, 16);
					if (memcmp(blk, ks + 16 * b, 16))
						fail_msg("%s: iv %s block %zu is not AES(iv + %zu)",
							 sym_apis[k].name, ivs[i], b, b);
				}
			}
			sym_apis[k].aes_wipe(&ctx);
		}
	}
}

static void test_aes_setkey_refuses_other_lengths_and_wipe_clears_in_both_backends(void **state)
{
	static const size_t bad[] = { 0, 1, 8, 15, 17, 24, 31, 33, 64 };
	uint8_t key[64] = { 1, 2, 3 };
	struct crypto_aes ctx;
	size_t i, k;

	(void)state;
	for (k = 0; k < SYM_APIS; k++) {
		for (i = 0; i < ARRAY_SIZE(bad); i++) {
			memset(&ctx, 0x5a, sizeof(ctx));
			if (sym_apis[k].aes_setkey(&ctx, key, bad[i]) != -EINVAL)
				fail_msg("%s: %zu-byte AES key accepted", sym_apis[k].name, bad[i]);
			/* A refused key leaves no stale schedule behind. */
			assert_true(all_zero(&ctx, sizeof(ctx)));
		}
		assert_int_equal(sym_apis[k].aes_setkey(&ctx, key, 32), 0);
		assert_false(all_zero(&ctx, sizeof(ctx)));
		sym_apis[k].aes_wipe(&ctx);
		assert_true(all_zero(&ctx, sizeof(ctx)));
	}
}

/* Random keys, counters (some close to a carry), offsets and lengths against OpenSSL. */
static void test_aes_ctr_random_inputs_match_openssl_in_both_backends(void **state)
{
	uint8_t key[32], iv[16], msg[300], want[300], *in, *out;
	uint64_t rng = 0x0c7a, offset;
	struct crypto_aes ctx;
	size_t k, len, key_len, ones;
	int round;

	(void)state;
	for (round = 0; round < DIFF_ROUNDS; round++) {
		key_len = round & 1 ? 32 : 16;
		test_rand_bytes(&rng, key, key_len);
		test_rand_bytes(&rng, iv, sizeof(iv));
		/* Half the counters end in a run of 0xff bytes, so carries happen. */
		if (round & 2) {
			ones = 1 + (size_t)(test_rand(&rng) % 15);
			memset(iv + sizeof(iv) - ones, 0xff, ones);
		}
		offset = test_rand(&rng) >> (test_rand(&rng) % 64);
		len = (size_t)(test_rand(&rng) % (sizeof(msg) + 1));
		test_rand_bytes(&rng, msg, len);
		openssl_ctr(key, key_len, iv, offset, msg, want, len);
		for (k = 0; k < SYM_APIS; k++) {
			in = dup_bytes(msg, len);
			out = dup_bytes(msg, len);
			assert_int_equal(sym_apis[k].aes_setkey(&ctx, key, key_len), 0);
			sym_apis[k].aes_ctr(&ctx, iv, offset, in, out, len);
			if (memcmp(out, want, len))
				fail_msg("%s: round %d (AES-%zu, offset %llu, %zu bytes) differs "
					 "from OpenSSL", sym_apis[k].name, round, 8 * key_len,
					 (unsigned long long)offset, len);
			sym_apis[k].aes_wipe(&ctx);
			free(in);
			free(out);
		}
	}
}

/* ---- key wrap ----------------------------------------------------------------------------- */

struct kw_kat {
	const char *section, *kek, *key, *wrapped;
};

/* RFC 3394 section 4. 4.2 and 4.4 use a 192-bit KEK, which the API does not take. */
static const struct kw_kat rfc3394[] = {
	{ "4.1", "000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff",
	  "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5" },
	{ "4.2", "000102030405060708090a0b0c0d0e0f1011121314151617",
	  "00112233445566778899aabbccddeeff",
	  "96778b25ae6ca435f92b5b97c050aed2468ab8a17ad84e5d" },
	{ "4.3", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
	  "00112233445566778899aabbccddeeff",
	  "64e8c3f9ce0f5ba263e9777905818a2a93c8191e7d6e8ae7" },
	{ "4.4", "000102030405060708090a0b0c0d0e0f1011121314151617",
	  "00112233445566778899aabbccddeeff0001020304050607",
	  "031d33264e15d33268f24ec260743edce1c6c7ddee725a936ba814915c6762d2" },
	{ "4.5", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
	  "00112233445566778899aabbccddeeff0001020304050607",
	  "a8f9bc1612c68b3ff6e6f4fbe30e71e4769c8b80a32cb8958cd5d17d6b254da1" },
	{ "4.6", "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
	  "00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f",
	  "28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43b"
	  "fb988b9b7a02dd21" },
};

static void test_kw_rfc3394_section4_vectors_in_both_backends(void **state)
{
	uint8_t *kek, *key, *wrapped, got[40], inplace[40];
	size_t kek_len, key_len, wrapped_len, i, k;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(rfc3394); i++) {
		kek = hex_alloc(rfc3394[i].kek, &kek_len);
		key = hex_alloc(rfc3394[i].key, &key_len);
		wrapped = hex_alloc(rfc3394[i].wrapped, &wrapped_len);
		for (k = 0; k < SYM_APIS; k++) {
			memset(got, 0xa5, sizeof(got));
			if (kek_len == 24) {
				/* AES-192 is outside the API: refused before anything is written. */
				assert_int_equal(sym_apis[k].key_unwrap(kek, kek_len, wrapped,
									wrapped_len, got), -EINVAL);
				assert_int_equal(got[0], 0xa5);
				continue;
			}
			assert_int_equal(sym_apis[k].key_unwrap(kek, kek_len, wrapped, wrapped_len,
								got), 0);
			if (memcmp(got, key, key_len))
				fail_msg("%s: RFC 3394 %s unwraps wrongly", sym_apis[k].name,
					 rfc3394[i].section);
			assert_int_equal(got[key_len], 0xa5);
			/* out may be the input buffer itself. */
			memcpy(inplace, wrapped, wrapped_len);
			assert_int_equal(sym_apis[k].key_unwrap(kek, kek_len, inplace, wrapped_len,
								inplace), 0);
			assert_memory_equal(inplace, key, key_len);
		}
		if (kek_len != 24) {
			assert_int_equal(aes_key_wrap(kek, kek_len, key, key_len, got), 0);
			assert_memory_equal(got, wrapped, wrapped_len);
		} else {
			assert_int_equal(aes_key_wrap(kek, kek_len, key, key_len, got), -EINVAL);
		}
		free(kek);
		free(key);
		free(wrapped);
	}
}

/* Every single-bit change of a wrapped key fails the check and leaves a zeroed output. */
static void test_kw_unwrap_refuses_every_bit_flip_and_zeroes_output_in_both_backends(void **state)
{
	const struct kw_kat *v = &rfc3394[5];
	uint8_t kek[32], wrapped[40], got[32];
	size_t bit, k;

	(void)state;
	hex_to(v->kek, kek, sizeof(kek));
	hex_to(v->wrapped, wrapped, sizeof(wrapped));
	for (k = 0; k < SYM_APIS; k++) {
		for (bit = 0; bit < 8 * sizeof(wrapped); bit++) {
			wrapped[bit / 8] ^= (uint8_t)(1u << (bit % 8));
			memset(got, 0xa5, sizeof(got));
			if (sym_apis[k].key_unwrap(kek, sizeof(kek), wrapped, sizeof(wrapped),
						   got) != -EACCES)
				fail_msg("%s: flipped bit %zu not refused", sym_apis[k].name, bit);
			assert_true(all_zero(got, sizeof(got)));
			wrapped[bit / 8] ^= (uint8_t)(1u << (bit % 8));
		}
		/* And the wrong KEK. */
		kek[31] ^= 1;
		assert_int_equal(sym_apis[k].key_unwrap(kek, sizeof(kek), wrapped, sizeof(wrapped),
							got), -EACCES);
		assert_true(all_zero(got, sizeof(got)));
		kek[31] ^= 1;
	}
}

static void test_kw_refuses_bad_lengths_in_both_backends(void **state)
{
	static const size_t bad_in[] = { 0, 1, 7, 8, 15, 16, 23, 25, 31, 33 };
	static const size_t bad_kek[] = { 0, 8, 15, 17, 24, 31, 33 };
	uint8_t kek[33] = { 0 }, in[40] = { 0 }, out[48];
	size_t i, k;

	(void)state;
	for (k = 0; k < SYM_APIS; k++) {
		for (i = 0; i < ARRAY_SIZE(bad_in); i++) {
			memset(out, 0xa5, sizeof(out));
			assert_int_equal(sym_apis[k].key_unwrap(kek, 16, in, bad_in[i], out),
					 -EINVAL);
			assert_int_equal(out[0], 0xa5);
		}
		for (i = 0; i < ARRAY_SIZE(bad_kek); i++)
			assert_int_equal(sym_apis[k].key_unwrap(kek, bad_kek[i], in, 24, out),
					 -EINVAL);
	}
	/* wrap: n >= 2 halves, a multiple of 8 */
	assert_int_equal(aes_key_wrap(kek, 16, in, 0, out), -EINVAL);
	assert_int_equal(aes_key_wrap(kek, 16, in, 8, out), -EINVAL);
	assert_int_equal(aes_key_wrap(kek, 16, in, 20, out), -EINVAL);
	assert_int_equal(aes_key_wrap(kek, 24, in, 16, out), -EINVAL);
}

/*
 * Random KEKs and keys of 2..12 halves wrapped by OpenSSL: both backends unwrap them, the
 * built-in wrap produces the same bytes, and a random corruption is refused with a zeroed
 * output.
 */
static void test_kw_random_keys_wrapped_by_openssl_in_both_backends(void **state)
{
	uint8_t kek[32], key[96], wrapped[104], mine[104], *in, *out;
	uint64_t rng = 0x3394;
	size_t k, n, kek_len, pos;
	int round;

	(void)state;
	for (round = 0; round < DIFF_ROUNDS; round++) {
		kek_len = round & 1 ? 32 : 16;
		n = 2 + (size_t)(test_rand(&rng) % 11);
		test_rand_bytes(&rng, kek, kek_len);
		test_rand_bytes(&rng, key, 8 * n);
		openssl_wrap(kek, kek_len, key, 8 * n, wrapped);
		assert_int_equal(aes_key_wrap(kek, kek_len, key, 8 * n, mine), 0);
		if (memcmp(mine, wrapped, 8 * n + 8))
			fail_msg("round %d: built-in wrap differs from OpenSSL", round);
		for (k = 0; k < SYM_APIS; k++) {
			in = dup_bytes(wrapped, 8 * n + 8);
			out = dup_bytes(key, 8 * n);
			memset(out, 0xa5, 8 * n);
			assert_int_equal(sym_apis[k].key_unwrap(kek, kek_len, in, 8 * n + 8, out),
					 0);
			if (memcmp(out, key, 8 * n))
				fail_msg("%s: round %d unwraps wrongly", sym_apis[k].name, round);
			pos = (size_t)(test_rand(&rng) % (8 * n + 8));
			in[pos] ^= (uint8_t)(1 + test_rand(&rng) % 255);
			if (sym_apis[k].key_unwrap(kek, kek_len, in, 8 * n + 8, out) != -EACCES)
				fail_msg("%s: round %d corruption at %zu accepted", sym_apis[k].name,
					 round, pos);
			assert_true(all_zero(out, 8 * n));
			free(in);
			free(out);
		}
	}
}

/* ---- HMAC --------------------------------------------------------------------------------- */

struct hmac_kat {
	int tc;
	const char *key, *data;	/* hex */
	size_t mac_len;		/* bytes compared: all, or the truncation of test case 5 */
	const char *sha256, *sha512;
};

/* RFC 4231 section 4, test cases 1-7 (case 5: outputs truncated to 128 bits). */
static const struct hmac_kat rfc4231[] = {
	{ 1, "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", 0,
	  "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
	  "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
	  "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854" },
	{ 2, "4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", 0,
	  "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
	  "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
	  "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737" },
	{ 3, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	  "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
	  "dddddddddddddddddddddddddddddddddddd", 0,
	  "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
	  "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39"
	  "bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb" },
	{ 4, "0102030405060708090a0b0c0d0e0f10111213141516171819",
	  "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
	  "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd", 0,
	  "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
	  "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3db"
	  "a91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd" },
	{ 5, "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c",
	  "546573742057697468205472756e636174696f6e", 16,
	  "a3b6167473100ee06e0c796c2955552b", "415fad6271580a531d4179bc891d87a6" },
	{ 6, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	     "aaaaaa",
	  "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a"
	  "65204b6579202d2048617368204b6579204669727374", 0,
	  "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
	  "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
	  "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598" },
	{ 7, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	     "aaaaaa",
	  "5468697320697320612074657374207573696e672061206c6172676572207468"
	  "616e20626c6f636b2d73697a65206b657920616e642061206c61726765722074"
	  "68616e20626c6f636b2d73697a6520646174612e20546865206b6579206e6565"
	  "647320746f20626520686173686564206265666f7265206265696e6720757365"
	  "642062792074686520484d414320616c676f726974686d2e", 0,
	  "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
	  "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944"
	  "b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58" },
};

/* One MAC through api k, the data fed in two pieces split at @split. */
static void mac_with(size_t k, enum hash_alg alg, const uint8_t *key, size_t key_len,
		     const uint8_t *data, size_t len, size_t split, uint8_t *mac)
{
	struct crypto_hmac h;

	assert_int_equal(sym_apis[k].hmac_init(&h, alg, key, key_len), 0);
	sym_apis[k].hmac_update(&h, data, split);
	sym_apis[k].hmac_update(&h, data + split, len - split);
	sym_apis[k].hmac_final(&h, mac);
	assert_true(all_zero(&h, sizeof(h)));
}

static void test_hmac_rfc4231_cases_1_to_7_in_both_backends(void **state)
{
	uint8_t *key, *data, want[HASH_MAX_LEN], mac[HASH_MAX_LEN];
	size_t key_len, len, cmp, i, k, a, split;
	enum hash_alg alg;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(rfc4231); i++) {
		key = hex_alloc(rfc4231[i].key, &key_len);
		data = hex_alloc(rfc4231[i].data, &len);
		for (a = 0; a < 2; a++) {
			alg = a ? HASH_SHA512 : HASH_SHA256;
			cmp = rfc4231[i].mac_len ? rfc4231[i].mac_len : crypto_hash_len(alg);
			hex_to(a ? rfc4231[i].sha512 : rfc4231[i].sha256, want, cmp);
			for (k = 0; k < SYM_APIS; k++) {
				for (split = 0; split <= len; split += len / 3 + 1) {
					mac_with(k, alg, key, key_len, data, len, split, mac);
					if (memcmp(mac, want, cmp))
						fail_msg("%s: RFC 4231 case %d SHA-%d wrong",
							 sym_apis[k].name, rfc4231[i].tc,
							 a ? 512 : 256);
				}
			}
		}
		free(key);
		free(data);
	}
}

static void test_hmac_refuses_other_hashes_and_writes_nothing_in_both_backends(void **state)
{
	static const enum hash_alg bad[] = { HASH_NONE, HASH_SHA384, (enum hash_alg)99 };
	uint8_t key[16] = { 0 }, mac[HASH_MAX_LEN], want[HASH_MAX_LEN];
	struct crypto_hmac h;
	size_t i, k;

	(void)state;
	for (k = 0; k < SYM_APIS; k++) {
		for (i = 0; i < ARRAY_SIZE(bad); i++) {
			if (sym_apis[k].hmac_init(&h, bad[i], key, sizeof(key)) != -ENOTSUP)
				fail_msg("%s: HMAC with alg %d not refused", sym_apis[k].name,
					 bad[i]);
			memset(mac, 0xa5, sizeof(mac));
			sym_apis[k].hmac_update(&h, "x", 1);
			sym_apis[k].hmac_final(&h, mac);
			assert_int_equal(mac[0], 0xa5);
			assert_true(all_zero(&h, sizeof(h)));
		}
		/* An empty key is a key, and may be passed as NULL. */
		mac_with(k, HASH_SHA256, NULL, 0, key, sizeof(key), 3, mac);
		openssl_hmac(HASH_SHA256, key, 0, key, sizeof(key), want);
		assert_memory_equal(mac, want, SHA256_LEN);
	}
}

/* Random keys across the block sizes and random messages fed in random pieces. */
static void test_hmac_random_inputs_match_openssl_in_both_backends(void **state)
{
	uint8_t key[300], msg[600], want[HASH_MAX_LEN], mac[HASH_MAX_LEN], *kc, *mc;
	uint64_t rng = 0x4231;
	size_t k, key_len, len, split;
	enum hash_alg alg;
	int round;

	(void)state;
	for (round = 0; round < DIFF_ROUNDS; round++) {
		alg = round & 1 ? HASH_SHA512 : HASH_SHA256;
		key_len = (size_t)(test_rand(&rng) % (sizeof(key) + 1));
		len = (size_t)(test_rand(&rng) % (sizeof(msg) + 1));
		split = len ? (size_t)(test_rand(&rng) % (len + 1)) : 0;
		test_rand_bytes(&rng, key, key_len);
		test_rand_bytes(&rng, msg, len);
		openssl_hmac(alg, key, key_len, msg, len, want);
		for (k = 0; k < SYM_APIS; k++) {
			kc = dup_bytes(key, key_len);
			mc = dup_bytes(msg, len);
			mac_with(k, alg, kc, key_len, mc, len, split, mac);
			if (memcmp(mac, want, crypto_hash_len(alg)))
				fail_msg("%s: round %d (SHA-%d, key %zu, msg %zu) differs from "
					 "OpenSSL", sym_apis[k].name, round, alg == HASH_SHA512 ?
					 512 : 256, key_len, len);
			free(kc);
			free(mc);
		}
	}
}

/* ---- HKDF --------------------------------------------------------------------------------- */

struct hkdf_kat {
	const char *name, *ikm, *salt, *info, *okm;
};

/* RFC 5869 appendix A.1-A.3 (SHA-256). */
static const struct hkdf_kat rfc5869[] = {
	{ "A.1", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "000102030405060708090a0b0c",
	  "f0f1f2f3f4f5f6f7f8f9",
	  "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865" },
	{ "A.2",
	  "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
	  "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
	  "404142434445464748494a4b4c4d4e4f",
	  "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f"
	  "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"
	  "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf",
	  "b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecf"
	  "d0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeef"
	  "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff",
	  "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
	  "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
	  "cc30c58179ec3e87c14c01d5c1f3434f1d87" },
	{ "A.3", "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "", "",
	  "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8" },
};

static void test_hkdf_rfc5869_a1_to_a3_in_both_backends(void **state)
{
	uint8_t *ikm, *salt, *info, *want, *okm;
	size_t ikm_len, salt_len, info_len, len, i, k;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(rfc5869); i++) {
		ikm = hex_alloc(rfc5869[i].ikm, &ikm_len);
		salt = hex_alloc(rfc5869[i].salt, &salt_len);
		info = hex_alloc(rfc5869[i].info, &info_len);
		want = hex_alloc(rfc5869[i].okm, &len);
		for (k = 0; k < SYM_APIS; k++) {
			okm = malloc(len);
			assert_non_null(okm);
			assert_int_equal(sym_apis[k].hkdf(HASH_SHA256, salt, salt_len, ikm, ikm_len,
							  info, info_len, okm, len), 0);
			if (memcmp(okm, want, len))
				fail_msg("%s: RFC 5869 %s wrong", sym_apis[k].name, rfc5869[i].name);
			/* A.3's empty salt, also as NULL */
			if (!salt_len) {
				memset(okm, 0, len);
				assert_int_equal(sym_apis[k].hkdf(HASH_SHA256, NULL, 0, ikm, ikm_len,
								  NULL, 0, okm, len), 0);
				assert_memory_equal(okm, want, len);
			}
			free(okm);
		}
		free(ikm);
		free(salt);
		free(info);
		free(want);
	}
}

static void test_hkdf_limits_and_refusals_in_both_backends(void **state)
{
	static uint8_t okm[2][255 * 64 + 1];
	uint8_t ikm[20] = { 7 }, zeros[64] = { 0 }, a[64], b[64];
	size_t k, a_i, limit;
	enum hash_alg alg;

	(void)state;
	for (a_i = 0; a_i < 2; a_i++) {
		alg = a_i ? HASH_SHA512 : HASH_SHA256;
		limit = 255 * crypto_hash_len(alg);
		for (k = 0; k < SYM_APIS; k++) {
			assert_int_equal(sym_apis[k].hkdf(alg, NULL, 0, ikm, sizeof(ikm), NULL, 0,
							  okm[k], limit), 0);
			assert_int_equal(sym_apis[k].hkdf(alg, NULL, 0, ikm, sizeof(ikm), NULL, 0,
							  okm[k], limit + 1), -EINVAL);
			assert_int_equal(sym_apis[k].hkdf(alg, NULL, 0, ikm, sizeof(ikm), NULL, 0,
							  NULL, 0), 0);
			/* No salt means HashLen zero bytes (RFC 5869 2.2). */
			assert_int_equal(sym_apis[k].hkdf(alg, zeros, crypto_hash_len(alg), ikm,
							  sizeof(ikm), NULL, 0, a, sizeof(a)), 0);
			assert_int_equal(sym_apis[k].hkdf(alg, NULL, 0, ikm, sizeof(ikm), NULL, 0,
							  b, sizeof(b)), 0);
			assert_memory_equal(a, b, sizeof(a));
		}
		assert_memory_equal(okm[0], okm[1], limit);
	}
	for (k = 0; k < SYM_APIS; k++) {
		assert_int_equal(sym_apis[k].hkdf(HASH_SHA384, NULL, 0, ikm, sizeof(ikm), NULL, 0,
						  a, 32), -ENOTSUP);
		assert_int_equal(sym_apis[k].hkdf(HASH_NONE, NULL, 0, ikm, sizeof(ikm), NULL, 0,
						  a, 32), -ENOTSUP);
		/* The hash is checked before the length. */
		assert_int_equal(sym_apis[k].hkdf(HASH_SHA384, NULL, 0, ikm, sizeof(ikm), NULL, 0,
						  okm[0], sizeof(okm[0])), -ENOTSUP);
	}
}

static void test_hkdf_random_inputs_match_openssl_in_both_backends(void **state)
{
	uint8_t salt[150], ikm[150], info[150], want[700], *okm;
	uint64_t rng = 0x5869;
	size_t k, salt_len, ikm_len, info_len, len;
	enum hash_alg alg;
	int round;

	(void)state;
	for (round = 0; round < DIFF_ROUNDS; round++) {
		alg = round & 1 ? HASH_SHA512 : HASH_SHA256;
		salt_len = (size_t)(test_rand(&rng) % (sizeof(salt) + 1));
		ikm_len = 1 + (size_t)(test_rand(&rng) % sizeof(ikm));
		info_len = (size_t)(test_rand(&rng) % (sizeof(info) + 1));
		len = 1 + (size_t)(test_rand(&rng) % sizeof(want));
		test_rand_bytes(&rng, salt, salt_len);
		test_rand_bytes(&rng, ikm, ikm_len);
		test_rand_bytes(&rng, info, info_len);
		openssl_hkdf(alg, salt, salt_len, ikm, ikm_len, info, info_len, want, len);
		for (k = 0; k < SYM_APIS; k++) {
			okm = malloc(len);
			assert_non_null(okm);
			assert_int_equal(sym_apis[k].hkdf(alg, salt, salt_len, ikm, ikm_len, info,
							  info_len, okm, len), 0);
			if (memcmp(okm, want, len))
				fail_msg("%s: round %d (SHA-%d, %zu bytes) differs from OpenSSL",
					 sym_apis[k].name, round, alg == HASH_SHA512 ? 512 : 256,
					 len);
			free(okm);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_aes_matches_fips197_appendix_c_in_both_backends),
		cmocka_unit_test(test_aes_builtin_decrypt_inverts_encrypt_on_random_blocks),
		cmocka_unit_test(test_aes_ctr_matches_sp800_38a_f51_f55_in_both_backends),
		cmocka_unit_test(
			test_aes_ctr_at_every_offset_and_length_equals_one_shot_in_both_backends),
		cmocka_unit_test(
			test_aes_ctr_counter_carries_across_2_32_2_64_and_2_128_in_both_backends),
		cmocka_unit_test(
			test_aes_setkey_refuses_other_lengths_and_wipe_clears_in_both_backends),
		cmocka_unit_test(test_aes_ctr_random_inputs_match_openssl_in_both_backends),
		cmocka_unit_test(test_kw_rfc3394_section4_vectors_in_both_backends),
		cmocka_unit_test(
			test_kw_unwrap_refuses_every_bit_flip_and_zeroes_output_in_both_backends),
		cmocka_unit_test(test_kw_refuses_bad_lengths_in_both_backends),
		cmocka_unit_test(test_kw_random_keys_wrapped_by_openssl_in_both_backends),
		cmocka_unit_test(test_hmac_rfc4231_cases_1_to_7_in_both_backends),
		cmocka_unit_test(test_hmac_refuses_other_hashes_and_writes_nothing_in_both_backends),
		cmocka_unit_test(test_hmac_random_inputs_match_openssl_in_both_backends),
		cmocka_unit_test(test_hkdf_rfc5869_a1_to_a3_in_both_backends),
		cmocka_unit_test(test_hkdf_limits_and_refusals_in_both_backends),
		cmocka_unit_test(test_hkdf_random_inputs_match_openssl_in_both_backends),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
