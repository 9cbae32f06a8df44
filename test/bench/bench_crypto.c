// SPDX-License-Identifier: Apache-2.0
/*
 * Crypto benchmark driver for scripts/bench-crypto. `bench_crypto OP` prepares the inputs of
 * one operation, then runs it once inside a function named bench_OP_builtin or
 * bench_OP_mbedtls; the script counts the instructions of exactly that function with
 * `valgrind --tool=callgrind --toggle-collect=...`. Instruction counts are deterministic for
 * a given binary and input, unlike timings.
 *
 * The built-in side goes through Rampart's crypto.h (what the bootloader calls); the mbedtls
 * side calls Debian's mbedtls directly with its context prepared beforehand (curve group
 * loaded, key imported), so mbedtls is charged only for the operation itself.
 * Each run checks its result (a verify must accept); a wrong result exits 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/aes.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/ecp.h>
#include <mbedtls/rsa.h>
#include <mbedtls/sha256.h>
#include <mbedtls/sha512.h>

#include <rampart/crypto.h>
#include "test/bench/vectors.h"

#define NOINLINE __attribute__((noinline, used))
#define SHA_BYTES (16 * 1024)

static uint8_t buf[SHA_BYTES];
static size_t hex(const char *h, uint8_t *out)
{
	size_t n = strlen(h) / 2;

	for (size_t i = 0; i < n; i++)
		sscanf(h + 2 * i, "%2hhx", &out[i]);
	return n;
}

struct input {
	uint8_t pub[600], sig[600], digest[64];
	size_t pub_len, sig_len, digest_len;
};

static void load(struct input *in, const char *pub, const char *sig, const char *digest)
{
	in->pub_len = hex(pub, in->pub);
	in->sig_len = hex(sig, in->sig);
	in->digest_len = hex(digest, in->digest);
}

static int expect(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "bench_crypto: %s gave the wrong result\n", what);
		exit(1);
	}
	return 0;
}

/* ---- SHA-256 / SHA-512 over 16 KiB ---------------------------------------------------- */

NOINLINE void bench_sha256_builtin(uint8_t out[32])
{
	struct crypto_hash h;

	crypto_hash_init(&h, HASH_SHA256);
	crypto_hash_update(&h, buf, SHA_BYTES);
	crypto_hash_final(&h, out);
}

NOINLINE void bench_sha256_mbedtls(uint8_t out[32])
{
	mbedtls_sha256_ret(buf, SHA_BYTES, out, 0);
}

NOINLINE void bench_sha512_builtin(uint8_t out[64])
{
	struct crypto_hash h;

	crypto_hash_init(&h, HASH_SHA512);
	crypto_hash_update(&h, buf, SHA_BYTES);
	crypto_hash_final(&h, out);
}

NOINLINE void bench_sha512_mbedtls(uint8_t out[64])
{
	mbedtls_sha512_ret(buf, SHA_BYTES, out, 0);
}

static int run_sha(const char *op, int mbed)
{
	uint8_t a[64], b[64];
	bool is256 = strcmp(op, "sha256") == 0;

	for (size_t i = 0; i < SHA_BYTES; i++)
		buf[i] = (uint8_t)(i * 131 + 7);
	if (is256) {
		mbed ? bench_sha256_mbedtls(a) : bench_sha256_builtin(a);
		mbedtls_sha256_ret(buf, SHA_BYTES, b, 0);
		return expect(memcmp(a, b, 32) == 0, op);
	}
	mbed ? bench_sha512_mbedtls(a) : bench_sha512_builtin(a);
	mbedtls_sha512_ret(buf, SHA_BYTES, b, 0);
	return expect(memcmp(a, b, 64) == 0, op);
}

/* ---- Signature verification ------------------------------------------------------------ */

NOINLINE verdict_t bench_verify_builtin(enum sig_alg alg, const struct input *in)
{
	return crypto_verify(alg, in->pub, in->pub_len, in->digest, in->digest_len, in->sig,
			     in->sig_len);
}

NOINLINE int bench_ecdsa_mbedtls(mbedtls_ecp_group *grp, const uint8_t *digest, size_t len,
				 mbedtls_ecp_point *q, mbedtls_mpi *r, mbedtls_mpi *s)
{
	return mbedtls_ecdsa_verify(grp, digest, len, q, r, s);
}

/* The DER signature's r and s, for mbedtls (the parse is not part of the measurement). */
static void der_rs(const struct input *in, mbedtls_mpi *r, mbedtls_mpi *s)
{
	const uint8_t *p = in->sig + 2;
	size_t lr = p[1], ls;

	mbedtls_mpi_read_binary(r, p + 2, lr);
	p += 2 + lr;
	ls = p[1];
	mbedtls_mpi_read_binary(s, p + 2, ls);
}

