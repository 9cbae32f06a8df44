// SPDX-License-Identifier: Apache-2.0
/*
 * Flash class core: bounds and alignment checks between flash areas and drivers. Drivers
 * may assume every request they see lies inside the device and is aligned as they declared.
 */
#include <rampart/errno.h>
#include <rampart/flash.h>

int flash_init(const struct flash_dev *dev)
{
	if (!dev->ops->init)
		return 0;
	return dev->ops->init(dev);
}

/* Is [off, off + len) inside the area, and the area inside its device? */
static int area_range(const struct flash_area *fa, uint32_t off, size_t len, uint32_t *dev_off)
{
	if (off > fa->size || len > fa->size - off)
		return -ERANGE;
	if (fa->off > fa->dev->geo.size || fa->size > fa->dev->geo.size - fa->off)
		return -ERANGE;
	*dev_off = fa->off + off;
	return 0;
}

int flash_area_read(const struct flash_area *fa, uint32_t off, void *buf, size_t len)
{
	uint32_t dev_off;
	int rc = area_range(fa, off, len, &dev_off);

	if (rc)
		return rc;
	if (len == 0)
		return 0;
	return fa->dev->ops->read(fa->dev, dev_off, buf, len);
}

int flash_area_write(const struct flash_area *fa, uint32_t off, const void *buf, size_t len)
{
	uint32_t dev_off, ws = fa->dev->geo.write_size;
	int rc = area_range(fa, off, len, &dev_off);

	if (rc)
		return rc;
	if (ws > 1 && (dev_off % ws || len % ws))
		return -EINVAL;
	if (len == 0)
		return 0;
	if (!fa->dev->ops->write)
		return -ENOSYS;
	return fa->dev->ops->write(fa->dev, dev_off, buf, len);
}

int flash_dev_sector(const struct flash_dev *dev, uint32_t off, uint32_t *start,
		     uint32_t *size)
{
	const struct flash_geometry *g = &dev->geo;
	uint32_t base = 0;

	if (off >= g->size)
		return -ERANGE;
	if (!g->sectors) {
		if (g->sector_size == 0)
			return -EINVAL;
		*start = off - off % g->sector_size;
		*size = g->sector_size;
		return 0;
	}
	for (unsigned int r = 0; r < g->nr_runs; r++) {
		uint32_t ss = g->sectors[r].size, n = g->sectors[r].count;

		if (ss == 0)
			return -EINVAL;
		/* off - base < n * ss, without forming n * ss (it may wrap) */
		if ((off - base) / ss < n) {
			*start = base + (off - base) / ss * ss;
			*size = ss;
			return 0;
		}
		if (n > (g->size - base) / ss)
			return -EINVAL;
		base += n * ss;
	}
	return -EINVAL;
}

int flash_area_sector(const struct flash_area *fa, uint32_t off, uint32_t *start,
		      uint32_t *size)
{
	uint32_t s, ss;
	int rc;

	if (off >= fa->size)
		return -ERANGE;
	if (fa->off > fa->dev->geo.size || fa->size > fa->dev->geo.size - fa->off)
		return -ERANGE;
	rc = flash_dev_sector(fa->dev, fa->off + off, &s, &ss);
	if (rc)
		return rc;
	if (s < fa->off || ss > fa->size - (s - fa->off))
		return -EINVAL;
	*start = s - fa->off;
	*size = ss;
	return 0;
}

/* Is device offset @off a sector boundary (or the device end)? */
static bool sector_boundary(const struct flash_dev *dev, uint32_t off)
{
	uint32_t s, ss;

	if (off == dev->geo.size)
		return true;
	return flash_dev_sector(dev, off, &s, &ss) == 0 && s == off;
}

int flash_area_erase(const struct flash_area *fa, uint32_t off, size_t len)
{
	uint32_t dev_off;
	int rc = area_range(fa, off, len, &dev_off);

	if (rc)
		return rc;
	if (!sector_boundary(fa->dev, dev_off) ||
	    !sector_boundary(fa->dev, dev_off + (uint32_t)len))
		return -EINVAL;
	if (len == 0)
		return 0;
	if (!fa->dev->ops->erase)
		return -ENOSYS;
	return fa->dev->ops->erase(fa->dev, dev_off, len);
}

int flash_area_erase_range(const struct flash_area *fa, uint32_t off, size_t len)
{
	uint32_t lo, hi, s, ss;
	int rc;

	if (len == 0)
		return 0;
	if (off > fa->size || len > fa->size - off)
		return -ERANGE;
	rc = flash_area_sector(fa, off, &lo, &ss);
	if (!rc)
		rc = flash_area_sector(fa, off + (uint32_t)len - 1, &s, &ss);
	if (rc)
		return rc;
	hi = s + ss;
	return flash_area_erase(fa, lo, hi - lo);
}

uintptr_t flash_area_mmap(const struct flash_area *fa, uint32_t off)
{
	if (!fa->dev->mapped || off > fa->size)
		return 0;
	return fa->dev->mmap_base + fa->off + off;
}
