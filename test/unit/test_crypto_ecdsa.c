// SPDX-License-Identifier: Apache-2.0
/*
 * ECDSA P-256 through crypto_verify() of both backends: signatures made by mbedtls (random keys
 * and messages, CTR-DRBG with a fixed seed) must be accepted, every mutation refused, and the
 * edge cases of SEC1 / strict DER / public-key validation refused, all with identical verdicts.
 */
#include <stdlib.h>
#include <string.h>
#include <mbedtls/bignum.h>
#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/sha256.h>
#include "crypto_test.h"

#define PUB_LEN 65
#define SIG_MAX 80

struct fixture {
	uint64_t seed;
	mbedtls_ctr_drbg_context drbg;
	mbedtls_ecdsa_context key;
	uint8_t pub[PUB_LEN];
	uint8_t digest[32];
	uint8_t r[32], s[32];	/* a valid signature of digest under key */
};

static int fixed_entropy(void *ctx, unsigned char *out, size_t len)
{
	test_rand_bytes(ctx, out, len);
	return 0;
}

static bool ecdsa_ok(const uint8_t *pub, size_t pub_len, const uint8_t *digest, size_t dlen,
		     const uint8_t *sig, size_t sig_len)
{
	return verify_both(SIG_ECDSA_P256, pub, pub_len, digest, dlen, sig, sig_len);
}

/* Minimal DER INTEGER of a 32-byte big-endian unsigned value; returns its length. */
static size_t put_integer(uint8_t *out, const uint8_t v[32])
{
	size_t i = 0, pad;

	while (i < 31 && v[i] == 0)
		i++;
	pad = v[i] >> 7;
	out[0] = 0x02;
	out[1] = (uint8_t)(32 - i + pad);
	out[2] = 0;
	memcpy(out + 2 + pad, v + i, 32 - i);
	return 2 + pad + 32 - i;
}

static size_t der_sig(uint8_t *out, const uint8_t r[32], const uint8_t s[32])
{
	size_t n = put_integer(out + 2, r);

	n += put_integer(out + 2 + n, s);
	out[0] = 0x30;
	out[1] = (uint8_t)n;
	return n + 2;
}

static void new_key(struct fixture *f, const char *priv_hex)
{
	size_t olen;

	mbedtls_ecdsa_free(&f->key);
	mbedtls_ecdsa_init(&f->key);
	if (priv_hex) {
		assert_int_equal(mbedtls_ecp_group_load(&f->key.grp, MBEDTLS_ECP_DP_SECP256R1), 0);
		assert_int_equal(mbedtls_mpi_read_string(&f->key.d, 16, priv_hex), 0);
		assert_int_equal(mbedtls_ecp_mul(&f->key.grp, &f->key.Q, &f->key.d, &f->key.grp.G,
						 mbedtls_ctr_drbg_random, &f->drbg), 0);
	} else {
		assert_int_equal(mbedtls_ecdsa_genkey(&f->key, MBEDTLS_ECP_DP_SECP256R1,
						      mbedtls_ctr_drbg_random, &f->drbg), 0);
	}
	assert_int_equal(mbedtls_ecp_point_write_binary(&f->key.grp, &f->key.Q,
							MBEDTLS_ECP_PF_UNCOMPRESSED, &olen, f->pub,
							PUB_LEN), 0);
	assert_int_equal(olen, PUB_LEN);
}

/* Sign f->digest with mbedtls's raw ECDSA into f->r, f->s. */
static void sign_raw(struct fixture *f)
{
	mbedtls_mpi r, s;

	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	assert_int_equal(mbedtls_ecdsa_sign(&f->key.grp, &r, &s, &f->key.d, f->digest, 32,
					    mbedtls_ctr_drbg_random, &f->drbg), 0);
	assert_int_equal(mbedtls_mpi_write_binary(&r, f->r, 32), 0);
	assert_int_equal(mbedtls_mpi_write_binary(&s, f->s, 32), 0);
	mbedtls_mpi_free(&r);
	mbedtls_mpi_free(&s);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->seed = 0x5eed0001c0ffee42ull;
	mbedtls_ctr_drbg_init(&f->drbg);
	assert_int_equal(mbedtls_ctr_drbg_seed(&f->drbg, fixed_entropy, &f->seed,
					       (const unsigned char *)"rampart", 7), 0);
	mbedtls_ecdsa_init(&f->key);
	new_key(f, NULL);
	memset(f->digest, 0x5a, sizeof(f->digest));
	sign_raw(f);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	mbedtls_ecdsa_free(&f->key);
	mbedtls_ctr_drbg_free(&f->drbg);
	free(f);
	return 0;
}

