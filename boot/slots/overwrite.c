// SPDX-License-Identifier: Apache-2.0
/*
 * Overwrite-only upgrades: a requested image in the secondary slot is validated and copied
 * over the primary. There is no test and no revert: a test request is carried out as a
 * permanent one, and the previous image is gone once the copy starts. "overwrite" erases
 * the primary's whole image area; "overwrite-fast" only the sectors the new image covers.
 *
 * No swap status is kept, so a slot's trailer sectors are only those holding the trailer
 * fields (usually the last sector); images end below them. The order of writes:
 *
 *   start   erase the primary's trailer sectors; write swap_size, swap_info (permanent),
 *           then the magic. From here on the primary's trailer alone says "overwrite in
 *           progress": magic GOOD, a swap type, copy_done unset.
 *   copy    erase the primary's image sectors; copy the secondary's image
 *   finish  image_ok, then copy_done: the primary holds the new image for good
 *   clear   erase the secondary's trailer sectors: the request is gone
 *
 * A cut before the magic leaves the primary's image and the request untouched: the next
 * boot starts again. Between the magic and image_ok the secondary, untouched until the
 * clear, is validated again and copied again; once image_ok is written only copy_done is
 * missing. A cut after copy_done leaves a request for the image the primary now holds
 * (same digest): it is cleared without a copy.
 *
 * The secondary keeps its image; only its trailer is erased. With no request it is never
 * offered again, and it is the very image the primary holds, so keeping it costs nothing
 * and saves an erase. Erasing its header sector as well (MCUboot does, before its trailer)
 * would open a window in which the trailer outlives the image: the "stuck pending" slot of
 * shared/specs/mcuboot-image.md section 14. A request over an image that does not validate
 * (erased, torn, tampered) is cleared, which also cleans such a stale trailer.
 */
#include <rampart/console.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include <rampart/slots.h>
#include <rampart/string.h>

/* No status records: the trailer sectors are those of the trailer fields alone. */
#define NO_STATUS 0

static bool fast(const struct pair_state *ps)
{
	return ps->env->engine == &upgrade_overwrite_fast;
}

/* A flag that is not erased was written: a torn 0x01 reads as some other value. */
static bool written(enum trailer_flag f)
{
	return f != TRAILER_FLAG_UNSET;
}

static bool in_progress(const struct trailer *pri)
{
	return pri->magic == TRAILER_MAGIC_GOOD && pri->swap_type != SWAP_TYPE_NONE &&
	       !written(pri->copy_done);
}

static uint32_t ow_capacity(const struct boot_env *env, const struct boot_pair *p,
			    enum boot_slot slot)
{
	const struct flash_area *fa = slot == BOOT_SLOT_PRIMARY ? p->primary :
				      slot == BOOT_SLOT_SECONDARY ? p->secondary : NULL;
	uint32_t start;

	if (!fa || slot_trailer_start(fa, env->align, NO_STATUS, &start))
		return 0;
	return start;
}

static int ow_check(const struct boot_env *env, const struct boot_pair *p)
{
	if (!p->primary || !p->secondary) {
		log_err("image %u: overwrite needs a primary and a secondary slot", p->num);
		return -EINVAL;
	}
	if (!ow_capacity(env, p, BOOT_SLOT_PRIMARY) || !ow_capacity(env, p, BOOT_SLOT_SECONDARY)) {
		log_err("image %u: no room for an image below the trailer sector (slot size, "
			"sector map or max alignment)", p->num);
		return -EINVAL;
	}
	return 0;
}

static int read_trailer(const struct pair_state *ps, const struct flash_area *fa,
			struct trailer *t)
{
	int rc = trailer_read(fa, ps->env->align, t);

	if (rc)
		log_err("%s: trailer unreadable: %s", fa->name, strerror_short(rc));
	return rc;
}

