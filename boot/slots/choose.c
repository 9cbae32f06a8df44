// SPDX-License-Identifier: Apache-2.0
/*
 * The slot choice of direct-XIP and RAM-load: both slots are validated and the newest valid
 * image runs, the primary on a tie. Without revert that is all, and nothing is written.
 *
 * With revert, each slot's trailer puts its valid image in one of four classes (a flag that
 * is not erased counts as set: a torn 0x01 reads as some other value):
 *
 *   confirmed    magic GOOD, image_ok set: confirmed itself, or was requested permanent
 *   test         magic GOOD, image_ok and copy_done unset: a requested test, not run yet
 *   tried        magic GOOD, copy_done set, image_ok unset: ran on trial, never confirmed
 *   no request   magic unset, or not ours (imgtool output without --pad, a factory image)
 *
 * The image to run is the newest of the best class present: confirmed or test, then no
 * request, then tried. Then, in this order:
 *
 *   - a tried image is erased, header sector first, then its trailer sectors, when any
 *     other image can run: that is the revert. The last image that can run is never
 *     erased: a tried image with nothing else valid runs again, still unconfirmed.
 *   - a trailer over a slot with no valid image is erased (a request for an image that is
 *     gone or refused, or a cut between the two erases above), and so is a test request for
 *     an image not newer than the one that runs, which would never run: no slot stays
 *     "pending" forever.
 *   - a test about to run gets copy_done (the trial mark) before it runs.
 *
 * An image without a request is never tried and never erased. It runs, as confirmed, only
 * when no slot holds a confirmed or test image, so a factory image written without a
 * trailer boots and then stays as the fallback, where MCUboot would erase it at every boot
 * (and brick a device that has nothing else). A DFU client that wants a test must request
 * it (bootapi_request_upgrade() on the slot, or imgtool --pad); an image written with no
 * request next to another one without a request simply wins if it is newer, as it would
 * without revert.
 *
 * Power cuts: the trial mark is one unit write; a torn one counts as set, so the image
 * counts as tried (conservative: it may not have run). The header sector of a tried image
 * goes before its trailer: a cut between leaves a trailer over no image, which the next boot
 * erases; the other order would leave a valid, unconfirmed image without a trailer, i.e. a
 * fallback that could run again.
 */
#include <rampart/console.h>
#include <rampart/errno.h>
#include <rampart/string.h>

#include "choose.h"

/* These engines keep no swap status: the trailer sectors are the trailer fields' alone. */
#define NO_STATUS 0

enum rank { RANK_NONE, RANK_TRIED, RANK_NO_REQUEST, RANK_FIRST };

static bool reverts(const struct pair_state *ps)
{
	return ps->env->engine->can_revert;
}

static bool written(enum trailer_flag f)
{
	return f != TRAILER_FLAG_UNSET;
}

static enum boot_slot other(enum boot_slot slot)
{
	return slot == BOOT_SLOT_PRIMARY ? BOOT_SLOT_SECONDARY : BOOT_SLOT_PRIMARY;
}

const struct flash_area *choose_area(const struct pair_state *ps, enum boot_slot slot)
{
	return slot == BOOT_SLOT_PRIMARY ? ps->pair->primary : ps->pair->secondary;
}

struct image_info *choose_info(struct pair_state *ps, enum boot_slot slot)
{
	return slot == BOOT_SLOT_PRIMARY ? &ps->pri_info : &ps->sec_info;
}

static const struct image_version *version(const struct pair_state *ps, enum boot_slot slot)
{
	return slot == BOOT_SLOT_PRIMARY ? &ps->pri_info.version : &ps->sec_info.version;
}

static struct trailer *trailer_of(struct pair_state *ps, enum boot_slot slot)
{
	return slot == BOOT_SLOT_PRIMARY ? &ps->pri : &ps->sec;
}

static const struct trailer *ctrailer(const struct pair_state *ps, enum boot_slot slot)
{
	return slot == BOOT_SLOT_PRIMARY ? &ps->pri : &ps->sec;
}

static bool *valid(struct pair_state *ps, enum boot_slot slot)
{
	return slot == BOOT_SLOT_PRIMARY ? &ps->pri_ok : &ps->sec_ok;
}

static bool is_test(const struct trailer *t)
{
	return t->magic == TRAILER_MAGIC_GOOD && !written(t->image_ok) && !written(t->copy_done);
}

static bool is_tried(const struct trailer *t)
{
	return t->magic == TRAILER_MAGIC_GOOD && !written(t->image_ok) && written(t->copy_done);
}

