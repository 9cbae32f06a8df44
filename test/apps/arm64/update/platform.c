// SPDX-License-Identifier: Apache-2.0
/*
 * The update demo's port hooks on QEMU virt: the link-address check, PSCI SYSTEM_RESET to
 * reset, semihosting to end the run. QEMU's PSCI answers HVC from EL1 and SMC from EL2
 * (virtualization=on); with secure=on (EL3) there is none, and update_reset() returns.
 */
#include <rampart/flash.h>
#include <asm/semihosting.h>

#include "../../update/update.h"

#define PSCI_SYSTEM_RESET 0x84000009u
#define HEADER_SIZE 0x200u	/* rampart-img sign -H */

extern const char _start[];	/* start.S: the first payload byte */

bool update_linked_for(const struct flash_area *primary)
{
	return flash_area_mmap(primary, HEADER_SIZE) == (uintptr_t)_start;
}

static unsigned int current_el(void)
{
	uint64_t el;

	__asm__ __volatile__("mrs %0, CurrentEL" : "=r"(el));
	return (unsigned int)(el >> 2) & 3;
}

void update_reset(void)
{
	register uint64_t x0 __asm__("x0") = PSCI_SYSTEM_RESET;

	/* On success the calling CPU never comes back. */
	if (current_el() == 1)
		__asm__ __volatile__("hvc #0" : "+r"(x0) : : "memory");
	else if (current_el() == 2)
		__asm__ __volatile__("smc #0" : "+r"(x0) : : "memory");
}

void update_exit(uint32_t status)
{
	semihosting_exit(status);
}
