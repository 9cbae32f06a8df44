// SPDX-License-Identifier: Apache-2.0
/*
 * Ed25519 through crypto_verify() of both backends: the RFC 8032 7.1 vectors and their
 * mutations, signatures made by OpenSSL's libcrypto for random keys and messages (with OpenSSL's
 * own verdict on every mutation as a second opinion), and the encoding policy of ed25519.c.
 */
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include "crypto_test.h"

struct rfc_vector {
	const char *name;
	const char *pub;
	const char *msg;
	const char *sig;
};

/* RFC 8032 section 7.1 (public key, message, signature; the secret keys are not needed). */
static const struct rfc_vector rfc8032[] = {
	{ "TEST 1",
	  "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
	  "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
	  "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b" },
	{ "TEST 2",
	  "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
	  "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
	  "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00" },
	{ "TEST 3",
	  "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
	  "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
	  "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a" },
	{ "TEST 1024",
	  "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
	  "08b8b2b733424243760fe426a4b54908632110a66c2f6591eabd3345e3e4eb98"
	  "fa6e264bf09efe12ee50f8f54e9f77b1e355f6c50544e23fb1433ddf73be84d8"
	  "79de7c0046dc4996d9e773f4bc9efe5738829adb26c81b37c93a1b270b20329d"
	  "658675fc6ea534e0810a4432826bf58c941efb65d57a338bbd2e26640f89ffbc"
	  "1a858efcb8550ee3a5e1998bd177e93a7363c344fe6b199ee5d02e82d522c4fe"
	  "ba15452f80288a821a579116ec6dad2b3b310da903401aa62100ab5d1a36553e"
	  "06203b33890cc9b832f79ef80560ccb9a39ce767967ed628c6ad573cb116dbef"
	  "efd75499da96bd68a8a97b928a8bbc103b6621fcde2beca1231d206be6cd9ec7"
	  "aff6f6c94fcd7204ed3455c68c83f4a41da4af2b74ef5c53f1d8ac70bdcb7ed1"
	  "85ce81bd84359d44254d95629e9855a94a7c1958d1f8ada5d0532ed8a5aa3fb2"
	  "d17ba70eb6248e594e1a2297acbbb39d502f1a8c6eb6f1ce22b3de1a1f40cc24"
	  "554119a831a9aad6079cad88425de6bde1a9187ebb6092cf67bf2b13fd65f270"
	  "88d78b7e883c8759d2c4f5c65adb7553878ad575f9fad878e80a0c9ba63bcbcc"
	  "2732e69485bbc9c90bfbd62481d9089beccf80cfe2df16a2cf65bd92dd597b07"
	  "07e0917af48bbb75fed413d238f5555a7a569d80c3414a8d0859dc65a46128ba"
	  "b27af87a71314f318c782b23ebfe808b82b0ce26401d2e22f04d83d1255dc51a"
	  "ddd3b75a2b1ae0784504df543af8969be3ea7082ff7fc9888c144da2af58429e"
	  "c96031dbcad3dad9af0dcbaaaf268cb8fcffead94f3c7ca495e056a9b47acdb7"
	  "51fb73e666c6c655ade8297297d07ad1ba5e43f1bca32301651339e22904cc8c"
	  "42f58c30c04aafdb038dda0847dd988dcda6f3bfd15c4b4c4525004aa06eeff8"
	  "ca61783aacec57fb3d1f92b0fe2fd1a85f6724517b65e614ad6808d6f6ee34df"
	  "f7310fdc82aebfd904b01e1dc54b2927094b2db68d6f903b68401adebf5a7e08"
	  "d78ff4ef5d63653a65040cf9bfd4aca7984a74d37145986780fc0b16ac451649"
	  "de6188a7dbdf191f64b5fc5e2ab47b57f7f7276cd419c17a3ca8e1b939ae49e4"
	  "88acba6b965610b5480109c8b17b80e1b7b750dfc7598d5d5011fd2dcc5600a3"
	  "2ef5b52a1ecc820e308aa342721aac0943bf6686b64b2579376504ccc493d97e"
	  "6aed3fb0f9cd71a43dd497f01f17c0e2cb3797aa2a2f256656168e6c496afc5f"
	  "b93246f6b1116398a346f1a641f3b041e989f7914f90cc2c7fff357876e506b5"
	  "0d334ba77c225bc307ba537152f3f1610e4eafe595f6d9d90d11faa933a15ef1"
	  "369546868a7f3a45a96768d40fd9d03412c091c6315cf4fde7cb68606937380d"
	  "b2eaaa707b4c4185c32eddcdd306705e4dc1ffc872eeee475a64dfac86aba41c"
	  "0618983f8741c5ef68d3a101e8a3b8cac60c905c15fc910840b94c00a0b9d0",
	  "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350"
	  "aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03" },
	{ "TEST SHA(abc)",
	  "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
	  "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
	  "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
	  "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
	  "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704" },
};

/* L, the group order, little-endian. */
static const char order_l_hex[] =
	"edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";