static enum rank rank_of(const struct pair_state *ps, enum boot_slot slot)
{
	const struct trailer *t = ctrailer(ps, slot);
	bool ok = slot == BOOT_SLOT_PRIMARY ? ps->pri_ok : ps->sec_ok;

	if (slot == BOOT_SLOT_NONE || !ok)
		return RANK_NONE;
	if (!reverts(ps))
		return RANK_FIRST;
	if (t->magic != TRAILER_MAGIC_GOOD)
		return RANK_NO_REQUEST;
	return is_tried(t) ? RANK_TRIED : RANK_FIRST;
}

/* Higher rank, then higher version, then the primary. */
static enum boot_slot best(const struct pair_state *ps)
{
	enum rank p = rank_of(ps, BOOT_SLOT_PRIMARY), s = rank_of(ps, BOOT_SLOT_SECONDARY);

	if (p == RANK_NONE && s == RANK_NONE)
		return BOOT_SLOT_NONE;
	if (p != s)
		return p > s ? BOOT_SLOT_PRIMARY : BOOT_SLOT_SECONDARY;
	return image_version_cmp(version(ps, BOOT_SLOT_SECONDARY),
				 version(ps, BOOT_SLOT_PRIMARY)) > 0 ? BOOT_SLOT_SECONDARY :
								       BOOT_SLOT_PRIMARY;
}

uint32_t choose_capacity(const struct boot_env *env, const struct boot_pair *pair,
			 enum boot_slot slot)
{
	const struct flash_area *fa = slot == BOOT_SLOT_PRIMARY ? pair->primary :
				      slot == BOOT_SLOT_SECONDARY ? pair->secondary : NULL;
	uint32_t start;

	if (!fa || slot_trailer_start(fa, env->align, NO_STATUS, &start))
		return 0;
	return start;
}

int choose_check(const struct boot_env *env, const struct boot_pair *pair)
{
	if (pair->primary && pair->secondary && choose_capacity(env, pair, BOOT_SLOT_PRIMARY) &&
	    choose_capacity(env, pair, BOOT_SLOT_SECONDARY))
		return 0;
	log_err("image %u: %s needs two slots with room for an image below their trailer "
		"sector", pair->num, env->engine->name);
	return -EINVAL;
}

static verdict_t validate(struct pair_state *ps, enum boot_slot slot, choose_fits_fn fits)
{
	const struct flash_area *fa = choose_area(ps, slot);
	struct image_info *info = choose_info(ps, slot);
	verdict_t v = slot_validate(ps->env, ps->pair, fa, 0,
				    choose_capacity(ps->env, ps->pair, slot), info);

	if (verdict_is_ok(v) && !fits(ps, slot, info)) {
		log_err("%s: image refused: %s", fa->name,
			info->reason ? info->reason : "not runnable in this mode");
		v = verdict_fail();
	}
	*valid(ps, slot) = verdict_is_ok(v);
	return v;
}

static void read_trailer(struct pair_state *ps, enum boot_slot slot)
{
	const struct flash_area *fa = choose_area(ps, slot);
	struct trailer *t = trailer_of(ps, slot);
	int rc = trailer_read(fa, ps->env->align, t);

	/* Unreadable: no request, and nothing is written there on its behalf. */
	if (rc) {
		log_wrn("%s: trailer unreadable (%s): taken as no request", fa->name,
			strerror_short(rc));
		memset(t, 0, sizeof(*t));
		t->magic = TRAILER_MAGIC_UNSET;
	}
}

enum boot_slot choose_alternative(const struct pair_state *ps)
{
	enum boot_slot alt;

	if (ps->run == BOOT_SLOT_NONE)
		return BOOT_SLOT_NONE;
	alt = other(ps->run);
	return rank_of(ps, alt) >= RANK_NO_REQUEST ? alt : BOOT_SLOT_NONE;
}

int choose_plan(struct pair_state *ps, choose_fits_fn fits)
{
	verdict_t v[2];

	if (reverts(ps)) {
		read_trailer(ps, BOOT_SLOT_PRIMARY);
		read_trailer(ps, BOOT_SLOT_SECONDARY);
	}
	v[0] = validate(ps, BOOT_SLOT_PRIMARY, fits);
	v[1] = validate(ps, BOOT_SLOT_SECONDARY, fits);
	ps->run = best(ps);
	if (ps->run == BOOT_SLOT_NONE)
		return 0;
	ps->verdict = v[ps->run == BOOT_SLOT_PRIMARY ? 0 : 1];
	ps->after = choose_info(ps, ps->run);
	if (choose_alternative(ps) != BOOT_SLOT_NONE)
		ps->type = is_test(ctrailer(ps, ps->run)) ? SWAP_TYPE_TEST : SWAP_TYPE_PERM;
	return 0;
}

