// SPDX-License-Identifier: Apache-2.0
/*
 * RSA verification (RSASSA-PSS and RSASSA-PKCS1-v1_5 with SHA-256) in both backends, through
 * the DER key (crypto_verify) and the raw modulus and exponent (crypto_rsa_verify):
 *  - bignum.c's x^65537 mod n against OpenSSL's BN_mod_exp on random and edge-case moduli;
 *  - MCUboot's imgtool RSA-2048 image (test/vectors/imgtool/rsa-2048.bin) verifies;
 *  - differential: OpenSSL's libcrypto signs random messages under 10 random keys of each size
 *    with PSS salt 32, PSS with other salt lengths and PKCS#1 v1.5; each signature must be
 *    accepted in exactly the modes that fit it and refused after any mutation;
 *  - encoded messages built here and signed raw (no padding), one rule of RFC 8017 broken in
 *    each, to hit every padding check on every key size;
 *  - hostile keys (e = 3 with signatures OpenSSL itself accepts, short and odd-sized moduli,
 *    even modulus, non-minimal or negative integers, bad DER) and bad lengths, all refused.
 * OpenSSL's keys and PSS salts are random, so a failure prints the key and inputs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <rampart/errno.h>
#include "crypto_test.h"
#include "lib/crypto/bignum.h"

verdict_t builtin_crypto_rsa_verify(enum sig_alg alg, const uint8_t *n, size_t n_len, uint32_t e,
				    const uint8_t *digest, size_t digest_len, const uint8_t *sig,
				    size_t sig_len);

#define KEYS_PER_SIZE 10
#define MAX_K 512
#define DER_MAX 600

struct key {
	EVP_PKEY *pkey;
	size_t k;			/* modulus bytes */
	uint8_t n[MAX_K + 8];		/* big-endian modulus, k bytes */
	uint8_t der[DER_MAX];		/* RSAPublicKey */
	size_t der_len;
	uint32_t e;
};

static const int sizes[] = { 2048, 3072, 4096 };

/* The keys of the differential and edge tests: KEYS_PER_SIZE of each size, made once. */
static struct key pool[ARRAY_SIZE(sizes)][KEYS_PER_SIZE];

static const enum sig_alg modes[] = {
	SIG_RSA_PSS_SHA256, SIG_RSA_PSS_SHA256_ANY_SALT, SIG_RSA_PKCS1_SHA256,
};

/* ---- OpenSSL side ---------------------------------------------------------------------- */

static void key_from_pkey(struct key *key, EVP_PKEY *pkey)
{
	BIGNUM *n = NULL, *e = NULL;
	uint8_t *p = key->der;
	int len;

	key->pkey = pkey;
	assert_int_equal(EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_N, &n), 1);
	assert_int_equal(EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &e), 1);
	key->k = (size_t)BN_num_bytes(n);
	assert_true(key->k <= MAX_K + 8);
	assert_int_equal(BN_bn2binpad(n, key->n, (int)key->k), (int)key->k);
	key->e = (uint32_t)BN_get_word(e);
	/* i2d_PublicKey() writes an RSA key as PKCS#1 RSAPublicKey, the form MCUboot embeds. */
	len = i2d_PublicKey(pkey, NULL);
	assert_true(len > 0 && len <= DER_MAX);
	assert_int_equal(i2d_PublicKey(pkey, &p), len);
	key->der_len = (size_t)len;
	BN_free(n);
	BN_free(e);
}

static void key_gen(struct key *key, int bits, unsigned long e)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, NULL);
	BIGNUM *bn_e = BN_new();
	EVP_PKEY *pkey = NULL;

	assert_non_null(ctx);
	assert_non_null(bn_e);
	assert_int_equal(BN_set_word(bn_e, e), 1);
	assert_int_equal(EVP_PKEY_keygen_init(ctx), 1);
	assert_int_equal(EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits), 1);
	assert_int_equal(EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx, bn_e), 1);
	assert_int_equal(EVP_PKEY_keygen(ctx, &pkey), 1);
	key_from_pkey(key, pkey);
	BN_free(bn_e);
	EVP_PKEY_CTX_free(ctx);
}

static void key_free(struct key *key)
{
	EVP_PKEY_free(key->pkey);
	key->pkey = NULL;
}

/* Salt lengths >= 0 for PSS; -1 for PKCS#1 v1.5. */
#define PKCS1 (-1)

static EVP_PKEY_CTX *pkey_ctx(const struct key *key, int salt, bool sign)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(key->pkey, NULL);

	assert_non_null(ctx);
	assert_int_equal(sign ? EVP_PKEY_sign_init(ctx) : EVP_PKEY_verify_init(ctx), 1);
	assert_int_equal(EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256()), 1);
	if (salt == PKCS1) {
		assert_int_equal(EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING), 1);
	} else {
		assert_int_equal(EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING), 1);
		assert_int_equal(EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha256()), 1);
		assert_int_equal(EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, salt), 1);
	}
	return ctx;
}

/* Sign a SHA-256 digest; the signature is key->k bytes. */
static void ossl_sign(const struct key *key, int salt, const uint8_t digest[32], uint8_t *sig)
{
	EVP_PKEY_CTX *ctx = pkey_ctx(key, salt, true);
	size_t len = key->k;

	assert_int_equal(EVP_PKEY_sign(ctx, sig, &len, digest, 32), 1);
	assert_int_equal(len, key->k);
	EVP_PKEY_CTX_free(ctx);
}

/* OpenSSL's own verdict (PSS salt length recovered), as a second opinion. */
static bool ossl_verify(const struct key *key, bool pkcs1, const uint8_t digest[32],
			const uint8_t *sig)
{
	EVP_PKEY_CTX *ctx = pkey_ctx(key, pkcs1 ? PKCS1 : RSA_PSS_SALTLEN_AUTO, false);
	int rc = EVP_PKEY_verify(ctx, sig, key->k, digest, 32);

	EVP_PKEY_CTX_free(ctx);
	return rc == 1;
}

