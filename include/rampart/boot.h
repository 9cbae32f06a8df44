/* SPDX-License-Identifier: Apache-2.0 */
#ifndef RAMPART_BOOT_H
#define RAMPART_BOOT_H

#include <rampart/compiler.h>

/*
 * boot_main() - the boot sequence (DESIGN.md section 3): board and devices up, choose and
 * validate an image, hand off. Called by each architecture's start-up code once a C
 * environment exists. Never returns: it hands off or halts with BOOT_STATUS_NO_IMAGE.
 */
__noreturn void boot_main(void);

/* Bring up the board's console and flash devices. 0 or the first error. */
int boot_board_init(void);

#endif