static void flip_bit(uint8_t *buf, size_t bitpos)
{
	buf[bitpos / 8] ^= (uint8_t)(1u << (bitpos % 8));
}

/* 1,000 random keys and messages signed by mbedtls_ecdsa_write_signature(), then mutated. */
static void test_ecdsa_accepts_mbedtls_signatures_and_refuses_every_mutation(void **state)
{
	struct fixture *f = *state;
	uint8_t msg[200], digest[32], sig[SIG_MAX + 1], prev_pub[PUB_LEN], mut[SIG_MAX + 1];
	uint8_t dmut[32], pmut[PUB_LEN];
	size_t slen, mlen;
	int i;

	memcpy(prev_pub, f->pub, PUB_LEN);
	for (i = 0; i < 1000; i++) {
		new_key(f, NULL);
		mlen = (size_t)(test_rand(&f->seed) % sizeof(msg));
		test_rand_bytes(&f->seed, msg, mlen);
		assert_int_equal(mbedtls_sha256_ret(msg, mlen, digest, 0), 0);
		assert_int_equal(mbedtls_ecdsa_write_signature(&f->key, MBEDTLS_MD_SHA256, digest, 32,
							       sig, &slen, mbedtls_ctr_drbg_random,
							       &f->drbg), 0);
		assert_true(slen <= SIG_MAX);
		if (!ecdsa_ok(f->pub, PUB_LEN, digest, 32, sig, slen))
			fail_msg("iteration %d: valid signature refused", i);

		memcpy(mut, sig, slen);
		flip_bit(mut, (size_t)(test_rand(&f->seed) % (slen * 8)));
		assert_false(ecdsa_ok(f->pub, PUB_LEN, digest, 32, mut, slen));

		memcpy(dmut, digest, 32);
		flip_bit(dmut, (size_t)(test_rand(&f->seed) % 256));
		assert_false(ecdsa_ok(f->pub, PUB_LEN, dmut, 32, sig, slen));

		memcpy(pmut, f->pub, PUB_LEN);
		flip_bit(pmut, 8 + (size_t)(test_rand(&f->seed) % 512));
		assert_false(ecdsa_ok(pmut, PUB_LEN, digest, 32, sig, slen));
		memcpy(pmut, f->pub, PUB_LEN);
		flip_bit(pmut, (size_t)(test_rand(&f->seed) % 8));
		assert_false(ecdsa_ok(pmut, PUB_LEN, digest, 32, sig, slen));

		assert_false(ecdsa_ok(prev_pub, PUB_LEN, digest, 32, sig, slen));
		memcpy(prev_pub, f->pub, PUB_LEN);

		memcpy(mut, sig, slen);
		mut[slen] = 0;
		assert_false(ecdsa_ok(f->pub, PUB_LEN, digest, 32, mut, slen + 1));
		assert_false(ecdsa_ok(f->pub, PUB_LEN, digest, 32, sig, slen - 1));
	}
}

static void test_ecdsa_accepts_high_s_and_refuses_r_or_s_out_of_range(void **state)
{
	struct fixture *f = *state;
	static const uint8_t zero[32];
	uint8_t n[32], ones[32], high_s[32], sig[SIG_MAX];
	mbedtls_mpi s, hs;

	sign_raw(f);
	hex_to("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", n, 32);
	memset(ones, 0xff, sizeof(ones));
	assert_true(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, sig, der_sig(sig, f->r, f->s)));

	/* (r, n - s) is the other valid signature: ECDSA verification accepts both. */
	mbedtls_mpi_init(&s);
	mbedtls_mpi_init(&hs);
	assert_int_equal(mbedtls_mpi_read_binary(&s, f->s, 32), 0);
	assert_int_equal(mbedtls_mpi_sub_mpi(&hs, &f->key.grp.N, &s), 0);
	assert_int_equal(mbedtls_mpi_write_binary(&hs, high_s, 32), 0);
	mbedtls_mpi_free(&s);
	mbedtls_mpi_free(&hs);
	assert_true(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, sig, der_sig(sig, f->r, high_s)));

	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, sig, der_sig(sig, zero, f->s)));
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, sig, der_sig(sig, f->r, zero)));
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, sig, der_sig(sig, zero, zero)));
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, sig, der_sig(sig, n, f->s)));
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, sig, der_sig(sig, f->r, n)));
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, sig, der_sig(sig, ones, f->s)));
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, sig, der_sig(sig, f->r, ones)));
}

