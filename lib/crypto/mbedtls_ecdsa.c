// SPDX-License-Identifier: Apache-2.0
/*
 * ECDSA verification for the mbedtls backend: the same length checks and the same strict DER
 * or raw decoding (ecdsa_decode() in ecdsa_der.c) as ecdsa.c, then mbedtls's curve
 * arithmetic, so both backends give the same verdict on every input.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/ecp.h>
#include "internal.h"

/* The mbedtls half of ECDSA: true only if everything loads and mbedtls accepts. */
static bool mbedtls_ecdsa_ok(mbedtls_ecp_group_id id, size_t n, const uint8_t *pub,
			     const uint8_t *digest, const uint8_t *r_be, const uint8_t *s_be)
{
	mbedtls_ecp_group grp;
	mbedtls_ecp_point q;
	mbedtls_mpi r, s;
	bool ok;

	mbedtls_ecp_group_init(&grp);
	mbedtls_ecp_point_init(&q);
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	/* ecdsa_verify range-checks r and s (1..n-1) itself; check_pubkey rejects infinity,
	 * coordinates >= p and off-curve points. */
	ok = mbedtls_ecp_group_load(&grp, id) == 0 &&
	     mbedtls_ecp_point_read_binary(&grp, &q, pub, 2 * n + 1) == 0 &&
	     mbedtls_ecp_check_pubkey(&grp, &q) == 0 &&
	     mbedtls_mpi_read_binary(&r, r_be, n) == 0 &&
	     mbedtls_mpi_read_binary(&s, s_be, n) == 0 &&
	     mbedtls_ecdsa_verify(&grp, digest, n, &q, &r, &s) == 0;
	mbedtls_mpi_free(&s);
	mbedtls_mpi_free(&r);
	mbedtls_ecp_point_free(&q);
	mbedtls_ecp_group_free(&grp);
	return ok;
}

/* See internal.h and crypto.h. Not constant-time (all inputs are public). */
verdict_t ecdsa_verify(enum sig_alg alg, const uint8_t *pub, size_t pub_len,
		       const uint8_t *digest, size_t digest_len, const uint8_t *sig,
		       size_t sig_len)
{
	uint8_t r[P384_SCALAR_LEN], s[P384_SCALAR_LEN];
	size_t n = ecdsa_decode(alg, pub, pub_len, digest_len, sig, sig_len, r, s);
	mbedtls_ecp_group_id id;

	if (n == P256_SCALAR_LEN && IS_ENABLED(CONFIG_CRYPTO_ECDSA_P256))
		id = MBEDTLS_ECP_DP_SECP256R1;
	else if (n == P384_SCALAR_LEN && IS_ENABLED(CONFIG_CRYPTO_ECDSA_P384))
		id = MBEDTLS_ECP_DP_SECP384R1;
	else
		return verdict_fail();
	return mbedtls_ecdsa_ok(id, n, pub, digest, r, s) ? verdict_ok() : verdict_fail();
}
