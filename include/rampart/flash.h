/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Flash devices and flash areas.
 *
 * A flash driver fills a struct flash_ops; a board declares struct flash_dev instances
 * (name, ops, private data, geometry) and a flash map of struct flash_area (device + offset +
 * size). Everything above the drivers works on areas through the bounds-checked
 * flash_area_*() calls below and never on raw addresses.
 */
#ifndef RAMPART_FLASH_H
#define RAMPART_FLASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct flash_dev;

struct flash_ops {
	/* Read len bytes at device offset off. 0 or -EIO. Required. */
	int (*read)(const struct flash_dev *dev, uint32_t off, void *buf, size_t len);
	/*
	 * Program len bytes at off; off and len are multiples of write_size and the range is
	 * erased. 0, -EIO, or -ENOSYS for a read-only device.
	 */
	int (*write)(const struct flash_dev *dev, uint32_t off, const void *buf, size_t len);
	/* Erase whole sectors covering [off, off + len). 0, -EIO or -ENOSYS. */
	int (*erase)(const struct flash_dev *dev, uint32_t off, size_t len);
	/* Optional one-time set-up, called by flash_init(). 0 or -errno. */
	int (*init)(const struct flash_dev *dev);
};

/* count sectors of size bytes each, in address order: one run of a mixed sector map. */
struct flash_sector_run {
	uint32_t count;
	uint32_t size;
};

struct flash_geometry {
	uint32_t size;		/* device bytes */
	uint32_t sector_size;	/* uniform erase unit; ignored when sectors is set */
	/*
	 * Mixed sector map (e.g. STM32F4: 4 x 16K, 1 x 64K, 7 x 128K), runs in address order,
	 * covering exactly size bytes; NULL for uniform sector_size sectors.
	 */
	const struct flash_sector_run *sectors;
	uint8_t nr_runs;
	uint8_t write_size;	/* program granularity in bytes (1..32) */
	uint8_t erased_val;	/* 0xff or 0x00 */
};

struct flash_dev {
	const char *name;
	const struct flash_ops *ops;
	void *priv;
	struct flash_geometry geo;
	/* Does the device read memory-mapped, and at which CPU address (may be 0)? */
	bool mapped;
	uintptr_t mmap_base;
};

struct flash_area {
	const char *name;	/* "boot", "image0-primary", "image0-secondary", "scratch" */
	const struct flash_dev *dev;
	uint32_t off;		/* offset in the device */
	uint32_t size;
};

/* Call the device's init op if it has one. 0 or -errno. */
int flash_init(const struct flash_dev *dev);

/*
 * flash_area_read() - read from an area.
 * Returns 0, -ERANGE if [off, off + len) is not inside the area (checked without
 * overflow), or the driver's error.
 */
int flash_area_read(const struct flash_area *fa, uint32_t off, void *buf, size_t len);
/* As flash_area_read; also -EINVAL if off/len are not multiples of the write size. */
int flash_area_write(const struct flash_area *fa, uint32_t off, const void *buf, size_t len);
/*
 * As flash_area_read; also -EINVAL if off and off + len are not sector boundaries of the
 * device (uniform or mixed map).
 */
int flash_area_erase(const struct flash_area *fa, uint32_t off, size_t len);

/*
 * flash_dev_sector() - the erase sector of @dev holding device offset @off: its start and
 * size. Works for uniform and mixed maps. Returns 0, -ERANGE if @off is past the device, or
 * -EINVAL if the geometry is malformed (zero sizes, runs not covering the device).
 */
int flash_dev_sector(const struct flash_dev *dev, uint32_t off, uint32_t *start,
		     uint32_t *size);

/*
 * flash_area_sector() - the same in area offsets: the sector holding area offset @off, as
 * *start (an area offset) and *size. Returns 0, -ERANGE if @off >= fa->size, -EINVAL if the
 * sector starts before the area or ends past it, or the geometry is malformed.
 */
int flash_area_sector(const struct flash_area *fa, uint32_t off, uint32_t *start,
		      uint32_t *size);

/*
 * flash_area_erase_range() - erase every sector that overlaps [off, off + len) of @fa; the
 * range is widened to sector boundaries, which must lie inside the area. Returns as
 * flash_area_erase(), or -EINVAL if a widened boundary falls outside the area.
 */
int flash_area_erase_range(const struct flash_area *fa, uint32_t off, size_t len);

/*
 * flash_area_mmap() - CPU address of byte @off of the area.
 * Returns 0 if the device is not memory-mapped or off lies past the area. (A mapped area
 * may legitimately start at address 0; callers pass an off > 0 or check fa->dev->mapped.)
 */
uintptr_t flash_area_mmap(const struct flash_area *fa, uint32_t off);

/*
 * Flash drivers (drivers/flash/), for board files. Both need dev->mapped: they read (and the
 * RAM one also writes) the device at dev->mmap_base.
 */
extern const struct flash_ops nrf51_nvmc_ops;	/* nRF51 internal flash through the NVMC */
extern const struct flash_ops ram_flash_ops;	/* RAM that pretends to be NOR flash */

/*
 * CFI parallel NOR with the Intel/Sharp command set (0x0001), e.g. QEMU's pflash_cfi01
 * (drivers/flash/cfi.c). cfi_flash_ops needs dev->mapped and dev->priv = a writable struct
 * cfi_flash saying how the chips are wired; its init (CFI query) refuses chips whose size or
 * sector size differ from dev->geo. The bank the CPU executes from must use cfi_flash_rom_ops
 * (reads only): any command would take the code away from under the CPU.
 */
extern const struct flash_ops cfi_flash_ops;
extern const struct flash_ops cfi_flash_rom_ops;

struct cfi_flash {
	uint8_t bank_width;	/* bytes per bus access: 1, 2 or 4 */
	uint8_t chip_width;	/* one chip's data bus: 1 (x8) or 2 (x16); bank_width /
				 * chip_width chips are interleaved, each command replicated */
	bool word_program_only;	/* never use buffered programming */
	/* Filled by init from the CFI query. */
	bool probed;
	uint32_t wbuf_size;	/* bank bytes per buffered program, 0: word programming */
};

#endif
