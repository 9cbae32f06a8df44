/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ARM semihosting on M-profile: `bkpt 0xab`, operation in r0, parameter in r1. QEMU runs it
 * with -semihosting-config enable=on; on silicon a debugger must be attached, otherwise the
 * breakpoint becomes a HardFault (and a second one locks the CPU up).
 */
#ifndef ASM_SEMIHOSTING_H
#define ASM_SEMIHOSTING_H

#include <stdint.h>

#define SEMIHOSTING_SYS_WRITE0 0x04u
#define SEMIHOSTING_SYS_EXIT 0x18u
#define SEMIHOSTING_SYS_EXIT_EXTENDED 0x20u
#define SEMIHOSTING_ADP_STOPPED_APPLICATION_EXIT 0x20026u

/* Trap to the host with @op and @arg; returns the host's r0. */
uint32_t semihosting_call(uint32_t op, uintptr_t arg);

/* Print the NUL-terminated @s on the host's console. Needs no RAM state of ours. */
void semihosting_puts(const char *s);

/*
 * Ask the host to end the session with exit status @status (SYS_EXIT_EXTENDED: SYS_EXIT
 * can only report 0 on M-profile). Returns only if the host ignored the request.
 */
void semihosting_exit(uint32_t status);

#endif
