// SPDX-License-Identifier: Apache-2.0
/*
 * Handoff on the sandbox: there is no CPU to jump to, so the bootloader reports exactly
 * what it would run and exits with status 0, which tests take as "booted".
 */
#include <stdio.h>
#include <stdlib.h>

#include <rampart/arch.h>
#include <rampart/console.h>

int arch_handoff_prepare(struct handoff *h)
{
	/* The payload starts hdr_size bytes into the slot; that is the sandbox "entry". */
	h->entry = h->fa->off + h->info->hdr_size;
	return 0;
}

void arch_handoff(const struct handoff *h)
{
	char ver[IMAGE_VERSION_STR_MAX];

	log_inf("handoff: slot %s, image %s, entry at flash offset 0x%x", h->fa->name,
		image_version_str(&h->info->version, ver, sizeof(ver)), (unsigned)h->entry);
	fflush(stdout);
	exit(0);
}

void arch_halt(int status)
{
	fflush(stdout);
	exit(status);
}
