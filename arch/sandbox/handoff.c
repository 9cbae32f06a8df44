// SPDX-License-Identifier: Apache-2.0
/*
 * Handoff on the sandbox: there is no CPU to jump to, so the bootloader reports exactly
 * what it would run and exits with status 0, which tests take as "booted".
 */
#include <stdio.h>
#include <stdlib.h>

#include <rampart/arch.h>
#include <rampart/console.h>

/* Sandbox flash is never memory-mapped: a payload address means a copy in RAM. */
static bool in_ram(const struct handoff *h)
{
	return (h->info->flags & IMAGE_F_RAM_LOAD) && h->image_base;
}

int arch_handoff_prepare(struct handoff *h)
{
	/* The sandbox "entry": the RAM copy's payload, or the payload's offset in flash. */
	h->entry = in_ram(h) ? h->image_base : h->fa->off + h->info->hdr_size;
	return 0;
}

void arch_handoff(const struct handoff *h)
{
	char ver[IMAGE_VERSION_STR_MAX];

	image_version_str(&h->info->version, ver, sizeof(ver));
	if (in_ram(h))
		log_inf("handoff: RAM at 0x%lx, image %s, loaded from slot %s",
			(unsigned long)h->entry, ver, h->fa->name);
	else
		log_inf("handoff: slot %s, image %s, entry at flash offset 0x%x", h->fa->name, ver,
			(unsigned)h->entry);
	fflush(stdout);
	exit(0);
}

void arch_halt(int status)
{
	fflush(stdout);
	exit(status);
}
