// SPDX-License-Identifier: Apache-2.0
/* ARM semihosting calls on AArch64 (asm/semihosting.h). */
#include <asm/semihosting.h>

uint64_t semihosting_call(uint64_t op, uintptr_t arg)
{
	register uint64_t x0 __asm__("x0") = op;
	register uintptr_t x1 __asm__("x1") = arg;

	__asm__ __volatile__("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
	return x0;
}

void semihosting_puts(const char *s)
{
	semihosting_call(SEMIHOSTING_SYS_WRITE0, (uintptr_t)s);
}

void semihosting_exit(uint32_t status)
{
	/* On AArch64 SYS_EXIT always takes a two-word block: reason, then exit code. */
	uint64_t block[2];

	block[0] = SEMIHOSTING_ADP_STOPPED_APPLICATION_EXIT;
	block[1] = status;
	semihosting_call(SEMIHOSTING_SYS_EXIT, (uintptr_t)block);
}
