// SPDX-License-Identifier: Apache-2.0
/*
 * The built-in crypto backend: the crypto.h entry points over lib/crypto's own portable code.
 * Algorithms a board leaves out of Kconfig are compiled here but folded away by IS_ENABLED(),
 * so their code is never linked.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include "internal.h"

static bool sha512_built(void)
{
	/* SHA-512 is built for Ed25519 (RFC 8032 hashes with it) and only then. */
	return IS_ENABLED(CONFIG_BOOT_SIGNATURE_TYPE_ED25519);
}

/*
 * crypto_hash_init() - start a digest in h.
 * Returns 0, or -ENOTSUP for HASH_NONE, an unknown algorithm, or SHA-512 in a build
 * without Ed25519 (h->alg is then HASH_NONE and update/final do nothing).
 */
int crypto_hash_init(struct crypto_hash *h, enum hash_alg alg)
{
	h->alg = HASH_NONE;
	if (alg == HASH_SHA256) {
		sha256_init(&h->u.sha256);
	} else if (alg == HASH_SHA512 && sha512_built()) {
		sha512_init(&h->u.sha512);
	} else {
		return -ENOTSUP;
	}
	h->alg = alg;
	return 0;
}

/* crypto_hash_update() - hash len more bytes (data may be NULL if len is 0). */
void crypto_hash_update(struct crypto_hash *h, const void *data, size_t len)
{
	if (h->alg == HASH_SHA256)
		sha256_update(&h->u.sha256, data, len);
	else if (h->alg == HASH_SHA512 && sha512_built())
		sha512_update(&h->u.sha512, data, len);
}

/*
 * crypto_hash_final() - write crypto_hash_len(h->alg) bytes to out (none for HASH_NONE) and
 * wipe h; it needs crypto_hash_init() before reuse.
 */
void crypto_hash_final(struct crypto_hash *h, uint8_t *out)
{
	if (h->alg == HASH_SHA256)
		sha256_final(&h->u.sha256, out);
	else if (h->alg == HASH_SHA512 && sha512_built())
		sha512_final(&h->u.sha512, out);
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

static verdict_t verify_ecdsa_p256(const uint8_t *pub, size_t pub_len, const uint8_t *digest,
				   size_t digest_len, const uint8_t *sig, size_t sig_len)
{
	uint8_t r[P256_SCALAR_LEN], s[P256_SCALAR_LEN];

	if (pub_len != P256_PUB_LEN || digest_len != SHA256_LEN)
		return verdict_fail();
	if (ecdsa_der_decode(sig, sig_len, r, s))
		return verdict_fail();
	return p256_verify(pub, digest, r, s);
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
