// SPDX-License-Identifier: Apache-2.0
/*
 * Strict DER decoding of an ECDSA signature, Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER,
 * s INTEGER } (SEC1 C.5), into fixed-size big-endian integers. Only the one DER encoding of
 * each (r, s) is accepted, so a signature cannot be re-encoded into another accepted form.
 */
#include <rampart/errno.h>
#include "internal.h"

/* Read one non-negative INTEGER of at most n significant bytes into out, left-padded to n. */
static int read_integer(const uint8_t *buf, size_t len, size_t *pos, size_t n, uint8_t *out)
{
	const uint8_t *v;
	size_t vlen;

	if (der_next(buf, len, pos, DER_TAG_INTEGER, &v, &vlen) || vlen == 0 || (v[0] & 0x80))
		return -EBADMSG;
	if (v[0] == 0 && vlen > 1) {
		/* A leading zero is allowed only to keep the next byte's top bit from the sign. */
		if (!(v[1] & 0x80))
			return -EBADMSG;
		v++;
		vlen--;
	}
	if (vlen > n)
		return -EBADMSG;
	__builtin_memset(out, 0, n - vlen);
	__builtin_memcpy(out + n - vlen, v, vlen);
	return 0;
}

int ecdsa_der_decode_len(const uint8_t *der, size_t len, size_t n, uint8_t *r, uint8_t *s)
{
	const uint8_t *seq;
	size_t seq_len, pos = 0, in = 0;

	if (der_next(der, len, &pos, DER_TAG_SEQUENCE, &seq, &seq_len) || pos != len)
		return -EBADMSG;
	if (read_integer(seq, seq_len, &in, n, r) || read_integer(seq, seq_len, &in, n, s) ||
	    in != seq_len)
		return -EBADMSG;
	return 0;
}

size_t ecdsa_decode(enum sig_alg alg, const uint8_t *pub, size_t pub_len, size_t digest_len,
		    const uint8_t *sig, size_t sig_len, uint8_t r[P384_SCALAR_LEN],
		    uint8_t s[P384_SCALAR_LEN])
{
	size_t n;

	if (alg == SIG_ECDSA_P256 || alg == SIG_ECDSA_P256_RAW)
		n = P256_SCALAR_LEN;
	else if (alg == SIG_ECDSA_P384 || alg == SIG_ECDSA_P384_RAW)
		n = P384_SCALAR_LEN;
	else
		return 0;
	/* Only the uncompressed form (mbedtls would also take 0x00 for infinity). */
	if (pub_len != 2 * n + 1 || pub[0] != 0x04 || digest_len != n)
		return 0;
	if (alg == SIG_ECDSA_P256_RAW || alg == SIG_ECDSA_P384_RAW) {
		if (sig_len != 2 * n)
			return 0;
		__builtin_memcpy(r, sig, n);
		__builtin_memcpy(s, sig + n, n);
		return n;
	}
	return ecdsa_der_decode_len(sig, sig_len, n, r, s) ? 0 : n;
}
