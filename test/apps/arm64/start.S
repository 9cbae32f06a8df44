/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Entry of the sample app: the first byte of the payload. Rampart enters here with
 * x0 = 0, MMU and caches off, interrupts masked and no stack: set one up, copy .data,
 * zero .bss, run app_main(x0 at entry, exception level) and exit QEMU with its result.
 */
	.section .head.text, "ax"
	.globl	_start
_start:
	mov	x19, x0
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
4:	mov	x0, x19
	mrs	x1, CurrentEL
	lsr	x1, x1, #2
	bl	app_main
	bl	app_exit
5:	wfi
	b	5b
	.ltorg
