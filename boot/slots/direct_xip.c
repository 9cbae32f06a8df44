// SPDX-License-Identifier: Apache-2.0
/*
 * Direct XIP: the newest valid image runs in place from whichever slot holds it; choose.c
 * makes the choice and, for "direct-xip-revert", keeps MCUboot's trial marks. Nothing is
 * copied, so each image must be linked for the slot it sits in. The loader can check that
 * only where the image says so: an image with the ROM_FIXED flag (imgtool --rom-fixed) must
 * name its slot's CPU address in ih_load_addr, and a slot that is not memory-mapped has no
 * such address, so the image is refused there. Images without the flag are taken on trust,
 * as MCUboot does. An image built for RAM-load (RAM_LOAD flag) cannot run in place.
 *
 * "direct-xip" never writes flash. Downgrade prevention does not apply in either engine:
 * the newest valid image always wins; security counters still do (slot_validate()).
 */
#include <rampart/console.h>
#include <rampart/errno.h>
#include <rampart/slots.h>

#include "choose.h"

static bool refuse(struct image_info *info, int err, const char *reason)
{
	info->err = err;
	info->reason = reason;
	return false;
}

static bool xip_fits(const struct pair_state *ps, enum boot_slot slot, struct image_info *info)
{
	const struct flash_area *fa = choose_area(ps, slot);
	uintptr_t at;

	if (info->flags & IMAGE_F_RAM_LOAD)
		return refuse(info, -ENOTSUP, "built for RAM-load (RAM_LOAD flag): cannot run in "
			      "place");
	if (!(info->flags & IMAGE_F_ROM_FIXED))
		return true;
	if (!fa->dev->mapped)
		return refuse(info, -EFAULT, "linked for a fixed address (ROM_FIXED), but the slot "
			      "is not memory-mapped");
	at = flash_area_mmap(fa, 0);
	if (at == (uintptr_t)info->load_addr)
		return true;
	fmt_snprintf(info->reason_buf, sizeof(info->reason_buf),
		     "linked for 0x%08x (ROM_FIXED), the slot is at 0x%08lx",
		     (unsigned)info->load_addr, (unsigned long)at);
	return refuse(info, -EFAULT, info->reason_buf);
}

static int xip_plan(struct pair_state *ps)
{
	return choose_plan(ps, xip_fits);
}

static int xip_demote(struct pair_state *ps)
{
	return choose_demote(ps, xip_fits);
}

static int xip_execute(struct pair_state *ps)
{
	return choose_execute(ps, true);
}

/* The image verified at plan time runs where it is: nothing moved it since. */
static int xip_select(struct pair_state *ps)
{
	if (ps->run == BOOT_SLOT_NONE)
		return -ENOENT;
	ps->info = *choose_info(ps, ps->run);
	ps->confirmed = choose_confirmed(ps, ps->run);
	return 0;
}

const struct upgrade_engine upgrade_direct_xip = {
	.name = "direct-xip",
	.check = choose_check,
	.capacity = choose_capacity,
	.plan = xip_plan,
	.demote = xip_demote,
	.execute = xip_execute,
	.select = xip_select,
};

const struct upgrade_engine upgrade_direct_xip_revert = {
	.name = "direct-xip-revert",
	.can_revert = true,
	.check = choose_check,
	.capacity = choose_capacity,
	.plan = xip_plan,
	.demote = xip_demote,
	.execute = xip_execute,
	.select = xip_select,
};
