// SPDX-License-Identifier: Apache-2.0
/*
 * ECDSA P-384 (strict DER and raw r || s) and the raw r || s form of P-256 through
 * crypto_verify() of both backends, which must return identical verdicts on every input:
 *  - 1,000 random keys and messages, signed by OpenSSL's libcrypto, accepted in DER and raw
 *    form, with mutations of signature, digest, key and form that must be refused;
 *  - the range of r and s, the public-key checks (isolated by the digest-zero construction),
 *    lengths and algorithm mix-ups;
 *  - keys at the corners of the arithmetic (d = 1, 2, n - 1, ...), signed by mbedtls;
 *  - 500 OpenSSL-signed P-256 signatures in raw form (the DER form is test_crypto_ecdsa's).
 * OpenSSL picks the keys and nonces, so they differ between runs; a failure prints the case.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <mbedtls/bignum.h>
#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ecdsa.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include "crypto_test.h"

#define MAX_N 48
#define MAX_PUB (2 * MAX_N + 1)
#define MAX_DER (2 + 2 * (3 + MAX_N))

static const char p384_n_hex[] = "ffffffffffffffffffffffffffffffffffffffffffffffff"
				  "c7634d81f4372ddf581a0db248b0a77aecec196accc52973";

/* One signed case: n-byte scalars; DER and raw signatures of digest under pub. */
struct sig_case {
	size_t n;
	uint8_t pub[MAX_PUB], digest[MAX_N], r[MAX_N], s[MAX_N];
	uint8_t der[MAX_DER + 1], raw[2 * MAX_N + 1];	/* room for one byte more */
	size_t der_len;
};

static enum sig_alg der_alg(size_t n)
{
	return n == 32 ? SIG_ECDSA_P256 : SIG_ECDSA_P384;
}

static enum sig_alg raw_alg(size_t n)
{
	return n == 32 ? SIG_ECDSA_P256_RAW : SIG_ECDSA_P384_RAW;
}

static void hex_print(const char *name, const uint8_t *p, size_t len)
{
	size_t i;

	print_message("%s ", name);
	for (i = 0; i < len; i++)
		print_message("%02x", p[i]);
	print_message("\n");
}

static void dump_case(const struct sig_case *c)
{
	hex_print("pub", c->pub, 2 * c->n + 1);
	hex_print("digest", c->digest, c->n);
	hex_print("der", c->der, c->der_len);
}

static bool ok_der(const struct sig_case *c)
{
	return verify_both(der_alg(c->n), c->pub, 2 * c->n + 1, c->digest, c->n, c->der,
			   c->der_len);
}

static bool ok_raw(const struct sig_case *c)
{
	return verify_both(raw_alg(c->n), c->pub, 2 * c->n + 1, c->digest, c->n, c->raw,
			   2 * c->n);
}

/* Minimal DER INTEGER of an n-byte big-endian unsigned value; returns its length. */
static size_t put_integer(uint8_t *out, const uint8_t *v, size_t n)
{
	size_t i = 0, pad;

	while (i < n - 1 && v[i] == 0)
		i++;
	pad = v[i] >> 7;
	out[0] = 0x02;
	out[1] = (uint8_t)(n - i + pad);
	out[2] = 0;
	memcpy(out + 2 + pad, v + i, n - i);
	return 2 + pad + n - i;
}

/* Re-encode c->r, c->s as DER (at most 102 bytes inside: always the short length form) and raw. */
static void encode(struct sig_case *c)
{
	size_t len = put_integer(c->der + 2, c->r, c->n);

	len += put_integer(c->der + 2 + len, c->s, c->n);
	c->der[0] = 0x30;
	c->der[1] = (uint8_t)len;
	c->der_len = len + 2;
	memcpy(c->raw, c->r, c->n);
	memcpy(c->raw + c->n, c->s, c->n);
}

