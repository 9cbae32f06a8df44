/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Monotonic counters for anti-rollback (drivers/otp/): one u32 security counter per image
 * number. A counter only ever goes up; reading it after a power cut at any instant of an
 * advance returns either the old or the new value, never anything else.
 */
#ifndef RAMPART_COUNTER_H
#define RAMPART_COUNTER_H

#include <stdint.h>

struct counter_dev;

struct counter_ops {
	/* Optional one-time set-up (e.g. finish an interrupted compaction). 0 or -errno. */
	int (*init)(const struct counter_dev *dev);
	/* Current value of counter @id (0 if never advanced). 0, -ERANGE (id), -EIO. */
	int (*read)(const struct counter_dev *dev, unsigned int id, uint32_t *val);
	/*
	 * Raise counter @id to @val. A @val not above the current value changes nothing and
	 * returns 0. 0, -ERANGE (id), -ENOSPC (the backend is used up), -EIO.
	 */
	int (*advance)(const struct counter_dev *dev, unsigned int id, uint32_t val);
};

struct counter_dev {
	const char *name;
	const struct counter_ops *ops;
	void *priv;
	unsigned int nr_counters;	/* ids 0 .. nr_counters - 1 */
};

/* Call the device's init op if it has one. 0 or -errno. */
static inline int counter_init(const struct counter_dev *dev)
{
	if (!dev->ops->init)
		return 0;
	return dev->ops->init(dev);
}

static inline int counter_read(const struct counter_dev *dev, unsigned int id, uint32_t *val)
{
	return dev->ops->read(dev, id, val);
}

static inline int counter_advance(const struct counter_dev *dev, unsigned int id, uint32_t val)
{
	return dev->ops->advance(dev, id, val);
}

/*
 * Counter backends (drivers/otp/; formats, power-cut analysis and wear figures in
 * Documentation/anti-rollback.md, "Counter backends"). Both keep no state in RAM: every
 * call reads what it needs from flash, so the ops work before, without and after init, and
 * a reset between any two calls changes nothing. Their init op only checks, never writes:
 * 0, -EINVAL for a bad configuration (read and advance return it too), -EIO for a device
 * error or a flash log whose newest sector is of another format or slot size.
 */

/*
 * flash_counter_ops (CONFIG_COUNTER_FLASH): an append-only log of checksummed records in
 * an erasable flash area, compacted into the next sector when the current one fills.
 * counter_dev.priv points to a struct flash_counter. Requirements, checked by every op:
 * at least two erase sectors, uniform or mixed, exactly covering the area; each sector
 * holds at least nr_counters + 2 record slots (a slot is 16 bytes rounded up to the write
 * size) and starts on a write unit; write size 1..32; nr_counters 1..FLASH_COUNTER_MAX_IDS.
 * nr_counters may grow later but must never shrink (a compaction drops ids at or above
 * it). advance returns -ENOSPC only when 2^32 - 1 compactions are used up.
 */
#define FLASH_COUNTER_MAX_IDS 16

struct flash_area;

struct flash_counter {
	const struct flash_area *area;	/* used by nothing else */
};

extern const struct counter_ops flash_counter_ops;

/*
 * otp_counter_ops (CONFIG_COUNTER_OTP): thermometer codes in one-time-programmable fuses.
 * counter_dev.priv points to a struct otp_counter. Counter id owns bits_per_counter bits,
 * LSB first from byte id * stride of the area, where stride is bits_per_counter / 8 rounded
 * up to whole write units (counters never share a write unit); the area must start on a
 * write unit and hold nr_counters strides. Its value is the number of leading programmed
 * bits, so it can go from 0 to bits_per_counter; an advance above that returns -ENOSPC and
 * changes nothing. A power cut during an advance reads the old or the new value, except
 * that fuses left by an earlier cut-off advance may carry a later, smaller advance up to
 * that earlier target. The device's write must OR programmed bits into a unit (new = old
 * AND data when erased is 0xff), may be asked to program the same unit several times, and
 * needs no erase.
 */
struct otp_counter {
	const struct flash_area *area;	/* on a write-once device; used by nothing else */
	uint32_t bits_per_counter;	/* 1 .. ; also the largest value a counter can hold */
};

extern const struct counter_ops otp_counter_ops;

#endif
