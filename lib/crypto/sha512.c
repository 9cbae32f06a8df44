// SPDX-License-Identifier: Apache-2.0
/*
 * SHA-512 (FIPS 180-4, sections 5.3.5 and 6.4), streaming, no allocation.
 * Same shape as sha256.c with 64-bit words, 80 rounds and 128-byte blocks.
 * SHA-384 (sections 5.3.4 and 6.5) is the same computation from other initial values, with
 * the digest truncated to its first 48 bytes.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include "internal.h"

#define SHA512_BLOCK 128

/* FIPS 180-4 5.3.5: initial hash value. */
static const uint64_t sha512_iv[8] = {
	0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull,
	0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
	0x510e527fade682d1ull, 0x9b05688c2b3e6c1full,
	0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
};

/* FIPS 180-4 5.3.4: initial hash value of SHA-384. */
static const uint64_t sha384_iv[8] = {
	0xcbbb9d5dc1059ed8ull, 0x629a292a367cd507ull,
	0x9159015a3070dd17ull, 0x152fecd8f70e5939ull,
	0x67332667ffc00b31ull, 0x8eb44a8768581511ull,
	0xdb0c2e0d64f98fa7ull, 0x47b5481dbefa4fa4ull,
};

/* FIPS 180-4 4.2.3: round constants. */
static const uint64_t sha512_k[80] = {
	0x428a2f98d728ae22ull, 0x7137449123ef65cdull,
	0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
	0x3956c25bf348b538ull, 0x59f111f1b605d019ull,
	0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
	0xd807aa98a3030242ull, 0x12835b0145706fbeull,
	0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
	0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull,
	0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
	0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull,
	0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
	0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull,
	0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
	0x983e5152ee66dfabull, 0xa831c66d2db43210ull,
	0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
	0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull,
	0x06ca6351e003826full, 0x142929670a0e6e70ull,
	0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull,
	0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
	0x650a73548baf63deull, 0x766a0abb3c77b2a8ull,
	0x81c2c92e47edaee6ull, 0x92722c851482353bull,
	0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull,
	0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
	0xd192e819d6ef5218ull, 0xd69906245565a910ull,
	0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
	0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull,
	0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
	0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull,
	0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
	0x748f82ee5defb2fcull, 0x78a5636f43172f60ull,
	0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
	0x90befffa23631e28ull, 0xa4506cebde82bde9ull,
	0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
	0xca273eceea26619cull, 0xd186b8c721c0c207ull,
	0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
	0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull,
	0x113f9804bef90daeull, 0x1b710b35131c471bull,
	0x28db77f523047d84ull, 0x32caab7b40c72493ull,
	0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
	0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull,
	0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};

static uint64_t ror64(uint64_t x, unsigned int n)
{
	return (x >> n) | (x << (64 - n));
}

static uint64_t get_be64(const uint8_t *p)
{
	return ((uint64_t)get_be32(p) << 32) | get_be32(p + 4);
}

static void put_be64(uint8_t *p, uint64_t v)
{
	put_be32(p, (uint32_t)(v >> 32));
	put_be32(p + 4, (uint32_t)v);
}

static void compress(uint64_t state[8], const uint8_t block[SHA512_BLOCK])
{
	uint64_t w[16], v[8];
	uint64_t t1, t2, a, e;
	int i, j;

	for (i = 0; i < 8; i++)
		v[i] = state[i];
	for (i = 0; i < 80; i++) {
		if (i < 16) {
			w[i] = get_be64(block + 8 * i);
		} else {
			/* w[] is a 16-word ring: w[i & 15] still holds W(i-16). */
			a = w[(i - 15) & 15];
			e = w[(i - 2) & 15];
			w[i & 15] += (ror64(a, 1) ^ ror64(a, 8) ^ (a >> 7)) + w[(i - 7) & 15] +
				     (ror64(e, 19) ^ ror64(e, 61) ^ (e >> 6));
		}
		a = v[0];
		e = v[4];
		/* Ch and Maj of FIPS 180-4 4.1.3 in forms with fewer operations. */
		t1 = v[7] + (ror64(e, 14) ^ ror64(e, 18) ^ ror64(e, 41)) +
		     (v[6] ^ (e & (v[5] ^ v[6]))) + sha512_k[i] + w[i & 15];
		t2 = (ror64(a, 28) ^ ror64(a, 34) ^ ror64(a, 39)) +
		     ((a & v[1]) | (v[2] & (a | v[1])));
		for (j = 7; j > 0; j--)
			v[j] = v[j - 1];
		v[4] += t1;
		v[0] = t1 + t2;
	}
	for (i = 0; i < 8; i++)
		state[i] += v[i];
}

static void start(struct sha512_ctx *ctx, const uint64_t iv[8])
{
	int i;

	for (i = 0; i < 8; i++)
		ctx->state[i] = iv[i];
	ctx->total = 0;
}

/*
 * sha512_init() - start a SHA-512 digest in a caller-owned context. Cannot fail.
 */
void sha512_init(struct sha512_ctx *ctx)
{
	start(ctx, sha512_iv);
}

/*
 * sha384_init() - start a SHA-384 digest in a caller-owned context; feed it with
 * sha512_update() and finish it with sha384_final(). Cannot fail.
 */
void sha384_init(struct sha512_ctx *ctx)
{
	start(ctx, sha384_iv);
}

/*
 * sha512_update() - hash len more bytes at data (data may be NULL when len is 0).
 * Constant-time in the data bytes; time depends on len only.
 */
void sha512_update(struct sha512_ctx *ctx, const void *data, size_t len)
{
	const uint8_t *in = data;
	size_t used = (size_t)(ctx->total % SHA512_BLOCK);
	size_t n;

	ctx->total += len;
	while (len) {
		n = MIN(SHA512_BLOCK - used, len);
		__builtin_memcpy(ctx->block + used, in, n);
		used += n;
		in += n;
		len -= n;
		if (used == SHA512_BLOCK) {
			compress(ctx->state, ctx->block);
			used = 0;
		}
	}
}

/*
 * sha512_final() - pad, write the 64-byte digest to out, and wipe the context (it must be
 * re-initialised before reuse). Constant-time.
 */
void sha512_final(struct sha512_ctx *ctx, uint8_t out[SHA512_LEN])
{
	size_t used = (size_t)(ctx->total % SHA512_BLOCK);
	int i;

	ctx->block[used++] = 0x80;
	if (used > SHA512_BLOCK - 16) {
		__builtin_memset(ctx->block + used, 0, SHA512_BLOCK - used);
		compress(ctx->state, ctx->block);
		used = 0;
	}
	__builtin_memset(ctx->block + used, 0, SHA512_BLOCK - 16 - used);
	/* The 128-bit bit count: total is in bytes, so its top 3 bits spill into the high word. */
	put_be64(ctx->block + SHA512_BLOCK - 16, ctx->total >> 61);
	put_be64(ctx->block + SHA512_BLOCK - 8, ctx->total << 3);
	compress(ctx->state, ctx->block);
	for (i = 0; i < 8; i++)
		put_be64(out + 8 * i, ctx->state[i]);
	crypto_wipe(ctx, sizeof(*ctx));
}

/*
 * sha384_final() - pad, write the 48-byte SHA-384 digest (the first 48 bytes of the final
 * state) to out, and wipe the context. Constant-time.
 */
void sha384_final(struct sha512_ctx *ctx, uint8_t out[SHA384_LEN])
{
	uint8_t full[SHA512_LEN];

	sha512_final(ctx, full);
	__builtin_memcpy(out, full, SHA384_LEN);
	crypto_wipe(full, sizeof(full));
}
