// SPDX-License-Identifier: Apache-2.0
/*
 * Constant-time checks of the built-in AES (key schedule and CTR), RFC 3394 key unwrap, HMAC
 * and HKDF under valgrind's memcheck (test/ct/Makefile): the secret inputs are marked
 * undefined, each operation runs to its end, and only then are its outputs declassified with
 * ct_public() and compared with known answers. Any branch or table index that depends on a
 * secret in between makes memcheck fail the run.
 *
 *   AES-128/256: key and data secret; setkey, then CTR over 100 bytes from offset 5 (partial
 *                first and last blocks) and the FIPS 197 appendix C answers through CTR.
 *   key unwrap:  KEK and wrapped key secret (RFC 3394 4.6), once intact and once with a
 *                flipped bit; the return value is the one thing declassified before it is
 *                tested, and the output is checked (right key, or all zero) only after that.
 *   key wrap:    KEK and key secret (the built-in wrap tests use).
 *   HMAC:        key and data secret, SHA-256 and SHA-512, short key and a key longer than
 *                the block (hashed first), RFC 4231 cases 2 and 6.
 *   HKDF:        salt and ikm secret, SHA-256 (RFC 5869 A.1) and SHA-512.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include "lib/crypto/internal.h"
#include "test/ct/ct.h"

static int failures;

static void check(bool ok, const char *what)
{
	if (!ok) {
		printf("FAILED %s\n", what);
		failures++;
	}
}

static void unhex(const char *hex, uint8_t *out, size_t len)
{
	size_t i;
	unsigned int v;

	for (i = 0; i < len; i++) {
		if (sscanf(hex + 2 * i, "%2x", &v) != 1)
			abort();
		out[i] = (uint8_t)v;
	}
}

static bool all_zero(const uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i])
			return false;
	return true;
}

static void ct_aes(void)
{
	static const struct {
		const char *key, *pt, *ct;
	} fips197[] = {
		{ "000102030405060708090a0b0c0d0e0f", "00112233445566778899aabbccddeeff",
		  "69c4e0d86a7b0430d8cdb78070b4c55a" },
		{ "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
		  "00112233445566778899aabbccddeeff", "8ea2b7ca516745bfeafc49904b496089" },
	};
	uint8_t key[32], iv[16], zero[16] = { 0 }, want[16], out[16];
	uint8_t msg[100], enc[100], dec[100];
	struct crypto_aes ctx;
	size_t i, key_len;

	for (i = 0; i < 2; i++) {
		key_len = strlen(fips197[i].key) / 2;
		unhex(fips197[i].key, key, key_len);
		unhex(fips197[i].pt, iv, 16);
		unhex(fips197[i].ct, want, 16);
		ct_secret(key, key_len);
		ct_secret(zero, sizeof(zero));
		check(crypto_aes_setkey(&ctx, key, key_len) == 0, "aes setkey");
		crypto_aes_ctr(&ctx, iv, 0, zero, out, 16);
		ct_public(out, sizeof(out));
		check(!memcmp(out, want, 16), "aes FIPS 197 through CTR");

		for (size_t j = 0; j < sizeof(msg); j++)
			msg[j] = (uint8_t)(j * 7 + 1);
		ct_secret(msg, sizeof(msg));
		crypto_aes_ctr(&ctx, iv, 5, msg, enc, sizeof(msg));
		crypto_aes_ctr(&ctx, iv, 5, enc, dec, sizeof(dec));
		crypto_aes_wipe(&ctx);
		ct_public(dec, sizeof(dec));
		ct_public(msg, sizeof(msg));
		check(!memcmp(dec, msg, sizeof(msg)), "aes CTR round trip");
		ct_public(zero, sizeof(zero));
	}
	ct_ok("aes-128/256 key schedule and CTR (key and data secret)");
}

static void ct_key_unwrap(void)
{
	uint8_t kek[32], wrapped[40], key[32], out[32], rewrapped[40];
	int rc;

	unhex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", kek, 32);
	unhex("28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21",
	      wrapped, 40);
	unhex("00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f", key, 32);

	ct_secret(kek, sizeof(kek));
	ct_secret(wrapped, sizeof(wrapped));
	rc = crypto_aes_key_unwrap(kek, sizeof(kek), wrapped, sizeof(wrapped), out);
	ct_public(&rc, sizeof(rc));
	check(rc == 0, "unwrap of an intact key succeeds");
	ct_public(out, sizeof(out));
	check(!memcmp(out, key, sizeof(key)), "unwrap gives the key");

	/* A flipped bit: the same whole computation, then a zeroed output and -EACCES. */
	ct_public(wrapped, sizeof(wrapped));
	wrapped[17] ^= 0x10;
	ct_secret(wrapped, sizeof(wrapped));
	rc = crypto_aes_key_unwrap(kek, sizeof(kek), wrapped, sizeof(wrapped), out);
	ct_public(&rc, sizeof(rc));
	check(rc == -EACCES, "unwrap of a corrupted key fails");
	ct_public(out, sizeof(out));
	check(all_zero(out, sizeof(out)), "failed unwrap zeroes the output");
	ct_ok("aes key unwrap (KEK and wrapped key secret; only the verdict declassified)");

	ct_secret(key, sizeof(key));
	check(aes_key_wrap(kek, sizeof(kek), key, sizeof(key), rewrapped) == 0, "wrap");
	ct_public(rewrapped, sizeof(rewrapped));
	wrapped[17] ^= 0x10;
	ct_public(wrapped, sizeof(wrapped));
	check(!memcmp(rewrapped, wrapped, sizeof(wrapped)), "wrap gives RFC 3394 4.6");
	ct_ok("aes key wrap (KEK and key secret)");
}

