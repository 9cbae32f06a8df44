// SPDX-License-Identifier: Apache-2.0
/*
 * SHA-256 (FIPS 180-4, sections 5.3.3 and 6.2), streaming, no allocation.
 * Written for small code: one round loop, and the input always passes through ctx->block.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include "internal.h"

#define SHA256_BLOCK 64

/* FIPS 180-4 5.3.3: initial hash value. */
static const uint32_t sha256_iv[8] = {
	0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
	0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u,
};

/* FIPS 180-4 4.2.2: round constants. */
static const uint32_t sha256_k[64] = {
	0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u,
	0x3956c25bu, 0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u,
	0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u,
	0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u,
	0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu,
	0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
	0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u,
	0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u,
	0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u,
	0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u,
	0xa2bfe8a1u, 0xa81a664bu, 0xc24b8b70u, 0xc76c51a3u,
	0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
	0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u,
	0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
	0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u,
	0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u,
};

static uint32_t ror(uint32_t x, unsigned int n)
{
	return (x >> n) | (x << (32 - n));
}

static void compress(uint32_t state[8], const uint8_t block[SHA256_BLOCK])
{
	uint32_t w[16], v[8];
	uint32_t t1, t2, a, e;
	int i, j;

	for (i = 0; i < 8; i++)
		v[i] = state[i];
	for (i = 0; i < 64; i++) {
		if (i < 16) {
			w[i] = get_be32(block + 4 * i);
		} else {
			/* w[] is a 16-word ring: w[i & 15] still holds W(i-16). */
			a = w[(i - 15) & 15];
			e = w[(i - 2) & 15];
			w[i & 15] += (ror(a, 7) ^ ror(a, 18) ^ (a >> 3)) + w[(i - 7) & 15] +
				     (ror(e, 17) ^ ror(e, 19) ^ (e >> 10));
		}
		a = v[0];
		e = v[4];
		t1 = v[7] + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & v[5]) ^ (~e & v[6])) +
		     sha256_k[i] + w[i & 15];
		t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]));
		for (j = 7; j > 0; j--)
			v[j] = v[j - 1];
		v[4] += t1;
		v[0] = t1 + t2;
	}
	for (i = 0; i < 8; i++)
		state[i] += v[i];
}

/*
 * sha256_init() - start a SHA-256 digest in a caller-owned context. Cannot fail.
 */
void sha256_init(struct sha256_ctx *ctx)
{
	int i;

	for (i = 0; i < 8; i++)
		ctx->state[i] = sha256_iv[i];
	ctx->total = 0;
}

/*
 * sha256_update() - hash len more bytes at data (data may be NULL when len is 0).
 * Constant-time in the data bytes; time depends on len only.
 */
void sha256_update(struct sha256_ctx *ctx, const void *data, size_t len)
{
	const uint8_t *in = data;
	size_t used = (size_t)(ctx->total % SHA256_BLOCK);
	size_t n;

	ctx->total += len;
	while (len) {
		n = MIN(SHA256_BLOCK - used, len);
		__builtin_memcpy(ctx->block + used, in, n);
		used += n;
		in += n;
		len -= n;
		if (used == SHA256_BLOCK) {
			compress(ctx->state, ctx->block);
			used = 0;
		}
	}
}

/*
 * sha256_final() - pad, write the 32-byte digest to out, and wipe the context (it must be
 * re-initialised before reuse). Constant-time.
 */
void sha256_final(struct sha256_ctx *ctx, uint8_t out[SHA256_LEN])
{
	size_t used = (size_t)(ctx->total % SHA256_BLOCK);
	uint64_t bits = ctx->total << 3;
	int i;

	ctx->block[used++] = 0x80;
	if (used > SHA256_BLOCK - 8) {
		__builtin_memset(ctx->block + used, 0, SHA256_BLOCK - used);
		compress(ctx->state, ctx->block);
		used = 0;
	}
	__builtin_memset(ctx->block + used, 0, SHA256_BLOCK - 8 - used);
	put_be32(ctx->block + SHA256_BLOCK - 8, (uint32_t)(bits >> 32));
	put_be32(ctx->block + SHA256_BLOCK - 4, (uint32_t)bits);
	compress(ctx->state, ctx->block);
	for (i = 0; i < 8; i++)
		put_be32(out + 4 * i, ctx->state[i]);
	crypto_wipe(ctx, sizeof(*ctx));
}
