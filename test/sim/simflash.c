// SPDX-License-Identifier: Apache-2.0
/*
 * The simulator's flash device: NOR rules, wear counters and power-cut injection (see
 * simflash.h). Host code: it may use libc freely.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rampart/compiler.h>
#include <rampart/errno.h>

#include "simflash.h"

/* splitmix64: a small, good mixer, so that a torn operation depends only on (seed, op). */
static uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ull;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

static uint64_t tear_random(uint32_t seed, uint32_t op, uint32_t salt)
{
	return mix(((uint64_t)seed << 32 | op) ^ mix(salt));
}

static uint32_t unit_size(const struct simflash *f)
{
	return f->dev.geo.write_size ? f->dev.geo.write_size : 1;
}

static uint8_t erased(const struct simflash *f)
{
	return f->dev.geo.erased_val;
}

/* What programming @data over @old leaves: NOR only moves bits away from the erased value. */
static uint8_t programmed(const struct simflash *f, uint8_t old, uint8_t data)
{
	return erased(f) == 0xff ? old & data : old | data;
}

static void __printf(2, 3) violation(struct simflash *f, const char *fmt, ...)
{
	va_list ap;

	if (f->violations++)
		return;
	va_start(ap, fmt);
	vsnprintf(f->violation, sizeof(f->violation), fmt, ap);
	va_end(ap);
}