/* sig = em^d mod n, no padding: em must be key->k bytes below n. Returns false if em >= n. */
static bool ossl_sign_raw(const struct key *key, const uint8_t *em, uint8_t *sig)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(key->pkey, NULL);
	size_t len = key->k;
	int rc;

	assert_non_null(ctx);
	if (memcmp(em, key->n, key->k) >= 0) {
		EVP_PKEY_CTX_free(ctx);
		return false;
	}
	assert_int_equal(EVP_PKEY_sign_init(ctx), 1);
	assert_int_equal(EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_NO_PADDING), 1);
	rc = EVP_PKEY_sign(ctx, sig, &len, em, key->k);
	EVP_PKEY_CTX_free(ctx);
	assert_int_equal(rc, 1);
	assert_int_equal(len, key->k);
	return true;
}

static void sha256(const void *data, size_t len, uint8_t out[32])
{
	assert_int_equal(EVP_Digest(data, len, out, NULL, EVP_sha256(), NULL), 1);
}

/* ---- Our side: every path of both backends ---------------------------------------------- */

/* crypto_rsa_verify() of both backends on heap copies; they must agree. */
static bool raw_both(enum sig_alg alg, const uint8_t *n, size_t n_len, uint32_t e,
		     const uint8_t *digest, size_t digest_len, const uint8_t *sig, size_t sig_len)
{
	uint8_t *nc = malloc(n_len + 1), *dc = malloc(digest_len + 1), *sc = malloc(sig_len + 1);
	uint32_t a, b;

	assert_true(nc && dc && sc);
	memcpy(nc, n, n_len);
	memcpy(dc, digest, digest_len);
	memcpy(sc, sig, sig_len);
	a = builtin_crypto_rsa_verify(alg, nc, n_len, e, dc, digest_len, sc, sig_len).bits;
	b = crypto_rsa_verify(alg, nc, n_len, e, dc, digest_len, sc, sig_len).bits;
	free(nc);
	free(dc);
	free(sc);
	assert_true(a == VERDICT_OK_BITS || a == VERDICT_FAIL_BITS);
	if (a != b)
		fail_msg("raw key: backends disagree (builtin %s)", a == VERDICT_OK_BITS ? "accepts" :
			 "refuses");
	return a == VERDICT_OK_BITS;
}

static void print_hex(const char *name, const uint8_t *p, size_t len)
{
	size_t i;

	print_message("%s = ", name);
	for (i = 0; i < len; i++)
		print_message("%02x", p[i]);
	print_message("\n");
}

/*
 * The verdict of the DER path and, if @raw, of the raw path too (all four must agree). Fails
 * with the inputs printed unless it equals @want.
 */
static void expect(const struct key *key, enum sig_alg alg, const uint8_t *digest,
		   const uint8_t *sig, bool raw, bool want, const char *what)
{
	bool got = verify_both(alg, key->der, key->der_len, digest, 32, sig, key->k);

	if (raw)
		assert_int_equal(raw_both(alg, key->n, key->k, key->e, digest, 32, sig, key->k),
				 got);
	if (got != want) {
		print_hex("der", key->der, key->der_len);
		print_hex("digest", digest, 32);
		print_hex("sig", sig, key->k);
		fail_msg("%s: %zu-bit key, mode %s: %s", what, 8 * key->k, crypto_sig_name(alg),
			 got ? "accepted" : "refused");
	}
}

static void flip_bit(uint8_t *buf, size_t bitpos)
{
	buf[bitpos / 8] ^= (uint8_t)(1u << (bitpos % 8));
}

/* ---- bignum.c against OpenSSL's BN_mod_exp ------------------------------------------------ */

/* bn_exp_65537(x) mod n must equal OpenSSL's x^65537 mod n (len = 4 * limbs bytes). */
static void check_exp(const uint8_t *n, const uint8_t *x, size_t len, BN_CTX *bctx)
{
	struct bn_mont m;
	uint32_t out[BN_MAX_LIMBS + 1], scratch[BN_SCRATCH_LIMBS];
	uint8_t got[4 * BN_MAX_LIMBS], want[4 * BN_MAX_LIMBS];
	BIGNUM *bn = BN_bin2bn(n, (int)len, NULL), *bx = BN_bin2bn(x, (int)len, NULL);
	BIGNUM *be = BN_new(), *br = BN_new();
	size_t i;

	assert_true(bn && bx && be && br);
	assert_int_equal(BN_set_word(be, 65537), 1);
	assert_int_equal(BN_mod_exp(br, bx, be, bn, bctx), 1);
	assert_int_equal(BN_bn2binpad(br, want, (int)len), (int)len);
	assert_int_equal(bn_mont_init(&m, n, len), 0);
	assert_int_equal(bn_exp_65537(&m, x, out, scratch), 0);
	for (i = 0; i < len; i++)
		got[i] = bn_byte(out, len / 4, i);
	if (memcmp(got, want, len)) {
		print_hex("n", n, len);
		print_hex("x", x, len);
		fail_msg("x^65537 mod n differs from OpenSSL's (%zu limbs)", len / 4);
	}
	BN_free(bn);
	BN_free(bx);
	BN_free(be);
	BN_free(br);
}

/* out = n - delta, both big-endian of len bytes, for a small delta <= n. */
static void sub_small(uint8_t *out, const uint8_t *n, size_t len, unsigned int delta)
{
	unsigned int borrow = delta;
	size_t i = len;

	memcpy(out, n, len);
	while (i-- && borrow) {
		unsigned int v = out[i];

		out[i] = (uint8_t)(v - borrow);
		borrow = v < borrow;
	}
}