/* A new OpenSSL key on the curve of c->n; fills c->pub. */
static EVP_PKEY *openssl_key(struct sig_case *c)
{
	EVP_PKEY *key = EVP_PKEY_Q_keygen(NULL, NULL, "EC", c->n == 32 ? "P-256" : "P-384");
	size_t len = 0;

	assert_non_null(key);
	assert_int_equal(EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, c->pub,
							 sizeof(c->pub), &len), 1);
	assert_int_equal(len, 2 * c->n + 1);
	return key;
}

/* OpenSSL's ECDSA signature of c->digest: its DER bytes must be ours for the same (r, s). */
static void openssl_sign(struct sig_case *c, EVP_PKEY *key)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(key, NULL);
	uint8_t der[MAX_DER + 8];
	const unsigned char *p = der;
	const BIGNUM *r, *s;
	ECDSA_SIG *sig;
	size_t len = sizeof(der);

	assert_non_null(ctx);
	assert_int_equal(EVP_PKEY_sign_init(ctx), 1);
	assert_int_equal(EVP_PKEY_sign(ctx, der, &len, c->digest, c->n), 1);
	EVP_PKEY_CTX_free(ctx);
	sig = d2i_ECDSA_SIG(NULL, &p, (long)len);
	assert_non_null(sig);
	ECDSA_SIG_get0(sig, &r, &s);
	assert_int_equal(BN_bn2binpad(r, c->r, (int)c->n), (int)c->n);
	assert_int_equal(BN_bn2binpad(s, c->s, (int)c->n), (int)c->n);
	ECDSA_SIG_free(sig);
	encode(c);
	assert_int_equal(c->der_len, len);
	assert_memory_equal(c->der, der, len);
}

static void digest_of(struct sig_case *c, const uint8_t *msg, size_t len)
{
	unsigned int out_len = 0;

	assert_int_equal(EVP_Digest(msg, len, c->digest, &out_len,
				    c->n == 32 ? EVP_sha256() : EVP_sha384(), NULL), 1);
	assert_int_equal(out_len, c->n);
}

static void flip_bit(uint8_t *buf, size_t bitpos)
{
	buf[bitpos / 8] ^= (uint8_t)(1u << (bitpos % 8));
}

#define MUTATIONS 9

/* Mutation number kind of a valid case, which must be refused. */
static void check_mutation(const struct sig_case *good, unsigned int kind, uint64_t *seed)
{
	struct sig_case c = *good;
	size_t n = good->n, plen = 2 * n + 1;
	enum sig_alg der = der_alg(n), raw = raw_alg(n);
	bool ok = true;

	switch (kind) {
	case 0:		/* a bit of the DER signature */
		flip_bit(c.der, (size_t)(test_rand(seed) % (c.der_len * 8)));
		ok = ok_der(&c);
		break;
	case 1:		/* a bit of the raw signature */
		flip_bit(c.raw, (size_t)(test_rand(seed) % (2 * n * 8)));
		ok = ok_raw(&c);
		break;
	case 2:		/* a bit of the digest */
		flip_bit(c.digest, (size_t)(test_rand(seed) % (n * 8)));
		ok = ok_der(&c);
		break;
	case 3:		/* a bit of the key's coordinates */
		flip_bit(c.pub, 8 + (size_t)(test_rand(seed) % (2 * n * 8)));
		ok = ok_raw(&c);
		break;
	case 4:		/* a bit of the key's format byte */
		flip_bit(c.pub, (size_t)(test_rand(seed) % 8));
		ok = ok_der(&c);
		break;
	case 5:		/* r and s swapped */
		memcpy(c.raw, good->s, n);
		memcpy(c.raw + n, good->r, n);
		ok = ok_raw(&c);
		break;
	case 6:		/* raw one byte short or long */
		c.raw[2 * n] = 0;
		ok = verify_both(raw, c.pub, plen, c.digest, n, c.raw, 2 * n - 1) ||
		     verify_both(raw, c.pub, plen, c.digest, n, c.raw, 2 * n + 1);
		break;
	case 7:		/* DER one byte short or long */
		c.der[c.der_len] = 0;
		ok = verify_both(der, c.pub, plen, c.digest, n, c.der, c.der_len - 1) ||
		     verify_both(der, c.pub, plen, c.digest, n, c.der, c.der_len + 1);
		break;
	case 8:		/* the raw form under the DER algorithm and the other way round */
		ok = verify_both(der, c.pub, plen, c.digest, n, c.raw, 2 * n) ||
		     verify_both(raw, c.pub, plen, c.digest, n, c.der, c.der_len);
		break;
	}
	if (ok) {
		dump_case(good);
		fail_msg("mutation %u accepted", kind);
	}
}

