// SPDX-License-Identifier: Apache-2.0
/*
 * The strict DER element reader shared by the SubjectPublicKeyInfo and ECDSA signature parsers.
 */
#include <rampart/errno.h>
#include "internal.h"

int der_next(const uint8_t *buf, size_t len, size_t *pos, uint8_t tag, const uint8_t **val,
	     size_t *vlen)
{
	size_t off = *pos;
	size_t n, nbytes;

	if (off > len || len - off < 2 || buf[off] != tag)
		return -EBADMSG;
	n = buf[off + 1];
	off += 2;
	if (n & 0x80) {
		/* Long form: 1 or 2 length bytes, no leading zero, not usable as short form. */
		nbytes = n & 0x7f;
		if (nbytes == 0 || nbytes > 2 || len - off < nbytes || buf[off] == 0)
			return -EBADMSG;
		n = buf[off];
		if (nbytes == 2)
			n = (n << 8) | buf[off + 1];
		if (n < 0x80)
			return -EBADMSG;
		off += nbytes;
	}
	if (n > len - off)
		return -EBADMSG;
	*val = buf + off;
	*vlen = n;
	*pos = off + n;
	return 0;
}
