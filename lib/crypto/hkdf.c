// SPDX-License-Identifier: Apache-2.0
/*
 * HKDF (RFC 5869) over the built-in HMAC: extract (section 2.2), then expand (section 2.3).
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include "internal.h"

#define HKDF_MAX_BLOCKS 255	/* RFC 5869 2.3: L <= 255 * HashLen */

static bool hkdf_alg_ok(enum hash_alg alg)
{
	return alg == HASH_SHA256 || (alg == HASH_SHA512 && IS_ENABLED(CONFIG_CRYPTO_SHA512));
}

/*
 * crypto_hkdf() - see crypto.h. Any of salt, ikm, info may be NULL when its length is 0; an
 * empty salt acts as HashLen zero bytes (HMAC pads every key with zeros to the block). okm
 * may be NULL when okm_len is 0 (nothing is derived then). Checks in this order: -ENOTSUP
 * for a hash other than SHA-256 / SHA-512 (or SHA-512 not built), then -EINVAL if
 * okm_len > 255 * HashLen. Constant-time in salt, ikm and output; the time depends on the
 * lengths only. PRK and the last block T(i) are wiped before returning.
 */
int crypto_hkdf(enum hash_alg alg, const uint8_t *salt, size_t salt_len, const uint8_t *ikm,
		size_t ikm_len, const uint8_t *info, size_t info_len, uint8_t *okm,
		size_t okm_len)
{
	struct crypto_hmac h;
	uint8_t prk[HASH_MAX_LEN], t[HASH_MAX_LEN];
	size_t hlen = crypto_hash_len(alg), done, n;
	uint8_t i;

	if (!hkdf_alg_ok(alg))
		return -ENOTSUP;
	if (okm_len > HKDF_MAX_BLOCKS * hlen)
		return -EINVAL;
	crypto_hmac_init(&h, alg, salt, salt_len);
	crypto_hmac_update(&h, ikm, ikm_len);
	crypto_hmac_final(&h, prk);
	/* T(i) = HMAC(PRK, T(i-1) || info || i), T(0) empty */
	for (done = 0, i = 1; done < okm_len; done += n, i++) {
		crypto_hmac_init(&h, alg, prk, hlen);
		if (done)
			crypto_hmac_update(&h, t, hlen);
		crypto_hmac_update(&h, info, info_len);
		crypto_hmac_update(&h, &i, 1);
		crypto_hmac_final(&h, t);
		n = MIN(hlen, okm_len - done);
		__builtin_memcpy(okm + done, t, n);
	}
	crypto_wipe(prk, sizeof(prk));
	crypto_wipe(t, sizeof(t));
	return 0;
}
