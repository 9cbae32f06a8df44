// SPDX-License-Identifier: Apache-2.0
/*
 * RAM load: the newest valid image (choose.c, with MCUboot's trial marks for
 * "ram-load-revert") is copied, header, payload and TLVs, from its slot to RAM at its load
 * address, validated again there, and runs from RAM. The verdict that gates the handoff is
 * the one on the RAM copy, and the copy must carry the digest the slot's image verified
 * with: the bytes that run are the bytes that were verified, whatever flash did meanwhile.
 *
 * Each image needs the RAM_LOAD flag (imgtool --load-addr), and [load address, load address
 * + image size) must lie inside the RAM-load window [env->ram_addr, + env->ram_size), which
 * the loader writes through env->ram_area. One image pair only: pairs would share the
 * window. Images are validated twice per boot: in flash, where the choice and the
 * dependency rules need verified metadata of both slots, and in RAM for the verdict.
 *
 * Flash is only read, except for the revert engine's trailer marks (choose.c); a trial mark
 * is written only once the copy in RAM has verified, so an image that never ran because its
 * copy failed is not held against it. Downgrade prevention does not apply (the newest valid
 * image always wins); security counters do.
 */
#include <rampart/console.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include <rampart/slots.h>
#include <rampart/string.h>

#include "choose.h"

static uint32_t ram_write_size(const struct boot_env *env)
{
	uint32_t ws = env->ram_area->dev->geo.write_size;

	return ws ? ws : 1;
}

static bool ram_fits(const struct pair_state *ps, enum boot_slot slot, struct image_info *info)
{
	const struct boot_env *env = ps->env;
	uint64_t at = info->load_addr, lo = env->ram_addr;
	/* The copy programs whole write units: they must stay inside the window too. */
	uint64_t len = ALIGN_UP((uint64_t)info->total_size, (uint64_t)ram_write_size(env));

	(void)slot;
	if (!(info->flags & IMAGE_F_RAM_LOAD)) {
		info->err = -ENOTSUP;
		info->reason = "not built for RAM-load (no RAM_LOAD flag: imgtool --load-addr)";
		return false;
	}
	if (at >= lo && at - lo <= env->ram_size && len <= env->ram_size - (at - lo))
		return true;
	fmt_snprintf(info->reason_buf, sizeof(info->reason_buf),
		     "%u bytes at 0x%08x do not fit the RAM-load window",
		     (unsigned)info->total_size, (unsigned)info->load_addr);
	info->err = -EFAULT;
	info->reason = info->reason_buf;
	return false;
}

static int ram_check(const struct boot_env *env, const struct boot_pair *p)
{
	int rc = choose_check(env, p);

	if (rc)
		return rc;
	if (!env->ram_area || !env->ram_size || env->ram_area->size < env->ram_size) {
		log_err("%s: no RAM window (the flash map's \"ram-load\" area must cover it)",
			env->engine->name);
		return -EINVAL;
	}
	if (env->nr_pairs > 1) {
		log_err("%s: one image pair only (images would share the RAM window)",
			env->engine->name);
		return -EINVAL;
	}
	return 0;
}

static bool same_digest(const struct image_info *a, const struct image_info *b)
{
	return a->hash_alg == b->hash_alg &&
	       !memcmp(a->hash, b->hash, crypto_hash_len(a->hash_alg));
}

/* Copy @slot's image to RAM and validate the copy into ps->info and ps->verdict. */
static bool load(struct pair_state *ps, enum boot_slot slot)
{
	const struct boot_env *env = ps->env;
	const struct flash_area *ram = env->ram_area, *fa = choose_area(ps, slot);
	const struct image_info *src = choose_info(ps, slot);
	struct flash_area copy = *ram;
	/* ram_fits() put the whole image inside the window. */
	uint32_t off = (uint32_t)(src->load_addr - env->ram_addr), len = src->total_size;
	int rc = flash_area_erase_range(ram, off, len);

	if (!rc)
		rc = slot_copy(env, ram, off, fa, 0, len);
	if (rc) {
		log_err("%s: copying the image of %s failed: %s", ram->name, fa->name,
			strerror_short(rc));
		return false;
	}
	copy.off += off;
	copy.size = len;
	ps->verdict = slot_validate(env, ps->pair, &copy, 0, len, &ps->info);
	if (verdict_is_ok(ps->verdict) && !same_digest(&ps->info, src)) {
		log_err("%s: the copy is not the image verified in %s", ram->name, fa->name);
		ps->verdict = verdict_fail();
	}
	if (!verdict_is_ok(ps->verdict))
		return false;
	ps->ram_loaded = true;
	ps->ram_base = env->ram_addr + off;
	return true;
}

static int ram_plan(struct pair_state *ps)
{
	return choose_plan(ps, ram_fits);
}

static int ram_demote(struct pair_state *ps)
{
	return choose_demote(ps, ram_fits);
}

static int ram_execute(struct pair_state *ps)
{
	return choose_execute(ps, false);
}

/*
 * Load the planned image; if its copy fails, the alternative (not after a demotion: that
 * one's dependencies are not met).
 */
static int ram_select(struct pair_state *ps)
{
	enum boot_slot order[2] = {
		ps->run, ps->type != SWAP_TYPE_NONE ? choose_alternative(ps) : BOOT_SLOT_NONE,
	};

	ps->run = BOOT_SLOT_NONE;
	ps->verdict = verdict_fail();
	for (unsigned int i = 0; i < 2 && ps->run == BOOT_SLOT_NONE; i++) {
		if (order[i] == BOOT_SLOT_NONE)
			continue;
		if (i)
			log_wrn("image %u: falling back to %s", ps->pair->num,
				choose_area(ps, order[i])->name);
		if (load(ps, order[i]))
			ps->run = order[i];
	}
	if (ps->run == BOOT_SLOT_NONE)
		return -ENOENT;
	choose_mark_trial(ps, ps->run);
	ps->confirmed = choose_confirmed(ps, ps->run);
	return 0;
}

const struct upgrade_engine upgrade_ram_load = {
	.name = "ram-load",
	.check = ram_check,
	.capacity = choose_capacity,
	.plan = ram_plan,
	.demote = ram_demote,
	.execute = ram_execute,
	.select = ram_select,
};

const struct upgrade_engine upgrade_ram_load_revert = {
	.name = "ram-load-revert",
	.can_revert = true,
	.check = ram_check,
	.capacity = choose_capacity,
	.plan = ram_plan,
	.demote = ram_demote,
	.execute = ram_execute,
	.select = ram_select,
};
