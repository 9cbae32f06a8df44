// SPDX-License-Identifier: Apache-2.0
/*
 * Monotonic counters in erasable flash: an append-only log of records, one sector at a
 * time, in a ring of the area's sectors (Documentation/anti-rollback.md, "Counter backends").
 *
 * Every sector holds slots of ENTRY_LEN bytes rounded up to whole write units. Slot 0 is the
 * sector header, the others hold value records; both are entries:
 *
 *   byte  0      kind: 'H' header, 'V' value record
 *   byte  1      header: format version (1); record: counter id
 *   bytes 2..5   header: slot size; record: counter value      (LE32)
 *   bytes 6..9   generation of the sector                      (LE32)
 *   bytes 10..13 CRC-32 (IEEE 802.3) of bytes 0..9            (LE32)
 *   bytes 14..15 commit mark 0x5a 0xa5, programmed last
 *   the rest of the slot stays erased
 *
 * The active sector is the one whose header is valid and has the highest generation; only
 * its records with its generation count, and a counter's value is the highest of them. A
 * write torn before its last byte leaves the commit mark incomplete (a byte with only some
 * of its bits programmed reads as neither 0x5a nor 0xa5), so a torn entry is never taken
 * for a whole one; the CRC catches the rest (bits left by a torn erase, programming out of
 * address order).
 *
 * Compaction, when the active sector (generation g) is full: erase the next sector of the
 * ring, write the current values there as records of generation g + 1, then its header.
 * The header is the commit point: before it is whole the old sector stays active and
 * untouched, after it the new one holds every value. The only sector ever erased is the
 * compaction target, never the active one, so no power cut can lose a value.
 */
#include <rampart/compiler.h>
#include <rampart/counter.h>
#include <rampart/errno.h>
#include <rampart/flash.h>
#include <rampart/string.h>

/* Entry layout (byte offsets) */
#define E_KIND 0
#define E_ARG 1
#define E_VALUE 2
#define E_GEN 6
#define E_CRC 10		/* CRC-32 of bytes 0 .. E_CRC - 1 */
#define E_COMMIT 14
#define ENTRY_LEN 16
#define SLOT_MAX 32		/* ENTRY_LEN rounded up to the largest write size */

_Static_assert(E_COMMIT + 2 == ENTRY_LEN && E_CRC + 4 == E_COMMIT && E_GEN + 4 == E_CRC,
	       "entry fields are packed and the commit mark is last");
_Static_assert(SLOT_MAX >= ENTRY_LEN, "a slot holds an entry");

#define KIND_HEADER 'H'
#define KIND_VALUE 'V'
#define FORMAT_VERSION 1
#define COMMIT0 0x5a
#define COMMIT1 0xa5

struct entry {
	uint8_t kind;
	uint8_t arg;		/* header: format version; record: id */
	uint32_t value;		/* header: slot size; record: counter value */
	uint32_t gen;
};

struct sector {
	uint32_t start;		/* area offset */
	uint32_t size;
};

/* Everything a call learns from reading the area. */
struct log {
	uint32_t slot;		/* slot size */
	uint8_t erased;
	bool found;		/* a committed sector exists */
	struct sector active;	/* the newest committed sector, if found */
	struct sector next;	/* where the next compaction goes */
	uint32_t gen;		/* generation of active */
	uint32_t free;		/* area offset of active's first free slot */
	uint32_t end;		/* area offset past active's last whole slot: free == end is full */
	uint32_t vals[FLASH_COUNTER_MAX_IDS];
};

/* CRC-32 (IEEE 802.3, reflected 0xedb88320), four bits a step: a 64-byte table. */
static uint32_t crc32(const uint8_t *p, size_t len)
{
	static const uint32_t nibble[16] = {
		0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac,
		0x76dc4190, 0x6b6b51f4, 0x4db26158, 0x5005713c,
		0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c,
		0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
	};
	uint32_t crc = 0xffffffff;

	while (len--) {
		crc ^= *p++;
		crc = (crc >> 4) ^ nibble[crc & 15];
		crc = (crc >> 4) ^ nibble[crc & 15];
	}
	return ~crc;
}

