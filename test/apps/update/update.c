// SPDX-License-Identifier: Apache-2.0
/*
 * The update demo: what an application does to update itself through lib/bootapi, driven by a
 * script so that a QEMU test can walk a whole upgrade cycle across guest resets.
 *
 * At every start it prints its version (APP_VERSION, fixed at build time) and both trailers
 * of image pair 0, counts the boot (struct update_state) and runs that boot's script word:
 *
 *   test     copy the staged image into image0-secondary, request a test upgrade, reset
 *   perm     the same with a permanent request
 *   confirm  confirm the running image (bootapi_confirm), reset
 *   none     change nothing, reset
 *   exit     end the run with status 0
 *
 * A failed step ends the run with status 1, a missing or unknown word with status 2. The flash
 * map is the board's own (board.c, linked in); the port supplies reset, exit and addresses.
 */
#include <rampart/board.h>
#include <rampart/bootapi.h>
#include <rampart/console.h>
#include <rampart/errno.h>
#include <rampart/string.h>

#include "update.h"

#define STATUS_FAILED 1
#define STATUS_NO_COMMAND 2
#define WORD_MAX 16

static const char *const magic_names[] = { "unset", "good", "bad" };
static const char *const flag_names[] = { "unset", "set", "bad" };

static void show_trailer(const char *name, const struct trailer *t)
{
	console_printf("app: %s: magic %s, image_ok %s, copy_done %s, swap_info %s\n", name,
		       magic_names[t->magic], flag_names[t->image_ok], flag_names[t->copy_done],
		       swap_type_name(t->swap_type));
}

/* Prints both trailers and the swap the loader would do next. 0 or bootapi's error. */
static int show_slots(const struct flash_area *pri, const struct flash_area *sec)
{
	struct bootapi_state st;
	int rc = bootapi_slot_state(pri, sec, &st);

	if (rc) {
		console_printf("app: cannot read the trailers: %s\n", strerror_short(rc));
		return rc;
	}
	show_trailer(pri->name, &st.primary);
	show_trailer(sec->name, &st.secondary);
	console_printf("app: next boot: %s\n", swap_type_name(st.pending));
	return 0;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',';
}

/* Word @n (from 0) of the script into @word; false if there is none or it is too long. */
static bool script_word(unsigned int n, char word[WORD_MAX])
{
	size_t i = 0, len;

	for (;;) {
		while (i < UPDATE_SCRIPT_MAX && update_script[i] && is_space(update_script[i]))
			i++;
		if (i == UPDATE_SCRIPT_MAX || !update_script[i])
			return false;
		for (len = 0; i + len < UPDATE_SCRIPT_MAX && update_script[i + len] &&
		     !is_space(update_script[i + len]); len++)
			;
		if (n-- == 0)
			break;
		i += len;
	}
	if (len >= WORD_MAX)
		return false;
	memcpy(word, update_script + i, len);
	word[len] = '\0';
	return true;
}

/* This boot's number, from 0; counts it. */
static uint32_t count_boot(void)
{
	if (update_state.magic != UPDATE_STATE_MAGIC) {
		update_state.magic = UPDATE_STATE_MAGIC;
		update_state.boots = 0;
	}
	return update_state.boots++;
}

static void show_progress(uint32_t done, uint32_t total, void *arg)
{
	console_printf("app: %s: %u of %u bytes written\n", (const char *)arg, (unsigned)done,
		       (unsigned)total);
}

/* Write the staged image into @sec and request the upgrade. 0 or an error (logged). */
static int stage_upgrade(const struct flash_area *sec, bool permanent)
{
	int rc = bootapi_write_image(sec, update_stage, update_stage_len, show_progress,
				     (void *)sec->name);

	if (rc) {
		console_printf("app: writing %s failed: %s\n", sec->name, strerror_short(rc));
		return rc;
	}
	rc = bootapi_request_upgrade(sec, permanent);
	if (rc) {
		console_printf("app: upgrade request failed: %s\n", strerror_short(rc));
		return rc;
	}
	console_printf("app: %s upgrade requested\n", permanent ? "permanent" : "test");
	return 0;
}

/* Run @cmd; 0 if the machine should now reset, or the status to exit with. */
static int run(const char *cmd, const struct flash_area *pri, const struct flash_area *sec)
{
	int rc;

	if (!strcmp(cmd, "test") || !strcmp(cmd, "perm"))
		return stage_upgrade(sec, cmd[0] == 'p') ? STATUS_FAILED : 0;
	if (!strcmp(cmd, "confirm")) {
		rc = bootapi_confirm(pri);
		console_printf("app: confirm %s: %s\n", pri->name, rc ? strerror_short(rc) : "ok");
		return rc ? STATUS_FAILED : 0;
	}
	if (!strcmp(cmd, "none")) {
		console_printf("app: not confirming, leaving the slots alone\n");
		return 0;
	}
	console_printf("app: unknown command '%s'\n", cmd);
	return STATUS_NO_COMMAND;
}

/* Console and flash devices as the loader brings them up. 0 or the first error. */
static int init_board(void)
{
	int rc = board.console ? console_init(board.console) : 0;

	for (size_t i = 0; rc == 0 && i < board.nr_flash_devs; i++)
		rc = flash_init(board.flash_devs[i]);
	return rc;
}

int update_main(void)
{
	const struct flash_area *pri, *sec;
	char cmd[WORD_MAX];
	uint32_t boot;
	int status;

	if (init_board())
		return STATUS_FAILED;
	console_printf("app: version %s running\n", APP_VERSION);
	pri = board_find_area("image0-primary");
	sec = board_find_area("image0-secondary");
	if (!pri || !sec) {
		console_printf("app: the flash map lacks image0-primary or image0-secondary\n");
		return STATUS_FAILED;
	}
	if (!update_linked_for(pri)) {
		console_printf("app: linked for another address than %s's payload\n", pri->name);
		return STATUS_FAILED;
	}
	if (show_slots(pri, sec))
		return STATUS_FAILED;
	boot = count_boot();
	if (!script_word(boot, cmd)) {
		console_printf("app: boot %u: no command in the script\n", (unsigned)boot);
		return STATUS_NO_COMMAND;
	}
	console_printf("app: boot %u: %s\n", (unsigned)boot, cmd);
	if (!strcmp(cmd, "exit")) {
		console_printf("app: script done\n");
		return 0;
	}
	status = run(cmd, pri, sec);
	if (status)
		return status;
	console_printf("app: resetting\n");
	update_reset();
	console_printf("app: reset did not happen\n");
	return STATUS_FAILED;
}