/* Moduli whose limbs make the quotient guesses and carries of bignum.c hit their limits. */
static void edge_modulus(uint8_t *n, size_t len, int kind, uint64_t *seed)
{
	size_t i;

	test_rand_bytes(seed, n, len);
	switch (kind) {
	case 0:		/* 2^(8 len) - 1 */
		memset(n, 0xff, len);
		break;
	case 1:		/* 2^(8 len - 1) + 1 */
		memset(n, 0, len);
		n[0] = 0x80;
		break;
	case 2:		/* top limb 0x80000000, the rest all ones */
		memset(n, 0xff, len);
		n[0] = 0x80;
		n[1] = n[2] = n[3] = 0;
		break;
	case 3:		/* top limb 0x80000000, the rest random */
		n[0] = 0x80;
		n[1] = n[2] = n[3] = 0;
		break;
	case 4:		/* top limb all ones, the rest random */
		n[0] = n[1] = n[2] = n[3] = 0xff;
		break;
	case 5:		/* alternating limbs of ones and zeros */
		for (i = 0; i < len; i++)
			n[i] = (i / 4) % 2 ? 0x00 : 0xff;
		break;
	default:	/* random */
		break;
	}
	n[0] |= 0x80;
	n[len - 1] |= 1;
}

static void test_bignum_exp_65537_matches_openssl(void **state)
{
	static const size_t limbs[] = { 1, 2, 3, 4, 5, 8, 64, 96, 128 };
	uint64_t seed = 0x65537;
	uint8_t n[4 * BN_MAX_LIMBS], x[4 * BN_MAX_LIMBS];
	BN_CTX *bctx = BN_CTX_new();
	size_t li, len, rounds, r;
	int kind, b, checks = 0;

	(void)state;
	assert_non_null(bctx);
	for (li = 0; li < ARRAY_SIZE(limbs); li++) {
		len = 4 * limbs[li];
		rounds = limbs[li] <= 8 ? 150 : 4;
		for (r = 0; r < rounds; r++) {
			for (kind = 0; kind < 8; kind++) {
				edge_modulus(n, len, kind, &seed);
				for (b = 0; b < 8; b++) {
					switch (b) {
					case 0:
						memset(x, 0, len);
						break;
					case 1:
						memset(x, 0, len);
						x[len - 1] = b;
						break;
					case 2:
					case 3:
						sub_small(x, n, len, (unsigned int)b - 1);
						break;
					case 4:		/* all-ones limbs, below n */
						memset(x, 0xff, len);
						x[0] = 0x7f;
						break;
					default:
						test_rand_bytes(&seed, x, len);
						x[0] &= 0x7f;
						break;
					}
					check_exp(n, x, len, bctx);
					checks++;
				}
			}
		}
	}
	print_message("%d exponentiations agree with OpenSSL\n", checks);
	BN_CTX_free(bctx);
}

static void test_bignum_refuses_bad_moduli_and_bases(void **state)
{
	struct bn_mont m;
	uint32_t out[BN_MAX_LIMBS + 1], scratch[BN_SCRATCH_LIMBS];
	uint8_t n[4 * BN_MAX_LIMBS + 4], x[4 * BN_MAX_LIMBS];

	(void)state;
	memset(n, 0xff, sizeof(n));
	assert_int_equal(bn_mont_init(&m, n, 0), -EINVAL);
	assert_int_equal(bn_mont_init(&m, n, 6), -EINVAL);		/* not whole limbs */
	assert_int_equal(bn_mont_init(&m, n, 4 * BN_MAX_LIMBS + 4), -EINVAL);
	n[255] = 0xfe;
	assert_int_equal(bn_mont_init(&m, n, 256), -EINVAL);		/* even */
	n[255] = 0xff;
	n[0] = 0x7f;
	assert_int_equal(bn_mont_init(&m, n, 256), -EINVAL);		/* top bit clear */
	n[0] = 0xff;
	assert_int_equal(bn_mont_init(&m, n, 256), 0);
	memcpy(x, n, 256);
	assert_int_equal(bn_exp_65537(&m, x, out, scratch), -EINVAL);	/* x = n */
	sub_small(x, n, 256, 1);
	assert_int_equal(bn_exp_65537(&m, x, out, scratch), 0);		/* x = n - 1 */
	assert_int_equal(bn_byte(out, 64, 255), 0xfe);			/* (-1)^e = -1 */
}

/* ---- MCUboot's imgtool vector ---------------------------------------------------------- */

static const uint8_t *find_tlv(const uint8_t *img, size_t len, size_t off, uint16_t type,
			       size_t want_len)
{
	size_t end;

	assert_true(off + 4 <= len);
	assert_int_equal(get_le16(img + off), 0x6907);	/* unprotected TLV area magic */
	end = off + get_le16(img + off + 2);
	assert_true(end <= len);
	for (off += 4; off + 4 <= end; off += 4 + get_le16(img + off + 2)) {
		if (get_le16(img + off) == type) {
			assert_int_equal(get_le16(img + off + 2), want_len);
			assert_true(off + 4 + want_len <= end);
			return img + off + 4;
		}
	}
	fail_msg("TLV 0x%x not found", type);
	return NULL;
}

