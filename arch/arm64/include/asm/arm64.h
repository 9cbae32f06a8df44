/* SPDX-License-Identifier: Apache-2.0 */
/*
 * AArch64 facts shared by the start-up code, the handoff and test firmware. Everything here
 * is safe before the console is up. Usable from assembly (__ASSEMBLY__) for the constants.
 */
#ifndef ASM_ARM64_H
#define ASM_ARM64_H

/* SCTLR_ELx bits the bootloader clears: MMU, alignment check, data cache. */
#define SCTLR_M (1 << 0)
#define SCTLR_A (1 << 1)
#define SCTLR_C (1 << 2)
#define SCTLR_OFF_BITS (SCTLR_M | SCTLR_A | SCTLR_C)

/* CurrentEL holds the exception level in bits [3:2]. */
#define CURRENTEL_EL1 (1 << 2)
#define CURRENTEL_EL2 (2 << 2)
#define CURRENTEL_EL3 (3 << 2)

/* FP/SIMD trap controls: CPACR_EL1.FPEN (EL1/EL0), CPTR_EL2.TFP (E2H = 0), CPTR_EL3.TFP. */
#define CPACR_FPEN (3 << 20)
#define CPTR_TFP (1 << 10)

/* MPIDR_EL1 affinity fields Aff0..Aff2 (bits 23:0) and Aff3 (bits 39:32): zero on the boot CPU. */
#define MPIDR_AFF_MASK 0xff00ffffff

/* Exit status of the bootloader after an unexpected CPU exception. */
#define ARM64_STATUS_FAULT 4

#ifndef __ASSEMBLY__
#include <stdint.h>
#include <rampart/compiler.h>

/* Linker-script symbols (arch/arm64/rampart.lds.S). */
extern uint64_t __stack_top[];
extern uint64_t __data_start[], __data_end[], __data_load[];
extern uint64_t __bss_start[], __bss_end[];

/*
 * arm64_mmu_caches_off() - at the current exception level (1, 2 or 3) clear SCTLR_ELx.M, .A
 * and .C, then invalidate the instruction cache and synchronise. Uses no stack and only x0/x1,
 * so start.S calls it before a stack exists. Nothing is cleaned: Rampart never turns the data
 * cache on, and is entered from reset with it off.
 */
void arm64_mmu_caches_off(void);

/*
 * arm64_fpsimd_enable() - stop trapping FP/SIMD instructions at the current exception level
 * (CPACR_EL1.FPEN at EL1, CPTR_EL2.TFP at EL2 with HCR_EL2.E2H = 0, CPTR_EL3.TFP at EL3).
 * start.S calls it before any C when CONFIG_FPSIMD is set; the FP/SIMD registers are left
 * as reset made them. Uses no stack and only x0/x1.
 */
void arm64_fpsimd_enable(void);

/*
 * arm64_enter() - branch to @entry at the current exception level with x0..x3 = 0 and
 * interrupts masked. Never returns.
 */
__noreturn void arm64_enter(uintptr_t entry);

/*
 * arm64_exception() - entered from vectors.S on any exception taken by Rampart (@vector is the
 * entry number 0..15, @esr and @elr the syndrome and return address at the current level).
 * Logs them and halts with ARM64_STATUS_FAULT; a second exception parks the CPU.
 */
__noreturn void arm64_exception(uint64_t vector, uint64_t esr, uint64_t elr);

/* The current exception level, 1..3. */
static inline unsigned int arm64_current_el(void)
{
	uint64_t el;

	__asm__ __volatile__("mrs %0, CurrentEL" : "=r"(el));
	return (unsigned int)(el >> 2) & 3;
}
#endif

#endif
