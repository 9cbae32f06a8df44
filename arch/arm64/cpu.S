/* SPDX-License-Identifier: Apache-2.0 */
/* Exception-level aware CPU control (asm/arm64.h). */
#include <asm/arm64.h>

	.text

/* void arm64_mmu_caches_off(void): clobbers x0, x1 only; needs no stack. */
	.section .text.arm64_mmu_caches_off, "ax"
	.globl	arm64_mmu_caches_off
	.type	arm64_mmu_caches_off, %function
arm64_mmu_caches_off:
	mrs	x0, CurrentEL
	cmp	x0, #CURRENTEL_EL3
	b.eq	3f
	cmp	x0, #CURRENTEL_EL2
	b.eq	2f
	mrs	x1, sctlr_el1
	bic	x1, x1, #SCTLR_OFF_BITS
	msr	sctlr_el1, x1
	b	9f
2:	mrs	x1, sctlr_el2
	bic	x1, x1, #SCTLR_OFF_BITS
	msr	sctlr_el2, x1
	b	9f
3:	mrs	x1, sctlr_el3
	bic	x1, x1, #SCTLR_OFF_BITS
	msr	sctlr_el3, x1
9:	isb
	ic	iallu
	dsb	sy
	isb
	ret
	.size	arm64_mmu_caches_off, . - arm64_mmu_caches_off

/* void arm64_fpsimd_enable(void): clobbers x0, x1 only; needs no stack. */
	.section .text.arm64_fpsimd_enable, "ax"
	.globl	arm64_fpsimd_enable
	.type	arm64_fpsimd_enable, %function
arm64_fpsimd_enable:
	mrs	x0, CurrentEL
	cmp	x0, #CURRENTEL_EL3
	b.eq	3f
	cmp	x0, #CURRENTEL_EL2
	b.eq	2f
	mrs	x1, cpacr_el1
	orr	x1, x1, #CPACR_FPEN
	msr	cpacr_el1, x1
	b	9f
2:	mrs	x1, cptr_el2
	bic	x1, x1, #CPTR_TFP
	msr	cptr_el2, x1
	b	9f
3:	mrs	x1, cptr_el3
	bic	x1, x1, #CPTR_TFP
	msr	cptr_el3, x1
9:	isb
	ret
	.size	arm64_fpsimd_enable, . - arm64_fpsimd_enable

/* void arm64_enter(uintptr_t entry): x0..x3 = 0, then br entry. */
	.section .text.arm64_enter, "ax"
	.globl	arm64_enter
	.type	arm64_enter, %function
arm64_enter:
	msr	daifset, #0xf
	mov	x16, x0
	mov	x0, xzr
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	dsb	sy
	isb
	br	x16
	.size	arm64_enter, . - arm64_enter
