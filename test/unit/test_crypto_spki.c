// SPDX-License-Identifier: Apache-2.0
/*
 * crypto_spki_parse() on the imgtool test keys (DER derived with `openssl pkey` at test time),
 * end to end with imgtool's own signed images, and on hostile encodings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <rampart/errno.h>
#include "crypto_test.h"

#define KEYS SRCTREE "/test/vectors/imgtool/keys/"
#define IMAGES SRCTREE "/test/vectors/imgtool/"

/* DER SubjectPublicKeyInfo of an imgtool key, as `openssl pkey -pubout -outform DER` gives. */
static uint8_t *key_der(const char *pem, bool is_public, size_t *len)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd), "openssl pkey %s -in '%s%s' -pubout -outform DER",
		 is_public ? "-pubin" : "", KEYS, pem);
	return run_capture(cmd, len);
}

/* Parse from an exact-size heap copy, so ASan catches any read past len. */
static int parse_copy(const uint8_t *der, size_t len, enum sig_alg *alg, size_t *off,
		      size_t *pub_len)
{
	uint8_t *copy = malloc(len ? len : 1);
	const uint8_t *pub = (const uint8_t *)"sentinel";
	int ret;

	assert_non_null(copy);
	memcpy(copy, der, len);
	*alg = (enum sig_alg)0x5a;
	*pub_len = 0x5a5a;
	ret = crypto_spki_parse(copy, len, alg, &pub, pub_len);
	if (ret == 0) {
		assert_true(pub >= copy && *pub_len <= len && (size_t)(pub - copy) <= len - *pub_len);
		*off = (size_t)(pub - copy);
	} else {
		/* Outputs are untouched on error. */
		assert_int_equal(*alg, 0x5a);
		assert_int_equal(*pub_len, 0x5a5a);
		assert_string_equal((const char *)pub, "sentinel");
	}
	free(copy);
	return ret;
}

/* Find TLV `type` in an MCUboot image's unprotected TLV area (test helper, trusted input). */
static const uint8_t *find_tlv(const uint8_t *img, size_t img_len, size_t tlv_off,
			       uint16_t type, size_t *len)
{
	size_t end, off;

	assert_true(tlv_off + 4 <= img_len);
	assert_int_equal(get_le16(img + tlv_off), 0x6907);
	end = tlv_off + get_le16(img + tlv_off + 2);
	assert_true(end <= img_len);
	for (off = tlv_off + 4; off + 4 <= end; off += 4 + get_le16(img + off + 2)) {
		if (get_le16(img + off) == type) {
			*len = get_le16(img + off + 2);
			assert_true(off + 4 + *len <= end);
			return img + off + 4;
		}
	}
	fail_msg("TLV 0x%x not found", type);
	return NULL;
}

struct imgtool_case {
	const char *pem;
	const char *image;
	enum sig_alg alg;
	size_t pub_len;
	uint16_t sig_tlv;
};

static const struct imgtool_case imgtool_cases[] = {
	{ "ecdsa-p256.pem", "ecdsa-p256.bin", SIG_ECDSA_P256, 65, 0x22 },
	{ "ed25519.pem", "ed25519.bin", SIG_ED25519, 32, 0x24 },
};

/*
 * The key parses; its SHA-256 is the image's KEYHASH TLV (MCUboot's rule); the image's SHA256
 * TLV is the digest of header + payload; and the signature TLV verifies over that digest with
 * the parsed key in both backends (Ed25519 signs the 32-byte digest as its message).
 */
