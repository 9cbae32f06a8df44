// SPDX-License-Identifier: Apache-2.0
/*
 * PEM keys for rampart-img. ECDSA P-256 goes through Debian's mbedtls; Ed25519 through
 * OpenSSL's libcrypto (mbedtls 2.28 has no Ed25519). The public key is always re-read by
 * lib/crypto's crypto_spki_parse() and hashed by lib/crypto, so the tool trusts keys exactly
 * as the bootloader's generated keyring does.
 */
#include <string.h>
#include <stdlib.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ecp.h>
#include <mbedtls/entropy.h>
#include <mbedtls/pem.h>
#include <mbedtls/pk.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "rimg.h"

#define PEM_PRIV_BEGIN "-----BEGIN PRIVATE KEY-----\n"
#define PEM_PRIV_END "-----END PRIVATE KEY-----\n"
#define PEM_PUB_BEGIN "-----BEGIN PUBLIC KEY-----\n"
#define PEM_PUB_END "-----END PUBLIC KEY-----\n"

/* A DRBG seeded from the system entropy source, for ECDSA blinding and key generation. */
struct rng {
	mbedtls_entropy_context entropy;
	mbedtls_ctr_drbg_context drbg;
};

static int rng_init(struct rng *r)
{
	static const char pers[] = "rampart-img";

	mbedtls_entropy_init(&r->entropy);
	mbedtls_ctr_drbg_init(&r->drbg);
	if (mbedtls_ctr_drbg_seed(&r->drbg, mbedtls_entropy_func, &r->entropy,
				  (const unsigned char *)pers, sizeof(pers) - 1)) {
		rimg_err("cannot seed the random generator");
		return -1;
	}
	return 0;
}

static void rng_free(struct rng *r)
{
	mbedtls_ctr_drbg_free(&r->drbg);
	mbedtls_entropy_free(&r->entropy);
}

static void set_name(struct rimg_key *k, const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n;

	base = base ? base + 1 : path;
	n = strlen(base);
	if (n > 4 && !strcmp(base + n - 4, ".pem"))
		n -= 4;
	if (n >= sizeof(k->name))
		n = sizeof(k->name) - 1;
	memcpy(k->name, base, n);
	k->name[n] = '\0';
}

/* ECDSA P-256 through mbedtls. Returns 0, 1 if mbedtls does not know the key type, or -1. */
static int load_mbedtls(struct rimg_key *k, const uint8_t *pem, size_t len, const char *path)
{
	mbedtls_pk_context *pk = calloc(1, sizeof(*pk));
	uint8_t tmp[RIMG_DER_MAX];
	int n;

	if (!pk)
		return -1;
	mbedtls_pk_init(pk);
	k->has_private = !mbedtls_pk_parse_key(pk, pem, len + 1, NULL, 0);
	if (!k->has_private && mbedtls_pk_parse_public_key(pk, pem, len + 1)) {
		free(pk);
		return 1;
	}
	k->backend = pk;
	if (mbedtls_pk_get_type(pk) != MBEDTLS_PK_ECKEY ||
	    mbedtls_pk_ec(*pk)->grp.id != MBEDTLS_ECP_DP_SECP256R1) {
		rimg_err("%s: unsupported key type (want ECDSA P-256 or Ed25519)", path);
		return -1;
	}
	/* mbedtls writes DER backwards from the end of the buffer. */
	n = mbedtls_pk_write_pubkey_der(pk, tmp, sizeof(tmp));
	if (n <= 0) {
		rimg_err("%s: cannot encode the public key", path);
		return -1;
	}
	memcpy(k->der, tmp + sizeof(tmp) - n, (size_t)n);
	k->der_len = (size_t)n;
	k->alg = SIG_ECDSA_P256;
	return 0;
}

/* Password-protected keys are not supported: never prompt on the terminal. */
static int no_password(char *buf, int size, int rwflag, void *u)
{
	(void)buf;
	(void)size;
	(void)rwflag;
	(void)u;
	return -1;
}

