// SPDX-License-Identifier: Apache-2.0
/*
 * AES key wrap (RFC 3394) for the built-in backend: unwrap for the boot path, wrap for tests
 * and tools. Both run the index-based form of the algorithm (sections 2.2.1 and 2.2.2) with
 * the integrity register A and the block being worked on in one 16-byte buffer, and the n
 * 64-bit key halves R[1..n] in the caller's output buffer.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include "internal.h"

#define KW_HALF 8	/* RFC 3394 works on 64-bit halves of AES blocks */

/* RFC 3394 2.2.3.1: the default initial value. */
static const uint8_t kw_iv[KW_HALF] = { 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6 };

static bool kw_lengths_ok(size_t kek_len, size_t len, size_t min_len)
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
 * crypto_aes_key_unwrap() - see crypto.h. @out may be the same buffer as @in (the key moves
 * down by 8 bytes) but must not overlap it otherwise. No branch depends on the KEK, the data
 * or the outcome of the integrity check: a mismatch zeroes @out through a mask and the
 * return value is computed, not chosen, so only the caller's test of it reveals the verdict.
 */
int crypto_aes_key_unwrap(const uint8_t *kek, size_t kek_len, const uint8_t *in,
			  size_t in_len, uint8_t *out)
{
	struct crypto_aes aes;
	uint8_t b[AES_BLOCK_LEN];	/* A || R[i] */
	uint32_t intact;
	size_t n, i, j, t;

	if (!kw_lengths_ok(kek_len, in_len, 3 * KW_HALF))
		return -EINVAL;
	n = in_len / KW_HALF - 1;
	crypto_aes_setkey(&aes, kek, kek_len);
	__builtin_memcpy(b, in, KW_HALF);
	for (i = 0; i < n * KW_HALF; i++)
		out[i] = in[KW_HALF + i];
	/* t = n * j + i runs down from 6n to 1, one step per block; 6n < in_len fits. */
	t = 6 * n;
	for (j = 6; j-- > 0;) {
		for (i = n; i >= 1; i--) {
			kw_xor_t(b, t--);
			__builtin_memcpy(b + KW_HALF, out + KW_HALF * (i - 1), KW_HALF);
			aes_decrypt_block(&aes, b, b);
			__builtin_memcpy(out + KW_HALF * (i - 1), b + KW_HALF, KW_HALF);
		}
	}
	/* All ones if A came back as the IV, else zero. */
	intact = 0u - (uint32_t)crypto_ct_equal(b, kw_iv, KW_HALF);
	for (i = 0; i < n * KW_HALF; i++)
		out[i] &= (uint8_t)intact;
	crypto_wipe(b, sizeof(b));
	crypto_aes_wipe(&aes);
	return -(int)(EACCES & ~intact);
}

/* See internal.h. */
int aes_key_wrap(const uint8_t *kek, size_t kek_len, const uint8_t *in, size_t in_len,
		 uint8_t *out)
{
	struct crypto_aes aes;
	uint8_t b[AES_BLOCK_LEN];
	size_t n, i, j, t = 0;

	if (!kw_lengths_ok(kek_len, in_len, 2 * KW_HALF))
		return -EINVAL;
	n = in_len / KW_HALF;
	crypto_aes_setkey(&aes, kek, kek_len);
	__builtin_memcpy(b, kw_iv, KW_HALF);
	__builtin_memcpy(out + KW_HALF, in, in_len);
	for (j = 0; j < 6; j++) {
		for (i = 1; i <= n; i++) {
			__builtin_memcpy(b + KW_HALF, out + KW_HALF * i, KW_HALF);
			aes_encrypt_block(&aes, b, b);
			kw_xor_t(b, ++t);	/* t = n * j + i */
			__builtin_memcpy(out + KW_HALF * i, b + KW_HALF, KW_HALF);
		}
	}
	__builtin_memcpy(out, b, KW_HALF);
	crypto_wipe(b, sizeof(b));
	crypto_aes_wipe(&aes);
	return 0;
}
