// SPDX-License-Identifier: Apache-2.0
/*
 * The mbedtls crypto backend: the crypto.h entry points over mbedtls 2.28 (libmbedcrypto).
 * SHA-256/512 and ECDSA P-256 arithmetic come from mbedtls; the DER signature is still decoded
 * by our strict ecdsa_der.c and the lengths are checked here exactly as in backend_builtin.c,
 * so both backends give the same verdict on every input. mbedtls 2.28 has no Ed25519, so that
 * stays on the built-in ed25519.c. mbedtls may allocate internally (bignums); we do not.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/ecp.h>
#include <mbedtls/sha256.h>
#include <mbedtls/sha512.h>
#include "internal.h"

#define OPAQUE_SIZE sizeof(((struct crypto_hash *)0)->u.opaque)

_Static_assert(sizeof(mbedtls_sha256_context) <= OPAQUE_SIZE,
	       "mbedtls SHA-256 context does not fit crypto_hash");
_Static_assert(sizeof(mbedtls_sha512_context) <= OPAQUE_SIZE,
	       "mbedtls SHA-512 context does not fit crypto_hash");
_Static_assert(_Alignof(mbedtls_sha256_context) <= _Alignof(uint64_t) &&
	       _Alignof(mbedtls_sha512_context) <= _Alignof(uint64_t),
	       "mbedtls hash context needs more alignment than crypto_hash gives");

static bool sha512_built(void)
{
	/* Same rule as the built-in backend, so switching backends changes no behaviour. */
	return IS_ENABLED(CONFIG_BOOT_SIGNATURE_TYPE_ED25519);
}

static mbedtls_sha256_context *sha256_of(struct crypto_hash *h)
{
	return (mbedtls_sha256_context *)(void *)h->u.opaque;
}

static mbedtls_sha512_context *sha512_of(struct crypto_hash *h)
{
	return (mbedtls_sha512_context *)(void *)h->u.opaque;
}

/*
 * crypto_hash_init() - start a digest in h.
 * Returns 0, or -ENOTSUP for HASH_NONE, an unknown algorithm, SHA-512 in a build without
 * Ed25519, or an mbedtls failure (h->alg is then HASH_NONE and update/final do nothing).
 */
int crypto_hash_init(struct crypto_hash *h, enum hash_alg alg)
{
	h->alg = HASH_NONE;
	if (alg == HASH_SHA256) {
		mbedtls_sha256_init(sha256_of(h));
		if (mbedtls_sha256_starts_ret(sha256_of(h), 0))
			return -ENOTSUP;
	} else if (alg == HASH_SHA512 && sha512_built()) {
		mbedtls_sha512_init(sha512_of(h));
		if (mbedtls_sha512_starts_ret(sha512_of(h), 0))
			return -ENOTSUP;
	} else {
		return -ENOTSUP;
	}
	h->alg = alg;
	return 0;
}

/* crypto_hash_update() - hash len more bytes (data may be NULL if len is 0). */
void crypto_hash_update(struct crypto_hash *h, const void *data, size_t len)
{
	/* mbedtls's software SHA cannot fail on update; its return value carries nothing. */
	if (len == 0)
		return;
	if (h->alg == HASH_SHA256)
		(void)mbedtls_sha256_update_ret(sha256_of(h), data, len);
	else if (h->alg == HASH_SHA512)
		(void)mbedtls_sha512_update_ret(sha512_of(h), data, len);
}

/*
 * crypto_hash_final() - write crypto_hash_len(h->alg) bytes to out (none for HASH_NONE) and
 * wipe h; it needs crypto_hash_init() before reuse.
 */
void crypto_hash_final(struct crypto_hash *h, uint8_t *out)
{
	if (h->alg == HASH_SHA256) {
		(void)mbedtls_sha256_finish_ret(sha256_of(h), out);
		mbedtls_sha256_free(sha256_of(h));
	} else if (h->alg == HASH_SHA512) {
		(void)mbedtls_sha512_finish_ret(sha512_of(h), out);
		mbedtls_sha512_free(sha512_of(h));
	}
	crypto_wipe(h, sizeof(*h));
}

/* crypto_hash_len() - digest length in bytes; 0 for an unknown or HASH_NONE algorithm. */
size_t crypto_hash_len(enum hash_alg alg)
{
	switch (alg) {
	case HASH_SHA256:
		return SHA256_LEN;
	case HASH_SHA512:
		return SHA512_LEN;
	case HASH_NONE:
		break;
	}
	return 0;
}

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

static verdict_t verify_ecdsa_p256(const uint8_t *pub, size_t pub_len, const uint8_t *digest,
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

/*
 * crypto_verify() - see crypto.h. An algorithm left out of the build gives verdict_fail().
 * Not constant-time (all inputs are public).
 */
verdict_t crypto_verify(enum sig_alg alg, const uint8_t *pub, size_t pub_len,
			const uint8_t *msg, size_t msg_len, const uint8_t *sig, size_t sig_len)
{
	if (alg == SIG_ECDSA_P256 && IS_ENABLED(CONFIG_BOOT_SIGNATURE_TYPE_ECDSA_P256))
		return verify_ecdsa_p256(pub, pub_len, msg, msg_len, sig, sig_len);
	if (alg == SIG_ED25519 && IS_ENABLED(CONFIG_BOOT_SIGNATURE_TYPE_ED25519))
		return ed25519_verify(pub, pub_len, msg, msg_len, sig, sig_len);
	return verdict_fail();
}
