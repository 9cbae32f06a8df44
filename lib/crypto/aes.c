// SPDX-License-Identifier: Apache-2.0
/*
 * AES-128/256 (FIPS 197) for the built-in backend, bitsliced on 32-bit words so that no table
 * is indexed and no branch is taken on key or data: the S-box is computed as a Boolean
 * circuit (inversion in GF(2^8) through a tower of fields, then the affine map), for 32 bytes
 * at once. Portable C for anything from a Cortex-M0 up: the cipher uses only 32-bit logic
 * and shifts (no multiplication, no 64-bit arithmetic outside the public CTR counter). Key
 * wrap (RFC 3394) is kw.c's loop over this cipher.
 *
 * State layout: two blocks (32 bytes) are held as eight words q[0..7]; bit i of every byte
 * lives in q[i]. Byte r + 4c of block b (row r, column c, FIPS 197 3.4) is bit 8r + 4b + c:
 * each row is one byte lane of the word, each block one nibble of it. So MixColumns reaches
 * the next row with a rotation by 8, and ShiftRows rotates the nibbles of each byte lane.
 *
 * Round keys are kept in the same form for one block (bit 8r + c, low nibbles), two bit
 * planes per word: rk[4j + m] holds plane 2m in its low nibbles and plane 2m + 1 in its high
 * nibbles, so the 15 round keys of AES-256 fit the 60 words of struct crypto_aes.
 */
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include "internal.h"

#define AES_PAIR_LEN (2 * AES_BLOCK_LEN)

/* ---- bit-plane conversion ---------------------------------------------------------------- */

static void aes_swapmove(uint32_t *a, uint32_t *b, uint32_t mask, unsigned int n)
{
	uint32_t t = ((*a >> n) ^ *b) & mask;

	*b ^= t;
	*a ^= t << n;
}

/*
 * Transpose the 8x8 bit matrix in each byte lane of w[0..7]: bit i of byte k of w[j] trades
 * places with bit j of byte k of w[i]. Its own inverse, so it converts both ways.
 */
static void aes_ortho(uint32_t w[8])
{
	int j;

	for (j = 0; j < 8; j += 2)
		aes_swapmove(&w[j], &w[j + 1], 0x55555555u, 1);
	for (j = 0; j < 6; j += 1 + (j & 1) * 2)	/* j = 0, 1, 4, 5 */
		aes_swapmove(&w[j], &w[j + 2], 0x33333333u, 2);
	for (j = 0; j < 4; j++)
		aes_swapmove(&w[j], &w[j + 4], 0x0f0f0f0fu, 4);
}

/* 32 bytes (two blocks) to bit planes; byte 4j + k lands in bit 8k + j. */
static void aes_load(uint32_t q[8], const uint8_t in[AES_PAIR_LEN])
{
	int j;

	for (j = 0; j < 8; j++)
		q[j] = get_le32(in + 4 * j);
	aes_ortho(q);
}

static void aes_store(uint8_t out[AES_PAIR_LEN], uint32_t q[8])
{
	int j;

	aes_ortho(q);
	for (j = 0; j < 8; j++)
		put_le32(out + 4 * j, q[j]);
}

/* ---- the S-box as a circuit ------------------------------------------------------------- */

/*
 * Inversion in GF(2^8) through the tower GF(2) < GF(4) < GF(16) < GF(256):
 *   GF(4)   = GF(2)[W] / (W^2 + W + 1)     element h*W + l        (planes [1], [0])
 *   GF(16)  = GF(4)[Z] / (Z^2 + Z + N),    N = W + 1, element A1*Z + A0   ([3..2], [1..0])
 *   GF(256) = GF(16)[Y] / (Y^2 + Y + L),   L = W*Z (0xa), element a1*Y + a0 ([7..4], [3..0])
 * In each quadratic step (x1*Y + x0)^-1 = (x1*Y + x0 + x1) * D^-1 with
 * D = L*x1^2 + x0*(x1 + x0), so one inversion costs three multiplications and one inversion
 * a level down; in GF(4) inversion is squaring. The isomorphism from the AES field
 * (GF(2)[x] / (x^8 + x^4 + x^3 + x + 1)) maps x to 0x53 of the tower, a root of the AES
 * polynomial; its matrix and the affine map are folded into the linear layers below.
 */
static inline void gf4_mul(uint32_t r[2], const uint32_t a[2], const uint32_t b[2])
{
	uint32_t p = a[1] & b[1], q = a[0] & b[0];
	uint32_t m = (a[1] ^ a[0]) & (b[1] ^ b[0]);

	r[1] = m ^ q;
	r[0] = p ^ q;
}