static bool ed_ok(const uint8_t *pub, size_t pub_len, const uint8_t *msg, size_t msg_len,
		  const uint8_t *sig, size_t sig_len)
{
	return verify_both(SIG_ED25519, pub, pub_len, msg, msg_len, sig, sig_len);
}

static void flip_bit(uint8_t *buf, size_t bitpos)
{
	buf[bitpos / 8] ^= (uint8_t)(1u << (bitpos % 8));
}

/* Little-endian 256-bit a += b; returns the carry. */
static unsigned int add_le256(uint8_t *a, const uint8_t *b)
{
	unsigned int c = 0;
	size_t i;

	for (i = 0; i < 32; i++) {
		c += (unsigned int)a[i] + b[i];
		a[i] = (uint8_t)c;
		c >>= 8;
	}
	return c;
}

static void test_ed25519_accepts_rfc8032_vectors_and_refuses_flipped_bits(void **state)
{
	uint8_t pub[32], sig[64], *msg;
	size_t mlen, i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(rfc8032); i++) {
		hex_to(rfc8032[i].pub, pub, sizeof(pub));
		hex_to(rfc8032[i].sig, sig, sizeof(sig));
		msg = hex_alloc(rfc8032[i].msg, &mlen);
		if (!ed_ok(pub, 32, msg, mlen, sig, 64))
			fail_msg("%s refused", rfc8032[i].name);

		/* One bit in every byte of the signature, key and message (first 64 bytes). */
		for (size_t b = 0; b < 64 * 8; b += 9) {
			flip_bit(sig, b);
			assert_false(ed_ok(pub, 32, msg, mlen, sig, 64));
			flip_bit(sig, b);
		}
		for (size_t b = 0; b < 32 * 8; b += 9) {
			flip_bit(pub, b);
			assert_false(ed_ok(pub, 32, msg, mlen, sig, 64));
			flip_bit(pub, b);
		}
		for (size_t b = 0; b < MIN(mlen, 64) * 8; b += 9) {
			flip_bit(msg, b);
			assert_false(ed_ok(pub, 32, msg, mlen, sig, 64));
			flip_bit(msg, b);
		}
		/* A longer or shorter message, and signature/key length changes. */
		assert_false(ed_ok(pub, 32, msg, mlen + 1, sig, 64));
		if (mlen)
			assert_false(ed_ok(pub, 32, msg, mlen - 1, sig, 64));
		assert_false(ed_ok(pub, 32, msg, mlen, sig, 63));
		assert_false(ed_ok(pub, 31, msg, mlen, sig, 64));
		assert_true(ed_ok(pub, 32, msg, mlen, sig, 64));
		free(msg);
	}
}

static void test_ed25519_refuses_s_plus_multiples_of_l(void **state)
{
	uint8_t pub[32], sig[64], l[32], *msg;
	size_t mlen, i, k;

	(void)state;
	hex_to(order_l_hex, l, sizeof(l));
	for (i = 0; i < ARRAY_SIZE(rfc8032); i++) {
		hex_to(rfc8032[i].pub, pub, sizeof(pub));
		hex_to(rfc8032[i].sig, sig, sizeof(sig));
		msg = hex_alloc(rfc8032[i].msg, &mlen);
		/* S + kL = S mod L: the same scalar, refused only by the S < L rule. */
		for (k = 1; k <= 15; k++) {
			assert_int_equal(add_le256(sig + 32, l), 0);
			if (ed_ok(pub, 32, msg, mlen, sig, 64))
				fail_msg("%s: S + %zu L accepted", rfc8032[i].name, k);
		}
		free(msg);
	}
	/* S = L itself. */
	memcpy(sig + 32, l, 32);
	assert_false(ed_ok(pub, 32, NULL, 0, sig, 64));
}

/*
 * ed25519.c's documented policy, on keys and signatures with known discrete logs:
 * the identity A (y = 1) has small order, so R = [S]B verifies for any message; it is accepted.
 * Its non-canonical twin y = p + 1 and "negative zero" x (sign bit with x = 0) are refused, as
 * is a non-canonical R, a y with no curve point, and y >= p.
 */
