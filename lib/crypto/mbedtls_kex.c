// SPDX-License-Identifier: Apache-2.0
/*
 * Key agreement for the mbedtls backend: crypto_x25519() and crypto_ecdh_p256() through
 * mbedtls 2.28's ECDH (mbedtls_ecdh_compute_shared() on MBEDTLS_ECP_DP_CURVE25519 and
 * MBEDTLS_ECP_DP_SECP256R1), with the same input rules and results as kex.c.
 *
 * mbedtls wants a random generator to blind its scalar multiplication (randomized projective
 * coordinates). A boot loader has no entropy source to give it, so each call seeds a CTR-DRBG
 * on its own stack from a fixed constant: the blinding values are the same on every call and
 * predictable. That removes only mbedtls's extra defence against power and EM analysis; the
 * Montgomery ladder (Curve25519) and the comb (P-256) it blinds are regular and constant-time
 * in the scalar without it. mbedtls allocates its bignums on the heap; we do not.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ecdh.h>
#include <mbedtls/ecp.h>
#include "internal.h"

/* The fixed "entropy" of the blinding generator (see above): 0x5a bytes. */
static int fixed_entropy(void *ctx, unsigned char *out, size_t len)
{
	(void)ctx;
	__builtin_memset(out, 0x5a, len);
	return 0;
}

/*
 * z = x(d Q) on group id, Q read from pub (@pub_len bytes in mbedtls's encoding for the
 * curve: 32 little-endian bytes for Curve25519, 0x04 || X || Y for P-256). mbedtls checks Q
 * (check_pubkey) and d (check_privkey: the clamping bits, or 1 <= d < n) itself. Returns true
 * on success.
 */
static bool shared_x(mbedtls_ecp_group_id id, mbedtls_mpi *z, const mbedtls_mpi *d,
		     const uint8_t *pub, size_t pub_len)
{
	mbedtls_ctr_drbg_context drbg;
	mbedtls_ecp_group grp;
	mbedtls_ecp_point q;
	bool ok;

	mbedtls_ctr_drbg_init(&drbg);
	mbedtls_ecp_group_init(&grp);
	mbedtls_ecp_point_init(&q);
	ok = mbedtls_ctr_drbg_seed(&drbg, fixed_entropy, NULL,
				   (const unsigned char *)"rampart-kex", 11) == 0 &&
	     mbedtls_ecp_group_load(&grp, id) == 0 &&
	     mbedtls_ecp_point_read_binary(&grp, &q, pub, pub_len) == 0 &&
	     mbedtls_ecp_check_pubkey(&grp, &q) == 0 &&
	     mbedtls_ecdh_compute_shared(&grp, z, &q, d, mbedtls_ctr_drbg_random, &drbg) == 0;
	mbedtls_ecp_point_free(&q);
	mbedtls_ecp_group_free(&grp);
	mbedtls_ctr_drbg_free(&drbg);
	return ok;
}

/*
 * See crypto.h. The scalar is clamped here (RFC 7748 5) because mbedtls refuses unclamped
 * Curve25519 keys; mbedtls ignores u's top bit and reduces u >= p, as RFC 7748 asks. A
 * small-order u makes mbedtls fail (the result is the point at infinity) or give zero: both
 * answer -EINVAL with out all zero, as the built-in code. -ENOTSUP in a build without X25519.
 */
int crypto_x25519(uint8_t out[32], const uint8_t scalar[32], const uint8_t point[32])
{
	uint8_t k[X25519_LEN];
	uint32_t acc = 0;
	mbedtls_mpi d, z;
	bool ok;
	int i;

	if (!IS_ENABLED(CONFIG_CRYPTO_X25519))
		return -ENOTSUP;
	__builtin_memcpy(k, scalar, sizeof(k));
	k[0] &= 248;
	k[31] = (uint8_t)((k[31] & 127) | 64);
	mbedtls_mpi_init(&d);
	mbedtls_mpi_init(&z);
	ok = mbedtls_mpi_read_binary_le(&d, k, sizeof(k)) == 0 &&
	     shared_x(MBEDTLS_ECP_DP_CURVE25519, &z, &d, point, X25519_LEN) &&
	     mbedtls_mpi_write_binary_le(&z, out, X25519_LEN) == 0;
	mbedtls_mpi_free(&z);
	mbedtls_mpi_free(&d);
	crypto_wipe(k, sizeof(k));
	if (!ok)
		__builtin_memset(out, 0, X25519_LEN);
	for (i = 0; i < X25519_LEN; i++)
		acc |= out[i];
	return -EINVAL & (int)(((acc | (0u - acc)) >> 31) - 1);
}

/*
 * See crypto.h. Returns 0, -EINVAL for a bad length, point or scalar (out all zero), or
 * -ENOTSUP in a build without P-256 ECDH.
 */
int crypto_ecdh_p256(uint8_t out[32], const uint8_t priv[32], const uint8_t *pub,
		     size_t pub_len)
{
	mbedtls_mpi d, z;
	bool ok;

	if (!IS_ENABLED(CONFIG_CRYPTO_ECDH_P256))
		return -ENOTSUP;
	/* Only the uncompressed form, as the built-in code. */
	if (pub_len != P256_PUB_LEN || pub[0] != 0x04) {
		__builtin_memset(out, 0, 32);
		return -EINVAL;
	}
	mbedtls_mpi_init(&d);
	mbedtls_mpi_init(&z);
	ok = mbedtls_mpi_read_binary(&d, priv, P256_SCALAR_LEN) == 0 &&
	     shared_x(MBEDTLS_ECP_DP_SECP256R1, &z, &d, pub, pub_len) &&
	     mbedtls_mpi_write_binary(&z, out, 32) == 0;
	mbedtls_mpi_free(&z);
	mbedtls_mpi_free(&d);
	if (!ok)
		__builtin_memset(out, 0, 32);
	return ok ? 0 : -EINVAL;
}
