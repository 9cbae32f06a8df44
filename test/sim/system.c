// SPDX-License-Identifier: Apache-2.0
/*
 * A simulated system: the flash device, RAM, flash map and boot environment of one mode on
 * one layout, and what a programmer or a DFU client does to its slots.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rampart/bootapi.h>
#include <rampart/compiler.h>
#include <rampart/errno.h>
#include <rampart/keys.h>

#include "sim.h"

static const char *const area_names[SIM_MAX_PAIRS][2] = {
	{ "image0-primary", "image0-secondary" },
	{ "image1-primary", "image1-secondary" },
};

static void area_init(struct flash_area *fa, const char *name, const struct flash_dev *dev,
		      const struct sim_range *r)
{
	fa->name = name;
	fa->dev = dev;
	fa->off = r->off;
	fa->size = r->size;
}

int sim_system_init(struct sim_system *sys, const struct sim_mode *mode,
		    const struct sim_layout *l, const struct sim_image_set *images)
{
	struct boot_env *env = &sys->env;

	memset(sys, 0, sizeof(*sys));
	sys->mode = mode;
	sys->layout = l;
	sys->images = images;
	if (simflash_init(&sys->flash, l->name, l->dev_size, l->sector_size, l->runs,
			  l->nr_runs, l->write_size, l->erased, l->ecc) ||
	    simflash_init_ram(&sys->ram, "ram", l->slot[0][0].size))
		return -1;
	/* Mapped, so that ROM_FIXED images can be checked; nothing may read through it. */
	sys->flash.dev.mapped = true;
	sys->flash.dev.mmap_base = SIM_FLASH_ADDR;
	for (unsigned int p = 0; p < SIM_MAX_PAIRS; p++) {
		for (unsigned int s = 0; s < 2; s++)
			area_init(&sys->area[p][s], area_names[p][s], &sys->flash.dev,
				  &l->slot[p][s]);
		sys->pairs[p].num = (uint8_t)p;
		sys->pairs[p].primary = &sys->area[p][0];
		sys->pairs[p].secondary = &sys->area[p][1];
	}
	area_init(&sys->scratch, "scratch", &sys->flash.dev, &l->scratch);
	sys->ram_area = (struct flash_area){ "ram", &sys->ram.dev, 0, sys->ram.dev.geo.size };
	env->engine = mode->engine;
	env->pairs = sys->pairs;
	env->nr_pairs = 1;
	env->scratch = &sys->scratch;
	env->max_sectors = l->max_sectors;
	env->keys = &builtin_keyring;
	env->ram_addr = SIM_RAM_ADDR;
	env->ram_size = sys->ram.dev.geo.size;
	env->ram_area = &sys->ram_area;
	env->buf = sys->buf;
	env->buf_len = MIN(l->buf_len, (uint32_t)sizeof(sys->buf));
	return 0;
}

void sim_system_free(struct sim_system *sys)
{
	simflash_free(&sys->flash);
	simflash_free(&sys->ram);
}

const struct sim_image *sim_image_of(const struct sim_system *sys, enum sim_image_id id)
{
	enum sim_variant v = sys->mode->kind == SIM_KIND_RAM ? SIM_VAR_RAM :
			     sys->mode->kind == SIM_KIND_XIP ? SIM_VAR_XIP : SIM_VAR_PLAIN;

	return &sys->images->img[v][id];
}

uint32_t sim_dfu_offset(const struct sim_system *sys, unsigned int pair)
{
	const struct upgrade_engine *e = sys->mode->engine;
	uint32_t start, size;

	if (!e->swap || !e->swap->secondary_offset ||
	    flash_area_sector(&sys->area[pair][1], 0, &start, &size))
		return 0;
	return size;
}

const char *sim_system_usable(struct sim_system *sys, const struct sim_scenario *scn,
			      char *why, unsigned int len)
{
	const struct upgrade_engine *e = sys->mode->engine;

	sys->env.nr_pairs = scn->nr_pairs;
	for (unsigned int p = 0; p < scn->nr_pairs; p++) {
		if (!sys->layout->slot[p][0].size) {
			snprintf(why, len, "the layout has no image pair %u", p);
			return why;
		}
		if (e->check(&sys->env, &sys->pairs[p])) {
			snprintf(why, len, "layout refused by %s's check()", e->name);
			return why;
		}
	}
	return NULL;
}

bool sim_holds(const struct flash_area *fa, uint32_t off, const struct sim_image *img)
{
	const struct simflash *f = fa->dev->priv;

	if (off > fa->size || img->len > fa->size - off)
		return false;
	return !memcmp(f->mem + fa->off + off, img->data, img->len);
}

static const char *magic_name(enum trailer_magic m)
{
	return m == TRAILER_MAGIC_GOOD ? "good" : m == TRAILER_MAGIC_UNSET ? "unset" : "BAD";
}

static const char *flag_name(enum trailer_flag f)
{
	return f == TRAILER_FLAG_SET ? "set" : f == TRAILER_FLAG_UNSET ? "unset" : "BAD";
}

void sim_trailer_str(const struct flash_area *fa, char *buf, size_t len)
{
	struct trailer t;
	int rc = trailer_read(fa, 0, &t);

	if (rc) {
		snprintf(buf, len, "%s: unreadable (%d)", fa->name, rc);
		return;
	}
	snprintf(buf, len, "%s: magic %s, image_ok %s (0x%02x), copy_done %s (0x%02x), "
		 "swap_info 0x%02x", fa->name, magic_name(t.magic), flag_name(t.image_ok),
		 t.image_ok_raw, flag_name(t.copy_done), t.copy_done_raw, t.swap_info_raw);
}

int sim_install(const struct flash_area *fa, uint32_t off, const struct sim_image *img)
{
	uint32_t ws = fa->dev->geo.write_size, len = ALIGN_UP(img->len, ws);
	uint8_t *buf = malloc(len);
	int rc;

	if (!buf)
		return -ENOMEM;
	memset(buf, fa->dev->geo.erased_val, len);
	memcpy(buf, img->data, img->len);
	rc = flash_area_erase(fa, 0, fa->size);
	if (!rc)
		rc = flash_area_write(fa, off, buf, len);
	free(buf);
	return rc;
}

int sim_dfu_write(const struct sim_system *sys, unsigned int p, const struct sim_image *img)
{
	uint32_t off = sim_dfu_offset(sys, p);

	if (off)
		return sim_install(&sys->area[p][1], off, img);
	return bootapi_write_image(&sys->area[p][1], img->data, img->len, NULL, NULL);
}