/* Ed25519 through OpenSSL. Returns 0 or -1. */
static int load_openssl(struct rimg_key *k, const uint8_t *pem, size_t len, const char *path)
{
	BIO *bio = BIO_new_mem_buf(pem, (int)len);
	EVP_PKEY *pkey;
	uint8_t *p = k->der;
	int n;

	pkey = bio ? PEM_read_bio_PrivateKey(bio, NULL, no_password, NULL) : NULL;
	k->has_private = pkey != NULL;
	if (!pkey && bio && BIO_reset(bio) == 1)
		pkey = PEM_read_bio_PUBKEY(bio, NULL, no_password, NULL);
	BIO_free(bio);
	if (!pkey) {
		rimg_err("%s: not a PEM key (password-protected keys are not supported)", path);
		return -1;
	}
	k->backend = pkey;
	if (EVP_PKEY_get_base_id(pkey) != EVP_PKEY_ED25519) {
		rimg_err("%s: unsupported key type (want ECDSA P-256 or Ed25519)", path);
		return -1;
	}
	n = i2d_PUBKEY(pkey, NULL);
	if (n <= 0 || (size_t)n > sizeof(k->der) || i2d_PUBKEY(pkey, &p) != n) {
		rimg_err("%s: cannot encode the public key", path);
		return -1;
	}
	k->der_len = (size_t)n;
	k->alg = SIG_ED25519;
	return 0;
}

/* The bootloader's view: parse the SPKI with lib/crypto and hash it with lib/crypto. */
static int finish_key(struct rimg_key *k, const char *path)
{
	struct crypto_hash h;
	enum sig_alg alg;

	if (crypto_spki_parse(k->der, k->der_len, &alg, &k->pub, &k->pub_len) || alg != k->alg) {
		rimg_err("%s: lib/crypto does not accept this public key", path);
		return -1;
	}
	if (crypto_hash_init(&h, HASH_SHA256))
		return -1;
	crypto_hash_update(&h, k->der, k->der_len);
	crypto_hash_final(&h, k->sha256);
	return 0;
}

int rimg_key_load(struct rimg_key *k, const char *path)
{
	uint8_t *pem;
	size_t len;
	int rc;

	memset(k, 0, sizeof(*k));
	set_name(k, path);
	if (rimg_read_file(path, &pem, &len))
		return -1;
	rc = load_mbedtls(k, pem, len, path);
	if (rc == 1)
		rc = load_openssl(k, pem, len, path);
	free(pem);
	if (!rc)
		rc = finish_key(k, path);
	if (rc)
		rimg_key_free(k);
	return rc;
}

void rimg_key_free(struct rimg_key *k)
{
	if (k->backend && k->alg == SIG_ED25519) {
		EVP_PKEY_free(k->backend);
	} else if (k->backend) {
		mbedtls_pk_free(k->backend);
		free(k->backend);
	}
	k->backend = NULL;
}

static int sign_ecdsa(const struct rimg_key *k, const uint8_t digest[SHA256_LEN],
		      uint8_t *sig, size_t *sig_len)
{
	uint8_t buf[MBEDTLS_ECDSA_MAX_LEN];
	struct rng r;
	int rc;

	if (rng_init(&r))
		return -1;
	rc = mbedtls_pk_sign(k->backend, MBEDTLS_MD_SHA256, digest, SHA256_LEN, buf, sig_len,
			     mbedtls_ctr_drbg_random, &r.drbg);
	rng_free(&r);
	if (rc || *sig_len > RIMG_SIG_MAX) {
		rimg_err("%s: ECDSA signing failed", k->name);
		return -1;
	}
	memcpy(sig, buf, *sig_len);
	return 0;
}

static int sign_ed25519(const struct rimg_key *k, const uint8_t digest[SHA256_LEN],
			uint8_t *sig, size_t *sig_len)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	int ok;

	*sig_len = RIMG_SIG_MAX;
	ok = ctx && EVP_DigestSignInit(ctx, NULL, NULL, NULL, k->backend) == 1 &&
	     EVP_DigestSign(ctx, sig, sig_len, digest, SHA256_LEN) == 1;
	EVP_MD_CTX_free(ctx);
	if (!ok) {
		rimg_err("%s: Ed25519 signing failed", k->name);
		return -1;
	}
	return 0;
}

int rimg_key_sign(const struct rimg_key *k, const uint8_t digest[SHA256_LEN], uint8_t *sig,
		  size_t *sig_len)
{
	if (!k->has_private) {
		rimg_err("%s: a public key cannot sign; give the private key", k->name);
		return -1;
	}
	if (k->alg == SIG_ECDSA_P256)
		return sign_ecdsa(k, digest, sig, sig_len);
	return sign_ed25519(k, digest, sig, sig_len);
}

