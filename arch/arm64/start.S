/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reset entry, linked at CONFIG_BOOT_ROM_BASE. Works at EL1, EL2 or EL3 and stays at that
 * level: mask interrupts, park every CPU but the boot CPU (MPIDR affinity 0), make sure MMU
 * and data cache are off, install the vectors, enable FP/SIMD (CONFIG_FPSIMD), set the
 * stack, copy .data from ROM to RAM, zero .bss, then boot_main(), which never returns.
 */
#include <asm/arm64.h>

	.section .head.text, "ax"
	.globl	_start
	.type	_start, %function
_start:
	msr	daifset, #0xf
	/* All CPUs may start here (e.g. QEMU virt,secure=on -smp 2): one stack, one boot CPU. */
	mrs	x0, mpidr_el1
	ldr	x1, =MPIDR_AFF_MASK
	tst	x0, x1
	b.ne	park
	bl	arm64_mmu_caches_off
	bl	set_vbar
#ifdef CONFIG_FPSIMD
	/* Linked code (Debian's mbedtls, the ARMv8 SHA-256) uses the FP/SIMD registers. */
	bl	arm64_fpsimd_enable
#endif
	ldr	x0, =__stack_top
	mov	sp, x0

	ldr	x0, =__data_start
	ldr	x1, =__data_end
	ldr	x2, =__data_load
1:	cmp	x0, x1
	b.hs	2f
	ldr	x3, [x2], #8
	str	x3, [x0], #8
	b	1b

2:	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
3:	cmp	x0, x1
	b.hs	4f
	str	xzr, [x0], #8
	b	3b

4:	bl	boot_main
park:	wfe
	b	park
	.size	_start, . - _start

/* VBAR of the current level = arm64_vectors; uses x0, x1, no stack. */
	.type	set_vbar, %function
set_vbar:
	ldr	x1, =arm64_vectors
	mrs	x0, CurrentEL
	cmp	x0, #CURRENTEL_EL3
	b.eq	3f
	cmp	x0, #CURRENTEL_EL2
	b.eq	2f
	msr	vbar_el1, x1
	b	9f
2:	msr	vbar_el2, x1
	b	9f
3:	msr	vbar_el3, x1
9:	isb
	ret
	.size	set_vbar, . - set_vbar

	.ltorg
