// SPDX-License-Identifier: Apache-2.0
/*
 * The steps the swap engines share: reading the pair's trailers, the swap-type decision with
 * validation and rollback rules before anything is written, starting, resuming and finishing
 * an exchange, and choosing what runs. The engines (swap_scratch.c, swap_move.c,
 * swap_offset.c) only move data.
 *
 * The order of writes is the whole of power-cut safety here:
 *
 *   start   erase the primary's trailer sectors; write swap_size, swap_info, then the magic
 *           (the commit: from here on the primary says "exchange in progress")
 *           A cut before the magic leaves the request in the secondary: the start is redone.
 *   clear   erase the secondary's trailer sectors (the request is now recorded in the primary)
 *   data    the engine's steps, one status record after each
 *   finish  PERM and REVERT: image_ok; then copy_done (the exchange is over)
 *
 * A revert cannot keep its intent in the primary's trailer, which the start erases, so it is
 * first written into the secondary as a permanent request for the previous image, marked
 * with swap_info REVERT (and copy_done) so the version rule knows it is going back on
 * purpose; a cut anywhere then lands either on that request or on the primary's record.
 */
#include <rampart/console.h>
#include <rampart/errno.h>
#include <rampart/slots.h>
#include <rampart/string.h>

static uint32_t env_align(const struct pair_state *ps)
{
	return ps->env->align;
}

/* A flag that is not erased was written: a torn write of 0x01 reads as some other value. */
static void normalize(struct trailer *t)
{
	if (t->image_ok == TRAILER_FLAG_BAD)
		t->image_ok = TRAILER_FLAG_SET;
	if (t->copy_done == TRAILER_FLAG_BAD)
		t->copy_done = TRAILER_FLAG_SET;
}

static int read_primary(struct pair_state *ps, struct trailer *t)
{
	int rc = trailer_read(ps->pair->primary, env_align(ps), t);

	if (rc)
		log_err("%s: trailer unreadable: %s", ps->pair->primary->name, strerror_short(rc));
	normalize(t);
	return rc;
}

static void read_trailers(struct pair_state *ps)
{
	int rc = trailer_read(ps->pair->secondary, env_align(ps), &ps->sec);

	/* An unreadable secondary asks for nothing; it must not stop a good primary. */
	if (rc) {
		log_wrn("%s: trailer unreadable (%s): no upgrade", ps->pair->secondary->name,
			strerror_short(rc));
		memset(&ps->sec, 0, sizeof(ps->sec));
		ps->sec.magic = TRAILER_MAGIC_UNSET;
		ps->sec.swap_type = SWAP_TYPE_NONE;
	}
	normalize(&ps->sec);
}

static bool in_progress(const struct trailer *pri)
{
	return pri->magic == TRAILER_MAGIC_GOOD && pri->swap_type != SWAP_TYPE_NONE &&
	       pri->copy_done == TRAILER_FLAG_UNSET;
}

static bool revert_marked(const struct trailer *sec)
{
	return sec->magic == TRAILER_MAGIC_GOOD && sec->image_ok == TRAILER_FLAG_SET &&
	       sec->swap_type == SWAP_TYPE_REVERT;
}

static uint32_t capacity(const struct pair_state *ps, enum boot_slot slot)
{
	return ps->env->engine->capacity(ps->env, ps->pair, slot);
}

/* Where the secondary's image starts: swap-offset's DFU writes from sector 1. */
static uint32_t secondary_offset(const struct pair_state *ps, bool revert)
{
	uint32_t start, size;

	if (revert || !ps->env->engine->swap->secondary_offset)
		return 0;
	if (flash_area_sector(ps->pair->secondary, 0, &start, &size))
		return 0;
	return size;
}

static bool validate(struct pair_state *ps, enum boot_slot slot, uint32_t off)
{
	const struct flash_area *fa = slot == BOOT_SLOT_PRIMARY ? ps->pair->primary :
				      ps->pair->secondary;
	struct image_info *info = slot == BOOT_SLOT_PRIMARY ? &ps->pri_info : &ps->sec_info;
	verdict_t v;

	/* capacity() is the image size the slot takes, an offset (swap-offset) not included */
	v = slot_validate(ps->env, ps->pair, fa, off, capacity(ps, slot), info);
	if (slot == BOOT_SLOT_PRIMARY)
		ps->verdict = v;
	return verdict_is_ok(v);
}