char *rimg_key_pub_pem(const struct rimg_key *k)
{
	size_t olen = 0;
	char *out;

	mbedtls_pem_write_buffer(PEM_PUB_BEGIN, PEM_PUB_END, k->der, k->der_len, NULL, 0, &olen);
	out = malloc(olen);
	if (out && mbedtls_pem_write_buffer(PEM_PUB_BEGIN, PEM_PUB_END, k->der, k->der_len,
					    (unsigned char *)out, olen, &olen)) {
		free(out);
		out = NULL;
	}
	return out;
}

void rimg_key_trusted(const struct rimg_key *k, struct trusted_key *tk)
{
	tk->name = k->name;
	tk->alg = k->alg;
	tk->der = k->der;
	tk->der_len = (uint16_t)k->der_len;
	tk->pub = k->pub;
	tk->pub_len = (uint16_t)k->pub_len;
	tk->sha256 = k->sha256;
}

/*
 * PKCS#8 PrivateKeyInfo for a P-256 key, as imgtool writes it: version 0, id-ecPublicKey
 * with prime256v1, then an ECPrivateKey (RFC 5915) holding the scalar and the public point.
 */
static const uint8_t p8_p256_prefix[] = {
	0x30, 0x81, 0x87, 0x02, 0x01, 0x00, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce,
	0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x04,
	0x6d, 0x30, 0x6b, 0x02, 0x01, 0x01, 0x04, 0x20,
};
static const uint8_t p8_p256_point[] = { 0xa1, 0x44, 0x03, 0x42, 0x00 };
#define P8_P256_LEN (sizeof(p8_p256_prefix) + 32 + sizeof(p8_p256_point) + 65)

static int p256_pkcs8(mbedtls_ecp_keypair *ec, uint8_t der[P8_P256_LEN])
{
	uint8_t *p = der;
	size_t qlen;

	memcpy(p, p8_p256_prefix, sizeof(p8_p256_prefix));
	p += sizeof(p8_p256_prefix);
	if (mbedtls_mpi_write_binary(&ec->d, p, 32))
		return -1;
	p += 32;
	memcpy(p, p8_p256_point, sizeof(p8_p256_point));
	p += sizeof(p8_p256_point);
	if (mbedtls_ecp_point_write_binary(&ec->grp, &ec->Q, MBEDTLS_ECP_PF_UNCOMPRESSED, &qlen,
					   p, 65) || qlen != 65)
		return -1;
	return 0;
}

static int keygen_p256(char *pem, size_t pem_size, size_t *pem_len)
{
	mbedtls_ecp_keypair ec;
	uint8_t der[P8_P256_LEN];
	struct rng r;
	int rc;

	if (rng_init(&r))
		return -1;
	mbedtls_ecp_keypair_init(&ec);
	rc = mbedtls_ecp_gen_key(MBEDTLS_ECP_DP_SECP256R1, &ec, mbedtls_ctr_drbg_random, &r.drbg);
	if (!rc)
		rc = p256_pkcs8(&ec, der);
	if (!rc)
		rc = mbedtls_pem_write_buffer(PEM_PRIV_BEGIN, PEM_PRIV_END, der, sizeof(der),
					      (unsigned char *)pem, pem_size, pem_len);
	mbedtls_ecp_keypair_free(&ec);
	mbedtls_platform_zeroize(der, sizeof(der));
	rng_free(&r);
	/* olen counts the NUL that mbedtls appends. */
	if (!rc && *pem_len)
		(*pem_len)--;
	return rc ? -1 : 0;
}

static int keygen_ed25519(char *pem, size_t pem_size, size_t *pem_len)
{
	EVP_PKEY *pkey = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
	BIO *bio = BIO_new(BIO_s_mem());
	char *data;
	long n;
	int rc = -1;

	if (pkey && bio && PEM_write_bio_PrivateKey(bio, pkey, NULL, NULL, 0, NULL, NULL) == 1) {
		n = BIO_get_mem_data(bio, &data);
		if (n > 0 && (size_t)n < pem_size) {
			memcpy(pem, data, (size_t)n);
			*pem_len = (size_t)n;
			rc = 0;
		}
	}
	BIO_free(bio);
	EVP_PKEY_free(pkey);
	return rc;
}

int rimg_keygen(enum sig_alg alg, const char *path)
{
	char pem[512];
	size_t len = 0;
	int rc;

	rc = alg == SIG_ED25519 ? keygen_ed25519(pem, sizeof(pem), &len) :
				  keygen_p256(pem, sizeof(pem), &len);
	if (rc) {
		rimg_err("key generation failed");
		return -1;
	}
	rc = rimg_write_file(path, pem, len, true);
	memset(pem, 0, sizeof(pem));
	return rc;
}