static int run_ecdsa(struct input *in, mbedtls_ecp_group_id id, enum sig_alg alg, int mbed)
{
	mbedtls_ecp_group grp;
	mbedtls_ecp_point q;
	mbedtls_mpi r, s;
	int rc;

	if (!mbed)
		return expect(verdict_is_ok(bench_verify_builtin(alg, in)), "builtin ecdsa");
	mbedtls_ecp_group_init(&grp);
	mbedtls_ecp_point_init(&q);
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	mbedtls_ecp_group_load(&grp, id);
	mbedtls_ecp_point_read_binary(&grp, &q, in->pub, in->pub_len);
	der_rs(in, &r, &s);
	rc = bench_ecdsa_mbedtls(&grp, in->digest, in->digest_len, &q, &r, &s);
	return expect(rc == 0, "mbedtls ecdsa");
}

NOINLINE int bench_rsa_mbedtls(mbedtls_rsa_context *rsa, const struct input *in)
{
	return mbedtls_rsa_rsassa_pss_verify_ext(rsa, NULL, NULL, MBEDTLS_RSA_PUBLIC,
						 MBEDTLS_MD_SHA256, 32, in->digest,
						 MBEDTLS_MD_SHA256, 32, in->sig);
}

/* n and e from a DER RSAPublicKey (the fixed, well-formed bench keys). */
static void der_rsa_key(const struct input *in, mbedtls_rsa_context *rsa)
{
	const uint8_t *p = in->pub;
	size_t hdr = (p[1] & 0x80) ? 2 + (p[1] & 0x7f) : 2;
	size_t ln, le;

	p += hdr;
	hdr = (p[1] & 0x80) ? 2 + (p[1] & 0x7f) : 2;
	ln = (p[1] & 0x80) ? ((size_t)p[2] << 8 | p[3]) : p[1];
	mbedtls_rsa_import_raw(rsa, p + hdr, ln, NULL, 0, NULL, 0, NULL, 0, NULL, 0);
	p += hdr + ln;
	le = p[1];
	mbedtls_rsa_import_raw(rsa, NULL, 0, NULL, 0, NULL, 0, NULL, 0, p + 2, le);
	mbedtls_rsa_complete(rsa);
}

static int run_rsa(struct input *in, int mbed)
{
	mbedtls_rsa_context rsa;

	if (!mbed)
		return expect(verdict_is_ok(bench_verify_builtin(SIG_RSA_PSS_SHA256, in)),
			      "builtin rsa (not built yet?)");
	mbedtls_rsa_init(&rsa, MBEDTLS_RSA_PKCS_V21, MBEDTLS_MD_SHA256);
	der_rsa_key(in, &rsa);
	return expect(bench_rsa_mbedtls(&rsa, in) == 0, "mbedtls rsa");
}

/* ---- AES-128-CTR over 16 KiB --------------------------------------------------------- */

NOINLINE void bench_aes_builtin(const struct crypto_aes *ctx, const uint8_t iv[16], uint8_t *out)
{
	crypto_aes_ctr(ctx, iv, 0, buf, out, SHA_BYTES);
}

NOINLINE void bench_aes_mbedtls(mbedtls_aes_context *ctx, uint8_t iv[16], uint8_t *out)
{
	size_t off = 0;
	uint8_t stream[16];

	mbedtls_aes_crypt_ctr(ctx, SHA_BYTES, &off, iv, stream, buf, out);
}

