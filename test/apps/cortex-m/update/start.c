// SPDX-License-Identifier: Apache-2.0
/*
 * The update demo (test/apps/update/update.c) on bbc_microbit: the vector table at the start of
 * the payload, a reset handler that runs update_main(), and the port's hooks: the link-address
 * check, SYSRESETREQ to reset, semihosting to end the run.
 * It runs in place from flash: the NVMC stalls the CPU while it programs, so no RAM code is
 * needed. It takes no interrupt (the M0 has no VTOR: the bootloader's table stays active).
 */
#include <rampart/compiler.h>
#include <rampart/flash.h>
#include <asm/semihosting.h>

#include "../../update/update.h"

#define SCB_AIRCR 0xe000ed0cu
#define AIRCR_SYSRESETREQ 0x05fa0004u	/* VECTKEY | SYSRESETREQ */
#define HEADER_SIZE 0x200u		/* rampart-img sign -H */
#define RESET_SPIN 1000000u

extern uint32_t __app_stack_top[], __app_bss_start[], __app_bss_end[];

typedef void (*vector_t)(void);

__noreturn void app_reset(void);

static const vector_t app_vectors[2] __section(".vectors") __used = {
	(vector_t)__app_stack_top,
	app_reset,
};

bool update_linked_for(const struct flash_area *primary)
{
	return flash_area_mmap(primary, HEADER_SIZE) == (uintptr_t)app_vectors;
}

void app_reset(void)
{
	for (uint32_t *p = __app_bss_start; p < __app_bss_end; )
		*p++ = 0;
	update_exit((uint32_t)update_main());
	for (;;)
		;
}

void update_reset(void)
{
	*(volatile uint32_t *)SCB_AIRCR = AIRCR_SYSRESETREQ;
	__asm__ __volatile__("dsb" : : : "memory");
	/* The reset is asynchronous: wait for it, but not forever. */
	for (volatile uint32_t i = 0; i < RESET_SPIN; i++)
		;
}

void update_exit(uint32_t status)
{
	semihosting_exit(status);
}