static inline void gf16_mul(uint32_t r[4], const uint32_t a[4], const uint32_t b[4])
{
	uint32_t sa[2] = { a[0] ^ a[2], a[1] ^ a[3] };
	uint32_t sb[2] = { b[0] ^ b[2], b[1] ^ b[3] };
	uint32_t p[2], q[2], m[2];

	gf4_mul(p, a + 2, b + 2);
	gf4_mul(q, a, b);
	gf4_mul(m, sa, sb);
	/* hi = (A1 + A0)(B1 + B0) + A0 B0; lo = N A1 B1 + A0 B0, N (h, l) = (l, h + l) */
	r[2] = m[0] ^ q[0];
	r[3] = m[1] ^ q[1];
	r[0] = p[0] ^ p[1] ^ q[0];
	r[1] = p[0] ^ q[1];
}

static inline void gf16_inv(uint32_t r[4], const uint32_t a[4])
{
	uint32_t s[2] = { a[0] ^ a[2], a[1] ^ a[3] };
	uint32_t d[2], dinv[2];

	/* D = N A1^2 + A0 (A1 + A0); N A1^2 = (A1h + A1l, A1l) */
	gf4_mul(d, a, s);
	d[1] ^= a[2] ^ a[3];
	d[0] ^= a[2];
	/* D^-1 = D^2 = (Dh, Dh + Dl) */
	dinv[1] = d[1];
	dinv[0] = d[1] ^ d[0];
	gf4_mul(r + 2, a + 2, dinv);
	gf4_mul(r, s, dinv);
}

/* In place: t becomes t^-1 in the tower field (0 stays 0). */
static inline void gf256_inv(uint32_t t[8])
{
	uint32_t s[4] = { t[0] ^ t[4], t[1] ^ t[5], t[2] ^ t[6], t[3] ^ t[7] };
	uint32_t d[4], dinv[4];

	/* D = L a1^2 + a0 (a1 + a0); L a1^2 is linear in the bits of a1 */
	gf16_mul(d, t, s);
	d[0] ^= t[5];
	d[1] ^= t[4];
	d[2] ^= t[5] ^ t[6] ^ t[7];
	d[3] ^= t[4] ^ t[7];
	gf16_inv(dinv, d);
	gf16_mul(t + 4, t + 4, dinv);
	gf16_mul(t, s, dinv);
}

/*
 * SubBytes on all 32 bytes: into the tower basis, invert, then back to the AES basis with the
 * affine map (FIPS 197 5.1.1) folded in. The two linear layers were reduced to 11 and 12
 * XORs by sharing common pairs; as 8x8 matrices (row i = the input planes XORed into output
 * plane i) they are { 63 82 84 14 02 ac 7e a0 } and { 1d 13 97 5d 51 3c 50 54 }.
 */
static inline void sub_bytes(uint32_t q[8])
{
	uint32_t t[8];
	uint32_t u0 = q[1] ^ q[5], u1 = q[2] ^ q[3], u2 = q[5] ^ q[7], u3 = q[6] ^ u0, u4;

	t[0] = q[0] ^ u3;
	t[1] = q[1] ^ q[7];
	t[2] = q[2] ^ q[7];
	t[3] = q[2] ^ q[4];
	t[4] = q[1];
	t[5] = u1 ^ u2;
	t[6] = q[4] ^ u1 ^ u3;
	t[7] = u2;
	gf256_inv(t);
	u0 = t[0] ^ t[4];
	u1 = t[2] ^ t[3];
	u2 = t[1] ^ u0;
	u3 = t[4] ^ t[6];
	u4 = t[6] ^ u0;
	q[0] = u0 ^ u1;
	q[1] = u2;
	q[2] = t[2] ^ t[7] ^ u2;
	q[3] = u1 ^ u4;
	q[4] = u4;
	q[5] = t[4] ^ t[5] ^ u1;
	q[6] = u3;
	q[7] = t[2] ^ u3;
	/* + 0x63 */
	q[0] = ~q[0];
	q[1] = ~q[1];
	q[5] = ~q[5];
	q[6] = ~q[6];
}

/*
 * InvSubBytes (FIPS 197 5.3.2): the same inversion between the inverse affine map (with its
 * constant, 0x6d in the tower basis) and the plain change of basis back. Matrices
 * { 50 1b c0 d8 49 71 09 c6 } and { ff 10 16 b6 1e 92 7c 12 }.
 */