static void test_spki_parses_imgtool_keys_that_verify_imgtool_images(void **state)
{
	uint8_t keyhash[SHA256_LEN], digest[SHA256_LEN];
	const uint8_t *pub, *tlv;
	struct sha256_ctx ctx;
	enum sig_alg alg;
	size_t der_len, img_len, pub_len, tlv_len, i, signed_len;
	uint8_t *der, *img;
	char path[512];

	(void)state;
	for (i = 0; i < ARRAY_SIZE(imgtool_cases); i++) {
		der = key_der(imgtool_cases[i].pem, false, &der_len);
		assert_int_equal(crypto_spki_parse(der, der_len, &alg, &pub, &pub_len), 0);
		assert_int_equal(alg, imgtool_cases[i].alg);
		assert_int_equal(pub_len, imgtool_cases[i].pub_len);
		assert_ptr_equal(pub, der + der_len - pub_len);

		snprintf(path, sizeof(path), "%s%s", IMAGES, imgtool_cases[i].image);
		img = (uint8_t *)read_file(path, &img_len);
		assert_true(img_len > 32);
		/* header: hdr_size at 8, protected TLV size at 10, img_size at 12 */
		signed_len = get_le16(img + 8) + get_le32(img + 12);
		assert_int_equal(get_le16(img + 10), 0);

		sha256_init(&ctx);
		sha256_update(&ctx, der, der_len);
		sha256_final(&ctx, keyhash);
		tlv = find_tlv(img, img_len, signed_len, 0x01, &tlv_len);
		assert_int_equal(tlv_len, SHA256_LEN);
		assert_memory_equal(tlv, keyhash, SHA256_LEN);

		sha256_init(&ctx);
		sha256_update(&ctx, img, signed_len);
		sha256_final(&ctx, digest);
		tlv = find_tlv(img, img_len, signed_len, 0x10, &tlv_len);
		assert_memory_equal(tlv, digest, SHA256_LEN);

		tlv = find_tlv(img, img_len, signed_len, imgtool_cases[i].sig_tlv, &tlv_len);
		assert_true(verify_both(alg, pub, pub_len, digest, SHA256_LEN, tlv, tlv_len));
		digest[0] ^= 1;
		assert_false(verify_both(alg, pub, pub_len, digest, SHA256_LEN, tlv, tlv_len));
		free(img);
		free(der);
	}
}

/* Every truncation, one trailing byte, and every value of every byte: no crash, sane output. */
static void check_hostile_variants(const uint8_t *der, size_t len, enum sig_alg want)
{
	uint8_t *buf = malloc(len + 1);
	enum sig_alg alg;
	size_t n, i, off, pub_len;
	int v, ret, ok = 0;

	assert_non_null(buf);
	assert_int_equal(parse_copy(der, len, &alg, &off, &pub_len), 0);
	assert_int_equal(alg, want);
	for (n = 0; n < len; n++)
		assert_int_equal(parse_copy(der, n, &alg, &off, &pub_len), -EBADMSG);
	memcpy(buf, der, len);
	buf[len] = 0;
	assert_int_equal(parse_copy(buf, len + 1, &alg, &off, &pub_len), -EBADMSG);

	for (i = 0; i < len; i++) {
		for (v = 0; v < 256; v++) {
			memcpy(buf, der, len);
			buf[i] = (uint8_t)v;
			ret = parse_copy(buf, len, &alg, &off, &pub_len);
			assert_true(ret == 0 || ret == -EBADMSG || ret == -ENOTSUP);
			if (ret == 0) {
				/* Only the key bytes themselves (and the EC point prefix) are free. */
				assert_int_equal(alg, want);
				assert_int_equal(off + pub_len, len);
				assert_true(i >= off || buf[i] == der[i]);
				ok++;
			}
		}
	}
	/* The unchanged byte at every position, plus 255 other values of each key byte. */
	assert_int_equal(ok, len + 255 * (want == SIG_ECDSA_P256 ? 64 : 32));
	free(buf);
}

static void test_spki_survives_truncation_and_every_byte_value(void **state)
{
	uint8_t *der;
	size_t len;

	(void)state;
	der = key_der("ecdsa-p256.pem", false, &len);
	assert_int_equal(len, 91);
	check_hostile_variants(der, len, SIG_ECDSA_P256);
	free(der);
	der = key_der("ed25519.pem", false, &len);
	assert_int_equal(len, 44);
	check_hostile_variants(der, len, SIG_ED25519);
	free(der);
}

static int parse_hex(const char *hex)
{
	enum sig_alg alg;
	size_t len, off, pub_len;
	uint8_t *der = hex_alloc(hex, &len);
	int ret = parse_copy(der, len, &alg, &off, &pub_len);

	free(der);
	return ret;
}