static void test_rsa_mcuboot_imgtool_rsa2048_pss_image_verifies(void **state)
{
	char path[512];
	uint8_t digest[32], keyhash[32], sig[256];
	const uint8_t *tlv_hash, *tlv_keyhash, *tlv_sig;
	struct key key;
	size_t len, hdr, img;
	uint8_t *bin;
	BIO *bio;
	size_t b;

	(void)state;
	snprintf(path, sizeof(path), "%s/test/vectors/imgtool/keys/rsa-2048.pem", SRCTREE);
	bio = BIO_new_file(path, "r");
	assert_non_null(bio);
	key_from_pkey(&key, PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL));
	BIO_free(bio);
	assert_int_equal(key.k, 256);

	snprintf(path, sizeof(path), "%s/test/vectors/imgtool/rsa-2048.bin", SRCTREE);
	bin = (uint8_t *)read_file(path, &len);
	assert_int_equal(get_le32(bin), 0x96f3b83d);
	hdr = get_le16(bin + 8);
	img = get_le32(bin + 12);
	assert_int_equal(get_le16(bin + 10), 0);	/* no protected TLVs */
	tlv_hash = find_tlv(bin, len, hdr + img, 0x10, 32);
	tlv_keyhash = find_tlv(bin, len, hdr + img, 0x01, 32);
	tlv_sig = find_tlv(bin, len, hdr + img, 0x20, 256);
	/* The image hash is over header and payload; KEYHASH is over the DER key we verify with,
	 * so the RSAPublicKey bytes are exactly the ones imgtool embeds. */
	sha256(bin, hdr + img, digest);
	assert_memory_equal(digest, tlv_hash, 32);
	sha256(key.der, key.der_len, keyhash);
	assert_memory_equal(keyhash, tlv_keyhash, 32);
	memcpy(sig, tlv_sig, sizeof(sig));

	expect(&key, SIG_RSA_PSS_SHA256, digest, sig, true, true, "imgtool RSA2048 TLV");
	expect(&key, SIG_RSA_PSS_SHA256_ANY_SALT, digest, sig, true, true, "imgtool RSA2048 TLV");
	expect(&key, SIG_RSA_PKCS1_SHA256, digest, sig, true, false, "imgtool RSA2048 TLV");
	for (b = 0; b < 256 * 8; b += 37) {
		flip_bit(sig, b);
		expect(&key, SIG_RSA_PSS_SHA256, digest, sig, false, false, "flipped signature");
		flip_bit(sig, b);
	}
	for (b = 0; b < 32 * 8; b += 7) {
		flip_bit(digest, b);
		expect(&key, SIG_RSA_PSS_SHA256, digest, sig, false, false, "flipped digest");
		flip_bit(digest, b);
	}
	free(bin);
	key_free(&key);
}

/* ---- Differential against OpenSSL ------------------------------------------------------- */

/* Salt lengths other than 32 for any-salt mode, the extremes included. */
static int other_salt(const struct key *key, unsigned int i, uint64_t *seed)
{
	static const int fixed[] = { 0, 1, 20, 31, 33, 48, 64 };
	int max = (int)key->k - 32 - 2;
	int s;

	if (i % 9 < ARRAY_SIZE(fixed))
		return fixed[i % 9];
	if (i % 9 == 7)
		return max;
	do
		s = (int)(test_rand(seed) % (uint64_t)(max + 1));
	while (s == 32);
	return s;
}

/*
 * One signature: accepted in exactly the modes @ok_mask (bit i for modes[i]); a flipped bit in
 * it or in the digest refused, and so is another key (@other, if not NULL).
 */
static void check_signature(const struct key *key, const struct key *other, uint8_t *digest,
			    uint8_t *sig, unsigned int ok_mask, uint64_t *seed)
{
	enum sig_alg native = modes[__builtin_ctz(ok_mask)];
	size_t i, bit;

	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		bool want = (ok_mask >> i) & 1;

		expect(key, modes[i], digest, sig, want, want, "OpenSSL signature");
	}
	bit = (size_t)(test_rand(seed) % (key->k * 8));
	flip_bit(sig, bit);
	expect(key, native, digest, sig, false, false, "signature with a flipped bit");
	flip_bit(sig, bit);
	bit = (size_t)(test_rand(seed) % 256);
	flip_bit(digest, bit);
	expect(key, native, digest, sig, false, false, "digest with a flipped bit");
	flip_bit(digest, bit);
	if (other)
		expect(other, native, digest, sig, false, false, "another key of the same size");
}

static void differential(size_t size_index, unsigned int messages)
{
	uint64_t seed = 0x5253410000ull + size_index;
	uint8_t msg[300], digest[32], sig[MAX_K];
	size_t len;
	unsigned int i, kk, count = 0;

	for (kk = 0; kk < KEYS_PER_SIZE; kk++) {
		const struct key *key = &pool[size_index][kk];
		const struct key *next = &pool[size_index][(kk + 1) % KEYS_PER_SIZE];

		for (i = 0; i < messages; i++) {
			const struct key *other = i < 2 ? next : NULL;

			len = (size_t)(test_rand(&seed) % sizeof(msg));
			test_rand_bytes(&seed, msg, len);
			sha256(msg, len, digest);
			ossl_sign(key, 32, digest, sig);
			check_signature(key, other, digest, sig, 0x3, &seed);
			ossl_sign(key, other_salt(key, i, &seed), digest, sig);
			check_signature(key, other, digest, sig, 0x2, &seed);
			ossl_sign(key, PKCS1, digest, sig);
			check_signature(key, other, digest, sig, 0x4, &seed);
			count += 3;
		}
	}
	print_message("RSA-%d: %u OpenSSL signatures under %d keys, each in 3 modes and mutated\n",
		      sizes[size_index], count, KEYS_PER_SIZE);
}

static void test_rsa2048_agrees_with_openssl_signatures_and_refuses_mutations(void **state)
{
	(void)state;
	differential(0, 40);
}

static void test_rsa3072_agrees_with_openssl_signatures_and_refuses_mutations(void **state)
{
	(void)state;
	differential(1, 24);
}

static void test_rsa4096_agrees_with_openssl_signatures_and_refuses_mutations(void **state)
{
	(void)state;
	differential(2, 16);
}