/* Validate a slot's image; the secondary's must also fit the primary it is copied to. */
static bool validate(struct pair_state *ps, enum boot_slot slot)
{
	const struct boot_pair *p = ps->pair;
	uint32_t cap = ow_capacity(ps->env, p, BOOT_SLOT_PRIMARY);
	verdict_t v;

	if (slot == BOOT_SLOT_PRIMARY) {
		ps->verdict = slot_validate(ps->env, p, p->primary, 0, cap, &ps->pri_info);
		return verdict_is_ok(ps->verdict);
	}
	cap = MIN(cap, ow_capacity(ps->env, p, BOOT_SLOT_SECONDARY));
	v = slot_validate(ps->env, p, p->secondary, 0, cap, &ps->sec_info);
	return verdict_is_ok(v);
}

/* Refuse by the version rule; logs. */
static bool same_image(const struct pair_state *ps)
{
	const struct image_info *a = &ps->pri_info, *b = &ps->sec_info;

	return ps->pri_ok && ps->sec_ok && a->hash_alg == b->hash_alg &&
	       !memcmp(a->hash, b->hash, crypto_hash_len(a->hash_alg));
}

static int clear_request(const struct pair_state *ps)
{
	const struct flash_area *sec = ps->pair->secondary;
	int rc = slot_erase_trailer(sec, ps->env->align, NO_STATUS);

	if (rc)
		log_err("%s: clearing the upgrade request failed: %s", sec->name,
			strerror_short(rc));
	return rc;
}

static void read_secondary(struct pair_state *ps)
{
	/* An unreadable secondary asks for nothing; it must not stop a good primary. */
	if (read_trailer(ps, ps->pair->secondary, &ps->sec)) {
		memset(&ps->sec, 0, sizeof(ps->sec));
		ps->sec.magic = TRAILER_MAGIC_UNSET;
	}
}

static int plan_resume(struct pair_state *ps)
{
	ps->resume = true;
	ps->type = SWAP_TYPE_PERM;
	log_inf("image %u: resuming the interrupted overwrite", ps->pair->num);
	/* image_ok follows the last byte of the copy: only copy_done is missing. */
	if (written(ps->pri.image_ok))
		return 0;
	ps->sec_ok = validate(ps, BOOT_SLOT_SECONDARY);
	if (ps->sec_ok) {
		ps->after = &ps->sec_info;
		return 0;
	}
	log_err("image %u: the interrupted overwrite cannot go on: %s holds no valid image",
		ps->pair->num, ps->pair->secondary->name);
	ps->type = SWAP_TYPE_NONE;
	return 0;
}

static int ow_plan(struct pair_state *ps)
{
	int rc = read_trailer(ps, ps->pair->primary, &ps->pri);

	if (rc)
		return rc;
	read_secondary(ps);
	if (in_progress(&ps->pri))
		return plan_resume(ps);
	ps->pri_ok = validate(ps, BOOT_SLOT_PRIMARY);
	ps->after = ps->pri_ok ? &ps->pri_info : NULL;
	if (ps->sec.magic != TRAILER_MAGIC_GOOD)
		return 0;
	if (written(ps->sec.image_ok))
		log_inf("image %u: permanent upgrade requested", ps->pair->num);
	else
		log_inf("image %u: test upgrade requested: carried out as permanent (overwrite "
			"cannot revert)", ps->pair->num);
	ps->sec_ok = validate(ps, BOOT_SLOT_SECONDARY);
	if (!ps->sec_ok || slot_downgrade(ps)) {
		ps->sec_ok = false;
		if (!clear_request(ps))
			log_wrn("image %u: upgrade request cleared", ps->pair->num);
		return 0;
	}
	if (same_image(ps)) {
		if (!clear_request(ps))
			log_inf("image %u: the requested image is already installed: request "
				"cleared", ps->pair->num);
		return 0;
	}
	ps->type = SWAP_TYPE_PERM;
	ps->after = &ps->sec_info;
	return 0;
}

static int ow_demote(struct pair_state *ps)
{
	if (ps->resume || ps->type == SWAP_TYPE_NONE)
		return -EPERM;
	/* The request stays in the secondary: the upgrade waits for its dependencies. */
	ps->type = SWAP_TYPE_NONE;
	ps->after = ps->pri_ok ? &ps->pri_info : NULL;
	return 0;
}

