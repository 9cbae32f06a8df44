// SPDX-License-Identifier: Apache-2.0
/*
 * SHA-256 compression with the ARMv8 Cryptographic Extension (SHA256H, SHA256H2, SHA256SU0,
 * SHA256SU1), used by lib/crypto/sha256.c when the CPU reports the instructions. The one
 * object of Rampart built for SIMD registers (arch.mk drops -mgeneral-regs-only for it and
 * adds +crypto); start.S enables FP/SIMD when CONFIG_FPSIMD is set.
 *
 * Every vector access is an element-sized LD1/ST1, so @data and @state may have any alignment
 * their types allow, even with the MMU off, where all memory is Device memory and an access
 * wider than its alignment faults.
 */
#include <arm_neon.h>
#include <rampart/arch.h>
#include <rampart/errno.h>

#define SHA256_BLOCK 64
/* ID_AA64ISAR0_EL1.SHA2, bits [15:12]: 0 none, 1 SHA-256, 2 SHA-256 and SHA-512. */
#define ISAR0_SHA2_SHIFT 12
#define ISAR0_SHA2_MASK 0xfu

/* FIPS 180-4 4.2.2: round constants (the same table as lib/crypto/sha256.c's). */
static const uint32_t k[64] = {
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

static bool cpu_has_sha256(void)
{
	uint64_t isar0;

	__asm__("mrs %0, id_aa64isar0_el1" : "=r"(isar0));
	return ((isar0 >> ISAR0_SHA2_SHIFT) & ISAR0_SHA2_MASK) != 0;
}

/*
 * Explicit LD1/ST1: element-sized accesses whatever the alignment. (Under -mstrict-align GCC
 * would split vld1q_u32() into word loads; without it, it may emit LDR Q, which faults on a
 * misaligned address when the MMU is off.)
 */
static uint32x4_t load_u32x4(const uint32_t *p)
{
	uint32x4_t v;

	__asm__("ld1 {%0.4s}, [%1]" : "=w"(v) : "r"(p), "m"(*(const uint32_t(*)[4])p));
	return v;
}

static void store_u32x4(uint32_t *p, uint32x4_t v)
{
	__asm__("st1 {%1.4s}, [%2]" : "=m"(*(uint32_t(*)[4])p) : "w"(v), "r"(p));
}

/* Four big-endian message words. */
static uint32x4_t load_be(const uint8_t *p)
{
	uint8x16_t v;

	__asm__("ld1 {%0.16b}, [%1]" : "=w"(v) : "r"(p), "m"(*(const uint8_t(*)[16])p));
	return vreinterpretq_u32_u8(vrev32q_u8(v));
}

/* Rounds t..t+3: @w holds W[t..t+3], @kt points at K[t]. */
static inline void rounds4(uint32x4_t *abcd, uint32x4_t *efgh, uint32x4_t w, const uint32_t *kt)
{
	uint32x4_t wk = vaddq_u32(w, load_u32x4(kt));
	uint32x4_t abcd_in = *abcd;

	*abcd = vsha256hq_u32(abcd_in, *efgh, wk);
	*efgh = vsha256h2q_u32(*efgh, abcd_in, wk);
}

/* W[t+16..t+19] from W[t..t+3], W[t+4..t+7], W[t+8..t+11], W[t+12..t+15]. */
static inline uint32x4_t schedule(uint32x4_t w0, uint32x4_t w1, uint32x4_t w2, uint32x4_t w3)
{
	return vsha256su1q_u32(vsha256su0q_u32(w0, w1), w2, w3);
}

static void compress(uint32x4_t *abcd, uint32x4_t *efgh, const uint8_t *p)
{
	uint32x4_t w0 = load_be(p), w1 = load_be(p + 16), w2 = load_be(p + 32);
	uint32x4_t w3 = load_be(p + 48);
	uint32x4_t abcd_in = *abcd, efgh_in = *efgh;
	int t;

	for (t = 0; t < 64; t += 16) {
		rounds4(abcd, efgh, w0, k + t);
		rounds4(abcd, efgh, w1, k + t + 4);
		rounds4(abcd, efgh, w2, k + t + 8);
		rounds4(abcd, efgh, w3, k + t + 12);
		if (t == 48)
			break;
		w0 = schedule(w0, w1, w2, w3);
		w1 = schedule(w1, w2, w3, w0);
		w2 = schedule(w2, w3, w0, w1);
		w3 = schedule(w3, w0, w1, w2);
	}
	*abcd = vaddq_u32(*abcd, abcd_in);
	*efgh = vaddq_u32(*efgh, efgh_in);
}

/* Contract in include/rampart/arch.h. */
int arch_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t nblocks)
{
	uint32x4_t abcd, efgh;

	if (!cpu_has_sha256())
		return -ENOSYS;
	abcd = load_u32x4(state);
	efgh = load_u32x4(state + 4);
	for (; nblocks; nblocks--, data += SHA256_BLOCK)
		compress(&abcd, &efgh, data);
	store_u32x4(state, abcd);
	store_u32x4(state + 4, efgh);
	return 0;
}
