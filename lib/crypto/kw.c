// SPDX-License-Identifier: Apache-2.0
/*
 * AES key wrap (RFC 3394) over a caller's AES block function, shared by both backends: the
 * built-in one (aes.c) and mbedtls (mbedtls_sym.c; Debian builds mbedtls without
 * MBEDTLS_NIST_KW_C). Both directions run the index-based form of the algorithm (sections
 * 2.2.1 and 2.2.2) with the integrity register A and the block being worked on in one
 * 16-byte buffer, and the n 64-bit key halves R[1..n] in the caller's output buffer.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include "internal.h"

/* RFC 3394 2.2.3.1: the default initial value. */
static const uint8_t kw_iv[KW_HALF] = { 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6 };

/* See internal.h. */
bool kw_lengths_ok(size_t kek_len, size_t len, size_t min_len)
{
	return (kek_len == 16 || kek_len == 32) && len % KW_HALF == 0 && len >= min_len;
}

/* A ^= t, t taken as a big-endian 64-bit number (RFC 3394 2.2.1 step 2). */
static void kw_xor_t(uint8_t a[KW_HALF], uint64_t t)
{
	int i;

	for (i = KW_HALF - 1; i >= 0; i--) {
		a[i] ^= (uint8_t)t;
		t >>= 8;
	}
}

/*
 * See internal.h. No branch depends on the key, the data or the outcome of the integrity
 * check: a mismatch zeroes @out through a mask and the return value is computed, not chosen,
 * so only the caller's test of it reveals the verdict.
 */
int kw_unwrap(kw_block_fn *decrypt, void *key, const uint8_t *in, size_t in_len, uint8_t *out)
{
	uint8_t b[AES_BLOCK_LEN];	/* A || R[i] */
	uint32_t intact;
	size_t n, i, j, t;

	n = in_len / KW_HALF - 1;
	__builtin_memcpy(b, in, KW_HALF);
	for (i = 0; i < n * KW_HALF; i++)
		out[i] = in[KW_HALF + i];
	/* t = n * j + i runs down from 6n to 1, one step per block; 6n < in_len fits. */
	t = 6 * n;
	for (j = 6; j-- > 0;) {
		for (i = n; i >= 1; i--) {
			kw_xor_t(b, t--);
			__builtin_memcpy(b + KW_HALF, out + KW_HALF * (i - 1), KW_HALF);
			decrypt(key, b);
			__builtin_memcpy(out + KW_HALF * (i - 1), b + KW_HALF, KW_HALF);
		}
	}
	/* All ones if A came back as the IV, else zero. */
	intact = 0u - (uint32_t)crypto_ct_equal(b, kw_iv, KW_HALF);
	for (i = 0; i < n * KW_HALF; i++)
		out[i] &= (uint8_t)intact;
	crypto_wipe(b, sizeof(b));
	return -(int)(EACCES & ~intact);
}

/* See internal.h. */
void kw_wrap(kw_block_fn *encrypt, void *key, const uint8_t *in, size_t in_len, uint8_t *out)
{
	uint8_t b[AES_BLOCK_LEN];
	size_t n, i, j, t = 0;

	n = in_len / KW_HALF;
	__builtin_memcpy(b, kw_iv, KW_HALF);
	__builtin_memcpy(out + KW_HALF, in, in_len);
	for (j = 0; j < 6; j++) {
		for (i = 1; i <= n; i++) {
			__builtin_memcpy(b + KW_HALF, out + KW_HALF * i, KW_HALF);
			encrypt(key, b);
			kw_xor_t(b, ++t);	/* t = n * j + i */
			__builtin_memcpy(out + KW_HALF * i, b + KW_HALF, KW_HALF);
		}
	}
	__builtin_memcpy(out, b, KW_HALF);
	crypto_wipe(b, sizeof(b));
}
