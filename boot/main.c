// SPDX-License-Identifier: Apache-2.0
/*
 * The boot sequence: bring up the board, validate the image in the primary slot, hand off.
 * Single-slot verified boot; slot selection and upgrades arrive with the swap engines.
 */
#include <rampart/arch.h>
#include <rampart/board.h>
#include <rampart/boot.h>
#include <rampart/console.h>
#include <rampart/errno.h>
#include <rampart/image.h>
#include <rampart/keys.h>

int boot_board_init(void)
{
	int rc = 0;

	if (board.early_init)
		rc = board.early_init();
	if (rc == 0 && board.console)
		rc = console_init(board.console);
	for (size_t i = 0; rc == 0 && i < board.nr_flash_devs; i++) {
		rc = flash_init(board.flash_devs[i]);
		if (rc)
			log_err("flash %s: init failed: %s", board.flash_devs[i]->name,
				strerror_short(rc));
	}
	return rc;
}

static void log_verified(const struct flash_area *fa, const struct image_info *info)
{
	char ver[IMAGE_VERSION_STR_MAX];

	log_inf("%s: image %s verified (%u bytes, %s key '%s')", fa->name,
		image_version_str(&info->version, ver, sizeof(ver)), (unsigned)info->img_size,
		crypto_sig_name(info->key->alg), info->key->name);
}

/*
 * Validate the image in @fa and, if it may run, hand off to it. Returns only when the slot
 * holds nothing bootable, after logging why.
 */
static void boot_slot(const struct flash_area *fa)
{
	struct image_info info;
	struct handoff h;
	verdict_t verdict;
	int rc;

	rc = mcuboot_probe(fa);
	if (rc == -ENOENT) {
		log_wrn("%s: empty (erased)", fa->name);
		return;
	}
	if (rc) {
		log_err("%s: no image: %s", fa->name,
			rc == -EBADMSG ? "bad header magic" : strerror_short(rc));
		return;
	}

	verdict = mcuboot_validate(fa, &builtin_keyring, &info);
	if (!verdict_is_ok(verdict)) {
		log_err("%s: image refused: %s", fa->name, info.reason ? info.reason : "invalid");
		return;
	}
	log_verified(fa, &info);

	h = (struct handoff){
		.fa = fa,
		.info = &info,
		.image_base = flash_area_mmap(fa, info.hdr_size),
	};
	rc = arch_handoff_prepare(&h);
	if (rc) {
		log_err("%s: cannot hand off: %s", fa->name, strerror_short(rc));
		return;
	}
	/* Second, independent look at the verdict right before the jump (glitch hardening). */
	if (!verdict_is_ok_twice(&verdict))
		return;
	arch_handoff(&h);
}

void boot_main(void)
{
	const struct flash_area *primary;

	if (boot_board_init())
		arch_halt(BOOT_STATUS_NO_IMAGE);
	log_inf("Rampart %s on %s", RAMPART_VERSION, board.name);

	primary = board_find_area("image0-primary");
	if (!primary)
		log_err("flash map has no image0-primary area");
	else
		boot_slot(primary);

	log_err("no bootable image: halting (status %d)", BOOT_STATUS_NO_IMAGE);
	arch_halt(BOOT_STATUS_NO_IMAGE);
}
