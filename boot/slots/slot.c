// SPDX-License-Identifier: Apache-2.0
/*
 * What every upgrade engine does to a slot: find its trailer sectors, erase them, validate
 * the image it holds (with the rollback rules), and copy between areas.
 */
#include <rampart/console.h>
#include <rampart/counter.h>
#include <rampart/errno.h>
#include <rampart/slots.h>
#include <rampart/string.h>

/* Bytes from the status area's start to the end of the slot. */
static int trailer_bytes(const struct flash_area *fa, uint32_t align, uint32_t max_sectors,
			 uint32_t *len)
{
	struct trailer_layout l;
	uint32_t ws = fa->dev->geo.write_size ? fa->dev->geo.write_size : 1;
	uint64_t status = (uint64_t)max_sectors * SWAP_STATUS_STATES * ws;
	int rc = trailer_layout(fa, align, &l);

	if (rc)
		return rc;
	if (status > l.swap_size)
		return -EINVAL;
	*len = fa->size - l.swap_size + (uint32_t)status;
	return 0;
}

int slot_status_off(const struct flash_area *fa, uint32_t align, uint32_t max_sectors,
		    uint32_t *off)
{
	uint32_t len;
	int rc = trailer_bytes(fa, align, max_sectors, &len);

	if (!rc)
		*off = fa->size - len;
	return rc;
}

int slot_trailer_start(const struct flash_area *fa, uint32_t align, uint32_t max_sectors,
		       uint32_t *start)
{
	uint32_t off, size;
	int rc = slot_status_off(fa, align, max_sectors, &off);

	if (!rc)
		rc = flash_area_sector(fa, off, start, &size);
	return rc;
}

int slot_erase_trailer(const struct flash_area *fa, uint32_t align, uint32_t max_sectors)
{
	uint32_t lo, end = fa->size;
	int rc = slot_trailer_start(fa, align, max_sectors, &lo);

	/* Highest sector first: the magic goes before the flags and status it vouches for. */
	while (!rc && end > lo) {
		uint32_t start, size;

		rc = flash_area_sector(fa, end - 1, &start, &size);
		if (!rc)
			rc = flash_area_erase(fa, start, size);
		end = start;
	}
	return rc;
}

/* Rollback rule of a build with security counters: SEC_CNT present and not below the store. */
static verdict_t counter_check(const struct boot_env *env, uint8_t num, struct image_info *info)
{
	uint32_t stored;

	if (!IS_ENABLED(CONFIG_BOOT_HW_ROLLBACK_PROT) || !env->counter)
		return verdict_ok();
	if (!info->has_sec_cnt) {
		info->reason = "no security counter TLV (required by rollback protection)";
		info->err = -EPERM;
		return verdict_fail();
	}
	if (counter_read(env->counter, num, &stored)) {
		info->reason = "security counter unreadable";
		info->err = -EIO;
		return verdict_fail();
	}
	if (info->sec_cnt < stored) {
		fmt_snprintf(info->reason_buf, sizeof(info->reason_buf),
			 "security counter %u is below the device's %u (rollback)",
			 (unsigned)info->sec_cnt, (unsigned)stored);
		info->reason = info->reason_buf;
		info->err = -EPERM;
		return verdict_fail();
	}
	return verdict_ok();
}

verdict_t slot_validate(const struct boot_env *env, const struct boot_pair *pair,
			const struct flash_area *fa, uint32_t off, uint32_t capacity,
			struct image_info *info)
{
	struct flash_area sub = *fa;
	char ver[IMAGE_VERSION_STR_MAX];
	verdict_t v;

