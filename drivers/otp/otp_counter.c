// SPDX-License-Identifier: Apache-2.0
/*
 * Monotonic counters in one-time-programmable fuses: counter id is a thermometer code of
 * bits_per_counter bits (layout in include/rampart/counter.h), its value the number of
 * leading programmed bits. Fuses only ever get programmed, so no value can go down.
 *
 * Advancing from a to b programs bits a + 1 .. b - 1 first and bit a, the commit bit, in a
 * last write of its own. Until bit a is programmed the leading run still ends at a, so a
 * power cut at any instant of an advance reads a or b. Bits a cut-off advance programmed
 * above the run stay programmed: a later advance to c then reads the first unprogrammed bit
 * at or above c, at most the target of that interrupted advance (never lower than c, never
 * above a value once asked for). Documentation/anti-rollback.md has the details.
 */
#include <rampart/compiler.h>
#include <rampart/counter.h>
#include <rampart/errno.h>
#include <rampart/flash.h>

#define UNIT_MAX 32

struct otp_layout {
	const struct flash_area *fa;
	uint32_t bits;		/* bits_per_counter */
	uint32_t base;		/* area offset of the counter's first byte */
	uint32_t ws;		/* write size */
	uint8_t erased;
};

/* Where counter @id lives. -EINVAL for a bad configuration, -ERANGE for @id. */
static int layout(const struct counter_dev *dev, unsigned int id, struct otp_layout *l)
{
	const struct otp_counter *oc = dev->priv;
	const struct flash_geometry *g = &oc->area->dev->geo;
	uint32_t bytes, stride;

	if (oc->bits_per_counter == 0 || dev->nr_counters == 0 || g->write_size == 0 ||
	    g->write_size > UNIT_MAX)
		return -EINVAL;
	bytes = oc->bits_per_counter / 8 + (oc->bits_per_counter % 8 != 0);
	stride = (bytes + g->write_size - 1) / g->write_size * g->write_size;
	if (stride > oc->area->size / dev->nr_counters || oc->area->off % g->write_size)
		return -EINVAL;
	if (id >= dev->nr_counters)
		return -ERANGE;
	l->fa = oc->area;
	l->bits = oc->bits_per_counter;
	l->base = id * stride;
	l->ws = g->write_size;
	l->erased = g->erased_val;
	return 0;
}

/* The counter's value: its run of programmed bits from bit 0, capped at l->bits. */
static int read_value(const struct otp_layout *l, uint32_t *val)
{
	uint32_t bytes = l->bits / 8 + (l->bits % 8 != 0), done = 0, v = 0;
	uint8_t buf[UNIT_MAX];

	while (done < bytes) {
		uint32_t n = MIN((uint32_t)sizeof(buf), bytes - done);
		int rc = flash_area_read(l->fa, l->base + done, buf, n);

		if (rc)
			return rc;
		for (uint32_t i = 0; i < n; i++) {
			uint8_t prog = buf[i] ^ l->erased;

			if (prog != 0xff) {
				for (; prog & 1; prog >>= 1)
					v++;
				*val = MIN(v, l->bits);
				return 0;
			}
			v += 8;
		}
		done += n;
	}
	*val = MIN(v, l->bits);
	return 0;
}

/*
 * Program bits [from, to) of the counter, one write unit at a time, in address order. A
 * unit is read first so the write keeps every bit already programmed in it; a unit whose
 * bits are all programmed already is not written.
 */
static int program_bits(const struct otp_layout *l, uint32_t from, uint32_t to)
{
	uint8_t unit[UNIT_MAX];

	while (from < to) {
		uint32_t start = from / 8 - from / 8 % l->ws;
		uint32_t stop = MIN(to, (start + l->ws) * 8);
		bool changed = false;
		int rc = flash_area_read(l->fa, l->base + start, unit, l->ws);

		if (rc)
			return rc;
		for (; from < stop; from++) {
			uint8_t *p = &unit[from / 8 - start], m = (uint8_t)(1u << (from % 8));

			if (!((*p ^ l->erased) & m)) {
				*p ^= m;
				changed = true;
			}
		}
		if (changed) {
			rc = flash_area_write(l->fa, l->base + start, unit, l->ws);
			if (rc)
				return rc;
		}
	}
	return 0;
}

static int otp_init(const struct counter_dev *dev)
{
	struct otp_layout l;

	return layout(dev, 0, &l);
}

static int otp_read(const struct counter_dev *dev, unsigned int id, uint32_t *val)
{
	struct otp_layout l;
	int rc = layout(dev, id, &l);

	if (rc)
		return rc;
	return read_value(&l, val);
}

static int otp_advance(const struct counter_dev *dev, unsigned int id, uint32_t val)
{
	struct otp_layout l;
	uint32_t cur;
	int rc = layout(dev, id, &l);

	if (!rc)
		rc = read_value(&l, &cur);
	if (rc || val <= cur)
		return rc;
	if (val > l.bits)
		return -ENOSPC;
	/* Everything above the commit bit first: until bit cur is set, the value stays cur. */
	rc = program_bits(&l, cur + 1, val);
	if (!rc)
		rc = program_bits(&l, cur, cur + 1);
	if (!rc)
		rc = read_value(&l, &cur);
	if (!rc && cur < val)
		rc = -EIO;	/* a fuse did not take */
	return rc;
}

const struct counter_ops otp_counter_ops = {
	.init = otp_init,
	.read = otp_read,
	.advance = otp_advance,
};
