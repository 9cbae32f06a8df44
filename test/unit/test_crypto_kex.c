// SPDX-License-Identifier: Apache-2.0
/*
 * Key agreement through both backends: crypto_x25519() (RFC 7748) and crypto_ecdh_p256().
 * Every call runs the built-in and the mbedtls backend on private heap copies of the inputs
 * and demands the same return value and the same output bytes.
 *
 *  - X25519: the RFC 7748 5.2 known answers, the iterated test of 5.2 (1 and 1,000
 *    iterations; the 1,000,000 one is left out, it would take hours under the sanitizers),
 *    the Diffie-Hellman example of 6.1, 2,000 random scalars and u-coordinates against
 *    OpenSSL's libcrypto, and every low-order point refused with an all-zero output.
 *  - P-256 ECDH: 1,000 random key pairs generated and derived by OpenSSL, and the refusals
 *    of crypto.h (points off the curve or not reduced, other encodings, scalars 0 and >= n).
 */
#include <stdlib.h>
#include <string.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <rampart/errno.h>
#include "crypto_test.h"

int builtin_crypto_x25519(uint8_t out[32], const uint8_t scalar[32], const uint8_t point[32]);
int builtin_crypto_ecdh_p256(uint8_t out[32], const uint8_t priv[32], const uint8_t *pub,
			     size_t pub_len);

#define P256_PUB 65

static uint8_t *dup_bytes(const uint8_t *p, size_t len)
{
	uint8_t *q = malloc(len ? len : 1);

	assert_non_null(q);
	memcpy(q, p, len);
	return q;
}

/* crypto_x25519() of both backends; fails the test unless they agree. Returns their result. */
static int x25519_both(uint8_t out[32], const uint8_t scalar[32], const uint8_t point[32])
{
	uint8_t *k = dup_bytes(scalar, 32), *u = dup_bytes(point, 32), other[32];
	int a, b;

	memset(out, 0xa5, 32);
	memset(other, 0x5a, 32);
	a = builtin_crypto_x25519(out, k, u);
	b = crypto_x25519(other, k, u);
	free(k);
	free(u);
	if (a != b || memcmp(out, other, 32))
		fail_msg("x25519: backends disagree (builtin %d, mbedtls %d)", a, b);
	assert_true(a == 0 || a == -EINVAL);
	return a;
}

/* crypto_ecdh_p256() of both backends; fails the test unless they agree. */
static int ecdh_both(uint8_t out[32], const uint8_t priv[32], const uint8_t *pub, size_t len)
{
	uint8_t *d = dup_bytes(priv, 32), *q = pub ? dup_bytes(pub, len) : NULL, other[32];
	int a, b;

	memset(out, 0xa5, 32);
	memset(other, 0x5a, 32);
	a = builtin_crypto_ecdh_p256(out, d, q, len);
	b = crypto_ecdh_p256(other, d, q, len);
	free(d);
	free(q);
	if (a != b || memcmp(out, other, 32))
		fail_msg("ecdh-p256: backends disagree (builtin %d, mbedtls %d)", a, b);
	assert_true(a == 0 || a == -EINVAL);
	return a;
}

static void assert_zero(const uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		assert_int_equal(p[i], 0);
}

static void test_x25519_rfc7748_known_answers(void **state)
{
	/* RFC 7748 5.2: scalar, input u, output u. */
	static const char *const kat[][3] = {
		{ "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
		  "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
		  "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552" },
		{ "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
		  "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
		  "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957" },
	};
	uint8_t k[32], u[32], want[32], out[32];
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(kat); i++) {
		hex_to(kat[i][0], k, 32);
		hex_to(kat[i][1], u, 32);
		hex_to(kat[i][2], want, 32);
		assert_int_equal(x25519_both(out, k, u), 0);
		assert_memory_equal(out, want, 32);
	}
}