static void inv_sub_bytes(uint32_t q[8])
{
	uint32_t t[8];
	uint32_t u0 = q[0] ^ q[3], u1 = q[4] ^ q[6], u2 = q[6] ^ q[7], u3, u4;

	t[0] = ~u1;
	t[1] = q[1] ^ q[4] ^ u0;
	t[2] = ~u2;
	t[3] = ~(q[3] ^ q[7] ^ u1);
	t[4] = q[6] ^ u0;
	t[5] = ~(q[0] ^ q[5] ^ u1);
	t[6] = ~u0;
	t[7] = q[1] ^ q[2] ^ u2;
	gf256_inv(t);
	u0 = t[1] ^ t[4];
	u1 = t[2] ^ u0;
	u2 = t[3] ^ t[5];
	u3 = t[6] ^ u2;
	u4 = t[7] ^ u1;
	q[0] = t[0] ^ u3 ^ u4;
	q[1] = t[4];
	q[2] = u1;
	q[3] = t[5] ^ u4;
	q[4] = t[3] ^ u1;
	q[5] = t[7] ^ u0;
	q[6] = t[2] ^ t[4] ^ u3;
	q[7] = u0;
}

/* ---- the linear layers ------------------------------------------------------------------ */

static uint32_t aes_ror(uint32_t x, unsigned int n)
{
	return (x >> n) | (x << (32 - n));
}

/* Rotate the nibbles of the byte lanes in @lanes right by n (1..3); other lanes unchanged. */
static uint32_t rot_nibbles(uint32_t x, uint32_t lanes, unsigned int n)
{
	uint32_t lo = 0x11111111u * (0xfu >> n), hi = 0x11111111u * (0xfu & (0xfu << (4 - n)));

	return (x & ~lanes) | ((x >> n) & lo & lanes) | ((x << (4 - n)) & hi & lanes);
}

/*
 * ShiftRows moves row r left by r columns, i.e. rotates lane r's nibbles right by r: rows 1
 * and 3 by one, then rows 2 and 3 by two. @one is 1 for ShiftRows, 3 for InvShiftRows.
 */
static inline void shift_rows(uint32_t q[8], unsigned int one)
{
	int i;

	for (i = 0; i < 8; i++)
		q[i] = rot_nibbles(rot_nibbles(q[i], 0xff00ff00u, one), 0xffff0000u, 2);
}

/* Multiply every byte by x (the xtime of FIPS 197 4.2.1), on bit planes. */
static void aes_xtime(uint32_t t[8])
{
	uint32_t hi = t[7];

	t[7] = t[6];
	t[6] = t[5];
	t[5] = t[4];
	t[4] = t[3] ^ hi;
	t[3] = t[2] ^ hi;
	t[2] = t[1];
	t[1] = t[0] ^ hi;
	t[0] = hi;
}

/*
 * MixColumns (FIPS 197 5.1.3): s'_r = 2 (s_r + s_r+1) + s_r+1 + (s_r+2 + s_r+3), where
 * rotating a plane right by 8 brings row r + 1 to row r.
 */
static inline void mix_columns(uint32_t q[8])
{
	uint32_t r1[8], t[8];
	int i;

	for (i = 0; i < 8; i++) {
		r1[i] = aes_ror(q[i], 8);
		t[i] = q[i] ^ r1[i];
	}
	for (i = 0; i < 8; i++)
		q[i] = r1[i] ^ aes_ror(t[i], 16);
	aes_xtime(t);
	for (i = 0; i < 8; i++)
		q[i] ^= t[i];
}

/*
 * InvMixColumns: the inverse matrix {0e 0b 0d 09} is the MixColumns matrix {02 03 01 01}
 * times {05 00 04 00}, i.e. s + 4 (s + (s rotated by two rows)) before MixColumns.
 */
static void inv_mix_columns(uint32_t q[8])
{
	uint32_t t[8];
	int i;

	for (i = 0; i < 8; i++)
		t[i] = q[i] ^ aes_ror(q[i], 16);
	aes_xtime(t);
	aes_xtime(t);
	for (i = 0; i < 8; i++)
		q[i] ^= t[i];
	mix_columns(q);
}

/* XOR round key @rk (four words, see the top of the file) into both blocks. */
static inline void add_round_key(uint32_t q[8], const uint32_t rk[4])
{
	uint32_t lo, hi;
	int m;

	for (m = 0; m < 4; m++) {
		lo = rk[m] & 0x0f0f0f0fu;
		hi = (rk[m] >> 4) & 0x0f0f0f0fu;
		q[2 * m] ^= lo | (lo << 4);
		q[2 * m + 1] ^= hi | (hi << 4);
	}
}