static void entry_encode(const struct entry *e, uint8_t *slot, uint32_t len, uint8_t erased)
{
	memset(slot, erased, len);
	slot[E_KIND] = e->kind;
	slot[E_ARG] = e->arg;
	put_le32(slot + E_VALUE, e->value);
	put_le32(slot + E_GEN, e->gen);
	put_le32(slot + E_CRC, crc32(slot, E_CRC));
	slot[E_COMMIT] = COMMIT0;
	slot[E_COMMIT + 1] = COMMIT1;
}

/* Bytes come from flash: anything, including torn or half-erased entries. */
static bool entry_decode(const uint8_t *slot, struct entry *e)
{
	if (slot[E_COMMIT] != COMMIT0 || slot[E_COMMIT + 1] != COMMIT1 ||
	    get_le32(slot + E_CRC) != crc32(slot, E_CRC))
		return false;
	e->kind = slot[E_KIND];
	e->arg = slot[E_ARG];
	e->value = get_le32(slot + E_VALUE);
	e->gen = get_le32(slot + E_GEN);
	return e->kind == KIND_HEADER || e->kind == KIND_VALUE;
}

static bool all_erased(const uint8_t *p, size_t len, uint8_t erased)
{
	for (size_t i = 0; i < len; i++)
		if (p[i] != erased)
			return false;
	return true;
}

static int check_config(const struct counter_dev *dev, struct log *log)
{
	const struct flash_counter *fc = dev->priv;
	const struct flash_geometry *g = &fc->area->dev->geo;

	if (dev->nr_counters == 0 || dev->nr_counters > FLASH_COUNTER_MAX_IDS ||
	    g->write_size == 0 || g->write_size > 32)
		return -EINVAL;
	memset(log, 0, sizeof(*log));
	log->slot = (ENTRY_LEN + g->write_size - 1) / g->write_size * g->write_size;
	log->erased = g->erased_val;
	return 0;
}

/*
 * Is @s the newest committed sector so far? A header of another format or slot size (the
 * board's write size changed) counts in *foreign_gen, so the caller can refuse to fall
 * back to older values.
 */
static int consider_header(const struct flash_area *fa, const struct sector *s,
			   struct log *log, uint32_t *foreign_gen, bool *newest)
{
	uint8_t buf[SLOT_MAX];
	struct entry e;
	int rc = flash_area_read(fa, s->start, buf, log->slot);

	*newest = false;
	if (rc)
		return rc;
	if (!entry_decode(buf, &e) || e.kind != KIND_HEADER || e.gen == 0)
		return 0;
	if (e.arg != FORMAT_VERSION || e.value != log->slot) {
		*foreign_gen = MAX(*foreign_gen, e.gen);
		return 0;
	}
	if (log->found && e.gen <= log->gen)
		return 0;
	log->found = true;
	log->active = *s;
	log->gen = e.gen;
	*newest = true;
	return 0;
}

/*
 * Walk the sectors: find the active one and the one after it in the ring. -EIO if the
 * newest header is not in this format.
 */
static int find_active(const struct flash_area *fa, unsigned int nr, struct log *log)
{
	struct sector s, first = { 0, 0 };
	bool after_active = false, newest;
	uint32_t foreign_gen = 0;
	unsigned int count = 0;
	int rc;

	for (uint32_t off = 0; off < fa->size; off = s.start + s.size) {
		rc = flash_area_sector(fa, off, &s.start, &s.size);
		if (rc)
			return -EINVAL;
		/* slots must start on write units; a sector holds header, every id and one more */
		if ((fa->off + s.start) % fa->dev->geo.write_size || s.size / log->slot < nr + 2)
			return -EINVAL;
		if (count++ == 0)
			first = s;
		if (after_active)
			log->next = s;
		rc = consider_header(fa, &s, log, &foreign_gen, &newest);
		if (rc)
			return rc;
		after_active = newest;
	}
	if (count < 2)
		return -EINVAL;
	if (foreign_gen > (log->found ? log->gen : 0))
		return -EIO;
	if (after_active || !log->found)
		log->next = first;
	return 0;
}

