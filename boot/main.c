// SPDX-License-Identifier: Apache-2.0
/*
 * The boot sequence: bring up the board, let the configured upgrade engine settle every image
 * pair (boot/slots/), hand off to image 0.
 */
#include <rampart/arch.h>
#include <rampart/board.h>
#include <rampart/boot.h>
#include <rampart/console.h>
#include <rampart/errno.h>
#include <rampart/image.h>
#include <rampart/keys.h>
#include <rampart/slots.h>

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
	/* A bad counter store is logged, not fatal: images are then refused by the rule. */
	if (rc == 0 && board.counter && IS_ENABLED(CONFIG_BOOT_HW_ROLLBACK_PROT)) {
		int crc = counter_init(board.counter);

		if (crc)
			log_err("counters %s: init failed: %s", board.counter->name,
				strerror_short(crc));
	}
	return rc;
}

/* The engine this build's Kconfig chose; only its object is linked. */
static const struct upgrade_engine *config_engine(void)
{
	if (IS_ENABLED(CONFIG_BOOT_SWAP_SCRATCH))
		return &upgrade_swap_scratch;
	if (IS_ENABLED(CONFIG_BOOT_SWAP_MOVE))
		return &upgrade_swap_move;
	if (IS_ENABLED(CONFIG_BOOT_SWAP_OFFSET))
		return &upgrade_swap_offset;
	if (IS_ENABLED(CONFIG_BOOT_OVERWRITE))
		return &upgrade_overwrite;
	if (IS_ENABLED(CONFIG_BOOT_OVERWRITE_FAST))
		return &upgrade_overwrite_fast;
	if (IS_ENABLED(CONFIG_BOOT_DIRECT_XIP))
		return &upgrade_direct_xip;
	if (IS_ENABLED(CONFIG_BOOT_DIRECT_XIP_REVERT))
		return &upgrade_direct_xip_revert;
	if (IS_ENABLED(CONFIG_BOOT_RAM_LOAD))
		return &upgrade_ram_load;
	if (IS_ENABLED(CONFIG_BOOT_RAM_LOAD_REVERT))
		return &upgrade_ram_load_revert;
	return &upgrade_single_slot;
}


/* Build the boot environment from the board's flash map. 0 or -EINVAL (logged). */
static int boot_env_init(struct boot_env *env, struct boot_pair *pairs)
{
	/* single slot copies nothing */
	static uint8_t copy_buf[IS_ENABLED(CONFIG_BOOT_SINGLE_SLOT) ? 4 : CONFIG_BOOT_COPY_BUF_SIZE];
	bool single = IS_ENABLED(CONFIG_BOOT_SINGLE_SLOT);
	bool ram = IS_ENABLED(CONFIG_BOOT_RAM_LOAD) || IS_ENABLED(CONFIG_BOOT_RAM_LOAD_REVERT);
	const struct flash_area *ram_area = ram ? board_find_area("ram-load") : NULL;

	for (unsigned int i = 0; i < CONFIG_BOOT_IMAGE_NUMBER; i++) {
		/* "image<N>-primary", "image<N>-secondary" (N < BOOT_MAX_PAIRS: one digit) */
		char pri[] = "image0-primary", sec[] = "image0-secondary";

		pri[5] = sec[5] = (char)('0' + i);
		pairs[i].num = (uint8_t)i;
		pairs[i].primary = board_find_area(pri);
		pairs[i].secondary = single ? NULL : board_find_area(sec);
		if (!pairs[i].primary || (!single && !pairs[i].secondary)) {
			log_err("flash map has no %s/%s areas", pri, sec);
			return -EINVAL;
		}
	}
	if (ram && (!ram_area || ram_area->size < CONFIG_BOOT_RAM_LOAD_SIZE)) {
		log_err("flash map has no \"ram-load\" area of %u bytes for the RAM-load window",
			(unsigned)CONFIG_BOOT_RAM_LOAD_SIZE);
		return -EINVAL;
	}
	*env = (struct boot_env){
		.engine = config_engine(),
		.pairs = pairs,
		.nr_pairs = CONFIG_BOOT_IMAGE_NUMBER,
		.scratch = IS_ENABLED(CONFIG_BOOT_SWAP_SCRATCH) ? board_find_area("scratch") : NULL,
		.align = CONFIG_BOOT_MAX_ALIGN,
		.max_sectors = CONFIG_BOOT_MAX_IMG_SECTORS,
		.keys = &builtin_keyring,
		.downgrade_prevention = IS_ENABLED(CONFIG_BOOT_DOWNGRADE_PREVENTION),
		.counter = board.counter,
		.ram_addr = CONFIG_BOOT_RAM_LOAD_ADDR,
		.ram_size = CONFIG_BOOT_RAM_LOAD_SIZE,
		.ram_area = ram_area,
		.buf = copy_buf,
		.buf_len = sizeof(copy_buf),
	};
	return 0;
}

/* Hand off to the image boot_go() chose for pair 0; returns only if that is refused. */
static void boot_image(const struct pair_state *ps)
{
	const struct flash_area *fa = ps->run == BOOT_SLOT_SECONDARY ? ps->pair->secondary :
				      ps->pair->primary;
	struct handoff h;
	verdict_t verdict = ps->verdict;
	int rc;

	h = (struct handoff){
		.fa = fa,
		.info = &ps->info,
		.image_base = ps->ram_loaded ? ps->ram_base + ps->info.hdr_size :
			      flash_area_mmap(fa, ps->info.hdr_size),
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
	static struct pair_state st[CONFIG_BOOT_IMAGE_NUMBER];
	struct boot_pair pairs[CONFIG_BOOT_IMAGE_NUMBER];
	struct boot_env env;

	if (boot_board_init())
		arch_halt(BOOT_STATUS_NO_IMAGE);
	log_inf("Rampart %s on %s", RAMPART_VERSION, board.name);

	if (boot_env_init(&env, pairs) == 0 && boot_go(&env, st) == 0)
		boot_image(&st[0]);

	log_err("no bootable image: halting (status %d)", BOOT_STATUS_NO_IMAGE);
	arch_halt(BOOT_STATUS_NO_IMAGE);
}
