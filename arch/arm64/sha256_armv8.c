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
#include <rampart/crypto.h>
#include <rampart/errno.h>

#define SHA256_BLOCK 64
/* ID_AA64ISAR0_EL1.SHA2, bits [15:12]: 0 none, 1 SHA-256, 2 SHA-256 and SHA-512. */
#define ISAR0_SHA2_SHIFT 12
#define ISAR0_SHA2_MASK 0xfu


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
		rounds4(abcd, efgh, w0, sha256_k + t);
		rounds4(abcd, efgh, w1, sha256_k + t + 4);
		rounds4(abcd, efgh, w2, sha256_k + t + 8);
		rounds4(abcd, efgh, w3, sha256_k + t + 12);
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
