// SPDX-License-Identifier: Apache-2.0
/*
 * Cortex-M handoff. The payload of a verified image starts with its vector table: word 0 is
 * the initial MSP, word 1 the reset vector. The bootloader masks interrupts, points VTOR at
 * that table (Cortex-M3; the M0 has no VTOR and keeps the bootloader's table), loads MSP and
 * branches to the reset vector.
 */
#include <rampart/arch.h>
#include <rampart/errno.h>
#include <asm/cortex-m.h>
#include <asm/semihosting.h>

/* Is @addr inside [base, base + size)? Subtraction form: no overflow for any input. */
static bool in_range(uint32_t addr, uint32_t base, uint32_t size)
{
	return addr >= base && addr - base < size;
}

/*
 * The vector table comes from the image: the signature says who wrote it, not that its
 * addresses are sane. An entry outside the payload would run bytes nobody verified.
 */
int arch_handoff_prepare(struct handoff *h)
{
	const volatile uint32_t *vt = (const volatile uint32_t *)h->image_base;
	uint32_t base = (uint32_t)h->image_base, size = h->info->img_size;
	uint32_t sp, pc;

	if (base == 0 || base % ARM_VTOR_ALIGN || size < 2 * sizeof(uint32_t))
		return -EFAULT;
	sp = vt[ARM_VECTOR_SP];
	pc = vt[ARM_VECTOR_RESET];
	if (sp == 0 || sp % 4)
		return -EFAULT;
	if (!(pc & 1) || !in_range(pc & ~1u, base, size))
		return -EFAULT;
	h->stack = sp;
	h->entry = pc;
	return 0;
}

void arch_handoff(const struct handoff *h)
{
	uint32_t sp = (uint32_t)h->stack, pc = (uint32_t)h->entry;

	arm_irq_disable();
	if (arm_has_vtor())
		*(volatile uint32_t *)ARM_SCB_VTOR = (uint32_t)h->image_base;
	arm_barrier();
	arm_jump(sp, pc);
}

void arch_halt(int status)
{
	if (IS_ENABLED(CONFIG_SEMIHOSTING))
		semihosting_exit((uint32_t)status);
	for (;;)
		__asm__ __volatile__("wfi");
}
