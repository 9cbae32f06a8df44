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

int flash_area_erase(const struct flash_area *fa, uint32_t off, size_t len)
{
	uint32_t dev_off, ss = fa->dev->geo.sector_size;
	int rc = area_range(fa, off, len, &dev_off);

	if (rc)
		return rc;
	if (ss == 0 || dev_off % ss || len % ss)
		return -EINVAL;
	if (len == 0)
		return 0;
	if (!fa->dev->ops->erase)
		return -ENOSYS;
	return fa->dev->ops->erase(fa->dev, dev_off, len);
}

uintptr_t flash_area_mmap(const struct flash_area *fa, uint32_t off)
{
	if (!fa->dev->mapped || off > fa->size)
		return 0;
	return fa->dev->mmap_base + fa->off + off;
}