int choose_demote(struct pair_state *ps, choose_fits_fn fits)
{
	enum boot_slot alt = choose_alternative(ps);
	verdict_t v;

	if (ps->type == SWAP_TYPE_NONE || alt == BOOT_SLOT_NONE)
		return -EPERM;
	v = validate(ps, alt, fits);
	if (!verdict_is_ok(v))
		return -EPERM;
	ps->run = alt;
	ps->verdict = v;
	ps->after = choose_info(ps, alt);
	ps->type = SWAP_TYPE_NONE;
	return 0;
}

static int erase_trailer(const struct pair_state *ps, enum boot_slot slot, const char *why)
{
	const struct flash_area *fa = choose_area(ps, slot);
	int rc = slot_erase_trailer(fa, ps->env->align, NO_STATUS);

	if (rc)
		log_err("%s: erasing the trailer failed: %s", fa->name, strerror_short(rc));
	else
		log_wrn("%s: %s: trailer erased", fa->name, why);
	return rc;
}

/* The revert: header sector first (see the top of the file), then the trailer. */
static int reject(struct pair_state *ps, enum boot_slot slot)
{
	const struct flash_area *fa = choose_area(ps, slot);
	char ver[IMAGE_VERSION_STR_MAX];
	uint32_t start, size;
	int rc = flash_area_sector(fa, 0, &start, &size);

	log_wrn("%s: image %s was tried and not confirmed: erasing it", fa->name,
		image_version_str(version(ps, slot), ver, sizeof(ver)));
	if (!rc)
		rc = flash_area_erase(fa, start, size);
	if (!rc)
		rc = slot_erase_trailer(fa, ps->env->align, NO_STATUS);
	if (rc)
		log_err("%s: erasing the rejected image failed: %s", fa->name, strerror_short(rc));
	*valid(ps, slot) = false;
	return rc;
}

/* What a slot other than the one that runs needs (see the top of the file). */
static int tidy(struct pair_state *ps, enum boot_slot slot)
{
	const struct trailer *t = ctrailer(ps, slot);

	if (slot == ps->run || t->magic == TRAILER_MAGIC_UNSET)
		return 0;
	if (!*valid(ps, slot))
		return erase_trailer(ps, slot, "no valid image under the trailer");
	if (is_tried(t) && rank_of(ps, ps->run) > RANK_TRIED)
		return reject(ps, slot);
	if (is_test(t) && ps->run != BOOT_SLOT_NONE &&
	    image_version_cmp(version(ps, slot), version(ps, ps->run)) <= 0)
		return erase_trailer(ps, slot, "test request for an image not newer than the one "
				     "that runs");
	return 0;
}

int choose_mark_trial(struct pair_state *ps, enum boot_slot slot)
{
	const struct flash_area *fa;
	char ver[IMAGE_VERSION_STR_MAX];
	int rc;

	if (!reverts(ps) || slot == BOOT_SLOT_NONE || !is_test(ctrailer(ps, slot)))
		return 0;
	fa = choose_area(ps, slot);
	rc = trailer_write_copy_done(fa, ps->env->align);
	/* Unmarked, it runs anyway: failing to write one unit must not cost the boot. */
	if (rc)
		log_err("%s: marking the trial failed: %s", fa->name, strerror_short(rc));
	else
		log_inf("%s: image %s on trial: rejected at the next boot unless it confirms "
			"itself", fa->name, image_version_str(version(ps, slot), ver, sizeof(ver)));
	return rc;
}

int choose_execute(struct pair_state *ps, bool mark)
{
	int rc, r;

	if (!reverts(ps))
		return 0;
	rc = tidy(ps, BOOT_SLOT_PRIMARY);
	r = tidy(ps, BOOT_SLOT_SECONDARY);
	if (!rc)
		rc = r;
	r = mark ? choose_mark_trial(ps, ps->run) : 0;
	return rc ? rc : r;
}

bool choose_confirmed(const struct pair_state *ps, enum boot_slot slot)
{
	const struct trailer *t = ctrailer(ps, slot);

	return !reverts(ps) || t->magic != TRAILER_MAGIC_GOOD || written(t->image_ok);
}