/* ---- Encoded messages built here, each breaking one rule -------------------------------- */

static void mgf1_xor(uint8_t *out, size_t len, const uint8_t seed[32])
{
	uint8_t in[36], blk[32];
	size_t pos, i;
	uint32_t c = 0;

	memcpy(in, seed, 32);
	for (pos = 0; pos < len; pos += 32, c++) {
		put_be32(in + 32, c);
		sha256(in, sizeof(in), blk);
		for (i = 0; i < 32 && pos + i < len; i++)
			out[pos + i] ^= blk[i];
	}
}

enum pss_flaw {
	PSS_GOOD,
	PSS_TRAILER,		/* last byte 0xbd */
	PSS_TOP_BIT,		/* the bit above emBits set in maskedDB */
	PSS_PS_NONZERO,		/* a padding byte 0x02 */
	PSS_MARKER_02,		/* 0x02 where the 0x01 belongs */
	PSS_NO_MARKER,		/* the 0x01 replaced by 0x00 */
	PSS_WRONG_H,		/* H over another salt */
	PSS_FLAWS,
};

/* EMSA-PSS-ENCODE (RFC 8017 9.1.1) for a k-byte modulus, with one flaw. */
static void pss_encode(uint8_t *em, size_t k, const uint8_t mhash[32], const uint8_t *salt,
		       size_t salt_len, enum pss_flaw flaw)
{
	size_t db_len = k - 33, ps_len = db_len - salt_len - 1;
	uint8_t mprime[8 + 32 + MAX_K];

	memset(mprime, 0, 8);
	memcpy(mprime + 8, mhash, 32);
	memcpy(mprime + 40, salt, salt_len);
	if (flaw == PSS_WRONG_H)
		mprime[40 + salt_len - 1] ^= 1;
	sha256(mprime, 40 + salt_len, em + db_len);
	memset(em, 0, ps_len);
	em[ps_len] = flaw == PSS_MARKER_02 ? 0x02 : flaw == PSS_NO_MARKER ? 0x00 : 0x01;
	if (flaw == PSS_PS_NONZERO)
		em[ps_len / 2] = 0x02;
	memcpy(em + ps_len + 1, salt, salt_len);
	mgf1_xor(em, db_len, em + db_len);
	em[0] &= 0x7f;
	if (flaw == PSS_TOP_BIT)
		em[0] |= 0x80;
	em[k - 1] = flaw == PSS_TRAILER ? 0xbd : 0xbc;
}

static void test_rsa_pss_encodings_with_one_flaw_each_are_refused(void **state)
{
	uint64_t seed = 0x5053531ull;
	uint8_t em[MAX_K], sig[MAX_K], digest[32], salt[MAX_K];
	size_t si, slen_i, tries;
	int flaw, checked = 0;

	(void)state;
	for (si = 0; si < ARRAY_SIZE(sizes); si++) {
		const struct key *key = &pool[si][0];
		const size_t salts[] = { 0, 1, 31, 32, 33, key->k - 34 };

		for (slen_i = 0; slen_i < ARRAY_SIZE(salts); slen_i++) {
			for (flaw = 0; flaw < PSS_FLAWS; flaw++) {
				if (flaw == PSS_WRONG_H && salts[slen_i] == 0)
					continue;
				/* With the top bit set, em may be >= n: try other inputs. */
				for (tries = 0; tries < 64; tries++) {
					test_rand_bytes(&seed, digest, 32);
					test_rand_bytes(&seed, salt, salts[slen_i]);
					pss_encode(em, key->k, digest, salt, salts[slen_i], flaw);
					if (ossl_sign_raw(key, em, sig))
						break;
				}
				assert_true(tries < 64);
				expect(key, SIG_RSA_PSS_SHA256, digest, sig, true,
				       flaw == PSS_GOOD && salts[slen_i] == 32, "built PSS encoding");
				expect(key, SIG_RSA_PSS_SHA256_ANY_SALT, digest, sig, true,
				       flaw == PSS_GOOD, "built PSS encoding");
				expect(key, SIG_RSA_PKCS1_SHA256, digest, sig, false, false,
				       "built PSS encoding");
				assert_int_equal(ossl_verify(key, false, digest, sig), flaw == PSS_GOOD);
				checked++;
			}
		}
	}
	print_message("%d PSS encodings\n", checked);
}

enum pkcs1_flaw {
	PKCS1_GOOD,
	PKCS1_FIRST_01,		/* 0x01 0x01 ff.. */
	PKCS1_TYPE_02,		/* block type 2 (encryption padding) */
	PKCS1_PS_FIRST,		/* first padding byte 0xfe */
	PKCS1_PS_LAST,		/* last padding byte 0xfe */
	PKCS1_SEPARATOR,	/* 0x01 instead of the 0x00 after the padding */
	PKCS1_MISSING_NULL,	/* DigestInfo without the NULL parameters (padding 2 bytes longer) */
	PKCS1_SHA384_OID,	/* id-sha384 with the 32-byte digest */
	PKCS1_SHIFTED,		/* padding one byte short, a garbage byte after the digest */
	PKCS1_DIGEST_FIRST,	/* first digest byte changed */
	PKCS1_DIGEST_LAST,	/* last digest byte changed */
	PKCS1_FLAWS,
};