static void clear_request(struct pair_state *ps)
{
	int rc = slot_erase_trailer(ps->pair->secondary, env_align(ps), ps->env->max_sectors);

	if (rc)
		log_err("%s: clearing the upgrade request failed: %s", ps->pair->secondary->name,
			strerror_short(rc));
	else
		log_wrn("image %u: upgrade request cleared", ps->pair->num);
}

static void plan_revert(struct pair_state *ps)
{
	ps->sec_ok = validate(ps, BOOT_SLOT_SECONDARY, secondary_offset(ps, true));
	if (ps->sec_ok) {
		ps->type = SWAP_TYPE_REVERT;
		ps->after = &ps->sec_info;
		return;
	}
	log_err("image %u: no valid previous image to revert to: keeping the running one",
		ps->pair->num);
	if (revert_marked(&ps->sec))
		clear_request(ps);
	ps->type = SWAP_TYPE_NONE;
	ps->keep_primary = true;
}

int swap_plan(struct pair_state *ps)
{
	int rc = read_primary(ps, &ps->pri);

	if (rc)
		return rc;
	read_trailers(ps);
	if (in_progress(&ps->pri)) {
		ps->resume = true;
		ps->type = ps->pri.swap_type;
		log_inf("image %u: resuming the interrupted %s exchange", ps->pair->num,
			swap_type_name(ps->type));
		return 0;
	}
	ps->pri_ok = validate(ps, BOOT_SLOT_PRIMARY, 0);
	ps->after = ps->pri_ok ? &ps->pri_info : NULL;
	ps->type = swap_type_decide(&ps->pri, &ps->sec, false);
	if (ps->type == SWAP_TYPE_REVERT || revert_marked(&ps->sec)) {
		plan_revert(ps);
		return 0;
	}
	if (ps->type == SWAP_TYPE_NONE)
		return 0;
	log_inf("image %u: %s upgrade requested", ps->pair->num, swap_type_name(ps->type));
	ps->sec_ok = validate(ps, BOOT_SLOT_SECONDARY, secondary_offset(ps, false));
	if (!ps->sec_ok || slot_downgrade(ps)) {
		ps->sec_ok = false;
		clear_request(ps);
		ps->type = SWAP_TYPE_NONE;
		return 0;
	}
	ps->after = &ps->sec_info;
	return 0;
}

int swap_demote(struct pair_state *ps)
{
	if (ps->resume || ps->type == SWAP_TYPE_NONE || ps->type == SWAP_TYPE_REVERT)
		return -EPERM;
	ps->type = SWAP_TYPE_NONE;
	ps->after = ps->pri_ok ? &ps->pri_info : NULL;
	return 0;
}

/* Record the revert in the secondary (see the top of the file). */
static int mark_revert(struct pair_state *ps)
{
	const struct flash_area *sec = ps->pair->secondary;
	uint32_t a = env_align(ps);
	int rc;

	if (revert_marked(&ps->sec))
		return 0;
	rc = slot_erase_trailer(sec, a, ps->env->max_sectors);
	if (!rc)
		rc = trailer_write_swap_info(sec, a, SWAP_TYPE_REVERT, ps->pair->num);
	if (!rc)
		rc = trailer_write_copy_done(sec, a);
	if (!rc)
		rc = trailer_write_image_ok(sec, a);
	if (!rc)
		rc = trailer_write_magic(sec, a);
	return rc;
}

static uint32_t exchange_size(const struct pair_state *ps)
{
	uint32_t cap = MIN(capacity(ps, BOOT_SLOT_PRIMARY), capacity(ps, BOOT_SLOT_SECONDARY));
	uint32_t p = ps->pri_ok ? ps->pri_info.total_size : cap;

	/* Without a valid image in the primary its size is unknown: exchange everything. */
	return MAX(p, ps->sec_info.total_size);
}

static int start(struct pair_state *ps)
{
	const struct flash_area *pri = ps->pair->primary;
	uint32_t a = env_align(ps);
	int rc = slot_erase_trailer(pri, a, ps->env->max_sectors);

	if (!rc)
		rc = trailer_write_swap_size(pri, a, exchange_size(ps));
	if (!rc)
		rc = trailer_write_swap_info(pri, a, ps->type, ps->pair->num);
	if (!rc)
		rc = trailer_write_magic(pri, a);
	return rc;
}