static void test_spki_refuses_other_algorithms_and_curves_as_unsupported(void **state)
{
	uint8_t *der;
	size_t len, off, pub_len;
	enum sig_alg alg;

	(void)state;
	der = key_der("rsa-2048.pem", false, &len);
	assert_int_equal(parse_copy(der, len, &alg, &off, &pub_len), -ENOTSUP);
	free(der);
	der = key_der("x25519-pub.pem", true, &len);
	assert_int_equal(parse_copy(der, len, &alg, &off, &pub_len), -ENOTSUP);
	free(der);

	/* secp384r1 key */
	assert_int_equal(parse_hex("3076301006072a8648ce3d020106052b81040022036200040c9501fac7817f"
				   "4e639692a74014ec17840dc5f4a997588d52ff638e0aa65535e16fc4d83a39"
				   "aff04439c25ab86297610ff74e5b789ef94e9ec554abb0b7305b2ed47b3f65"
				   "d6baf1404d8695e525540385c40484fce161638f300d4c05875617"),
			 -ENOTSUP);
	/* compressed P-256 point */
	assert_int_equal(parse_hex("3039301306072a8648ce3d020106082a8648ce3d0301070322000320d540fc"
				   "662284f81ce061d92b55ae6e502f96cb04d44ea4f1855b087dcd07d2"),
			 -ENOTSUP);
	/* Ed448 OID (1.3.101.113) with a 57-byte key */
	assert_int_equal(parse_hex("3043300506032b6571033a00"
				   "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e"
				   "1f202122232425262728292a2b2c2d2e2f303132333435363738"),
			 -ENOTSUP);
	/* id-ecPublicKey with explicit (specifiedCurve) parameters, abbreviated */
	assert_int_equal(parse_hex("301a301006072a8648ce3d02013005020101050003060004aabbccdd"),
			 -ENOTSUP);
}

static void test_spki_refuses_malformed_der(void **state)
{
	static const char ed_key[] =
		"59fd9319f370a06d5f2ec1b257a97566c43ec3e6aaf4d5de704e1b354740ddf2";
	char hex[512];

	(void)state;
	snprintf(hex, sizeof(hex), "302a300506032b6570032100%s", ed_key);
	assert_int_equal(parse_hex(hex), 0);
	/* non-minimal outer length */
	snprintf(hex, sizeof(hex), "30812a300506032b6570032100%s", ed_key);
	assert_int_equal(parse_hex(hex), -EBADMSG);
	/* indefinite length */
	snprintf(hex, sizeof(hex), "3080300506032b6570032100%s0000", ed_key);
	assert_int_equal(parse_hex(hex), -EBADMSG);
	/* unused bits in the key BIT STRING */
	snprintf(hex, sizeof(hex), "302a300506032b6570032101%s", ed_key);
	assert_int_equal(parse_hex(hex), -EBADMSG);
	/* Ed25519 with NULL parameters (RFC 8410 says absent) */
	snprintf(hex, sizeof(hex), "302c300706032b65700500032100%s", ed_key);
	assert_int_equal(parse_hex(hex), -EBADMSG);
	/* Ed25519 key of 31 and 33 bytes */
	snprintf(hex, sizeof(hex), "3029300506032b6570032000%.62s", ed_key);
	assert_int_equal(parse_hex(hex), -EBADMSG);
	snprintf(hex, sizeof(hex), "302b300506032b657003220000%s", ed_key);
	assert_int_equal(parse_hex(hex), -EBADMSG);
	/* SEQUENCE tag replaced by SET; algorithm fields swapped */
	snprintf(hex, sizeof(hex), "312a300506032b6570032100%s", ed_key);
	assert_int_equal(parse_hex(hex), -EBADMSG);
	snprintf(hex, sizeof(hex), "302a032100%s300506032b6570", ed_key);
	assert_int_equal(parse_hex(hex), -EBADMSG);
	/* id-ecPublicKey without the curve parameter */
	assert_int_equal(parse_hex("3017300906072a8648ce3d0201030a0004000102030405060708"),
			 -EBADMSG);
	/* P-256 with a 64-byte key (prefix dropped) */
	assert_int_equal(parse_hex("3058301306072a8648ce3d020106082a8648ce3d03010703410000"
				   "d8f0480eefe0757e4eb3bc830befe23172316798865108c6559f3dfd549c8678"
				   "7070b3d0f2d2e88b8774f873e7d0febb5d8a4e703ec6022e829eca22dc250de4"),
			 -EBADMSG);
	/* empty input and a lone tag */
	assert_int_equal(parse_hex(""), -EBADMSG);
	assert_int_equal(parse_hex("30"), -EBADMSG);
	assert_int_equal(parse_hex("3000"), -EBADMSG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spki_parses_imgtool_keys_that_verify_imgtool_images),
		cmocka_unit_test(test_spki_survives_truncation_and_every_byte_value),
		cmocka_unit_test(test_spki_refuses_other_algorithms_and_curves_as_unsupported),
		cmocka_unit_test(test_spki_refuses_malformed_der),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