/* Sign until r's top bit is set (want_high) or clear, so both DER shapes get tested. */
static void sign_with_r_top_bit(struct fixture *f, bool want_high)
{
	do
		sign_raw(f);
	while ((f->r[0] >> 7) != want_high || f->r[0] == 0);
}

static void test_ecdsa_refuses_non_strict_der(void **state)
{
	struct fixture *f = *state;
	uint8_t sig[SIG_MAX + 4], bad[SIG_MAX + 4];
	size_t n, len;

	/* r with a clear top bit: a leading 00 is not minimal. */
	sign_with_r_top_bit(f, false);
	n = der_sig(sig, f->r, f->s);
	assert_true(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, sig, n));
	bad[0] = 0x30;
	bad[1] = (uint8_t)(n - 2 + 1);
	bad[2] = 0x02;
	bad[3] = 0x21;
	bad[4] = 0x00;
	memcpy(bad + 5, sig + 4, n - 4);
	assert_int_equal(sig[3], 0x20);
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, bad, n + 1));

	/* 33 significant bytes: 01 || r. */
	bad[4] = 0x01;
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, bad, n + 1));

	/* Long-form lengths where the short form fits: SEQUENCE, then INTEGER. */
	bad[0] = 0x30;
	bad[1] = 0x81;
	bad[2] = (uint8_t)(n - 2);
	memcpy(bad + 3, sig + 2, n - 2);
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, bad, n + 1));
	bad[0] = 0x30;
	bad[1] = (uint8_t)(n - 2 + 1);
	bad[2] = 0x02;
	bad[3] = 0x81;
	bad[4] = 0x20;
	memcpy(bad + 5, sig + 4, n - 4);
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, bad, n + 1));

	/* Trailing bytes after the SEQUENCE, and inside it after s. */
	memcpy(bad, sig, n);
	bad[n] = 0x00;
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, bad, n + 1));
	bad[n] = 0x05;
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, bad, n + 1));
	bad[1]++;
	bad[n] = 0x00;
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, bad, n + 1));

	/* Truncated at every length, and lengths that overrun the buffer. */
	for (len = 0; len < n; len++)
		assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, sig, len));
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, NULL, 0));
	memcpy(bad, sig, n);
	bad[1]++;
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, bad, n));
	memcpy(bad, sig, n);
	bad[3]++;
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, bad, n));

	/* Wrong tags: SET instead of SEQUENCE, BIT STRING instead of INTEGER, indefinite length. */
	memcpy(bad, sig, n);
	bad[0] = 0x31;
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, bad, n));
	memcpy(bad, sig, n);
	bad[2] = 0x03;
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, bad, n));
	memcpy(bad, sig, n);
	bad[1] = 0x80;
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, bad, n));

	/* r with the top bit set must carry the 00: without it r is negative. */
	sign_with_r_top_bit(f, true);
	n = der_sig(sig, f->r, f->s);
	assert_true(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, sig, n));
	assert_int_equal(sig[3], 0x21);
	bad[0] = 0x30;
	bad[1] = (uint8_t)(n - 2 - 1);
	bad[2] = 0x02;
	bad[3] = 0x20;
	memcpy(bad + 4, sig + 5, n - 5);
	assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, bad, n - 1));
}

