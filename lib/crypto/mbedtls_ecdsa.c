// SPDX-License-Identifier: Apache-2.0
/*
 * ECDSA verification for the mbedtls backend: the same length checks and the same strict DER
 * decoding (ecdsa_der.c) as ecdsa.c, then mbedtls's curve arithmetic, so both backends give
 * the same verdict on every input.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/ecp.h>
#include "internal.h"

/* The mbedtls half of ECDSA: true only if everything loads and mbedtls accepts. */
static bool mbedtls_p256_ok(const uint8_t *pub, const uint8_t *digest, const uint8_t *r_be,
			    const uint8_t *s_be)
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
	ok = mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_SECP256R1) == 0 &&
	     mbedtls_ecp_point_read_binary(&grp, &q, pub, P256_PUB_LEN) == 0 &&
	     mbedtls_ecp_check_pubkey(&grp, &q) == 0 &&
	     mbedtls_mpi_read_binary(&r, r_be, P256_SCALAR_LEN) == 0 &&
	     mbedtls_mpi_read_binary(&s, s_be, P256_SCALAR_LEN) == 0 &&
	     mbedtls_ecdsa_verify(&grp, digest, SHA256_LEN, &q, &r, &s) == 0;
	mbedtls_mpi_free(&s);
	mbedtls_mpi_free(&r);
	mbedtls_ecp_point_free(&q);
	mbedtls_ecp_group_free(&grp);
	return ok;
}

static verdict_t verify_p256(const uint8_t *pub, size_t pub_len, const uint8_t *digest,
				   size_t digest_len, const uint8_t *sig, size_t sig_len)
{
	uint8_t r[P256_SCALAR_LEN], s[P256_SCALAR_LEN];

	/* Only the uncompressed form, as in the built-in code (mbedtls would also take 0x00). */
	if (pub_len != P256_PUB_LEN || pub[0] != 0x04 || digest_len != SHA256_LEN)
		return verdict_fail();
	if (ecdsa_der_decode(sig, sig_len, r, s))
		return verdict_fail();
	return mbedtls_p256_ok(pub, digest, r, s) ? verdict_ok() : verdict_fail();
}

verdict_t ecdsa_verify(enum sig_alg alg, const uint8_t *pub, size_t pub_len,
		       const uint8_t *digest, size_t digest_len, const uint8_t *sig,
		       size_t sig_len)
{
	if (alg == SIG_ECDSA_P256 && IS_ENABLED(CONFIG_CRYPTO_ECDSA_P256))
		return verify_p256(pub, pub_len, digest, digest_len, sig, sig_len);
	return verdict_fail();
}