static void ct_hmac_one(enum hash_alg alg, const uint8_t *key, size_t key_len,
			const uint8_t *data, size_t len, const char *want_hex, const char *what)
{
	uint8_t k[200], d[100], mac[HASH_MAX_LEN], want[HASH_MAX_LEN];
	struct crypto_hmac h;

	memcpy(k, key, key_len);
	memcpy(d, data, len);
	unhex(want_hex, want, crypto_hash_len(alg));
	ct_secret(k, key_len);
	ct_secret(d, len);
	check(crypto_hmac_init(&h, alg, k, key_len) == 0, what);
	crypto_hmac_update(&h, d, 7);
	crypto_hmac_update(&h, d + 7, len - 7);
	crypto_hmac_final(&h, mac);
	ct_public(mac, sizeof(mac));
	check(!memcmp(mac, want, crypto_hash_len(alg)), what);
}

static void ct_hmac(void)
{
	static const char jefe[] = "what do ya want for nothing?";
	static const char big[] = "Test Using Larger Than Block-Size Key - Hash Key First";
	uint8_t aa[131];

	memset(aa, 0xaa, sizeof(aa));
	ct_hmac_one(HASH_SHA256, (const uint8_t *)"Jefe", 4, (const uint8_t *)jefe,
		    strlen(jefe),
		    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
		    "hmac-sha256 RFC 4231 case 2");
	ct_hmac_one(HASH_SHA512, (const uint8_t *)"Jefe", 4, (const uint8_t *)jefe,
		    strlen(jefe),
		    "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
		    "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
		    "hmac-sha512 RFC 4231 case 2");
	ct_hmac_one(HASH_SHA256, aa, sizeof(aa), (const uint8_t *)big, strlen(big),
		    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
		    "hmac-sha256 RFC 4231 case 6");
	ct_hmac_one(HASH_SHA512, aa, sizeof(aa), (const uint8_t *)big, strlen(big),
		    "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
		    "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598",
		    "hmac-sha512 RFC 4231 case 6");
	ct_ok("hmac-sha256/512 (key and data secret, short and hashed keys)");
}

static void ct_hkdf(void)
{
	static const struct {
		enum hash_alg alg;
		const char *okm;
	} cases[] = {
		{ HASH_SHA256, "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
			       "34007208d5b887185865" },
		{ HASH_SHA512, "832390086cda71fb47625bb5ceb168e4c8e26a1a16ed34d9fc7fe92c14815793"
			       "38da362cb8d9f925d7cb" },
	};
	uint8_t ikm[22], salt[13], info[10], okm[42], want[42];
	size_t i;

	for (i = 0; i < 2; i++) {
		memset(ikm, 0x0b, sizeof(ikm));
		unhex("000102030405060708090a0b0c", salt, sizeof(salt));
		unhex("f0f1f2f3f4f5f6f7f8f9", info, sizeof(info));
		unhex(cases[i].okm, want, sizeof(want));
		ct_secret(ikm, sizeof(ikm));
		ct_secret(salt, sizeof(salt));
		check(crypto_hkdf(cases[i].alg, salt, sizeof(salt), ikm, sizeof(ikm), info,
				  sizeof(info), okm, sizeof(okm)) == 0, "hkdf");
		ct_public(okm, sizeof(okm));
		check(!memcmp(okm, want, sizeof(want)), "hkdf known answer");
	}
	ct_ok("hkdf-sha256/512 (salt and ikm secret)");
}

int main(void)
{
	if (!ct_under_valgrind()) {
		printf("FAILED: run me under valgrind (make check-ct)\n");
		return 1;
	}
	ct_aes();
	ct_key_unwrap();
	ct_hmac();
	ct_hkdf();
	return failures ? 1 : 0;
}