/* RFC 7748 5.2: k = u = 9, then repeatedly u = k, k = X25519(k, u). */
static void test_x25519_rfc7748_iterations(void **state)
{
	uint8_t k[32] = { 9 }, u[32] = { 9 }, out[32], after1[32], after1000[32];
	int i;

	(void)state;
	hex_to("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079", after1, 32);
	hex_to("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51", after1000, 32);
	for (i = 1; i <= 1000; i++) {
		assert_int_equal(x25519_both(out, k, u), 0);
		memcpy(u, k, 32);
		memcpy(k, out, 32);
		if (i == 1)
			assert_memory_equal(k, after1, 32);
	}
	assert_memory_equal(k, after1000, 32);
}

/* RFC 7748 6.1: both sides derive the same secret from each other's public keys. */
static void test_x25519_rfc7748_diffie_hellman(void **state)
{
	static const uint8_t base[32] = { 9 };
	uint8_t a[32], b[32], a_pub[32], b_pub[32], want[32], out[32];

	(void)state;
	hex_to("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a", a, 32);
	hex_to("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb", b, 32);
	hex_to("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", want, 32);
	assert_int_equal(x25519_both(a_pub, a, base), 0);
	assert_int_equal(x25519_both(b_pub, b, base), 0);
	hex_to("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", out, 32);
	assert_memory_equal(a_pub, out, 32);
	hex_to("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", out, 32);
	assert_memory_equal(b_pub, out, 32);
	assert_int_equal(x25519_both(out, a, b_pub), 0);
	assert_memory_equal(out, want, 32);
	assert_int_equal(x25519_both(out, b, a_pub), 0);
	assert_memory_equal(out, want, 32);
}

/* OpenSSL's X25519 of raw scalar and u; false if OpenSSL refuses (an all-zero result). */
static bool openssl_x25519(uint8_t out[32], const uint8_t scalar[32], const uint8_t u[32])
{
	EVP_PKEY *priv = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, NULL, scalar, 32);
	EVP_PKEY *peer = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, NULL, u, 32);
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(priv, NULL);
	size_t len = 32;
	bool ok;

	assert_non_null(priv);
	assert_non_null(peer);
	assert_non_null(ctx);
	ok = EVP_PKEY_derive_init(ctx) == 1 && EVP_PKEY_derive_set_peer(ctx, peer) == 1 &&
	     EVP_PKEY_derive(ctx, out, &len) == 1 && len == 32;
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(peer);
	EVP_PKEY_free(priv);
	return ok;
}

/* 2,000 random scalars and u-coordinates (any 32 bytes, so also u >= p and the top bit). */
static void test_x25519_agrees_with_openssl_on_random_inputs(void **state)
{
	uint64_t seed = 0x7825519a11ce0001ull;
	uint8_t k[32], u[32], out[32], want[32];
	int i, rc;

	(void)state;
	for (i = 0; i < 2000; i++) {
		test_rand_bytes(&seed, k, 32);
		test_rand_bytes(&seed, u, 32);
		if (i % 8 == 1)
			memset(u + 8, 0xff, 24);	/* near 2^256: non-canonical u */
		rc = x25519_both(out, k, u);
		if (!openssl_x25519(want, k, u))
			fail_msg("iteration %d: OpenSSL refused a random u", i);
		assert_int_equal(rc, 0);
		if (memcmp(out, want, 32))
			fail_msg("iteration %d: shared secret differs from OpenSSL's", i);
	}
}

/*
 * The u of the points of order 1, 2, 4 and 8 (0, 1, two of order 8, p - 1) and the
 * non-canonical p and p + 1 (= 0 and 1) give zero. (Their twins with bit 255 set are not on
 * this list: RFC 7748 clears that bit, which makes them other, ordinary u.)
 */
static void test_x25519_refuses_low_order_points(void **state)
{
	static const char *const low_order[] = {
		"0000000000000000000000000000000000000000000000000000000000000000",
		"0100000000000000000000000000000000000000000000000000000000000000",
		"e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
		"5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
		"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
		"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
		"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
	};
	uint64_t seed = 0x10ae0de4ull;
	uint8_t k[32], u[32], out[32];
	size_t i;
	int j;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(low_order); i++) {
		hex_to(low_order[i], u, 32);
		for (j = 0; j < 4; j++) {
			test_rand_bytes(&seed, k, 32);
			if (x25519_both(out, k, u) != -EINVAL)
				fail_msg("low-order u %s accepted", low_order[i]);
			assert_zero(out, 32);
		}
	}
}

