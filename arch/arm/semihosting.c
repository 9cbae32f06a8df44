// SPDX-License-Identifier: Apache-2.0
/* ARM semihosting calls (asm/semihosting.h). */
#include <asm/semihosting.h>

uint32_t semihosting_call(uint32_t op, uintptr_t arg)
{
	register uint32_t r0 __asm__("r0") = op;
	register uintptr_t r1 __asm__("r1") = arg;

	__asm__ __volatile__("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
	return r0;
}

void semihosting_puts(const char *s)
{
	semihosting_call(SEMIHOSTING_SYS_WRITE0, (uintptr_t)s);
}

void semihosting_exit(uint32_t status)
{
	uint32_t block[2];

	/* Element by element: on the M0 an initialiser was compiled into a memcpy call. */
	block[0] = SEMIHOSTING_ADP_STOPPED_APPLICATION_EXIT;
	block[1] = status;
	semihosting_call(SEMIHOSTING_SYS_EXIT_EXTENDED, (uintptr_t)block);
}
