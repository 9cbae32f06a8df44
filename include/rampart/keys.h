/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Trusted public keys.
 *
 * A board build embeds the keys named by CONFIG_BOOT_SIGNATURE_KEY_FILE as a generated
 * keyring (scripts/gen-keyring turns the PEM files into C at build time; only public keys are
 * written). The host tool builds a keyring at run time from the -k files.
 */
#ifndef RAMPART_KEYS_H
#define RAMPART_KEYS_H

#include <stddef.h>
#include <stdint.h>
#include <rampart/crypto.h>

struct trusted_key {
	const char *name;	/* PEM file base name, for the log */
	enum sig_alg alg;
	const uint8_t *der;	/* SubjectPublicKeyInfo DER: what imgtool's KEYHASH covers */
	uint16_t der_len;
	const uint8_t *pub;	/* raw key inside der, as crypto_verify() takes it */
	uint16_t pub_len;
	const uint8_t *sha256;	/* SHA-256 of der, precomputed (32 bytes) */
};

struct keyring {
	const struct trusted_key *keys;
	size_t count;
};

/* The keys built into this bootloader (generated file). */
extern const struct keyring builtin_keyring;

/*
 * keyring_find_by_hash() - the trusted key whose DER hashes to @hash under @alg.
 * Compares in constant time. Returns the key, or NULL if none matches ("not my key").
 */
const struct trusted_key *keyring_find_by_hash(const struct keyring *kr, enum hash_alg alg,
					       const uint8_t *hash, size_t hash_len);

/*
 * keyring_find_by_der() - the trusted key whose DER hash equals the hash of @der
 * (MCUboot's PUBKEY TLV: the device only trusts a full key if it hashes to a known one).
 * Returns the key or NULL.
 */
const struct trusted_key *keyring_find_by_der(const struct keyring *kr, enum hash_alg alg,
					      const uint8_t *der, size_t der_len);

#endif