/*
 * count random keys and messages signed by OpenSSL: each accepted in DER form (and every
 * fourth also in raw form), each followed by one mutation (the kinds in turn), and every
 * 50th by all of them. Under the sanitizers a P-384 verification costs tens of milliseconds
 * in each backend, which sets this balance.
 */
static void run_openssl_cases(size_t n, int count, uint64_t seed)
{
	struct sig_case c = { .n = n };
	uint8_t msg[300];
	unsigned int kind;
	size_t mlen;
	EVP_PKEY *key;
	int i;

	for (i = 0; i < count; i++) {
		key = openssl_key(&c);
		mlen = (size_t)(test_rand(&seed) % sizeof(msg));
		test_rand_bytes(&seed, msg, mlen);
		digest_of(&c, msg, mlen);
		openssl_sign(&c, key);
		EVP_PKEY_free(key);
		if (!ok_der(&c) || (i % 4 == 0 && !ok_raw(&c))) {
			dump_case(&c);
			fail_msg("iteration %d: valid signature refused", i);
		}
		if (i % 50 == 0)
			for (kind = 0; kind < MUTATIONS; kind++)
				check_mutation(&c, kind, &seed);
		else
			check_mutation(&c, (unsigned int)i % MUTATIONS, &seed);
	}
}

static void test_p384_accepts_openssl_signatures_refuses_mutations(void **state)
{
	(void)state;
	run_openssl_cases(48, 1000, 0x384384384ull);
}

static void test_p256_raw_accepts_openssl_signatures_refuses_mutations(void **state)
{
	(void)state;
	run_openssl_cases(32, 500, 0x256256256ull);
}

/* mbedtls signing with a chosen private key (hex) on P-384, for the corner cases below. */
struct mbed_signer {
	uint64_t seed;
	mbedtls_ctr_drbg_context drbg;
	mbedtls_ecdsa_context key;
};

static int fixed_entropy(void *ctx, unsigned char *out, size_t len)
{
	test_rand_bytes(ctx, out, len);
	return 0;
}

static void signer_init(struct mbed_signer *m, const char *priv_hex)
{
	m->seed = 0x5eed0384c0ffee42ull;
	mbedtls_ctr_drbg_init(&m->drbg);
	assert_int_equal(mbedtls_ctr_drbg_seed(&m->drbg, fixed_entropy, &m->seed,
					       (const unsigned char *)"rampart", 7), 0);
	mbedtls_ecdsa_init(&m->key);
	assert_int_equal(mbedtls_ecp_group_load(&m->key.grp, MBEDTLS_ECP_DP_SECP384R1), 0);
	assert_int_equal(mbedtls_mpi_read_string(&m->key.d, 16, priv_hex), 0);
	assert_int_equal(mbedtls_ecp_mul(&m->key.grp, &m->key.Q, &m->key.d, &m->key.grp.G,
					 mbedtls_ctr_drbg_random, &m->drbg), 0);
}

static void signer_free(struct mbed_signer *m)
{
	mbedtls_ecdsa_free(&m->key);
	mbedtls_ctr_drbg_free(&m->drbg);
}

