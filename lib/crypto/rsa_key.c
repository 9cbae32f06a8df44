// SPDX-License-Identifier: Apache-2.0
/*
 * RSA public keys as both backends accept them: the strict DER RSAPublicKey reader and the
 * size, exponent and signature-range rules checked before any arithmetic. Keeping them in one
 * file shared by rsa.c and mbedtls_rsa.c makes the two backends refuse exactly the same keys.
 */
#include <rampart/errno.h>
#include "internal.h"
#include "rsa_key.h"

/* One positive, minimally encoded INTEGER; *mag points at its magnitude (sign byte dropped). */
static int read_positive(const uint8_t *buf, size_t len, size_t *pos, const uint8_t **mag,
			 size_t *mag_len)
{
	const uint8_t *v;
	size_t n;

	if (der_next(buf, len, pos, DER_TAG_INTEGER, &v, &n) || n == 0 || (v[0] & 0x80))
		return -EBADMSG;
	if (v[0] == 0) {
		/* A leading zero is allowed only to keep the next byte's top bit from the sign;
		 * "00" alone is zero, which no modulus or exponent may be. */
		if (n == 1 || !(v[1] & 0x80))
			return -EBADMSG;
		v++;
		n--;
	}
	*mag = v;
	*mag_len = n;
	return 0;
}

int rsa_pubkey_parse(const uint8_t *der, size_t len, const uint8_t **n, size_t *n_len,
		     uint32_t *e)
{
	const uint8_t *seq, *mod, *exp;
	size_t pos = 0, seq_len, spos = 0, mod_len, exp_len, i;
	uint32_t val = 0;

	if (der_next(der, len, &pos, DER_TAG_SEQUENCE, &seq, &seq_len) || pos != len)
		return -EBADMSG;
	if (read_positive(seq, seq_len, &spos, &mod, &mod_len) ||
	    read_positive(seq, seq_len, &spos, &exp, &exp_len) || spos != seq_len)
		return -EBADMSG;
	if (exp_len > 4)
		return -ENOTSUP;
	for (i = 0; i < exp_len; i++)
		val = (val << 8) | exp[i];
	*n = mod;
	*n_len = mod_len;
	*e = val;
	return 0;
}

int rsa_check_inputs(enum sig_alg alg, const uint8_t *n, size_t n_len, uint32_t e,
		     size_t digest_len, const uint8_t *sig, size_t sig_len)
{
	size_t i;

	if (alg != SIG_RSA_PSS_SHA256 && alg != SIG_RSA_PSS_SHA256_ANY_SALT &&
	    alg != SIG_RSA_PKCS1_SHA256)
		return -EINVAL;
	if (n_len != 256 && n_len != 384 && n_len != 512)
		return -ENOTSUP;
	if (e != RSA_EXPONENT)
		return -ENOTSUP;
	if (!(n[0] & 0x80) || !(n[n_len - 1] & 1))
		return -EBADMSG;
	if (digest_len != SHA256_LEN || sig_len != n_len)
		return -EINVAL;
	/* Same length, so the first differing byte decides; equal means sig = n. */
	for (i = 0; i < n_len && sig[i] == n[i]; i++)
		;
	if (i == n_len || sig[i] > n[i])
		return -EBADMSG;
	return 0;
}
