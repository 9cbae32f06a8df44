// SPDX-License-Identifier: Apache-2.0
/*
 * Trusted-key lookup for MCUboot's KEYHASH and PUBKEY TLVs (shared/specs/mcuboot-image.md
 * section 5). A hash that names no key means "not my key", never "bad image".
 */
#include <rampart/crypto.h>
#include <rampart/keys.h>

const struct trusted_key *keyring_find_by_hash(const struct keyring *kr, enum hash_alg alg,
					       const uint8_t *hash, size_t hash_len)
{
	const struct trusted_key *found = NULL;
	size_t i;

	if (!kr || !hash || alg != HASH_SHA256 || hash_len != SHA256_LEN)
		return NULL;
	/* Visit every key whatever matches, so timing does not tell which one did. */
	for (i = 0; i < kr->count; i++) {
		const struct trusted_key *k = &kr->keys[i];
		bool eq = k->sha256 && crypto_ct_equal(k->sha256, hash, SHA256_LEN);

		if (eq && !found)
			found = k;
	}
	return found;
}

const struct trusted_key *keyring_find_by_der(const struct keyring *kr, enum hash_alg alg,
					      const uint8_t *der, size_t der_len)
{
	struct crypto_hash h;
	uint8_t digest[SHA256_LEN];

	if (!der || alg != HASH_SHA256 || crypto_hash_init(&h, HASH_SHA256))
		return NULL;
	crypto_hash_update(&h, der, der_len);
	crypto_hash_final(&h, digest);
	return keyring_find_by_hash(kr, alg, digest, sizeof(digest));
}
