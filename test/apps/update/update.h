/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The update demo (update.c) and what each port of it supplies: the two machine hooks below
 * and, from its linker script, fixed RAM addresses for the symbols declared here. A test puts
 * the script and the staged image there with QEMU's -device loader (re-applied at every reset,
 * so every boot sees the same script) and reads the addresses from the ELF (nm).
 */
#ifndef APP_UPDATE_H
#define APP_UPDATE_H

#include <stdbool.h>
#include <stdint.h>

/*
 * Boots so far, in RAM that survives a guest reset: no loader blob covers it and neither the
 * bootloader nor the demo's .bss does. Fresh QEMU RAM is zero; any other magic counts as zero.
 */
struct update_state {
	uint32_t magic;
	uint32_t boots;
};

#define UPDATE_STATE_MAGIC 0x54445055u	/* "UPDT" */
#define UPDATE_SCRIPT_MAX 256		/* bytes read from update_script, NUL included */

extern struct update_state update_state;
extern const char update_script[];	/* one word per boot, e.g. "test none perm none exit" */
extern const uint32_t update_stage_len;	/* bytes of the signed image at update_stage */
extern const uint8_t update_stage[];

struct flash_area;

/* update_main() - run this boot's script word; returns only the status to exit with. */
int update_main(void);

/* Was this build linked to run from @primary (its payload after a 0x200-byte header)? */
bool update_linked_for(const struct flash_area *primary);

/* Reset the whole machine (as a watchdog or power cycle would); returns only if it could not. */
void update_reset(void);

/* End the QEMU run with exit status @status (semihosting); returns only if it could not. */
void update_exit(uint32_t status);

#endif