static void test_ed25519_policy_small_order_accepted_noncanonical_refused(void **state)
{
	static const char identity[] =
		"0100000000000000000000000000000000000000000000000000000000000000";
	static const char identity_plus_p[] =
		"eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f";
	static const char identity_neg_zero[] =
		"0100000000000000000000000000000000000000000000000000000000000080";
	static const char not_on_curve[] =	/* y = 2: (y^2 - 1) / (d y^2 + 1) is no square */
		"0200000000000000000000000000000000000000000000000000000000000000";
	static const char y_is_p[] =
		"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f";
	static const char y_all_ones[] =
		"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f";
	static const char base[] =		/* B, so [1]B = R below */
		"5866666666666666666666666666666666666666666666666666666666666666";
	static const uint8_t msg[] = "any message at all";
	uint8_t pub[32], sig[64];

	(void)state;
	hex_to(identity, pub, 32);
	hex_to(base, sig, 32);
	memset(sig + 32, 0, 32);
	sig[32] = 1;
	assert_true(ed_ok(pub, 32, msg, sizeof(msg), sig, 64));
	assert_true(ed_ok(pub, 32, NULL, 0, sig, 64));

	hex_to(identity_plus_p, pub, 32);
	assert_false(ed_ok(pub, 32, msg, sizeof(msg), sig, 64));
	hex_to(identity_neg_zero, pub, 32);
	assert_false(ed_ok(pub, 32, msg, sizeof(msg), sig, 64));

	/* R = identity with S = 0 verifies under the identity key; R = identity + p must not. */
	hex_to(identity, pub, 32);
	memset(sig, 0, 64);
	sig[0] = 1;
	assert_true(ed_ok(pub, 32, msg, sizeof(msg), sig, 64));
	hex_to(identity_plus_p, sig, 32);
	assert_false(ed_ok(pub, 32, msg, sizeof(msg), sig, 64));
	hex_to(identity_neg_zero, sig, 32);
	assert_false(ed_ok(pub, 32, msg, sizeof(msg), sig, 64));

	hex_to(identity, sig, 32);
	hex_to(not_on_curve, pub, 32);
	assert_false(ed_ok(pub, 32, msg, sizeof(msg), sig, 64));
	hex_to(y_is_p, pub, 32);
	assert_false(ed_ok(pub, 32, msg, sizeof(msg), sig, 64));
	hex_to(y_all_ones, pub, 32);
	assert_false(ed_ok(pub, 32, msg, sizeof(msg), sig, 64));
}

static void openssl_sign(const uint8_t seed[32], const uint8_t *msg, size_t len, uint8_t pub[32],
			 uint8_t sig[64])
{
	EVP_PKEY *key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, NULL, seed, 32);
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	size_t n = 32;

	assert_non_null(key);
	assert_non_null(ctx);
	assert_int_equal(EVP_PKEY_get_raw_public_key(key, pub, &n), 1);
	assert_int_equal(n, 32);
	assert_int_equal(EVP_DigestSignInit(ctx, NULL, NULL, NULL, key), 1);
	n = 64;
	assert_int_equal(EVP_DigestSign(ctx, sig, &n, msg, len), 1);
	assert_int_equal(n, 64);
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(key);
}

static bool openssl_verify(const uint8_t pub[32], const uint8_t *msg, size_t len,
			   const uint8_t sig[64])
{
	EVP_PKEY *key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, pub, 32);
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	int ret = 0;

	assert_non_null(ctx);
	if (key && EVP_DigestVerifyInit(ctx, NULL, NULL, NULL, key) == 1)
		ret = EVP_DigestVerify(ctx, sig, 64, msg, len);
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(key);
	return ret == 1;
}

/* Ours and OpenSSL's verdicts must agree; returns the verdict. */
static bool ed_ok_like_openssl(const uint8_t *pub, const uint8_t *msg, size_t len,
			       const uint8_t *sig)
{
	bool ours = ed_ok(pub, 32, msg, len, sig, 64);

	assert_int_equal(ours, openssl_verify(pub, msg, len, sig));
	return ours;
}

static void test_ed25519_agrees_with_openssl_on_random_keys_and_mutations(void **state)
{
	uint64_t seed = 0xed25519ed25519ull;
	uint8_t key_seed[32], pub[32], sig[64], msg[300], prev_pub[32];
	size_t len;
	int i;

	(void)state;
	memset(prev_pub, 0, sizeof(prev_pub));
	prev_pub[0] = 1;
	for (i = 0; i < 1000; i++) {
		test_rand_bytes(&seed, key_seed, sizeof(key_seed));
		len = (size_t)(test_rand(&seed) % sizeof(msg));
		test_rand_bytes(&seed, msg, len);
		openssl_sign(key_seed, msg, len, pub, sig);
		if (!ed_ok_like_openssl(pub, msg, len, sig))
			fail_msg("iteration %d: OpenSSL signature refused", i);

		flip_bit(sig, (size_t)(test_rand(&seed) % 512));
		assert_false(ed_ok_like_openssl(pub, msg, len, sig));
		openssl_sign(key_seed, msg, len, pub, sig);
		if (len) {
			flip_bit(msg, (size_t)(test_rand(&seed) % (len * 8)));
			assert_false(ed_ok_like_openssl(pub, msg, len, sig));
		}
		assert_false(ed_ok_like_openssl(prev_pub, msg, len, sig));
		memcpy(prev_pub, pub, 32);
		flip_bit(pub, (size_t)(test_rand(&seed) % 256));
		assert_false(ed_ok_like_openssl(pub, msg, len, sig));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ed25519_accepts_rfc8032_vectors_and_refuses_flipped_bits),
		cmocka_unit_test(test_ed25519_refuses_s_plus_multiples_of_l),
		cmocka_unit_test(test_ed25519_policy_small_order_accepted_noncanonical_refused),
		cmocka_unit_test(test_ed25519_agrees_with_openssl_on_random_keys_and_mutations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