/* ---- key schedule ----------------------------------------------------------------------- */

/* SubWord (FIPS 197 5.2) through the bitsliced S-box; w holds the 4 bytes little-endian. */
static uint32_t sub_word(uint32_t w)
{
	uint32_t q[8] = { w };

	aes_ortho(q);
	sub_bytes(q);
	aes_ortho(q);
	w = q[0];
	crypto_wipe(q, sizeof(q));
	return w;
}

/* Convert round key words rk[0..3] (bytes of the round key, little-endian) to planes. */
static void round_key_to_planes(uint32_t rk[4])
{
	uint32_t q[8] = { rk[0], rk[1], rk[2], rk[3] };
	int m;

	aes_ortho(q);
	for (m = 0; m < 4; m++)
		rk[m] = (q[2 * m] & 0x0f0f0f0fu) | ((q[2 * m + 1] & 0x0f0f0f0fu) << 4);
	crypto_wipe(q, sizeof(q));
}

/*
 * crypto_aes_setkey() - expand a 16- or 32-byte key (FIPS 197 5.2) into ctx.
 * Returns 0, or -EINVAL for another length (ctx is then wiped). Constant-time in the key.
 */
int crypto_aes_setkey(struct crypto_aes *ctx, const uint8_t *key, size_t key_len)
{
	uint32_t *w = ctx->u.rk, t, rcon = 1;
	size_t nk = key_len / 4, total, i;

	crypto_wipe(ctx, sizeof(*ctx));
	if (key_len != 16 && key_len != 32)
		return -EINVAL;
	ctx->rounds = (uint8_t)(nk + 6);
	total = 4 * (nk + 7);
	for (i = 0; i < nk; i++)
		w[i] = get_le32(key + 4 * i);
	for (i = nk; i < total; i++) {
		t = w[i - 1];
		if ((i & (nk - 1)) == 0) {
			t = sub_word(aes_ror(t, 8)) ^ rcon;
			rcon = (rcon << 1) ^ (0x11bu & (0u - (rcon >> 7)));
		} else if (nk == 8 && (i & 7) == 4) {
			t = sub_word(t);
		}
		w[i] = w[i - nk] ^ t;
	}
	for (i = 0; i < total; i += 4)
		round_key_to_planes(w + i);
	return 0;
}

/* ---- the ciphers ------------------------------------------------------------------------ */

/* Encrypt the two blocks in buf in place (FIPS 197 5.1). */
static void encrypt_pair(const struct crypto_aes *ctx, uint8_t buf[AES_PAIR_LEN])
{
	const uint32_t *rk = ctx->u.rk;
	uint32_t q[8];
	unsigned int r;

	aes_load(q, buf);
	add_round_key(q, rk);
	for (r = 1; r < ctx->rounds; r++) {
		sub_bytes(q);
		shift_rows(q, 1);
		mix_columns(q);
		add_round_key(q, rk + 4 * r);
	}
	sub_bytes(q);
	shift_rows(q, 1);
	add_round_key(q, rk + 4 * r);
	aes_store(buf, q);
	crypto_wipe(q, sizeof(q));
}

/* Decrypt the two blocks in buf in place (the inverse cipher of FIPS 197 5.3). */
static void decrypt_pair(const struct crypto_aes *ctx, uint8_t buf[AES_PAIR_LEN])
{
	const uint32_t *rk = ctx->u.rk;
	uint32_t q[8];
	unsigned int r;

	aes_load(q, buf);
	add_round_key(q, rk + 4 * ctx->rounds);
	for (r = ctx->rounds - 1u; r > 0; r--) {
		shift_rows(q, 3);
		inv_sub_bytes(q);
		add_round_key(q, rk + 4 * r);
		inv_mix_columns(q);
	}
	shift_rows(q, 3);
	inv_sub_bytes(q);
	add_round_key(q, rk);
	aes_store(buf, q);
	crypto_wipe(q, sizeof(q));
}

static void aes_one_block(const struct crypto_aes *ctx, const uint8_t in[AES_BLOCK_LEN],
			  uint8_t out[AES_BLOCK_LEN], bool decrypt)
{
	uint8_t buf[AES_PAIR_LEN] = { 0 };

	__builtin_memcpy(buf, in, AES_BLOCK_LEN);
	if (decrypt)
		decrypt_pair(ctx, buf);
	else
		encrypt_pair(ctx, buf);
	__builtin_memcpy(out, buf, AES_BLOCK_LEN);
	crypto_wipe(buf, sizeof(buf));
}

