// SPDX-License-Identifier: Apache-2.0
/*
 * RSA signature verification for the mbedtls backend: the same key parsing and the same size,
 * exponent and range checks as rsa.c (rsa_key.c), then mbedtls 2.28's RSASSA-PSS (salt 32 or
 * MBEDTLS_RSA_SALT_LEN_ANY) and RSASSA-PKCS1-v1_5 verification, so both backends give the same
 * verdict on every input. mbedtls allocates its bignums on the heap; we do not.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <mbedtls/md.h>
#include <mbedtls/rsa.h>
#include "internal.h"
#include "rsa_key.h"

#define PSS_SALT_LEN 32

/* The mbedtls half: true only if the key loads and mbedtls accepts the signature. */
static bool mbedtls_rsa_ok(enum sig_alg alg, const uint8_t *n, size_t n_len, uint32_t e,
			   const uint8_t *digest, const uint8_t *sig)
{
	mbedtls_rsa_context ctx;
	uint8_t e_be[4];
	int rc;

	put_be32(e_be, e);
	mbedtls_rsa_init(&ctx, alg == SIG_RSA_PKCS1_SHA256 ? MBEDTLS_RSA_PKCS_V15 :
			 MBEDTLS_RSA_PKCS_V21, MBEDTLS_MD_SHA256);
	rc = mbedtls_rsa_import_raw(&ctx, n, n_len, NULL, 0, NULL, 0, NULL, 0, e_be, sizeof(e_be));
	if (rc == 0)
		rc = mbedtls_rsa_complete(&ctx);
	if (rc == 0)
		rc = mbedtls_rsa_check_pubkey(&ctx);
	/* mbedtls reads ctx.len = n_len signature bytes: rsa_check_inputs() made sig_len equal. */
	if (rc == 0 && alg == SIG_RSA_PKCS1_SHA256)
		rc = mbedtls_rsa_rsassa_pkcs1_v15_verify(&ctx, NULL, NULL, MBEDTLS_RSA_PUBLIC,
							 MBEDTLS_MD_SHA256, SHA256_LEN, digest,
							 sig);
	else if (rc == 0)
		rc = mbedtls_rsa_rsassa_pss_verify_ext(&ctx, NULL, NULL, MBEDTLS_RSA_PUBLIC,
						       MBEDTLS_MD_SHA256, SHA256_LEN, digest,
						       MBEDTLS_MD_SHA256,
						       alg == SIG_RSA_PSS_SHA256_ANY_SALT ?
						       MBEDTLS_RSA_SALT_LEN_ANY : PSS_SALT_LEN,
						       sig);
	mbedtls_rsa_free(&ctx);
	return rc == 0;
}

/* See crypto.h. Not constant-time (all inputs are public). */
verdict_t crypto_rsa_verify(enum sig_alg alg, const uint8_t *n, size_t n_len, uint32_t e,
			    const uint8_t *digest, size_t digest_len, const uint8_t *sig,
			    size_t sig_len)
{
	if (rsa_check_inputs(alg, n, n_len, e, digest_len, sig, sig_len))
		return verdict_fail();
	return mbedtls_rsa_ok(alg, n, n_len, e, digest, sig) ? verdict_ok() : verdict_fail();
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
