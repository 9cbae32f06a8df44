// SPDX-License-Identifier: Apache-2.0
/*
 * DER SubjectPublicKeyInfo (RFC 5280 4.1.2.7), as imgtool embeds keys in a loader:
 *
 *   SEQUENCE { SEQUENCE { OID algorithm, parameters OPTIONAL }, BIT STRING key }
 *
 * EC keys (RFC 5480) carry the named-curve OID as parameters and an uncompressed point;
 * Ed25519 keys (RFC 8410) have no parameters and a 32-byte key. The whole input is untrusted.
 */
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include "internal.h"

/* Contents octets of the object identifiers we know. */
static const uint8_t oid_ec_public_key[] = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01 };
static const uint8_t oid_prime256v1[] = { 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07 };
static const uint8_t oid_ed25519[] = { 0x2b, 0x65, 0x70 };

static bool oid_is(const uint8_t *oid, size_t len, const uint8_t *want, size_t want_len)
{
	return len == want_len && __builtin_memcmp(oid, want, len) == 0;
}

/* Check the id-ecPublicKey parameters (params_len bytes, possibly 0) and the point. */
static int ec_key_check(const uint8_t *params, size_t params_len, const uint8_t *key,
			size_t key_len)
{
	const uint8_t *curve;
	size_t curve_len, pos = 0;

	if (params_len == 0)
		return -EBADMSG;
	/* specifiedCurve / implicitCurve are valid DER we do not support. */
	if (params[0] != DER_TAG_OID)
		return -ENOTSUP;
	if (der_next(params, params_len, &pos, DER_TAG_OID, &curve, &curve_len) ||
	    pos != params_len)
		return -EBADMSG;
	if (!oid_is(curve, curve_len, oid_prime256v1, sizeof(oid_prime256v1)))
		return -ENOTSUP;
	if (key_len == P256_PUB_LEN && key[0] == 0x04)
		return 0;
	if (key_len == 33 && (key[0] == 0x02 || key[0] == 0x03))
		return -ENOTSUP;	/* compressed point */
	return -EBADMSG;
}

/*
 * crypto_spki_parse() - read a DER SubjectPublicKeyInfo.
 * @der, @len: the encoded key (untrusted); nothing may follow the outer SEQUENCE
 * @alg, @pub, @pub_len: on success, the algorithm and the raw key inside der (a 65-byte
 *                       uncompressed P-256 point or a 32-byte Ed25519 key); untouched on error
 * Returns 0; -EBADMSG for malformed or non-DER input, a wrong key length, unused bits in the
 * key BIT STRING, or parameters where RFC 5480/8410 forbid or require them; -ENOTSUP for
 * another algorithm, another curve, explicit curve parameters or a compressed point.
 * The curve point itself is not validated here (the verifier does). Not constant-time.
 */
int crypto_spki_parse(const uint8_t *der, size_t len, enum sig_alg *alg,
		      const uint8_t **pub, size_t *pub_len)
{
	const uint8_t *spki, *algid, *oid, *bits;
	size_t spki_len, algid_len, oid_len, bits_len;
	size_t pos = 0, in = 0, apos = 0;
	int ret;

	if (der_next(der, len, &pos, DER_TAG_SEQUENCE, &spki, &spki_len) || pos != len)
		return -EBADMSG;
	if (der_next(spki, spki_len, &in, DER_TAG_SEQUENCE, &algid, &algid_len) ||
	    der_next(spki, spki_len, &in, DER_TAG_BIT_STRING, &bits, &bits_len) ||
	    in != spki_len)
		return -EBADMSG;
	if (der_next(algid, algid_len, &apos, DER_TAG_OID, &oid, &oid_len))
		return -EBADMSG;
	/* A key is whole bytes: the "unused bits" octet must be present and zero. */
	if (bits_len < 1 || bits[0] != 0)
		return -EBADMSG;
	bits++;
	bits_len--;

	if (oid_is(oid, oid_len, oid_ec_public_key, sizeof(oid_ec_public_key))) {
		ret = ec_key_check(algid + apos, algid_len - apos, bits, bits_len);
		if (ret)
			return ret;
		*alg = SIG_ECDSA_P256;
	} else if (oid_is(oid, oid_len, oid_ed25519, sizeof(oid_ed25519))) {
		if (apos != algid_len || bits_len != ED25519_PUB_LEN)
			return -EBADMSG;
		*alg = SIG_ED25519;
	} else {
		return -ENOTSUP;
	}
	*pub = bits;
	*pub_len = bits_len;
	return 0;
}