/* A new P-256 key pair from OpenSSL: the private scalar (32 bytes) and public point (65). */
static EVP_PKEY *openssl_p256_key(uint8_t priv[32], uint8_t pub[P256_PUB])
{
	EVP_PKEY *key = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
	BIGNUM *d = NULL;
	size_t len = 0;

	assert_non_null(key);
	assert_int_equal(EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_PRIV_KEY, &d), 1);
	assert_int_equal(BN_bn2binpad(d, priv, 32), 32);
	BN_clear_free(d);
	assert_int_equal(EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, pub,
							 P256_PUB, &len), 1);
	assert_int_equal(len, P256_PUB);
	assert_int_equal(pub[0], 0x04);
	return key;
}

static void openssl_derive(uint8_t out[32], EVP_PKEY *priv, EVP_PKEY *peer)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(priv, NULL);
	size_t len = 32;

	assert_non_null(ctx);
	assert_int_equal(EVP_PKEY_derive_init(ctx), 1);
	assert_int_equal(EVP_PKEY_derive_set_peer(ctx, peer), 1);
	assert_int_equal(EVP_PKEY_derive(ctx, out, &len), 1);
	assert_int_equal(len, 32);
	EVP_PKEY_CTX_free(ctx);
}

/* 1,000 key pairs from OpenSSL (so 1,000 private scalars and 1,000 peer points). */
static void test_ecdh_p256_agrees_with_openssl_on_random_keys(void **state)
{
	uint8_t priv_a[32], pub_a[P256_PUB], priv_b[32], pub_b[P256_PUB], want[32], out[32];
	EVP_PKEY *a, *b;
	int i;

	(void)state;
	b = openssl_p256_key(priv_b, pub_b);
	for (i = 0; i < 1000; i++) {
		a = openssl_p256_key(priv_a, pub_a);
		openssl_derive(want, a, b);
		assert_int_equal(ecdh_both(out, priv_a, pub_b, P256_PUB), 0);
		if (memcmp(out, want, 32))
			fail_msg("iteration %d: shared secret differs from OpenSSL's", i);
		if (i % 10 == 0) {
			assert_int_equal(ecdh_both(out, priv_b, pub_a, P256_PUB), 0);
			assert_memory_equal(out, want, 32);
		}
		EVP_PKEY_free(b);
		b = a;
		memcpy(priv_b, priv_a, 32);
		memcpy(pub_b, pub_a, P256_PUB);
	}
	EVP_PKEY_free(b);
}

/* n - 1, n, n + 1 and 2^256 - 1 as scalars; and keys at the corners of the arithmetic. */
static void test_ecdh_p256_scalar_range(void **state)
{
	static const char *const good[] = {
		"0000000000000000000000000000000000000000000000000000000000000001",
		"0000000000000000000000000000000000000000000000000000000000000002",
		"0000000000000000000000000000000000000000000000000000000000000010",
		"ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632550",
		"ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254f",
		"8000000000000000000000000000000000000000000000000000000000000000",
	};
	static const char *const bad[] = {
		"0000000000000000000000000000000000000000000000000000000000000000",
		"ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
		"ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632552",
		"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
	};
	uint8_t priv[32], pub[P256_PUB], d[32], out[32];
	EVP_PKEY *key = openssl_p256_key(priv, pub);
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(good); i++) {
		hex_to(good[i], d, 32);
		if (ecdh_both(out, d, pub, P256_PUB) != 0)
			fail_msg("scalar %s refused", good[i]);
	}
	/* d = n - 1 gives -Q, whose x is Q's. */
	hex_to(good[3], d, 32);
	assert_int_equal(ecdh_both(out, d, pub, P256_PUB), 0);
	assert_memory_equal(out, pub + 1, 32);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		hex_to(bad[i], d, 32);
		if (ecdh_both(out, d, pub, P256_PUB) != -EINVAL)
			fail_msg("scalar %s accepted", bad[i]);
		assert_zero(out, 32);
	}
	EVP_PKEY_free(key);
}

