// SPDX-License-Identifier: Apache-2.0
/*
 * Cortex-M start-up: the vector table at CONFIG_BOOT_ROM_BASE, the reset handler that builds
 * the C environment, and one handler for every other system exception.
 */
#include <rampart/arch.h>
#include <rampart/boot.h>
#include <asm/cortex-m.h>
#include <asm/semihosting.h>

typedef void (*vector_t)(void);

static __noreturn void arm_exception(void);

/*
 * The bootloader enables no interrupt, so the table holds only the 16 system entries. On the
 * Cortex-M0 entries 4-10 and 12 are reserved and never taken; they point at the same handler.
 */
static const vector_t vectors[ARM_NR_SYS_VECTORS] __section(".vectors") __used = {
	[ARM_VECTOR_SP] = (vector_t)__stack_top,
	[ARM_VECTOR_RESET] = arm_reset,
	[2] = arm_exception,	/* NMI */
	[3] = arm_exception,	/* HardFault */
	[4] = arm_exception,	/* MemManage */
	[5] = arm_exception,	/* BusFault */
	[6] = arm_exception,	/* UsageFault */
	[11] = arm_exception,	/* SVCall */
	[12] = arm_exception,	/* DebugMonitor */
	[14] = arm_exception,	/* PendSV */
	[15] = arm_exception,	/* SysTick */
};

void arm_reset(void)
{
	const uint32_t *src = __data_load;

	for (uint32_t *dst = __data_start; dst < __data_end; )
		*dst++ = *src++;
	for (uint32_t *dst = __bss_start; dst < __bss_end; )
		*dst++ = 0;
	boot_main();
}

/*
 * Any exception is a fault here. Report through semihosting, not the console: on the M0 this
 * handler also catches the application's faults (no VTOR), when our RAM is no longer ours.
 */
static void arm_exception(void)
{
	uint32_t n = arm_exception_number();
	char msg[] = "rampart: CPU exception NN, halting\n";
	char *digits = msg + sizeof("rampart: CPU exception ") - 1;

	digits[0] = (char)('0' + n / 10 % 10);
	digits[1] = (char)('0' + n % 10);
	if (IS_ENABLED(CONFIG_SEMIHOSTING))
		semihosting_puts(msg);
	arch_halt(ARM_STATUS_FAULT);
}
