// SPDX-License-Identifier: Apache-2.0
/*
 * SHA-256 (FIPS 180-4, sections 5.3.3 and 6.2), streaming, no allocation.
 * Two compression functions, one chosen by Kconfig: the default writes eight rounds out so the
 * working variables rotate by name (no moves); CONFIG_CRYPTO_SHA256_SMALL keeps one round
 * loop for small flash (Cortex-M0). Whole blocks are hashed straight from the caller's buffer;
 * only a partial block is buffered.
 */
#include <rampart/arch.h>
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include "internal.h"

#define SHA256_BLOCK 64

/* FIPS 180-4 5.3.3: initial hash value. */
static const uint32_t sha256_iv[8] = {
	0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
	0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u,
};

/* FIPS 180-4 4.2.2: round constants (crypto.h; shared with the architecture implementations). */
const uint32_t sha256_k[64] = {
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

/* FIPS 180-4 6.2.2 step 1 for t >= 16, on the 16-word ring w[] (w[t & 15] holds W(t-16)). */
#define SCHEDULE(t)                                                                           \
	(w[(t) & 15] += (ror(w[((t) - 15) & 15], 7) ^ ror(w[((t) - 15) & 15], 18) ^             \
			 (w[((t) - 15) & 15] >> 3)) + w[((t) - 7) & 15] +                        \
			(ror(w[((t) - 2) & 15], 17) ^ ror(w[((t) - 2) & 15], 19) ^              \
			 (w[((t) - 2) & 15] >> 10)))

/*
 * One round with the working variables named in place, so eight rounds in a row rotate the
 * names instead of moving eight words (FIPS 180-4 6.2.2 step 3).
 */
#define ROUND(a, b, c, d, e, f, g, h, t, wt)                                                  \
	do {                                                                                  \
		uint32_t t1 = h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + (g ^ (e & (f ^ g))) +  \
			      sha256_k[t] + (wt);                                             \
		d += t1;                                                                      \
		h = t1 + (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & b) | (c & (a | b)));     \
	} while (0)

#define EIGHT_ROUNDS(t, W)                                                                    \
	do {                                                                                  \
		ROUND(a, b, c, d, e, f, g, h, (t) + 0, W((t) + 0));                             \
		ROUND(h, a, b, c, d, e, f, g, (t) + 1, W((t) + 1));                             \
		ROUND(g, h, a, b, c, d, e, f, (t) + 2, W((t) + 2));                             \
		ROUND(f, g, h, a, b, c, d, e, (t) + 3, W((t) + 3));                             \
		ROUND(e, f, g, h, a, b, c, d, (t) + 4, W((t) + 4));                             \
		ROUND(d, e, f, g, h, a, b, c, (t) + 5, W((t) + 5));                             \
		ROUND(c, d, e, f, g, h, a, b, (t) + 6, W((t) + 6));                             \
		ROUND(b, c, d, e, f, g, h, a, (t) + 7, W((t) + 7));                             \
	} while (0)

/* W(t): the first 16 come from the block, the rest from the schedule. */
#define W(t) ((t) < 16 ? (w[(t) & 15] = get_be32(block + 4 * ((t) & 15))) : SCHEDULE(t))

/* One block, one round loop that moves the working variables: about 900 bytes on a M0. */
static void compress_small(uint32_t state[8], const uint8_t *block)
{
	uint32_t w[16], v[8], t1, t2, a, e;
	int i, j;

	for (i = 0; i < 8; i++)
		v[i] = state[i];
	for (i = 0; i < 64; i++) {
		t1 = i < 16 ? (w[i] = get_be32(block + 4 * i)) : SCHEDULE(i);
		a = v[0];
		e = v[4];
		t1 += v[7] + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + (v[6] ^ (e & (v[5] ^ v[6]))) +
		      sha256_k[i];
		t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & v[1]) | (v[2] & (a | v[1])));
		for (j = 7; j > 0; j--)
			v[j] = v[j - 1];
		v[4] += t1;
		v[0] = t1 + t2;
	}
	for (i = 0; i < 8; i++)
		state[i] += v[i];
}

/* Eight rounds written out per loop step: as fast per byte as mbedtls, about 2.7 KiB on a M0. */
static void compress_fast(uint32_t state[8], const uint8_t *block)
{
	uint32_t w[16], a, b, c, d, e, f, g, h;
	int t;

	a = state[0], b = state[1], c = state[2], d = state[3];
	e = state[4], f = state[5], g = state[6], h = state[7];
	for (t = 0; t < 64; t += 8)
		EIGHT_ROUNDS(t, W);
	state[0] += a, state[1] += b, state[2] += c, state[3] += d;
	state[4] += e, state[5] += f, state[6] += g, state[7] += h;
}

/* Hash @nblocks 64-byte blocks at @block into @state. */
static void compress(uint32_t state[8], const uint8_t *block, size_t nblocks)
{
	/* The CPU's SHA-256 instructions where it has them; identical results. */
	if (IS_ENABLED(CONFIG_CRYPTO_SHA256_ARCH) && arch_sha256_blocks(state, block, nblocks) == 0)
		return;
	for (; nblocks; nblocks--, block += SHA256_BLOCK) {
		if (IS_ENABLED(CONFIG_CRYPTO_SHA256_SMALL))
			compress_small(state, block);
		else
			compress_fast(state, block);
	}
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

	if (len == 0)
		return;	/* data may be NULL then: no pointer arithmetic or copy on it */
	ctx->total += len;
	if (used) {
		n = MIN(SHA256_BLOCK - used, len);
		__builtin_memcpy(ctx->block + used, in, n);
		used += n;
		in += n;
		len -= n;
		if (used < SHA256_BLOCK)
			return;
		compress(ctx->state, ctx->block, 1);
	}
	n = len / SHA256_BLOCK;
	if (n)
		compress(ctx->state, in, n);
	in += n * SHA256_BLOCK;
	len -= n * SHA256_BLOCK;
	if (len)
		__builtin_memcpy(ctx->block, in, len);
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
		compress(ctx->state, ctx->block, 1);
		used = 0;
	}
	__builtin_memset(ctx->block + used, 0, SHA256_BLOCK - 8 - used);
	put_be32(ctx->block + SHA256_BLOCK - 8, (uint32_t)(bits >> 32));
	put_be32(ctx->block + SHA256_BLOCK - 4, (uint32_t)bits);
	compress(ctx->state, ctx->block, 1);
	for (i = 0; i < 8; i++)
		put_be32(out + 4 * i, ctx->state[i]);
	crypto_wipe(ctx, sizeof(*ctx));
}