static void test_ecdh_p256_refuses_invalid_points(void **state)
{
	uint8_t priv[32], pub[P256_PUB], key[P256_PUB + 1], out[32];
	EVP_PKEY *k = openssl_p256_key(priv, pub);

	(void)state;
	assert_int_equal(ecdh_both(out, priv, pub, P256_PUB), 0);

	/* Off the curve: one bit of y, one bit of x. */
	memcpy(key, pub, P256_PUB);
	key[64] ^= 1;
	assert_int_equal(ecdh_both(out, priv, key, P256_PUB), -EINVAL);
	assert_zero(out, 32);
	memcpy(key, pub, P256_PUB);
	key[1] ^= 0x80;
	assert_int_equal(ecdh_both(out, priv, key, P256_PUB), -EINVAL);

	/* (0, 0), infinity's encodings, other forms and lengths. */
	memset(key, 0, sizeof(key));
	key[0] = 0x04;
	assert_int_equal(ecdh_both(out, priv, key, P256_PUB), -EINVAL);
	key[0] = 0x00;
	assert_int_equal(ecdh_both(out, priv, key, 1), -EINVAL);
	assert_int_equal(ecdh_both(out, priv, key, P256_PUB), -EINVAL);
	assert_int_equal(ecdh_both(out, priv, NULL, 0), -EINVAL);
	memcpy(key, pub, P256_PUB);
	key[0] = (uint8_t)(0x02 | (pub[64] & 1));
	assert_int_equal(ecdh_both(out, priv, key, 33), -EINVAL);
	key[0] = (uint8_t)(0x06 | (pub[64] & 1));
	assert_int_equal(ecdh_both(out, priv, key, P256_PUB), -EINVAL);
	memcpy(key, pub, P256_PUB);
	key[P256_PUB] = 0;
	assert_int_equal(ecdh_both(out, priv, key, P256_PUB - 1), -EINVAL);
	assert_int_equal(ecdh_both(out, priv, key, P256_PUB + 1), -EINVAL);

	/* (5, y) is on the curve; (5 + p, y) is the same point mod p, out of range. */
	key[0] = 0x04;
	hex_to("0000000000000000000000000000000000000000000000000000000000000005", key + 1, 32);
	hex_to("459243b9aa581806fe913bce99817ade11ca503c64d9a3c533415c083248fbcc", key + 33, 32);
	assert_int_equal(ecdh_both(out, priv, key, P256_PUB), 0);
	hex_to("ffffffff00000001000000000000000000000001000000000000000000000004", key + 1, 32);
	assert_int_equal(ecdh_both(out, priv, key, P256_PUB), -EINVAL);
	EVP_PKEY_free(k);
}

static void test_kex_entry_points_refuse_all_zero_output_without_leaving_data(void **state)
{
	static const uint8_t zero_u[32];
	uint8_t k[32], out[32];

	(void)state;
	memset(k, 0x42, sizeof(k));
	memset(out, 0xee, sizeof(out));
	assert_int_equal(x25519_both(out, k, zero_u), -EINVAL);
	assert_zero(out, 32);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_x25519_rfc7748_known_answers),
		cmocka_unit_test(test_x25519_rfc7748_iterations),
		cmocka_unit_test(test_x25519_rfc7748_diffie_hellman),
		cmocka_unit_test(test_x25519_agrees_with_openssl_on_random_inputs),
		cmocka_unit_test(test_x25519_refuses_low_order_points),
		cmocka_unit_test(test_kex_entry_points_refuse_all_zero_output_without_leaving_data),
		cmocka_unit_test(test_ecdh_p256_agrees_with_openssl_on_random_keys),
		cmocka_unit_test(test_ecdh_p256_scalar_range),
		cmocka_unit_test(test_ecdh_p256_refuses_invalid_points),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
