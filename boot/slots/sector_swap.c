// SPDX-License-Identifier: Apache-2.0
/*
 * Layout rules and the step primitive of the sector-by-sector engines (sector_swap.h):
 * swap-move and swap-offset.
 */
#include <rampart/console.h>
#include <rampart/errno.h>
#include <rampart/slots.h>
#include <rampart/string.h>

#include "sector_swap.h"

/* The data sectors of a pair, as measured below the trailer sectors. */
struct layout {
	uint32_t sector;		/* S: the size of the primary's first sector */
	uint32_t pri, sec;		/* sectors of S below each slot's trailer sectors */
	const struct flash_area *odd;	/* set if a slot has a sector of another size: */
	uint32_t odd_off, odd_size;	/* the first one */
};

/* Count @fa's sectors below its trailer sectors into *n; each must be l->sector bytes. */
static int count(const struct boot_env *env, const struct flash_area *fa, struct layout *l,
		 uint32_t *n)
{
	uint32_t end, off = 0, start, size;
	int rc = slot_trailer_start(fa, env->align, env->max_sectors, &end);

	*n = 0;
	while (!rc && off < end) {
		rc = flash_area_sector(fa, off, &start, &size);
		if (rc)
			break;
		if (size != l->sector) {
			l->odd = fa;
			l->odd_off = off;
			l->odd_size = size;
			return -EINVAL;
		}
		off += size;
		(*n)++;
	}
	return rc;
}

static int measure(const struct boot_env *env, const struct boot_pair *p, struct layout *l)
{
	uint32_t start;
	int rc;

	memset(l, 0, sizeof(*l));
	rc = flash_area_sector(p->primary, 0, &start, &l->sector);
	if (!rc)
		rc = count(env, p->primary, l, &l->pri);
	if (!rc)
		rc = count(env, p->secondary, l, &l->sec);
	return rc;
}

/* The most image sectors one exchange may take: each slot keeps its spare. */
static uint32_t max_count(const struct sector_swap_needs *needs, const struct layout *l)
{
	if (l->pri <= needs->pri_spare || l->sec <= needs->sec_spare)
		return 0;
	return MIN(l->pri - needs->pri_spare, l->sec - needs->sec_spare);
}

static void log_no_room(const struct sector_swap_needs *needs, const struct boot_pair *p,
			const struct layout *l)
{
	bool pri = l->pri <= needs->pri_spare;

	log_err("image %u: %s: %s has %u sector(s) below its trailer, needs at least %u "
		"(one more than the image takes)", p->num, needs->engine,
		pri ? p->primary->name : p->secondary->name, (unsigned)(pri ? l->pri : l->sec),
		(unsigned)(pri ? needs->pri_spare : needs->sec_spare) + 1);
}

int sector_swap_check(const struct sector_swap_needs *needs, const struct boot_env *env,
		      const struct boot_pair *pair)
{
	struct layout l;
	uint32_t n;
	int rc = measure(env, pair, &l);

	if (rc && l.odd) {
		log_err("image %u: %s needs sectors of one size: %s has a %u-byte sector at 0x%x, "
			"%s starts with %u-byte ones", pair->num, needs->engine, l.odd->name,
			(unsigned)l.odd_size, (unsigned)l.odd_off, pair->primary->name,
			(unsigned)l.sector);
		return -EINVAL;
	}
	if (rc) {
		log_err("image %u: %s: slot layout unusable (%s)", pair->num, needs->engine,
			strerror_short(rc));
		return -EINVAL;
	}
	n = max_count(needs, &l);
	if (n == 0) {
		log_no_room(needs, pair, &l);
		return -EINVAL;
	}
	if ((uint64_t)n * needs->steps > (uint64_t)env->max_sectors * SWAP_STATUS_STATES) {
		log_err("image %u: %s: up to %u sectors to swap, status has room for %u "
			"(BOOT_MAX_IMG_SECTORS)", pair->num, needs->engine, (unsigned)n,
			(unsigned)(env->max_sectors * SWAP_STATUS_STATES / needs->steps));
		return -EINVAL;
	}
	return 0;
}

uint32_t sector_swap_capacity(const struct sector_swap_needs *needs, const struct boot_env *env,
			      const struct boot_pair *pair)
{
	struct layout l;

	if (measure(env, pair, &l))
		return 0;
	return max_count(needs, &l) * l.sector;
}

int sector_swap_begin(struct sector_swap *w, const struct sector_swap_needs *needs,
		      struct swap_run *sr)
{
	struct layout l;
	int rc = measure(sr->env, sr->pair, &l);

	if (rc)
		return rc;
	*w = (struct sector_swap){
		.sr = sr,
		.sector = l.sector,
		.count = sr->swap_size / l.sector + (sr->swap_size % l.sector != 0),
	};
	if (w->count > max_count(needs, &l) ||
	    (uint64_t)w->count * needs->steps > sr->nr_records)
		return -EINVAL;
	return 0;
}

int sector_swap_step(struct sector_swap *w, const struct flash_area *dst, uint32_t d,
		     const struct flash_area *src, uint32_t s, uint32_t i)
{
	uint32_t size = w->sector;
	/* Bytes past swap_size are neither image nor trailer: leave them erased. */
	uint32_t len = MIN(size, w->sr->swap_size - i * size);
	int rc;

	if (w->step++ < w->sr->next)
		return 0;
	rc = flash_area_erase(dst, d * size, size);
	if (!rc)
		rc = slot_copy(w->sr->env, dst, d * size, src, s * size, len);
	if (!rc)
		rc = swap_status_step_done(w->sr);
	return rc;
}
