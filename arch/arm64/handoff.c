// SPDX-License-Identifier: Apache-2.0
/*
 * Handoff on AArch64: the image runs in place from memory-mapped flash, entered at the first
 * byte of its payload, at the exception level Rampart itself runs at. The register contract
 * for applications is in Documentation/boards/qemu_virt_arm64.md.
 */
#include <asm/arm64.h>
#include <asm/semihosting.h>
#include <rampart/arch.h>
#include <rampart/errno.h>

int arch_handoff_prepare(struct handoff *h)
{
	uintptr_t base = h->image_base;
	uintptr_t end;

	/*
	 * The entry is the payload's first byte: it must be mapped (non-zero), hold at least one
	 * aligned instruction, and the payload must not wrap around the address space.
	 */
	if (base == 0 || base % 4 != 0 || h->info->img_size < 4)
		return -EFAULT;
	if (__builtin_add_overflow(base, (uintptr_t)h->info->img_size, &end))
		return -EFAULT;
	h->entry = base;
	return 0;
}

void arch_handoff(const struct handoff *h)
{
	/* Rampart never enables the MMU or data cache; make sure, and drop stale instructions. */
	arm64_mmu_caches_off();
	arm64_enter(h->entry);
}

void arch_halt(int status)
{
	if (IS_ENABLED(CONFIG_SEMIHOSTING))
		semihosting_exit((uint32_t)status);
	for (;;)
		__asm__ __volatile__("wfi");
}
