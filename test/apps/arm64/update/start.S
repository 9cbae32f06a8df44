/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Entry of the update demo: the first payload byte in image0-primary. Programming pflash
 * bank 1 takes it out of read-array mode, and this code lives in that bank, so everything but
 * this stub runs from RAM: copy .ram there, zero .bss, make the instruction side see the copy,
 * set up a stack, then update_main() and update_exit() with its status.
 * Rampart enters with MMU and caches off, interrupts masked and no stack.
 */
	.section .head.text, "ax"
	.globl	_start
_start:
	ldr	x0, =__ram_start
	ldr	x1, =__ram_end
	ldr	x2, =__ram_load
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
4:	dsb	sy
	ic	iallu
	dsb	sy
	isb
	ldr	x0, =__stack_top
	mov	sp, x0
	ldr	x2, =update_main
	blr	x2
	ldr	x2, =update_exit
	blr	x2
5:	wfi
	b	5b
	.ltorg
