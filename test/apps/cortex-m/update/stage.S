/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The image this build offers as an update (update.h: update_stage, update_stage_len): the
 * signed file STAGE (a -D string) embedded in the payload, or nothing without STAGE.
 */
	.section .rodata.update_stage, "a"
	.balign	4
	.globl	update_stage_len
update_stage_len:
	.word	2f - 1f
	.globl	update_stage
update_stage:
1:
#ifdef STAGE
	.incbin	STAGE
#endif
2:
