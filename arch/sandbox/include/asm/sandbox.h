/* SPDX-License-Identifier: Apache-2.0 */
/* What the sandbox board file needs from the sandbox "CPU". */
#ifndef ASM_SANDBOX_H
#define ASM_SANDBOX_H

#include <rampart/flash.h>
#include <rampart/serial.h>

/* A flash device backed by a host file; main() opens it from --flash. */
struct sandbox_flash {
	int fd;			/* -1 until opened */
	const char *path;
};

extern const struct flash_ops sandbox_flash_ops;
extern const struct serial_ops sandbox_serial_ops;
extern struct sandbox_flash sandbox_flash0;

/*
 * One-time-programmable fuses backed by a host file (arch/sandbox/otp.c): programming is
 * new = old AND data, there is no erase. The device's geometry must say erased_val 0xff
 * (its init op refuses anything else). main() opens sandbox_otp0 from --otp.
 */
extern const struct flash_ops sandbox_otp_ops;
extern struct sandbox_flash sandbox_otp0;

#endif