static int run_aes(int mbed)
{
	static uint8_t a[SHA_BYTES], b[SHA_BYTES];
	uint8_t key[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
	uint8_t iv[16] = { 0 }, iv2[16] = { 0 };
	struct crypto_aes ctx;
	mbedtls_aes_context m;

	for (size_t i = 0; i < SHA_BYTES; i++)
		buf[i] = (uint8_t)(i * 7);
	mbedtls_aes_init(&m);
	mbedtls_aes_setkey_enc(&m, key, 128);
	crypto_aes_setkey(&ctx, key, sizeof(key));
	if (mbed) {
		bench_aes_mbedtls(&m, iv, a);
		crypto_aes_ctr(&ctx, iv2, 0, buf, b, SHA_BYTES);
	} else {
		bench_aes_builtin(&ctx, iv, a);
		bench_aes_mbedtls(&m, iv2, b);
	}
	return expect(memcmp(a, b, SHA_BYTES) == 0, "aes-ctr");
}

/* ---- Key agreement: X25519 and P-256 ECDH --------------------------------------------- */

NOINLINE int bench_x25519_builtin(uint8_t out[32], const uint8_t k[32], const uint8_t u[32])
{
	return crypto_x25519(out, k, u);
}

NOINLINE int bench_ecdh_builtin(uint8_t out[32], const uint8_t d[32], const uint8_t *q)
{
	return crypto_ecdh_p256(out, d, q, 65);
}

NOINLINE int bench_ecmul_mbedtls(mbedtls_ecp_group *grp, mbedtls_ecp_point *r,
				 const mbedtls_mpi *d, const mbedtls_ecp_point *p)
{
	return mbedtls_ecp_mul(grp, r, d, p, NULL, NULL);
}

/* RFC 7748 5.2, first vector: scalar, u-coordinate and the expected output. */
static const char hex_x_k[] = "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4";
static const char hex_x_u[] = "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c";
static const char hex_x_out[] = "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552";
/* A fixed P-256 private scalar (below n). */
static const char hex_d[] = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";

static int run_kex(const char *op, int mbed)
{
	uint8_t k[32], u[65], want[32], got[32], d[32];
	mbedtls_ecp_group grp;
	mbedtls_ecp_point p, r;
	mbedtls_mpi m;
	bool x = strcmp(op, "x25519") == 0;
	int rc;

	hex(hex_x_k, k);
	hex(hex_d, d);
	if (x)
		hex(hex_x_u, u);
	else
		hex(hex_p256_pub, u);
	if (!mbed) {
		rc = x ? bench_x25519_builtin(got, k, u) : bench_ecdh_builtin(got, d, u);
		if (x)
			hex(hex_x_out, want);
		else
			memcpy(want, got, 32);	/* checked against mbedtls in the unit tests */
		return expect(rc == 0 && memcmp(got, want, 32) == 0, op);
	}
	mbedtls_ecp_group_init(&grp);
	mbedtls_ecp_point_init(&p);
	mbedtls_ecp_point_init(&r);
	mbedtls_mpi_init(&m);
	if (x) {
		/* mbedtls takes Curve25519 scalars and coordinates little-endian. */
		mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_CURVE25519);
		k[0] &= 248, k[31] &= 127, k[31] |= 64;
		mbedtls_mpi_read_binary_le(&m, k, 32);
		mbedtls_mpi_read_binary_le(&p.X, u, 32);
		mbedtls_mpi_lset(&p.Z, 1);
	} else {
		mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_SECP256R1);
		mbedtls_mpi_read_binary(&m, d, 32);
		mbedtls_ecp_point_read_binary(&grp, &p, u, 65);
	}
	rc = bench_ecmul_mbedtls(&grp, &r, &m, &p);
	return expect(rc == 0, op);
}

int main(int argc, char **argv)
{
	struct input in;
	const char *op;
	int mbed;

	if (argc != 3 || (strcmp(argv[2], "builtin") && strcmp(argv[2], "mbedtls"))) {
		fprintf(stderr, "usage: bench_crypto OP builtin|mbedtls\n"
			"OP: sha256 sha512 aes128ctr p256 p384 ed25519 rsa2048 rsa3072 rsa4096 x25519 ecdh_p256\n");
		return 2;
	}
	op = argv[1];
	mbed = strcmp(argv[2], "mbedtls") == 0;
	if (!strcmp(op, "sha256") || !strcmp(op, "sha512"))
		return run_sha(op, mbed);
	if (!strcmp(op, "aes128ctr"))
		return run_aes(mbed);
	if (!strcmp(op, "x25519") || !strcmp(op, "ecdh_p256"))
		return run_kex(op, mbed);
	if (!strcmp(op, "p256")) {
		load(&in, hex_p256_pub, hex_p256_sig, hex_d256);
		return run_ecdsa(&in, MBEDTLS_ECP_DP_SECP256R1, SIG_ECDSA_P256, mbed);
	}
	if (!strcmp(op, "p384")) {
		load(&in, hex_p384_pub, hex_p384_sig, hex_d384);
		return run_ecdsa(&in, MBEDTLS_ECP_DP_SECP384R1, SIG_ECDSA_P384, mbed);
	}
	if (!strcmp(op, "ed25519")) {
		load(&in, hex_ed_pub, hex_ed_sig, hex_d256);
		if (mbed)
			return 3;	/* mbedtls 2.28 has no Ed25519 */
		return expect(verdict_is_ok(bench_verify_builtin(SIG_ED25519, &in)), "ed25519");
	}
	if (!strcmp(op, "rsa2048"))
		load(&in, hex_rsa2048_pub, hex_rsa2048_sig, hex_d256);
	else if (!strcmp(op, "rsa3072"))
		load(&in, hex_rsa3072_pub, hex_rsa3072_sig, hex_d256);
	else if (!strcmp(op, "rsa4096"))
		load(&in, hex_rsa4096_pub, hex_rsa4096_sig, hex_d256);
	else
		return 2;
	return run_rsa(&in, mbed);
}