static int start(const struct pair_state *ps)
{
	const struct flash_area *pri = ps->pair->primary;
	uint32_t a = ps->env->align;
	int rc = slot_erase_trailer(pri, a, NO_STATUS);

	if (!rc)
		rc = trailer_write_swap_size(pri, a, ps->sec_info.total_size);
	if (!rc)
		rc = trailer_write_swap_info(pri, a, SWAP_TYPE_PERM, ps->pair->num);
	if (!rc)
		rc = trailer_write_magic(pri, a);
	return rc;
}

/* Erase what the new image needs (fast) or the whole image area, then copy it. */
static int copy(const struct pair_state *ps)
{
	const struct boot_pair *p = ps->pair;
	uint32_t len = ps->sec_info.total_size;
	uint32_t end = ow_capacity(ps->env, p, BOOT_SLOT_PRIMARY);
	int rc = fast(ps) ? flash_area_erase_range(p->primary, 0, len) :
			    flash_area_erase(p->primary, 0, end);

	return rc ? rc : slot_copy(ps->env, p->primary, 0, p->secondary, 0, len);
}

static int finish(const struct pair_state *ps)
{
	const struct flash_area *pri = ps->pair->primary;
	struct trailer t;
	int rc = read_trailer(ps, pri, &t);

	if (!rc && !written(t.image_ok))
		rc = trailer_write_image_ok(pri, ps->env->align);
	if (!rc && !written(t.copy_done))
		rc = trailer_write_copy_done(pri, ps->env->align);
	return rc;
}

/*
 * An interrupted overwrite whose source no longer validates. If the primary still holds a
 * valid image (the cut came before its erase), the record is dropped and it keeps running;
 * otherwise the record stays, so that a valid image written to the secondary finishes it.
 */
static int abandon(struct pair_state *ps)
{
	int rc;

	ps->pri_ok = validate(ps, BOOT_SLOT_PRIMARY);
	if (!ps->pri_ok)
		return 0;
	rc = slot_erase_trailer(ps->pair->primary, ps->env->align, NO_STATUS);
	if (!rc)
		log_wrn("image %u: %s is intact: overwrite record dropped", ps->pair->num,
			ps->pair->primary->name);
	return rc;
}

static int ow_execute(struct pair_state *ps)
{
	int rc = 0;

	if (ps->type == SWAP_TYPE_NONE && ps->resume)
		return abandon(ps);
	/* A bad magic (a torn write or a cut erase) is no request: nothing else would clear it. */
	if (ps->type == SWAP_TYPE_NONE)
		return ps->sec.magic == TRAILER_MAGIC_BAD ? clear_request(ps) : 0;
	if (!ps->resume)
		rc = start(ps);
	if (!rc && !(ps->resume && written(ps->pri.image_ok)))
		rc = copy(ps);
	if (!rc)
		rc = finish(ps);
	if (!rc && ps->sec.magic != TRAILER_MAGIC_UNSET)
		rc = clear_request(ps);
	if (rc)
		log_err("image %u: overwrite stopped: %s (resumes at the next boot)", ps->pair->num,
			strerror_short(rc));
	else
		log_inf("image %u: overwrite complete", ps->pair->num);
	return rc;
}

static int ow_select(struct pair_state *ps)
{
	/* The primary changed, or was not looked at, since plan: validate what it holds now. */
	if (ps->type != SWAP_TYPE_NONE || (ps->resume && !ps->pri_ok))
		ps->pri_ok = validate(ps, BOOT_SLOT_PRIMARY);
	return slot_run_primary(ps, true);
}

const struct upgrade_engine upgrade_overwrite = {
	.name = "overwrite",
	.check = ow_check,
	.capacity = ow_capacity,
	.plan = ow_plan,
	.demote = ow_demote,
	.execute = ow_execute,
	.select = ow_select,
};

const struct upgrade_engine upgrade_overwrite_fast = {
	.name = "overwrite-fast",
	.check = ow_check,
	.capacity = ow_capacity,
	.plan = ow_plan,
	.demote = ow_demote,
	.execute = ow_execute,
	.select = ow_select,
};
