/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the portable core asks of an architecture. Each arch/<arch>/ implements these.
 */
#ifndef RAMPART_ARCH_H
#define RAMPART_ARCH_H

#include <stddef.h>
#include <stdint.h>
#include <rampart/compiler.h>
#include <rampart/flash.h>
#include <rampart/image.h>

/* Exit status of a bootloader that found nothing bootable (sandbox exit code and the
 * semihosting exit code on QEMU boards). Documented in Documentation/. */
#define BOOT_STATUS_NO_IMAGE 3

struct handoff {
	const struct flash_area *fa;	/* slot the image runs from */
	const struct image_info *info;	/* its verified metadata */
	uintptr_t image_base;		/* CPU address of the payload (0 if not mapped) */
	uintptr_t entry;		/* filled by arch_handoff_prepare() */
	uintptr_t stack;		/* Cortex-M: initial MSP from the vector table */
};

/*
 * arch_handoff_prepare() - work out entry (and stack) for the verified image at
 * h->image_base, whose payload is h->info->img_size bytes. Refuses (-EFAULT) an entry point
 * outside the payload. Called only after the verdict was checked; returns 0 or -errno.
 */
int arch_handoff_prepare(struct handoff *h);

/* Jump to the image; never returns. Called after the verdict was checked twice. */
__noreturn void arch_handoff(const struct handoff *h);

/* Stop: end QEMU through semihosting, or exit the sandbox process, with @status. */
__noreturn void arch_halt(int status);

/*
 * arch_sha256_blocks() - the SHA-256 compression function (FIPS 180-4 6.2.2) on the CPU's
 * own instructions, for lib/crypto/sha256.c (CONFIG_CRYPTO_SHA256_ARCH; arm64 only so far).
 * @state:   the eight working hash words a..h, updated in place
 * @data:    @nblocks consecutive 64-byte message blocks (any alignment)
 * @nblocks: number of blocks; 0 does nothing
 * Returns 0, or -ENOSYS with @state untouched when the CPU lacks the instructions (checked on
 * every call: on arm64, ID_AA64ISAR0_EL1.SHA2); the caller then uses the portable code, which
 * gives the same result. Constant-time in the data; needs FP/SIMD enabled (CONFIG_FPSIMD);
 * safe before the console is up.
 */
int arch_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t nblocks);

#endif