static void test_ecdsa_refuses_bad_public_keys(void **state)
{
	struct fixture *f = *state;
	uint8_t sig[SIG_MAX], key[PUB_LEN + 1];
	size_t n;

	sign_raw(f);
	n = der_sig(sig, f->r, f->s);
	assert_true(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, sig, n));

	/* Not on the curve. */
	memcpy(key, f->pub, PUB_LEN);
	key[64] ^= 1;
	assert_false(ecdsa_ok(key, PUB_LEN, f->digest, 32, sig, n));

	/* Encodings of the point at infinity or of nothing. */
	memset(key, 0, sizeof(key));
	assert_false(ecdsa_ok(key, 1, f->digest, 32, sig, n));
	assert_false(ecdsa_ok(key, PUB_LEN, f->digest, 32, sig, n));
	key[0] = 0x04;
	assert_false(ecdsa_ok(key, PUB_LEN, f->digest, 32, sig, n));
	assert_false(ecdsa_ok(NULL, 0, f->digest, 32, sig, n));

	/* Compressed and hybrid forms are not taken, even for the right point. */
	memcpy(key, f->pub, PUB_LEN);
	key[0] = (uint8_t)(0x02 | (f->pub[64] & 1));
	assert_false(ecdsa_ok(key, 33, f->digest, 32, sig, n));
	key[0] = (uint8_t)(0x06 | (f->pub[64] & 1));
	assert_false(ecdsa_ok(key, PUB_LEN, f->digest, 32, sig, n));

	/* Wrong lengths around a good key. */
	memcpy(key, f->pub, PUB_LEN);
	key[PUB_LEN] = 0;
	assert_false(ecdsa_ok(key, PUB_LEN - 1, f->digest, 32, sig, n));
	assert_false(ecdsa_ok(key, PUB_LEN + 1, f->digest, 32, sig, n));

	/* x = p: out of range even though p = 0 mod p. */
	memcpy(key, f->pub, PUB_LEN);
	hex_to("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", key + 1, 32);
	assert_false(ecdsa_ok(key, PUB_LEN, f->digest, 32, sig, n));
}

/*
 * A key whose y is below 2^256 - p (Wycheproof tcId 466) also has the out-of-range encoding
 * y + p: the same point mod p, which must be refused while the canonical one is accepted.
 */
static void test_ecdsa_refuses_coordinate_not_reduced_mod_p(void **state)
{
	uint8_t key[PUB_LEN], digest[32], *sig;
	size_t slen;

	(void)state;
	hex_to("04bcbb2914c79f045eaa6ecbbc612816b3be5d2d6796707d8125e9f851c18af015"
	       "000000001352bb4a0fa2ea4cceb9ab63dd684ade5a1127bcf300a698a7193bc2", key, PUB_LEN);
	sig = hex_alloc("3044022031230428405560dcb88fb5a646836aea9b23a23dd973dcbe8014c87b8b20eb07"
			"02200f9344d6e812ce166646747694a41b0aaf97374e19f3c5fb8bd7ae3d9bd0beff",
			&slen);
	assert_int_equal(mbedtls_sha256_ret((const uint8_t *)"Message", 7, digest, 0), 0);
	assert_true(ecdsa_ok(key, PUB_LEN, digest, 32, sig, slen));
	hex_to("ffffffff1352bb4b0fa2ea4cceb9ab63dd684adf5a1127bcf300a698a7193bc1", key + 33, 32);
	assert_false(ecdsa_ok(key, PUB_LEN, digest, 32, sig, slen));
	free(sig);
}

/*
 * For digest 0 and r = s = x(Q) mod n, verification computes R = 0*G + 1*Q = Q, so this
 * "signature" matches any point Q whatsoever, on the curve or not. That isolates public-key
 * validation: a genuine point must be accepted, and everything that is not a canonical curve
 * point must be refused by the key checks alone (no later step would catch it).
 */
static bool digest_zero_forgery_ok(const uint8_t key[PUB_LEN])
{
	static const uint8_t zero[32];
	uint8_t r[32], sig[SIG_MAX];
	mbedtls_mpi x, n;

	mbedtls_mpi_init(&x);
	mbedtls_mpi_init(&n);
	assert_int_equal(mbedtls_mpi_read_binary(&x, key + 1, 32), 0);
	assert_int_equal(mbedtls_mpi_read_string(&n, 16, "ffffffff00000000ffffffffffffffff"
							 "bce6faada7179e84f3b9cac2fc632551"), 0);
	assert_int_equal(mbedtls_mpi_mod_mpi(&x, &x, &n), 0);
	assert_int_equal(mbedtls_mpi_write_binary(&x, r, 32), 0);
	mbedtls_mpi_free(&x);
	mbedtls_mpi_free(&n);
	return ecdsa_ok(key, PUB_LEN, zero, 32, sig, der_sig(sig, r, r));
}

