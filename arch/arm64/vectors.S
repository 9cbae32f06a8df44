/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Exception vectors for whichever level Rampart runs at. Rampart enables no interrupts and
 * expects no exceptions, so every entry reports and halts (arm64_exception()).
 */
#include <asm/arm64.h>

	.macro	vector nr
	.balign	0x80
	mov	x0, #\nr
	b	fault_entry
	.endm

	.section .vectors, "ax"
	.balign	0x800
	.globl	arm64_vectors
arm64_vectors:
	.irp	nr, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	vector	\nr
	.endr

/* x0 = vector number; x1 = ESR_ELx, x2 = ELR_ELx of the current level. */
fault_entry:
	mrs	x3, CurrentEL
	cmp	x3, #CURRENTEL_EL3
	b.eq	3f
	cmp	x3, #CURRENTEL_EL2
	b.eq	2f
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	b	arm64_exception
2:	mrs	x1, esr_el2
	mrs	x2, elr_el2
	b	arm64_exception
3:	mrs	x1, esr_el3
	mrs	x2, elr_el3
	b	arm64_exception