	sub.off += off;
	sub.size -= off;
	v = mcuboot_validate(&sub, env->keys, info);
	if (verdict_is_ok(v) && info->total_size > capacity) {
		fmt_snprintf(info->reason_buf, sizeof(info->reason_buf),
			 "image of %u bytes exceeds the slot's %u usable bytes",
			 (unsigned)info->total_size, (unsigned)capacity);
		info->reason = info->reason_buf;
		info->err = -EFBIG;
		v = verdict_fail();
	}
	if (verdict_is_ok(v))
		v = counter_check(env, pair->num, info);
	if (!verdict_is_ok(v)) {
		if (info->err == -ENOENT)
			log_inf("%s: empty", fa->name);
		else
			log_err("%s: image refused: %s", fa->name,
				info->reason ? info->reason : "invalid");
		return v;
	}
	log_inf("%s: image %s verified (%u bytes, %s key '%s')", fa->name,
		image_version_str(&info->version, ver, sizeof(ver)),
		(unsigned)info->total_size, crypto_sig_name(info->key->alg), info->key->name);
	return v;
}

int slot_copy(const struct boot_env *env, const struct flash_area *dst, uint32_t doff,
	      const struct flash_area *src, uint32_t soff, uint32_t len)
{
	uint32_t ws = dst->dev->geo.write_size ? dst->dev->geo.write_size : 1;
	uint32_t chunk = env->buf_len - env->buf_len % ws;
	int rc = 0;

	len = ALIGN_UP(len, ws);
	while (!rc && len) {
		uint32_t n = MIN(len, chunk);

		rc = flash_area_read(src, soff, env->buf, n);
		if (!rc)
			rc = flash_area_write(dst, doff, env->buf, n);
		soff += n;
		doff += n;
		len -= n;
	}
	return rc;
}

/* The first sector boundary of @fa above @off (or fa->size). */
static int next_boundary(const struct flash_area *fa, uint32_t off, uint32_t *next)
{
	uint32_t start, size;
	int rc;

	if (off >= fa->size) {
		*next = fa->size;
		return 0;
	}
	rc = flash_area_sector(fa, off, &start, &size);
	if (!rc)
		*next = start + size;
	return rc;
}

/* The first offset above @lo that is a sector boundary of both areas, or 0 if none. */
static int common_boundary(const struct flash_area *a, const struct flash_area *b, uint32_t lo,
			   uint32_t *out)
{
	uint32_t na, nb;
	int rc = next_boundary(a, lo, &na);

	if (!rc)
		rc = next_boundary(b, lo, &nb);
	while (!rc && na != nb) {
		if (na < nb && na < a->size)
			rc = next_boundary(a, na, &na);
		else if (nb < na && nb < b->size)
			rc = next_boundary(b, nb, &nb);
		else
			return -EINVAL;
	}
	*out = na;
	return rc;
}

int swap_region_next(const struct flash_area *a, const struct flash_area *b, uint32_t lo,
		     uint32_t end, uint32_t max, uint32_t *hi)
{
	uint32_t h, next;
	int rc = common_boundary(a, b, lo, &h);

	if (rc || h > end || (max && h - lo > max))
		return -EINVAL;
	while (max && h < end) {
		rc = common_boundary(a, b, h, &next);
		if (rc || next > end || next - lo > max)
			break;
		h = next;
	}
	*hi = h;
	return 0;
}

bool slot_downgrade(const struct pair_state *ps)
{
	char from[IMAGE_VERSION_STR_MAX], to[IMAGE_VERSION_STR_MAX];

	if (!ps->env->downgrade_prevention || !ps->pri_ok ||
	    image_version_cmp(&ps->sec_info.version, &ps->pri_info.version) >= 0)
		return false;
	log_err("image %u: downgrade from %s to %s refused", ps->pair->num,
		image_version_str(&ps->pri_info.version, from, sizeof(from)),
		image_version_str(&ps->sec_info.version, to, sizeof(to)));
	return true;
}

int slot_run_primary(struct pair_state *ps, bool confirmed)
{
	ps->run = BOOT_SLOT_NONE;
	if (!ps->pri_ok)
		return -ENOENT;
	ps->info = ps->pri_info;
	ps->run = BOOT_SLOT_PRIMARY;
	ps->confirmed = confirmed;
	return 0;
}
