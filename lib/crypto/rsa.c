// SPDX-License-Identifier: Apache-2.0
/*
 * RSA signature verification for the built-in backend (RFC 8017):
 *  - RSASSA-PSS (8.1.2, EMSA-PSS-VERIFY 9.1.2) with SHA-256, MGF1-SHA-256 and trailer 0xbc,
 *    the salt exactly 32 bytes (MCUboot) or of any length, recovered from the encoding (FIT);
 *  - RSASSA-PKCS1-v1_5 (8.2.2) with SHA-256: the expected encoding is built from the digest and
 *    compared whole, so the signer's DigestInfo is never parsed (no BER, no missing NULL).
 * Keys and lengths pass rsa_key.c's rules first (2048/3072/4096 bits, e = 65537, signature of
 * exactly the modulus length and below n), the same rules as the mbedtls backend's. The
 * arithmetic is bignum.c's; the encoded message is read straight from its limbs, never copied.
 *
 * No heap and no globals: everything is on the stack (about 2.5 KiB at 4096 bits with the
 * callees on a Cortex-M0). Not constant-time: every input of a verification is public.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include "bignum.h"
#include "internal.h"
#include "rsa_key.h"

#define PSS_SALT_LEN 32		/* MCUboot's fixed salt length (= the SHA-256 length) */

/* DER of DigestInfo { AlgorithmIdentifier { id-sha256, NULL }, OCTET STRING (32 bytes) }
 * without the digest itself (RFC 8017 9.2, note 1). */
static const uint8_t sha256_digest_info[19] = {
	0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
	0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
};

/* EMSA-PSS-VERIFY's state: the hash of M', one MGF1 block and H as found in the message. */
struct pss_work {
	struct sha256_ctx mprime, mgf;
	uint8_t seed[SHA256_LEN + 4];	/* H || counter */
	uint8_t blk[SHA256_LEN];
	uint8_t h2[SHA256_LEN];
};

/*
 * The work space of one verification: the modulus, the encoded message, and scratch space
 * that the exponentiation uses first and the padding check after it.
 */
struct rsa_work {
	struct bn_mont mont;
	uint32_t em[BN_MAX_LIMBS + 1];
	union {
		uint32_t bn[BN_SCRATCH_LIMBS];
		struct pss_work pss;
	} scratch;
};

/*
 * Byte i of EMSA-PKCS1-v1_5(digest) for a k-byte modulus:
 * 0x00 0x01 0xff..0xff 0x00 DigestInfo-prefix digest (at least 8 bytes of 0xff for k >= 62).
 */
static uint8_t pkcs1_byte(size_t k, size_t i, const uint8_t *digest)
{
	size_t t = k - SHA256_LEN - sizeof(sha256_digest_info);	/* where T starts */

	if (i == 0 || i == t - 1)
		return 0x00;
	if (i == 1)
		return 0x01;
	if (i < t)
		return 0xff;
	if (i < k - SHA256_LEN)
		return sha256_digest_info[i - t];
	return digest[i - (k - SHA256_LEN)];
}

static bool pkcs1_ok(const uint32_t *em, size_t limbs, const uint8_t *digest)
{
	size_t k = 4 * limbs, i;

	for (i = 0; i < k; i++)
		if (bn_byte(em, limbs, i) != pkcs1_byte(k, i, digest))
			return false;
	return true;
}

/*
 * Unmask DB = maskedDB xor MGF1-SHA-256(H) (RFC 8017 B.2.1) one 32-byte block at a time, check
 * that DB is zero bytes, 0x01, then the salt, and hash the salt into pw->mprime.
 * @em, @limbs: the encoded message; maskedDB is its first db_len bytes
 * @pw:         pw->seed holds H, the 32 bytes after maskedDB
 * Returns the salt length, or -1 if the padding is wrong.
 */