/* EMSA-PKCS1-v1_5-ENCODE (RFC 8017 9.2) with SHA-256, with one flaw. */
static void pkcs1_encode(uint8_t *em, size_t k, const uint8_t digest[32], enum pkcs1_flaw flaw)
{
	static const uint8_t info[19] = { 0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48,
					  0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04,
					  0x20 };
	static const uint8_t info_no_null[17] = { 0x30, 0x2f, 0x30, 0x0b, 0x06, 0x09, 0x60, 0x86,
						  0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01,
						  0x04, 0x20 };
	uint8_t t[64];
	size_t t_len, shift = flaw == PKCS1_SHIFTED;

	if (flaw == PKCS1_MISSING_NULL) {
		memcpy(t, info_no_null, sizeof(info_no_null));
		t_len = sizeof(info_no_null);
	} else {
		memcpy(t, info, sizeof(info));
		t_len = sizeof(info);
		if (flaw == PKCS1_SHA384_OID)
			t[14] = 0x02;
	}
	memcpy(t + t_len, digest, 32);
	t_len += 32;
	if (flaw == PKCS1_DIGEST_FIRST)
		t[t_len - 32] ^= 0x40;
	if (flaw == PKCS1_DIGEST_LAST)
		t[t_len - 1] ^= 0x01;
	em[0] = flaw == PKCS1_FIRST_01 ? 0x01 : 0x00;
	em[1] = flaw == PKCS1_TYPE_02 ? 0x02 : 0x01;
	memset(em + 2, 0xff, k - 3 - t_len - shift);
	if (flaw == PKCS1_PS_FIRST)
		em[2] = 0xfe;
	if (flaw == PKCS1_PS_LAST)
		em[k - t_len - 2] = 0xfe;
	em[k - t_len - 1 - shift] = flaw == PKCS1_SEPARATOR ? 0x01 : 0x00;
	memcpy(em + k - t_len - shift, t, t_len);
	if (shift)
		em[k - 1] = 0x5a;
}

static void test_rsa_pkcs1_encodings_with_one_flaw_each_are_refused(void **state)
{
	uint64_t seed = 0x504b43531ull;
	uint8_t em[MAX_K], sig[MAX_K], digest[32];
	size_t si;
	int flaw;

	(void)state;
	for (si = 0; si < ARRAY_SIZE(sizes); si++) {
		const struct key *key = &pool[si][1];

		for (flaw = 0; flaw < PKCS1_FLAWS; flaw++) {
			test_rand_bytes(&seed, digest, 32);
			pkcs1_encode(em, key->k, digest, flaw);
			assert_true(ossl_sign_raw(key, em, sig));
			expect(key, SIG_RSA_PKCS1_SHA256, digest, sig, true, flaw == PKCS1_GOOD,
			       "built PKCS#1 encoding");
			expect(key, SIG_RSA_PSS_SHA256_ANY_SALT, digest, sig, false, false,
			       "built PKCS#1 encoding");
			/* OpenSSL 3 agrees, the missing NULL included. */
			assert_int_equal(ossl_verify(key, true, digest, sig), flaw == PKCS1_GOOD);
		}
	}
}

/* ---- Hostile keys and inputs -------------------------------------------------------------- */

/* A key whose every signature is refused in every mode, by both paths. */
static void expect_key_refused(const struct key *key, const char *what)
{
	static const int salts[] = { PKCS1, 32 };
	uint8_t digest[32], sig[MAX_K + 8];
	size_t s;

	test_rand_bytes(&(uint64_t){ 0x6b6579 }, digest, 32);
	for (s = 0; s < ARRAY_SIZE(salts); s++) {
		ossl_sign(key, salts[s], digest, sig);
		/* OpenSSL accepts it: only our key policy refuses it. */
		assert_true(ossl_verify(key, salts[s] == PKCS1, digest, sig));
		for (size_t i = 0; i < ARRAY_SIZE(modes); i++) {
			if (verify_both(modes[i], key->der, key->der_len, digest, 32, sig, key->k) ||
			    raw_both(modes[i], key->n, key->k, key->e, digest, 32, sig, key->k))
				fail_msg("%s accepted in mode %s", what, crypto_sig_name(modes[i]));
		}
	}
}

static void test_rsa_refuses_keys_outside_the_policy(void **state)
{
	static const unsigned long small_e[] = { 3, 17 };
	static const int odd_bits[] = { 1024, 2047, 2056, 3071, 4095 };
	struct key key;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(small_e); i++) {
		key_gen(&key, 2048, small_e[i]);
		expect_key_refused(&key, small_e[i] == 3 ? "e = 3 key" : "e = 17 key");
		key_free(&key);
	}
	for (i = 0; i < ARRAY_SIZE(odd_bits); i++) {
		char what[32];

		snprintf(what, sizeof(what), "%d-bit key", odd_bits[i]);
		key_gen(&key, odd_bits[i], 65537);
		expect_key_refused(&key, what);
		key_free(&key);
	}
}

/* crypto_verify() of both backends with a DER key must refuse in every mode. */
static void expect_der_refused(const uint8_t *der, size_t der_len, const uint8_t *digest,
			       const uint8_t *sig, size_t sig_len, const char *what)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(modes); i++)
		if (verify_both(modes[i], der, der_len, digest, 32, sig, sig_len))
			fail_msg("%s accepted in mode %s", what, crypto_sig_name(modes[i]));
}

/* DER RSAPublicKey from a modulus INTEGER body and an exponent INTEGER body. */
static size_t build_der(uint8_t *out, const uint8_t *n, size_t n_len, const uint8_t *e,
			size_t e_len)
{
	size_t body = 4 + n_len + 2 + e_len;

	out[0] = 0x30;
	out[1] = 0x82;
	out[2] = (uint8_t)(body >> 8);
	out[3] = (uint8_t)body;
	out[4] = 0x02;
	out[5] = 0x82;
	out[6] = (uint8_t)(n_len >> 8);
	out[7] = (uint8_t)n_len;
	memcpy(out + 8, n, n_len);
	out[8 + n_len] = 0x02;
	out[9 + n_len] = (uint8_t)e_len;
	memcpy(out + 10 + n_len, e, e_len);
	return 4 + body;
}

static const uint8_t e65537[] = { 0x01, 0x00, 0x01 };