static void signer_sign(struct mbed_signer *m, struct sig_case *c)
{
	mbedtls_mpi r, s;
	size_t olen;

	c->n = 48;
	assert_int_equal(mbedtls_ecp_point_write_binary(&m->key.grp, &m->key.Q,
							MBEDTLS_ECP_PF_UNCOMPRESSED, &olen, c->pub,
							sizeof(c->pub)), 0);
	assert_int_equal(olen, 97);
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	assert_int_equal(mbedtls_ecdsa_sign(&m->key.grp, &r, &s, &m->key.d, c->digest, 48,
					    mbedtls_ctr_drbg_random, &m->drbg), 0);
	assert_int_equal(mbedtls_mpi_write_binary(&r, c->r, 48), 0);
	assert_int_equal(mbedtls_mpi_write_binary(&s, c->s, 48), 0);
	mbedtls_mpi_free(&r);
	mbedtls_mpi_free(&s);
	encode(c);
}

/*
 * d = 1 (Q = G: G + Q is a doubling), n - 1 (Q = -G: G + Q is infinity), 2, 3, n - 2, and
 * digests 0, 2^384 - 1 (>= n) and another.
 */
static void test_p384_accepts_keys_and_digests_at_arithmetic_corners(void **state)
{
	static const char *const keys[] = {
		"1", "2", "3",
		"ffffffffffffffffffffffffffffffffffffffffffffffff"
		"c7634d81f4372ddf581a0db248b0a77aecec196accc52972",
		"ffffffffffffffffffffffffffffffffffffffffffffffff"
		"c7634d81f4372ddf581a0db248b0a77aecec196accc52971",
	};
	struct mbed_signer m;
	struct sig_case c;
	size_t i, k;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		signer_init(&m, keys[i]);
		for (k = 0; k < 3; k++) {
			memset(c.digest, k == 0 ? 0x00 : k == 1 ? 0xff : 0x42, 48);
			signer_sign(&m, &c);
			if (!ok_der(&c) || !ok_raw(&c))
				fail_msg("key %s digest %zu refused", keys[i], k);
			c.digest[47] ^= 1;
			assert_false(ok_der(&c));
		}
		signer_free(&m);
	}
}

static void test_p384_accepts_high_s_and_refuses_r_or_s_out_of_range(void **state)
{
	static const uint8_t zero[48];
	struct mbed_signer m;
	struct sig_case good, c;
	uint8_t n[48], ones[48];
	mbedtls_mpi s, hs, nn;

	(void)state;
	signer_init(&m, "123456789abcdef");
	memset(good.digest, 0x5a, 48);
	signer_sign(&m, &good);
	assert_true(ok_der(&good) && ok_raw(&good));
	hex_to(p384_n_hex, n, 48);
	memset(ones, 0xff, sizeof(ones));

	/* (r, n - s) is the other valid signature. */
	mbedtls_mpi_init(&s);
	mbedtls_mpi_init(&hs);
	mbedtls_mpi_init(&nn);
	assert_int_equal(mbedtls_mpi_read_binary(&s, good.s, 48), 0);
	assert_int_equal(mbedtls_mpi_read_binary(&nn, n, 48), 0);
	assert_int_equal(mbedtls_mpi_sub_mpi(&hs, &nn, &s), 0);
	c = good;
	assert_int_equal(mbedtls_mpi_write_binary(&hs, c.s, 48), 0);
	mbedtls_mpi_free(&s);
	mbedtls_mpi_free(&hs);
	mbedtls_mpi_free(&nn);
	encode(&c);
	assert_true(ok_der(&c) && ok_raw(&c));

	{
		const uint8_t *bad[] = { zero, n, ones };
		size_t i;

		for (i = 0; i < ARRAY_SIZE(bad); i++) {
			c = good;
			memcpy(c.r, bad[i], 48);
			encode(&c);
			assert_false(ok_der(&c));
			assert_false(ok_raw(&c));
			c = good;
			memcpy(c.s, bad[i], 48);
			encode(&c);
			assert_false(ok_der(&c));
			assert_false(ok_raw(&c));
		}
	}
	signer_free(&m);
}

