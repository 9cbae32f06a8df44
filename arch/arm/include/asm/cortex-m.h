/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Cortex-M (armv6-m, armv7-m) facts shared by the start-up, handoff and test firmware.
 * Everything here is safe before the console is up.
 */
#ifndef ASM_CORTEX_M_H
#define ASM_CORTEX_M_H

#include <stdint.h>
#include <rampart/compiler.h>

/* Exit status of the bootloader after a CPU fault (HardFault, NMI, ...). */
#define ARM_STATUS_FAULT 4

/* The first two words of every Cortex-M vector table. */
#define ARM_VECTOR_SP 0
#define ARM_VECTOR_RESET 1
#define ARM_NR_SYS_VECTORS 16

/* VTOR ignores the low 7 bits: a vector table must be at least 128-byte aligned. */
#define ARM_VTOR_ALIGN 128u
#define ARM_SCB_VTOR 0xe000ed08u

/* Linker-script symbols (arch/arm/cortex-m.lds.S). */
extern uint32_t __stack_top[];
extern uint32_t __data_start[], __data_end[], __data_load[];
extern uint32_t __bss_start[], __bss_end[];

/* Reset handler: copies .data, zeroes .bss and calls boot_main(). Never returns. */
__noreturn void arm_reset(void);

/* Does this CPU have a Vector Table Offset Register? Not the Cortex-M0 (armv6-m). */
static inline bool arm_has_vtor(void)
{
	return !IS_ENABLED(CONFIG_CPU_CORTEX_M0);
}

/* Mask all configurable-priority interrupts (PRIMASK = 1). */
static inline void arm_irq_disable(void)
{
	__asm__ __volatile__("cpsid i" ::: "memory");
}

/* Complete outstanding memory accesses and refetch: needed after writing VTOR. */
static inline void arm_barrier(void)
{
	__asm__ __volatile__("dsb\n\tisb" ::: "memory");
}

/* The active exception number (IPSR), 0 in thread mode. */
static inline uint32_t arm_exception_number(void)
{
	uint32_t ipsr;

	__asm__ __volatile__("mrs %0, ipsr" : "=r"(ipsr));
	return ipsr & 0x1ffu;
}

/*
 * Load @sp into MSP and branch to @pc (Thumb bit set). Nothing of the caller's stack is used
 * after the MSP write. Never returns.
 */
static inline __noreturn void arm_jump(uint32_t sp, uint32_t pc)
{
	__asm__ __volatile__("msr msp, %0\n\tisb\n\tbx %1" : : "r"(sp), "r"(pc) : "memory");
	__builtin_unreachable();
}

#endif