static void test_ecdsa_key_checks_alone_refuse_off_curve_and_unreduced_points(void **state)
{
	struct fixture *f = *state;
	uint8_t key[PUB_LEN];

	assert_true(digest_zero_forgery_ok(f->pub));
	memcpy(key, f->pub, PUB_LEN);
	key[64] ^= 1;
	assert_false(digest_zero_forgery_ok(key));
	memcpy(key, f->pub, PUB_LEN);
	key[1] ^= 0x10;
	assert_false(digest_zero_forgery_ok(key));

	/* (5, y) is on the curve; (5 + p, y) is the same point mod p, out of range. */
	key[0] = 0x04;
	hex_to("0000000000000000000000000000000000000000000000000000000000000005", key + 1, 32);
	hex_to("459243b9aa581806fe913bce99817ade11ca503c64d9a3c533415c083248fbcc", key + 33, 32);
	assert_true(digest_zero_forgery_ok(key));
	hex_to("ffffffff00000001000000000000000000000001000000000000000000000004", key + 1, 32);
	assert_false(digest_zero_forgery_ok(key));

	/* Wycheproof tcId 466's key has a small y; (x, y + p) is out of range. */
	hex_to("04bcbb2914c79f045eaa6ecbbc612816b3be5d2d6796707d8125e9f851c18af015"
	       "000000001352bb4a0fa2ea4cceb9ab63dd684ade5a1127bcf300a698a7193bc2", key, PUB_LEN);
	assert_true(digest_zero_forgery_ok(key));
	hex_to("ffffffff1352bb4b0fa2ea4cceb9ab63dd684adf5a1127bcf300a698a7193bc1", key + 33, 32);
	assert_false(digest_zero_forgery_ok(key));
}

static void test_ecdsa_refuses_wrong_digest_length_or_algorithm(void **state)
{
	struct fixture *f = *state;
	uint8_t sig[SIG_MAX], digest[33];
	size_t n;

	sign_raw(f);
	n = der_sig(sig, f->r, f->s);
	memcpy(digest, f->digest, 32);
	digest[32] = 0;
	assert_true(ecdsa_ok(f->pub, PUB_LEN, digest, 32, sig, n));
	assert_false(ecdsa_ok(f->pub, PUB_LEN, digest, 31, sig, n));
	assert_false(ecdsa_ok(f->pub, PUB_LEN, digest, 33, sig, n));
	assert_false(ecdsa_ok(f->pub, PUB_LEN, NULL, 0, sig, n));
	assert_false(verify_both(SIG_NONE, f->pub, PUB_LEN, digest, 32, sig, n));
	assert_false(verify_both(SIG_ED25519, f->pub, PUB_LEN, digest, 32, sig, n));
	assert_false(verify_both((enum sig_alg)77, f->pub, PUB_LEN, digest, 32, sig, n));
}

/*
 * Keys and digests at the corners of the arithmetic: d = 1 (Q = G, so G + Q is a doubling),
 * d = n - 1 (Q = -G, so G + Q is infinity), d = 2, and digests 0 and 2^256 - 1 (>= n).
 */
static void test_ecdsa_accepts_keys_and_digests_at_arithmetic_corners(void **state)
{
	struct fixture *f = *state;
	static const char *const keys[] = {
		"1", "2", "3",
		"ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632550",
		"ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254f",
	};
	uint8_t sig[SIG_MAX];
	size_t i, k;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		new_key(f, keys[i]);
		for (k = 0; k < 3; k++) {
			memset(f->digest, k == 0 ? 0x00 : k == 1 ? 0xff : 0x42, 32);
			sign_raw(f);
			if (!ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, sig, der_sig(sig, f->r, f->s)))
				fail_msg("key %s digest %zu refused", keys[i], k);
			f->digest[31] ^= 1;
			assert_false(ecdsa_ok(f->pub, PUB_LEN, f->digest, 32, sig,
					      der_sig(sig, f->r, f->s)));
		}
	}
	new_key(f, NULL);
	memset(f->digest, 0x5a, 32);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ecdsa_accepts_mbedtls_signatures_and_refuses_every_mutation),
		cmocka_unit_test(test_ecdsa_accepts_high_s_and_refuses_r_or_s_out_of_range),
		cmocka_unit_test(test_ecdsa_refuses_non_strict_der),
		cmocka_unit_test(test_ecdsa_refuses_bad_public_keys),
		cmocka_unit_test(test_ecdsa_refuses_coordinate_not_reduced_mod_p),
		cmocka_unit_test(test_ecdsa_key_checks_alone_refuse_off_curve_and_unreduced_points),
		cmocka_unit_test(test_ecdsa_refuses_wrong_digest_length_or_algorithm),
		cmocka_unit_test(test_ecdsa_accepts_keys_and_digests_at_arithmetic_corners),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