/* A 49-byte integer (01 || r), and a 48-byte r with its top bit set and no 00: refused. */
static void test_p384_der_refuses_oversized_and_negative_integers(void **state)
{
	struct mbed_signer m;
	struct sig_case c;
	uint8_t bad[MAX_DER + 4];
	size_t len;

	(void)state;
	signer_init(&m, "abcdef0123456789");
	memset(c.digest, 0x33, 48);
	do
		signer_sign(&m, &c);
	while (c.r[0] < 0x80);
	assert_true(ok_der(&c));
	/* c.der: 30 LL 02 31 00 r(48) 02 .. s: replace the 00 by 01 (49 significant bytes). */
	assert_int_equal(c.der[3], 0x31);
	memcpy(bad, c.der, c.der_len);
	bad[4] = 0x01;
	assert_false(verify_both(SIG_ECDSA_P384, c.pub, 97, c.digest, 48, bad, c.der_len));
	/* Drop the 00: r becomes negative. */
	len = 0;
	bad[len++] = 0x30;
	bad[len++] = (uint8_t)(c.der[1] - 1);
	bad[len++] = 0x02;
	bad[len++] = 0x30;
	memcpy(bad + len, c.der + 5, c.der_len - 5);
	len += c.der_len - 5;
	assert_false(verify_both(SIG_ECDSA_P384, c.pub, 97, c.digest, 48, bad, len));
	/* The long length form where the short one fits is not DER. */
	bad[0] = 0x30;
	bad[1] = 0x81;
	memcpy(bad + 2, c.der + 1, c.der_len - 1);
	assert_false(verify_both(SIG_ECDSA_P384, c.pub, 97, c.digest, 48, bad, c.der_len + 1));
	signer_free(&m);
}

/*
 * For digest 0 and r = s = x(Q) mod n, verification computes R = 0 G + 1 Q = Q, so this
 * "signature" matches any point Q at all: the public-key checks alone must refuse what is
 * not a canonical curve point.
 */
static bool digest_zero_forgery_ok(const uint8_t key[97])
{
	struct sig_case c = { .n = 48 };
	mbedtls_mpi x, n;

	memcpy(c.pub, key, 97);
	memset(c.digest, 0, 48);
	mbedtls_mpi_init(&x);
	mbedtls_mpi_init(&n);
	assert_int_equal(mbedtls_mpi_read_binary(&x, key + 1, 48), 0);
	assert_int_equal(mbedtls_mpi_read_string(&n, 16, p384_n_hex), 0);
	assert_int_equal(mbedtls_mpi_mod_mpi(&x, &x, &n), 0);
	assert_int_equal(mbedtls_mpi_write_binary(&x, c.r, 48), 0);
	memcpy(c.s, c.r, 48);
	mbedtls_mpi_free(&x);
	mbedtls_mpi_free(&n);
	encode(&c);
	return ok_der(&c);
}

static void test_p384_key_checks_refuse_off_curve_and_unreduced_points(void **state)
{
	struct sig_case c = { .n = 48 };
	uint8_t key[MAX_PUB + 1];
	EVP_PKEY *k = openssl_key(&c);

	(void)state;
	EVP_PKEY_free(k);
	assert_true(digest_zero_forgery_ok(c.pub));
	memcpy(key, c.pub, 97);
	key[96] ^= 1;
	assert_false(digest_zero_forgery_ok(key));
	memcpy(key, c.pub, 97);
	key[1] ^= 0x10;
	assert_false(digest_zero_forgery_ok(key));
	/* (2, y) is on P-384; (2 + p, y) is the same point mod p, out of range; (0, 0) is not. */
	memset(key + 1, 0, 48);
	key[48] = 2;
	hex_to("8cdeadbbd04911a3c1931e26df3fa6439dca9c7eb286fbd4"
	       "6fc319f0e2bb780232baf57825fc0c1912ada2fefe84024c", key + 49, 48);
	assert_true(digest_zero_forgery_ok(key));
	hex_to("ffffffffffffffffffffffffffffffffffffffffffffffff"
	       "fffffffffffffffeffffffff000000000000000100000001", key + 1, 48);
	assert_false(digest_zero_forgery_ok(key));
	memset(key + 1, 0, 96);
	assert_false(digest_zero_forgery_ok(key));

	/* Compressed, hybrid, infinity and absent keys. */
	memcpy(key, c.pub, 97);
	key[0] = (uint8_t)(0x02 | (c.pub[96] & 1));
	assert_false(verify_both(SIG_ECDSA_P384, key, 49, c.digest, 48, c.der, c.der_len));
	key[0] = (uint8_t)(0x06 | (c.pub[96] & 1));
	assert_false(digest_zero_forgery_ok(key));
	key[0] = 0x00;
	assert_false(verify_both(SIG_ECDSA_P384, key, 1, c.digest, 48, c.der, c.der_len));
	assert_false(verify_both(SIG_ECDSA_P384, NULL, 0, c.digest, 48, c.der, c.der_len));
}

