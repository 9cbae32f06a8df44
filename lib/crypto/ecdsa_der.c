// SPDX-License-Identifier: Apache-2.0
/*
 * Strict DER decoding of an ECDSA signature, Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER,
 * s INTEGER } (SEC1 C.5), into fixed-size big-endian integers. Only the one DER encoding of
 * each (r, s) is accepted, so a signature cannot be re-encoded into another accepted form.
 */
#include <rampart/errno.h>
#include "internal.h"

/* Read one non-negative INTEGER of at most 32 significant bytes into out, left-padded. */
static int read_integer(const uint8_t *buf, size_t len, size_t *pos, uint8_t out[P256_SCALAR_LEN])
{
	const uint8_t *v;
	size_t n;

	if (der_next(buf, len, pos, DER_TAG_INTEGER, &v, &n) || n == 0 || (v[0] & 0x80))
		return -EBADMSG;
	if (v[0] == 0 && n > 1) {
		/* A leading zero is allowed only to keep the next byte's top bit from the sign. */
		if (!(v[1] & 0x80))
			return -EBADMSG;
		v++;
		n--;
	}
	if (n > P256_SCALAR_LEN)
		return -EBADMSG;
	__builtin_memset(out, 0, P256_SCALAR_LEN - n);
	__builtin_memcpy(out + P256_SCALAR_LEN - n, v, n);
	return 0;
}

int ecdsa_der_decode(const uint8_t *der, size_t len, uint8_t r[P256_SCALAR_LEN],
		     uint8_t s[P256_SCALAR_LEN])
{
	const uint8_t *seq;
	size_t seq_len, pos = 0, in = 0;

	if (der_next(der, len, &pos, DER_TAG_SEQUENCE, &seq, &seq_len) || pos != len)
		return -EBADMSG;
	if (read_integer(seq, seq_len, &in, r) || read_integer(seq, seq_len, &in, s) ||
	    in != seq_len)
		return -EBADMSG;
	return 0;
}
