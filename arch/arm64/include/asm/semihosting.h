/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ARM semihosting on AArch64 (trap: hlt #0xf000). QEMU services these when started with
 * -semihosting-config enable=on; without it the trap is an undefined-instruction exception.
 * Safe before the console is up.
 */
#ifndef ASM_SEMIHOSTING_H
#define ASM_SEMIHOSTING_H

#include <stdint.h>

#define SEMIHOSTING_SYS_WRITE0 0x04
#define SEMIHOSTING_SYS_EXIT 0x18
#define SEMIHOSTING_ADP_STOPPED_APPLICATION_EXIT 0x20026

/* Issue semihosting operation @op with parameter @arg (a value or a block address). */
uint64_t semihosting_call(uint64_t op, uintptr_t arg);

/* Print a NUL-terminated string on the host's console (debug aid). */
void semihosting_puts(const char *s);

/*
 * semihosting_exit() - SYS_EXIT with the block {ADP_Stopped_ApplicationExit, @status}: QEMU
 * exits with @status. Returns only if the host ignored the request.
 */
void semihosting_exit(uint32_t status);

#endif