/* A valid PSS signature by pool[0][2] and its modulus as a DER INTEGER body (sign byte first). */
struct der_fixture {
	const struct key *key;
	size_t k;
	uint8_t digest[32], sig[MAX_K], nbody[MAX_K + 2], der[DER_MAX + 16];
};

static void der_fixture_init(struct der_fixture *f)
{
	size_t len;

	f->key = &pool[0][2];
	f->k = f->key->k;
	test_rand_bytes(&(uint64_t){ 0x646572 }, f->digest, 32);
	ossl_sign(f->key, 32, f->digest, f->sig);
	f->nbody[0] = 0;
	memcpy(f->nbody + 1, f->key->n, f->k);
	/* The canonical encoding, rebuilt here, is accepted: the others differ only as named. */
	len = build_der(f->der, f->nbody, f->k + 1, e65537, 3);
	assert_int_equal(len, f->key->der_len);
	assert_memory_equal(f->der, f->key->der, len);
	assert_true(verify_both(SIG_RSA_PSS_SHA256, f->der, len, f->digest, 32, f->sig, f->k));
}

static void test_rsa_refuses_der_keys_with_bad_integers(void **state)
{
	static const struct {
		const char *what;
		uint8_t e[6];
		size_t len;
	} bad_e[] = {
		{ "e non-minimal", { 0x00, 0x01, 0x00, 0x01 }, 4 },
		{ "e negative", { 0x81, 0x00, 0x01 }, 3 },
		{ "e zero", { 0x00 }, 1 },
		{ "e empty", { 0 }, 0 },
		{ "e = 3", { 0x03 }, 1 },
		{ "e = 1", { 0x01 }, 1 },
		{ "e = 65539", { 0x01, 0x00, 0x03 }, 3 },
		{ "e = 2^32 + 65537", { 0x01, 0x00, 0x01, 0x00, 0x01 }, 5 },
		{ "e = 65537 * 2^8", { 0x01, 0x00, 0x01, 0x00 }, 4 },
	};
	struct der_fixture f;
	size_t k, len, i;

	(void)state;
	der_fixture_init(&f);
	k = f.k;
	for (i = 0; i < ARRAY_SIZE(bad_e); i++) {
		len = build_der(f.der, f.nbody, k + 1, bad_e[i].e, bad_e[i].len);
		expect_der_refused(f.der, len, f.digest, f.sig, k, bad_e[i].what);
	}
	/* n with a second leading zero (non-minimal), and without its sign byte (negative). */
	memmove(f.nbody + 1, f.nbody, k + 1);
	len = build_der(f.der, f.nbody, k + 2, e65537, 3);
	expect_der_refused(f.der, len, f.digest, f.sig, k, "modulus with a redundant leading zero");
	len = build_der(f.der, f.nbody + 2, k, e65537, 3);
	expect_der_refused(f.der, len, f.digest, f.sig, k, "negative modulus");
	memmove(f.nbody, f.nbody + 1, k + 1);
	/* A modulus with its low bit cleared (even), and one with its top bit cleared. */
	len = build_der(f.der, f.nbody, k + 1, e65537, 3);
	f.der[8 + k] &= 0xfe;
	expect_der_refused(f.der, len, f.digest, f.sig, k, "even modulus");
	len = build_der(f.der, f.nbody + 1, k, e65537, 3);
	f.der[8] &= 0x7f;
	expect_der_refused(f.der, len, f.digest, f.sig, k, "modulus without its top bit");
}

static void test_rsa_refuses_der_keys_with_bad_structure(void **state)
{
	uint8_t spki[DER_MAX + 32], *p = spki;
	struct der_fixture f;
	size_t k, len, i;
	int n;

	(void)state;
	der_fixture_init(&f);
	k = f.k;
	len = build_der(f.der, f.nbody, k + 1, e65537, 3);
	f.der[len] = 0x00;
	expect_der_refused(f.der, len + 1, f.digest, f.sig, k, "a byte after the SEQUENCE");
	f.der[3] += 3;
	f.der[len] = 0x02;
	f.der[len + 1] = 0x01;
	f.der[len + 2] = 0x01;
	expect_der_refused(f.der, len + 3, f.digest, f.sig, k, "a third INTEGER");
	len = build_der(f.der, f.nbody, k + 1, e65537, 3);
	f.der[3] -= 5;
	expect_der_refused(f.der, len - 5, f.digest, f.sig, k, "no exponent");
	len = build_der(f.der, f.nbody, k + 1, e65537, 3);
	f.der[0] = 0x31;
	expect_der_refused(f.der, len, f.digest, f.sig, k, "SET instead of SEQUENCE");
	len = build_der(f.der, f.nbody, k + 1, e65537, 3);
	for (i = 0; i < len; i++)
		expect_der_refused(f.der, i, f.digest, f.sig, k, "truncated key");
	/* The SubjectPublicKeyInfo wrapper is not an RSAPublicKey. */
	n = i2d_PUBKEY(f.key->pkey, &p);
	assert_true(n > 0 && n <= (int)sizeof(spki));
	expect_der_refused(spki, (size_t)n, f.digest, f.sig, k, "SubjectPublicKeyInfo");
}