static long unmask_db(const uint32_t *em, size_t limbs, size_t db_len, struct pss_work *pw)
{
	size_t pos, n, i, start, salt_len = 0;
	bool in_salt = false;
	uint32_t counter = 0;

	for (pos = 0; pos < db_len; pos += n) {
		put_be32(pw->seed + SHA256_LEN, counter++);
		sha256_init(&pw->mgf);
		sha256_update(&pw->mgf, pw->seed, sizeof(pw->seed));
		sha256_final(&pw->mgf, pw->blk);
		n = MIN(SHA256_LEN, db_len - pos);
		start = in_salt ? 0 : n;	/* where the salt begins in this block */
		for (i = 0; i < n; i++) {
			pw->blk[i] ^= bn_byte(em, limbs, pos + i);
			if (pos + i == 0)
				pw->blk[i] &= 0x7f;	/* emBits = 8k - 1: DB's top bit is not DB's */
			if (in_salt)
				continue;
			if (pw->blk[i] == 0x01) {
				in_salt = true;
				start = i + 1;
			} else if (pw->blk[i] != 0) {
				return -1;
			}
		}
		sha256_update(&pw->mprime, pw->blk + start, n - start);
		salt_len += n - start;
	}
	return in_salt ? (long)salt_len : -1;
}

/* EMSA-PSS-VERIFY (RFC 8017 9.1.2) with emLen = k and emBits = 8k - 1, SHA-256 throughout. */
static bool pss_ok(const uint32_t *em, size_t limbs, const uint8_t *mhash, bool any_salt,
		   struct pss_work *pw)
{
	static const uint8_t zeros[8] = { 0 };
	size_t k = 4 * limbs, db_len = k - SHA256_LEN - 1, i;
	long salt_len;

	/* Trailer 0xbc, and the bit above emBits clear before unmasking (steps 4 and 6). */
	if (bn_byte(em, limbs, k - 1) != 0xbc || (bn_byte(em, limbs, 0) & 0x80))
		return false;
	for (i = 0; i < SHA256_LEN; i++)
		pw->seed[i] = bn_byte(em, limbs, db_len + i);	/* H */
	/* M' = 0x00 * 8 || mHash || salt, hashed while the salt is unmasked. */
	sha256_init(&pw->mprime);
	sha256_update(&pw->mprime, zeros, sizeof(zeros));
	sha256_update(&pw->mprime, mhash, SHA256_LEN);
	salt_len = unmask_db(em, limbs, db_len, pw);
	if (salt_len < 0 || (!any_salt && salt_len != PSS_SALT_LEN))
		return false;
	sha256_final(&pw->mprime, pw->h2);
	return crypto_ct_equal(pw->seed, pw->h2, SHA256_LEN);
}

/* See crypto.h. Not constant-time (all inputs are public). */
verdict_t crypto_rsa_verify(enum sig_alg alg, const uint8_t *n, size_t n_len, uint32_t e,
			    const uint8_t *digest, size_t digest_len, const uint8_t *sig,
			    size_t sig_len)
{
	struct rsa_work w;
	bool ok;

	if (rsa_check_inputs(alg, n, n_len, e, digest_len, sig, sig_len))
		return verdict_fail();
	if (bn_mont_init(&w.mont, n, n_len) || bn_exp_65537(&w.mont, sig, w.em, w.scratch.bn))
		return verdict_fail();
	if (alg == SIG_RSA_PKCS1_SHA256)
		ok = pkcs1_ok(w.em, w.mont.limbs, digest);
	else
		ok = pss_ok(w.em, w.mont.limbs, digest, alg == SIG_RSA_PSS_SHA256_ANY_SALT,
			    &w.scratch.pss);
	return ok ? verdict_ok() : verdict_fail();
}

/* See internal.h: @pub is a DER RSAPublicKey. Not constant-time (all inputs are public). */
verdict_t rsa_verify_der(enum sig_alg alg, const uint8_t *pub, size_t pub_len,
			 const uint8_t *digest, size_t digest_len, const uint8_t *sig,
			 size_t sig_len)
{
	const uint8_t *n;
	size_t n_len;
	uint32_t e;

	if (rsa_pubkey_parse(pub, pub_len, &n, &n_len, &e))
		return verdict_fail();
	return crypto_rsa_verify(alg, n, n_len, e, digest, digest_len, sig, sig_len);
}