/* See internal.h. */
void aes_encrypt_block(const struct crypto_aes *ctx, const uint8_t in[AES_BLOCK_LEN],
		       uint8_t out[AES_BLOCK_LEN])
{
	aes_one_block(ctx, in, out, false);
}

/* See internal.h. */
void aes_decrypt_block(const struct crypto_aes *ctx, const uint8_t in[AES_BLOCK_LEN],
		       uint8_t out[AES_BLOCK_LEN])
{
	aes_one_block(ctx, in, out, true);
}

/* ---- CTR -------------------------------------------------------------------------------- */

/* c += v; c[0..3] are the big-endian words of a 128-bit counter (wrapping at 2^128). */
static void aes_ctr_add(uint32_t c[4], uint64_t v)
{
	uint64_t sum = v;
	int i;

	for (i = 3; i >= 0; i--) {
		sum += c[i];
		c[i] = (uint32_t)sum;
		sum >>= 32;
	}
}

/* The next two counter blocks, big-endian, into ks; advances c by two. */
static void aes_ctr_blocks(uint32_t c[4], uint8_t ks[AES_PAIR_LEN])
{
	int i;

	for (i = 0; i < 4; i++)
		put_be32(ks + 4 * i, c[i]);
	aes_ctr_add(c, 1);
	for (i = 0; i < 4; i++)
		put_be32(ks + AES_BLOCK_LEN + 4 * i, c[i]);
	aes_ctr_add(c, 1);
}

/*
 * crypto_aes_ctr() - see crypto.h: keystream block i is AES(iv + i); @len bytes from byte
 * @offset of the keystream are XORed from in to out (which may be the same buffer). Two
 * blocks are made at a time. Constant-time in key and data; the time depends on offset % 16
 * and len only. The counter (iv and offset) is public.
 */
void crypto_aes_ctr(const struct crypto_aes *ctx, const uint8_t iv[AES_BLOCK_LEN],
		    uint64_t offset, const uint8_t *in, uint8_t *out, size_t len)
{
	uint32_t ctr[4];
	uint8_t ks[AES_PAIR_LEN];
	size_t skip = (size_t)(offset % AES_BLOCK_LEN), n, i;

	for (i = 0; i < 4; i++)
		ctr[i] = get_be32(iv + 4 * i);
	aes_ctr_add(ctr, offset / AES_BLOCK_LEN);
	while (len) {
		aes_ctr_blocks(ctr, ks);
		encrypt_pair(ctx, ks);
		n = MIN(AES_PAIR_LEN - skip, len);
		for (i = 0; i < n; i++)
			out[i] = in[i] ^ ks[skip + i];
		in += n;
		out += n;
		len -= n;
		skip = 0;
	}
	crypto_wipe(ks, sizeof(ks));
}

/* crypto_aes_wipe() - zero the key schedule and the round count. Constant-time. */
void crypto_aes_wipe(struct crypto_aes *ctx)
{
	crypto_wipe(ctx, sizeof(*ctx));
}

/* ---- key wrap (RFC 3394, kw.c) ----------------------------------------------------------- */

static void kw_encrypt(void *key, uint8_t block[AES_BLOCK_LEN])
{
	aes_encrypt_block(key, block, block);
}

static void kw_decrypt(void *key, uint8_t block[AES_BLOCK_LEN])
{
	aes_decrypt_block(key, block, block);
}

/*
 * crypto_aes_key_unwrap() - see crypto.h. @out may be the same buffer as @in (the key moves
 * down by 8 bytes) but must not overlap it otherwise. Constant-time in KEK, data and the
 * outcome of the integrity check (kw_unwrap()).
 */
int crypto_aes_key_unwrap(const uint8_t *kek, size_t kek_len, const uint8_t *in,
			  size_t in_len, uint8_t *out)
{
	struct crypto_aes aes;
	int ret;

	if (!kw_lengths_ok(kek_len, in_len, 3 * KW_HALF))
		return -EINVAL;
	crypto_aes_setkey(&aes, kek, kek_len);
	ret = kw_unwrap(kw_decrypt, &aes, in, in_len, out);
	crypto_aes_wipe(&aes);
	return ret;
}

/* See internal.h. */
int aes_key_wrap(const uint8_t *kek, size_t kek_len, const uint8_t *in, size_t in_len,
		 uint8_t *out)
{
	struct crypto_aes aes;

	if (!kw_lengths_ok(kek_len, in_len, 2 * KW_HALF))
		return -EINVAL;
	crypto_aes_setkey(&aes, kek, kek_len);
	kw_wrap(kw_encrypt, &aes, in, in_len, out);
	crypto_aes_wipe(&aes);
	return 0;
}