static void test_rsa_refuses_bad_lengths_exponents_and_representatives(void **state)
{
	static const uint32_t bad_e[] = { 0, 1, 3, 17, 65535, 65536, 65539, 0x80010001u,
					  0xffffffffu };
	static const enum sig_alg not_rsa[] = { SIG_NONE, SIG_ECDSA_P256, SIG_ED25519,
						 SIG_ECDSA_P384, (enum sig_alg)99 };
	static const size_t digest_lens[] = { 0, 1, 20, 31, 33, 40 };
	const struct key *key = &pool[0][3];
	uint8_t digest[40], sig[MAX_K + 8], big[MAX_K + 8];
	size_t k = key->k, i, j;

	(void)state;
	test_rand_bytes(&(uint64_t){ 0x6c656e }, digest, sizeof(digest));
	ossl_sign(key, PKCS1, digest, sig);
	assert_true(raw_both(SIG_RSA_PKCS1_SHA256, key->n, k, key->e, digest, 32, sig, k));

	for (i = 0; i < ARRAY_SIZE(bad_e); i++)
		assert_false(raw_both(SIG_RSA_PKCS1_SHA256, key->n, k, bad_e[i], digest, 32, sig, k));
	for (i = 0; i < ARRAY_SIZE(not_rsa); i++) {
		assert_false(raw_both(not_rsa[i], key->n, k, key->e, digest, 32, sig, k));
		assert_false(verify_both(not_rsa[i], key->der, key->der_len, digest, 32, sig, k));
	}
	/* Digest lengths other than 32 (the first 32 bytes are the signed digest). */
	for (j = 0; j < ARRAY_SIZE(digest_lens); j++) {
		assert_false(raw_both(SIG_RSA_PKCS1_SHA256, key->n, k, key->e, digest,
				      digest_lens[j], sig, k));
		assert_false(verify_both(SIG_RSA_PKCS1_SHA256, key->der, key->der_len, digest,
					 digest_lens[j], sig, k));
	}
	/* Signature lengths: one short, empty, and padded with a zero on either side (the
	 * same integer, but not the modulus length). */
	assert_false(raw_both(SIG_RSA_PKCS1_SHA256, key->n, k, key->e, digest, 32, sig, k - 1));
	assert_false(raw_both(SIG_RSA_PKCS1_SHA256, key->n, k, key->e, digest, 32, sig, 0));
	sig[k] = 0;
	assert_false(raw_both(SIG_RSA_PKCS1_SHA256, key->n, k, key->e, digest, 32, sig, k + 1));
	big[0] = 0;
	memcpy(big + 1, sig, k);
	assert_false(raw_both(SIG_RSA_PKCS1_SHA256, key->n, k, key->e, digest, 32, big, k + 1));
	assert_false(verify_both(SIG_RSA_PKCS1_SHA256, key->der, key->der_len, digest, 32, big,
				 k + 1));
	/* The raw modulus with a leading zero byte (257 bytes). */
	big[0] = 0;
	memcpy(big + 1, key->n, k);
	assert_false(raw_both(SIG_RSA_PKCS1_SHA256, big, k + 1, key->e, digest, 32, sig, k));
	/* Representatives n, n + 1, all ones (>= n), and 0, 1, n - 1 (< n, bad padding). */
	memcpy(big, key->n, k);
	for (i = 0; i < ARRAY_SIZE(modes); i++)
		assert_false(raw_both(modes[i], key->n, k, key->e, digest, 32, big, k));
	big[k - 1] += 1;	/* n is odd: no carry */
	assert_false(raw_both(SIG_RSA_PKCS1_SHA256, key->n, k, key->e, digest, 32, big, k));
	memset(big, 0xff, k);
	assert_false(raw_both(SIG_RSA_PKCS1_SHA256, key->n, k, key->e, digest, 32, big, k));
	memset(big, 0, k);
	assert_false(raw_both(SIG_RSA_PSS_SHA256_ANY_SALT, key->n, k, key->e, digest, 32, big, k));
	big[k - 1] = 1;
	assert_false(raw_both(SIG_RSA_PSS_SHA256_ANY_SALT, key->n, k, key->e, digest, 32, big, k));
	sub_small(big, key->n, k, 1);
	assert_false(raw_both(SIG_RSA_PSS_SHA256_ANY_SALT, key->n, k, key->e, digest, 32, big, k));
	/* And the original signature is still good. */
	assert_true(verify_both(SIG_RSA_PKCS1_SHA256, key->der, key->der_len, digest, 32, sig, k));
}

/* ---- Fixture ---------------------------------------------------------------------------- */

static int setup(void **state)
{
	size_t si, i;

	(void)state;
	for (si = 0; si < ARRAY_SIZE(sizes); si++)
		for (i = 0; i < KEYS_PER_SIZE; i++) {
			key_gen(&pool[si][i], sizes[si], 65537);
			if (pool[si][i].k != (size_t)sizes[si] / 8 || pool[si][i].e != 65537)
				return -1;
		}
	return 0;
}

static int teardown(void **state)
{
	size_t si, i;

	(void)state;
	for (si = 0; si < ARRAY_SIZE(sizes); si++)
		for (i = 0; i < KEYS_PER_SIZE; i++)
			key_free(&pool[si][i]);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bignum_exp_65537_matches_openssl),
		cmocka_unit_test(test_bignum_refuses_bad_moduli_and_bases),
		cmocka_unit_test(test_rsa_mcuboot_imgtool_rsa2048_pss_image_verifies),
		cmocka_unit_test(test_rsa2048_agrees_with_openssl_signatures_and_refuses_mutations),
		cmocka_unit_test(test_rsa3072_agrees_with_openssl_signatures_and_refuses_mutations),
		cmocka_unit_test(test_rsa4096_agrees_with_openssl_signatures_and_refuses_mutations),
		cmocka_unit_test(test_rsa_pss_encodings_with_one_flaw_each_are_refused),
		cmocka_unit_test(test_rsa_pkcs1_encodings_with_one_flaw_each_are_refused),
		cmocka_unit_test(test_rsa_refuses_keys_outside_the_policy),
		cmocka_unit_test(test_rsa_refuses_der_keys_with_bad_integers),
		cmocka_unit_test(test_rsa_refuses_der_keys_with_bad_structure),
		cmocka_unit_test(test_rsa_refuses_bad_lengths_exponents_and_representatives),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