uint32_t simflash_sector_index(const struct simflash *f, uint32_t off)
{
	uint32_t lo = 0, hi = f->nr_sectors;

	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (f->sector_start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

bool simflash_is_erased(const struct simflash *f, uint32_t off, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++)
		if (f->mem[off + i] != erased(f))
			return false;
	return true;
}

static void trace(struct simflash *f, enum sim_op_kind kind, uint32_t off, uint32_t len,
		  const char *what)
{
	struct sim_op op = { kind, off, len };

	if (f->on_op)
		f->on_op(f, &op, what);
	if (!f->counting || !f->tracing || !f->trace_cap)
		return;
	if (f->trace_len == f->trace_cap) {
		struct sim_op *t = realloc(f->trace, 2 * f->trace_cap * sizeof(*t));

		if (!t) {
			fprintf(stderr, "sim: out of memory for the operation trace\n");
			exit(2);
		}
		f->trace = t;
		f->trace_cap *= 2;
	}
	f->trace[f->trace_len++] = op;
}

static __noreturn void land(struct simflash *f, const struct sim_cut *c, int why)
{
	f->last_cut = *c;
	longjmp(*f->landing, why);
}

/*
 * Count one operation. Returns the cut planned for it, or NULL; a cut before it lands here
 * (so does a runaway: more operations than the plan allows).
 */
static const struct sim_cut *op_begin(struct simflash *f, enum sim_op_kind kind, uint32_t off,
				      uint32_t len)
{
	const struct sim_cut *c;

	if (!f->counting) {
		trace(f, kind, off, len, kind == SIM_OP_WRITE ? "write" : "erase");
		return NULL;
	}
	f->ops++;
	if (f->op_limit && f->ops > f->op_limit) {
		struct sim_cut runaway = { f->ops, SIM_CUT_BEFORE, 0 };

		land(f, &runaway, SIMFLASH_LANDED_RUNAWAY);
	}
	c = f->next_cut < f->nr_cuts && f->cuts[f->next_cut].op == f->ops ?
		&f->cuts[f->next_cut++] : NULL;
	trace(f, kind, off, len, !c ? (kind == SIM_OP_WRITE ? "write" : "erase") :
	      c->kind == SIM_CUT_BEFORE ? "CUT before" :
	      c->kind == SIM_CUT_AFTER ? "CUT after" : "CUT torn");
	if (c && c->kind == SIM_CUT_BEFORE)
		land(f, c, SIMFLASH_LANDED_CUT);
	return c;
}

static void wear_write(struct simflash *f, uint32_t off, uint32_t len)
{
	uint32_t s = simflash_sector_index(f, off), end = off + len;

	for (; s < f->nr_sectors && f->sector_start[s] < end; s++) {
		uint32_t lo = MAX(off, f->sector_start[s]);
		uint32_t hi = MIN(end, f->sector_start[s + 1]);

		f->wear[s].writes++;
		f->wear[s].bytes += hi - lo;
	}
}

/* Strict NOR: whole units, each fully erased. */
static void check_write(struct simflash *f, uint32_t off, uint32_t len)
{
	uint32_t ws = unit_size(f);

	if (off % ws || len % ws) {
		violation(f, "unaligned write of %u bytes at 0x%x (write size %u)", len, off, ws);
		return;
	}
	for (uint32_t u = off; u < off + len; u += ws)
		if (!simflash_is_erased(f, u, ws)) {
			violation(f, "write of %u bytes at 0x%x programs unit 0x%x, which is not "
				  "erased", len, off, u);
			return;
		}
}

/*
 * ECC: after a torn write, the unit at @u (whose target bytes are @target) reads back as
 * -EIO if it is neither erased nor fully programmed.
 */
static void ecc_torn_unit(struct simflash *f, uint32_t u, const uint8_t *target)
{
	uint32_t ws = unit_size(f);

	for (uint32_t k = 0; k < ws; k++)
		if (programmed(f, f->mem[u + k], target[k]) != f->mem[u + k]) {
			f->ecc_bad[u / ws] = !simflash_is_erased(f, u, ws);
			return;
		}
}

/*
 * A write cut part-way: of the bytes the write changes, a prefix is programmed and the next
 * one gets a random proper subset of its bits (none if it changes only one bit).
 */
static void tear_write(struct simflash *f, uint32_t off, const uint8_t *data, uint32_t len,
		       uint32_t seed)
{
	uint64_t r = tear_random(seed, f->ops, 1);
	uint32_t changed = 0, stop, i;

	for (i = 0; i < len; i++)
		changed += programmed(f, f->mem[off + i], data[i]) != f->mem[off + i];
	if (!changed)
		return;
	stop = (uint32_t)(r % changed);
	for (i = 0; i < len; i++) {
		uint8_t old = f->mem[off + i], bits = old ^ programmed(f, old, data[i]);
		uint8_t part;

		if (!bits)
			continue;
		if (stop--) {
			f->mem[off + i] = old ^ bits;
			continue;
		}
		part = bits & (uint8_t)(r >> 32);
		if (__builtin_popcount(bits) < 2)
			part = 0;
		else if (part == bits || !part)
			part = bits & (uint8_t)(bits - 1);	/* drop the lowest bit */
		f->mem[off + i] = old ^ part;
		wear_write(f, off, i + 1);
		/* Writes are whole units (else a violation was recorded and ECC is moot). */
		if (f->ecc_bad && !(off % unit_size(f)) && !(len % unit_size(f)))
			ecc_torn_unit(f, off + i - i % unit_size(f), data + i - i % unit_size(f));
		return;
	}
}

static int sf_read(const struct flash_dev *dev, uint32_t off, void *buf, size_t len)
{
	struct simflash *f = dev->priv;
	uint32_t ws = unit_size(f);

	if (f->counting && f->read_limit && ++f->reads > f->read_limit)
		simflash_land(f, SIMFLASH_LANDED_HANG);

	if (off > dev->geo.size || len > dev->geo.size - off)
		return -EIO;
	memcpy(buf, f->mem + off, len);
	if (f->ecc_bad && len)
		for (uint32_t u = off / ws; u <= (off + (uint32_t)len - 1) / ws; u++)
			if (f->ecc_bad[u])
				return -EIO;
	return 0;
}

static int sf_write(const struct flash_dev *dev, uint32_t off, const void *buf, size_t len)
{
	struct simflash *f = dev->priv;
	const uint8_t *data = buf;
	const struct sim_cut *c;

	if (off > dev->geo.size || len > dev->geo.size - off) {
		violation(f, "write of %u bytes at 0x%x past the device end (0x%x)",
			  (unsigned)len, off, dev->geo.size);
		return -EIO;
	}
	if (f->ram) {
		memcpy(f->mem + off, buf, len);
		return 0;
	}
	c = op_begin(f, SIM_OP_WRITE, off, (uint32_t)len);
	check_write(f, off, (uint32_t)len);
	if (c && c->kind == SIM_CUT_TORN) {
		tear_write(f, off, data, (uint32_t)len, c->seed);
		land(f, c, SIMFLASH_LANDED_CUT);
	}
	for (size_t i = 0; i < len; i++)
		f->mem[off + i] = programmed(f, f->mem[off + i], data[i]);
	wear_write(f, off, (uint32_t)len);
	if (c)
		land(f, c, SIMFLASH_LANDED_CUT);
	return 0;
}

static void erase_range(struct simflash *f, uint32_t off, uint32_t len)
{
	uint32_t ws = unit_size(f);

	memset(f->mem + off, erased(f), len);
	if (f->ecc_bad)
		memset(f->ecc_bad + off / ws, 0, len / ws);
}

/*
 * An erase cut part-way: the sectors before a chosen one are erased; in that one, a prefix
 * is erased and the rest is left as it was or partially erased (bits moved toward the
 * erased value at random). Variant by seed % 3: 0 the whole sector partially erased,
 * 1 a prefix erased and the rest intact, 2 a prefix erased and the rest partially erased.
 */
static void tear_erase(struct simflash *f, uint32_t off, uint32_t len, uint32_t seed)
{
	uint64_t r = tear_random(seed, f->ops, 2);
	uint32_t first = simflash_sector_index(f, off);
	uint32_t last = simflash_sector_index(f, off + len - 1);
	uint32_t s = first + (uint32_t)(r % (last - first + 1)), lo, size, prefix;
	uint32_t ws = unit_size(f);

	for (uint32_t k = first; k < s; k++) {
		erase_range(f, f->sector_start[k], f->sector_start[k + 1] - f->sector_start[k]);
		f->wear[k].erases++;
	}
	lo = f->sector_start[s];
	size = f->sector_start[s + 1] - lo;
	prefix = seed % 3 == 0 ? 0 : (uint32_t)((r >> 20) % size);
	erase_range(f, lo, prefix);
	f->wear[s].erases++;
	if (seed % 3 == 1)
		return;
	for (uint32_t i = lo + prefix; i < lo + size; i++) {
		uint8_t noise = (uint8_t)tear_random(seed, f->ops, i);

		f->mem[i] = erased(f) == 0xff ? f->mem[i] | noise : f->mem[i] & noise;
	}
	if (f->ecc_bad)
		for (uint32_t u = (lo + prefix) / ws; u < (lo + size) / ws; u++)
			f->ecc_bad[u] |= !simflash_is_erased(f, u * ws, ws);
}

static int sf_erase(const struct flash_dev *dev, uint32_t off, size_t len)
{
	struct simflash *f = dev->priv;
	const struct sim_cut *c;
	uint32_t s, end = off + (uint32_t)len;

	if (off > dev->geo.size || len > dev->geo.size - off) {
		violation(f, "erase of %u bytes at 0x%x past the device end (0x%x)",
			  (unsigned)len, off, dev->geo.size);
		return -EIO;
	}
	if (f->ram) {
		memset(f->mem + off, erased(f), len);
		return 0;
	}
	if (!len || f->sector_start[simflash_sector_index(f, off)] != off ||
	    (end != dev->geo.size && f->sector_start[simflash_sector_index(f, end)] != end))
		violation(f, "erase of %u bytes at 0x%x is not whole sectors", (unsigned)len,
			  off);
	c = op_begin(f, SIM_OP_ERASE, off, (uint32_t)len);
	if (c && c->kind == SIM_CUT_TORN && len) {
		tear_erase(f, off, (uint32_t)len, c->seed);
		land(f, c, SIMFLASH_LANDED_CUT);
	}
	erase_range(f, off, (uint32_t)len);
	for (s = simflash_sector_index(f, off); len && s < f->nr_sectors &&
	     f->sector_start[s] < end; s++)
		f->wear[s].erases++;
	if (c)
		land(f, c, SIMFLASH_LANDED_CUT);
	return 0;
}

static const struct flash_ops simflash_ops = {
	.read = sf_read,
	.write = sf_write,
	.erase = sf_erase,
};

/* The sector starts of the geometry; -1 if the runs do not cover exactly @size bytes. */
static int map_sectors(struct simflash *f, uint32_t size, uint32_t sector_size,
		       const struct flash_sector_run *runs, unsigned int nr_runs)
{
	uint64_t n = 0, off = 0;

	if (runs)
		for (unsigned int r = 0; r < nr_runs; r++)
			n += runs[r].count;
	else
		n = sector_size ? size / sector_size : 0;
	if (!n || n > 1u << 20)
		return -1;
	f->nr_sectors = (uint32_t)n;
	f->sector_start = calloc(n + 1, sizeof(*f->sector_start));
	f->wear = calloc(n, sizeof(*f->wear));
	if (!f->sector_start || !f->wear)
		return -1;
	n = 0;
	for (unsigned int r = 0; r < (runs ? nr_runs : 1); r++) {
		uint32_t count = runs ? runs[r].count : f->nr_sectors;
		uint32_t ss = runs ? runs[r].size : sector_size;

		for (uint32_t i = 0; i < count; i++, off += ss)
			f->sector_start[n++] = (uint32_t)off;
	}
	f->sector_start[n] = size;
	return off == size ? 0 : -1;
}

int simflash_init(struct simflash *f, const char *name, uint32_t size, uint32_t sector_size,
		  const struct flash_sector_run *runs, unsigned int nr_runs, uint8_t write_size,
		  uint8_t erased_val, bool ecc)
{
	memset(f, 0, sizeof(*f));
	if (nr_runs > SIMFLASH_MAX_RUNS || !write_size || write_size > 32 ||
	    (erased_val != 0xff && erased_val != 0x00) || map_sectors(f, size, sector_size,
								       runs, nr_runs)) {
		fprintf(stderr, "sim: %s: malformed geometry\n", name);
		simflash_free(f);
		return -1;
	}
	if (runs)
		memcpy(f->runs, runs, nr_runs * sizeof(*runs));
	f->mem = malloc(size);
	f->ecc_bad = ecc ? calloc(size / write_size, 1) : NULL;
	if (!f->mem || (ecc && !f->ecc_bad)) {
		fprintf(stderr, "sim: %s: out of memory\n", name);
		simflash_free(f);
		return -1;
	}
	f->dev.name = name;
	f->dev.ops = &simflash_ops;
	f->dev.priv = f;
	f->dev.geo.size = size;
	f->dev.geo.sector_size = runs ? 0 : sector_size;
	f->dev.geo.sectors = runs ? f->runs : NULL;
	f->dev.geo.nr_runs = (uint8_t)(runs ? nr_runs : 0);
	f->dev.geo.write_size = write_size;
	f->dev.geo.erased_val = erased_val;
	simflash_reset(f);
	return 0;
}

int simflash_init_ram(struct simflash *f, const char *name, uint32_t size)
{
	int rc = simflash_init(f, name, size, 1024, NULL, 0, 1, 0x00, false);

	if (!rc) {
		f->ram = true;
		simflash_reset(f);
	}
	return rc;
}

void simflash_free(struct simflash *f)
{
	free(f->mem);
	free(f->ecc_bad);
	free(f->sector_start);
	free(f->wear);
	free(f->trace);
	f->mem = f->ecc_bad = NULL;
	f->sector_start = NULL;
	f->wear = NULL;
	f->trace = NULL;
}

void simflash_reset(struct simflash *f)
{
	uint32_t size = f->dev.geo.size;

	if (f->ram)
		for (uint32_t i = 0; i < size; i++)
			f->mem[i] = (uint8_t)mix(i);
	else
		memset(f->mem, erased(f), size);
	if (f->ecc_bad)
		memset(f->ecc_bad, 0, size / unit_size(f));
	memset(f->wear, 0, f->nr_sectors * sizeof(*f->wear));
	f->counting = false;
	f->ops = 0;
	f->trace_len = 0;
	f->violations = 0;
	f->violation[0] = '\0';
}

void simflash_arm(struct simflash *f, const struct sim_cut *cuts, unsigned int nr_cuts,
		  jmp_buf *landing, uint32_t op_limit)
{
	f->counting = true;
	f->ops = 0;
	f->cuts = cuts;
	f->nr_cuts = nr_cuts;
	f->next_cut = 0;
	f->landing = landing;
	f->op_limit = op_limit;
	f->reads = 0;
	memset(f->wear, 0, f->nr_sectors * sizeof(*f->wear));
}

void simflash_disarm(struct simflash *f)
{
	f->counting = false;
}

void simflash_land(struct simflash *f, int why)
{
	struct sim_cut c = { f->ops, SIM_CUT_BEFORE, 0 };

	land(f, &c, why);
}

void sim_cut_format(const struct sim_cut *c, char *buf, unsigned int len)
{
	if (c->kind == SIM_CUT_TORN)
		snprintf(buf, len, "%ut%u", c->op, c->seed);
	else
		snprintf(buf, len, "%u%c", c->op, c->kind == SIM_CUT_BEFORE ? 'b' : 'a');
}

int sim_cut_parse(const char *s, struct sim_cut *c)
{
	char *end;
	unsigned long op = strtoul(s, &end, 10), seed = 0;

	if (end == s || !op || op > UINT32_MAX)
		return -1;
	c->op = (uint32_t)op;
	c->seed = 0;
	if (!strcmp(end, "b")) {
		c->kind = SIM_CUT_BEFORE;
	} else if (!strcmp(end, "a")) {
		c->kind = SIM_CUT_AFTER;
	} else if (end[0] == 't') {
		c->kind = SIM_CUT_TORN;
		if (end[1]) {
			char *e2;

			seed = strtoul(end + 1, &e2, 10);
			if (*e2 || seed > UINT32_MAX)
				return -1;
		}
		c->seed = (uint32_t)seed;
	} else {
		return -1;
	}
	return 0;
}
