// SPDX-License-Identifier: Apache-2.0
/* What happens on an unexpected CPU exception (entered from vectors.S). */
#include <asm/arm64.h>
#include <rampart/arch.h>
#include <rampart/console.h>

/*
 * A second exception while reporting the first (e.g. the semihosting trap itself faults because
 * QEMU runs without semihosting) parks the CPU instead of recursing.
 */
void arm64_exception(uint64_t vector, uint64_t esr, uint64_t elr)
{
	static bool faulted;

	if (!faulted) {
		faulted = true;
		log_err("CPU exception: vector %u, ESR 0x%llx, ELR 0x%llx", (unsigned)vector,
			(unsigned long long)esr, (unsigned long long)elr);
		arch_halt(ARM64_STATUS_FAULT);
	}
	for (;;)
		__asm__ __volatile__("wfi");
}