static int finish(struct pair_state *ps)
{
	const struct flash_area *pri = ps->pair->primary;
	struct trailer t;
	int rc = read_primary(ps, &t);

	if (!rc && ps->type != SWAP_TYPE_TEST && t.image_ok == TRAILER_FLAG_UNSET)
		rc = trailer_write_image_ok(pri, env_align(ps));
	if (!rc && t.copy_done == TRAILER_FLAG_UNSET)
		rc = trailer_write_copy_done(pri, env_align(ps));
	return rc;
}

static int exchange(struct pair_state *ps)
{
	const struct boot_env *env = ps->env;
	struct trailer t;
	struct swap_run sr = {
		.env = env,
		.pair = ps->pair,
		.nr_records = env->max_sectors * SWAP_STATUS_STATES,
		.from_offset0 = ps->type == SWAP_TYPE_REVERT,
	};
	int rc = read_primary(ps, &t);

	if (!rc)
		rc = slot_status_off(ps->pair->primary, env->align, env->max_sectors,
				     &sr.status_off);
	if (rc)
		return rc;
	sr.swap_size = t.swap_size;
	if (sr.swap_size == 0 ||
	    sr.swap_size > MIN(capacity(ps, BOOT_SLOT_PRIMARY), capacity(ps, BOOT_SLOT_SECONDARY))) {
		log_err("image %u: recorded exchange size %u is impossible", ps->pair->num,
			(unsigned)sr.swap_size);
		return -EBADMSG;
	}
	rc = swap_status_scan(&sr);
	if (!rc)
		rc = env->engine->swap->run(&sr);
	return rc;
}

/*
 * A bad magic (a torn write: start's commit, or a cut erase of a trailer) is no request and
 * no record, and nothing else would ever clear it: erase that slot's trailer sectors, which
 * hold no image data.
 */
static int clean_stale(struct pair_state *ps)
{
	int rc = 0;

	if (ps->pri.magic == TRAILER_MAGIC_BAD && !ps->resume)
		rc = slot_erase_trailer(ps->pair->primary, env_align(ps), ps->env->max_sectors);
	if (!rc && ps->sec.magic == TRAILER_MAGIC_BAD)
		rc = slot_erase_trailer(ps->pair->secondary, env_align(ps), ps->env->max_sectors);
	return rc;
}

int swap_execute(struct pair_state *ps)
{
	int rc = 0;

	if (ps->keep_primary && ps->pri.magic == TRAILER_MAGIC_GOOD &&
	    ps->pri.image_ok == TRAILER_FLAG_UNSET)
		rc = trailer_write_image_ok(ps->pair->primary, env_align(ps));
	if (!rc && ps->type == SWAP_TYPE_NONE)
		rc = clean_stale(ps);
	if (rc || ps->type == SWAP_TYPE_NONE)
		return rc;
	if (!ps->resume && ps->type == SWAP_TYPE_REVERT)
		rc = mark_revert(ps);
	if (!rc && !ps->resume)
		rc = start(ps);
	if (!rc)
		rc = slot_erase_trailer(ps->pair->secondary, env_align(ps), ps->env->max_sectors);
	if (!rc)
		rc = exchange(ps);
	if (!rc)
		rc = finish(ps);
	if (rc)
		log_err("image %u: %s exchange stopped: %s (resumes at the next boot)",
			ps->pair->num, swap_type_name(ps->type), strerror_short(rc));
	else
		log_inf("image %u: %s exchange complete", ps->pair->num,
			swap_type_name(ps->type));
	return rc;
}

int swap_select(struct pair_state *ps)
{
	struct trailer t;
	int rc;

	ps->run = BOOT_SLOT_NONE;
	if (ps->resume || ps->type != SWAP_TYPE_NONE || !ps->pri_ok)
		ps->pri_ok = validate(ps, BOOT_SLOT_PRIMARY, 0);
	if (!ps->pri_ok)
		return -ENOENT;
	/* An unreadable trailer never stops a valid image; it just does not count as confirmed. */
	rc = read_primary(ps, &t);
	ps->info = ps->pri_info;
	ps->run = BOOT_SLOT_PRIMARY;
	/* No trailer (a factory image) cannot revert either. */
	ps->confirmed = !rc && (t.magic != TRAILER_MAGIC_GOOD || t.image_ok == TRAILER_FLAG_SET);
	return 0;
}