/* Lengths and algorithms that do not belong together are refused before any arithmetic. */
static void test_ecdsa_refuses_mixed_up_lengths_and_algorithms(void **state)
{
	struct sig_case c384 = { .n = 48 }, c256 = { .n = 32 };
	uint8_t digest[64];
	EVP_PKEY *k;

	(void)state;
	k = openssl_key(&c384);
	digest_of(&c384, (const uint8_t *)"abc", 3);
	openssl_sign(&c384, k);
	EVP_PKEY_free(k);
	k = openssl_key(&c256);
	digest_of(&c256, (const uint8_t *)"abc", 3);
	openssl_sign(&c256, k);
	EVP_PKEY_free(k);
	assert_true(ok_der(&c384) && ok_raw(&c384) && ok_der(&c256) && ok_raw(&c256));

	memset(digest, 0, sizeof(digest));
	memcpy(digest, c384.digest, 48);
	/* P-384 with a 32- or 64-byte digest; P-256 with 48. */
	assert_false(verify_both(SIG_ECDSA_P384, c384.pub, 97, digest, 32, c384.der, c384.der_len));
	assert_false(verify_both(SIG_ECDSA_P384, c384.pub, 97, digest, 64, c384.der, c384.der_len));
	assert_false(verify_both(SIG_ECDSA_P384_RAW, c384.pub, 97, digest, 49, c384.raw, 96));
	assert_false(verify_both(SIG_ECDSA_P256, c256.pub, 65, c256.digest, 48, c256.der,
				 c256.der_len));
	/* Keys, signatures and algorithms of the other curve or form. */
	assert_false(verify_both(SIG_ECDSA_P256, c384.pub, 97, c384.digest, 48, c384.der,
				 c384.der_len));
	assert_false(verify_both(SIG_ECDSA_P384, c256.pub, 65, c256.digest, 32, c256.der,
				 c256.der_len));
	assert_false(verify_both(SIG_ECDSA_P384_RAW, c384.pub, 97, c384.digest, 48, c384.der,
				 c384.der_len));
	assert_false(verify_both(SIG_ECDSA_P384, c384.pub, 97, c384.digest, 48, c384.raw, 96));
	assert_false(verify_both(SIG_ECDSA_P256_RAW, c256.pub, 65, c256.digest, 32, c256.der,
				 c256.der_len));
	assert_false(verify_both(SIG_ECDSA_P256_RAW, c384.pub, 97, c384.digest, 48, c384.raw, 96));
	assert_false(verify_both(SIG_ED25519, c384.pub, 97, c384.digest, 48, c384.raw, 96));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_p384_accepts_openssl_signatures_refuses_mutations),
		cmocka_unit_test(test_p256_raw_accepts_openssl_signatures_refuses_mutations),
		cmocka_unit_test(test_p384_accepts_keys_and_digests_at_arithmetic_corners),
		cmocka_unit_test(test_p384_accepts_high_s_and_refuses_r_or_s_out_of_range),
		cmocka_unit_test(test_p384_der_refuses_oversized_and_negative_integers),
		cmocka_unit_test(test_p384_key_checks_refuse_off_curve_and_unreduced_points),
		cmocka_unit_test(test_ecdsa_refuses_mixed_up_lengths_and_algorithms),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