/* Collect the values of the active sector and where its free slots begin. */
static int scan_active(const struct flash_area *fa, unsigned int nr, struct log *log)
{
	uint8_t buf[SLOT_MAX];
	struct entry e;
	uint32_t off;
	int rc;

	log->end = log->active.start + log->active.size / log->slot * log->slot;
	log->free = log->active.start + log->slot;
	for (off = log->free; off < log->end; off += log->slot) {
		rc = flash_area_read(fa, off, buf, log->slot);
		if (rc)
			return rc;
		/* A torn entry is not erased: skip it, never program it again. */
		if (all_erased(buf, log->slot, log->erased))
			continue;
		log->free = off + log->slot;
		if (entry_decode(buf, &e) && e.kind == KIND_VALUE && e.gen == log->gen &&
		    e.arg < nr)
			log->vals[e.arg] = MAX(log->vals[e.arg], e.value);
	}
	return 0;
}

static int load(const struct counter_dev *dev, struct log *log)
{
	const struct flash_counter *fc = dev->priv;
	int rc = check_config(dev, log);

	if (!rc)
		rc = find_active(fc->area, dev->nr_counters, log);
	if (!rc && log->found)
		rc = scan_active(fc->area, dev->nr_counters, log);
	return rc;
}

/* Program one entry into an erased slot and read it back. */
static int put_entry(const struct flash_area *fa, const struct log *log, uint32_t off,
		     const struct entry *e)
{
	uint8_t buf[SLOT_MAX], check[SLOT_MAX];
	int rc;

	entry_encode(e, buf, log->slot, log->erased);
	rc = flash_area_write(fa, off, buf, log->slot);
	if (!rc)
		rc = flash_area_read(fa, off, check, log->slot);
	if (!rc && memcmp(buf, check, log->slot))
		rc = -EIO;
	return rc;
}

/*
 * Start the next sector with log->vals: erase, records, then the header that commits it.
 * The order is what makes a power cut at any point harmless (see the file comment).
 */
static int compact(const struct flash_area *fa, unsigned int nr, const struct log *log)
{
	const struct sector *t = &log->next;
	struct entry e = { .kind = KIND_VALUE };
	uint32_t off = t->start + log->slot;
	int rc;

	if (log->found && log->gen == UINT32_MAX)
		return -ENOSPC;
	e.gen = log->found ? log->gen + 1 : 1;
	rc = flash_area_erase(fa, t->start, t->size);
	for (unsigned int id = 0; !rc && id < nr; id++) {
		if (!log->vals[id])
			continue;
		e.arg = (uint8_t)id;
		e.value = log->vals[id];
		rc = put_entry(fa, log, off, &e);
		off += log->slot;
	}
	if (rc)
		return rc;
	e.kind = KIND_HEADER;
	e.arg = FORMAT_VERSION;
	e.value = log->slot;
	return put_entry(fa, log, t->start, &e);
}

static int fc_init(const struct counter_dev *dev)
{
	struct log log;

	return load(dev, &log);
}

static int fc_read(const struct counter_dev *dev, unsigned int id, uint32_t *val)
{
	struct log log;
	int rc;

	if (id >= dev->nr_counters)
		return -ERANGE;
	rc = load(dev, &log);
	if (!rc)
		*val = log.vals[id];
	return rc;
}

static int fc_advance(const struct counter_dev *dev, unsigned int id, uint32_t val)
{
	const struct flash_counter *fc = dev->priv;
	struct log log;
	struct entry e = { .kind = KIND_VALUE, .arg = (uint8_t)id, .value = val };
	int rc;

	if (id >= dev->nr_counters)
		return -ERANGE;
	rc = load(dev, &log);
	if (rc || val <= log.vals[id])
		return rc;
	if (log.found && log.free < log.end) {
		e.gen = log.gen;
		return put_entry(fc->area, &log, log.free, &e);
	}
	log.vals[id] = val;
	return compact(fc->area, dev->nr_counters, &log);
}

const struct counter_ops flash_counter_ops = {
	.init = fc_init,
	.read = fc_read,
	.advance = fc_advance,
};
