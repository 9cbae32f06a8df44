// SPDX-License-Identifier: Apache-2.0
/*
 * nRF51 internal flash through the Non-Volatile Memory Controller.
 *
 * The flash is mapped at dev->mmap_base and read with plain loads. Programming and erasing
 * switch the NVMC's CONFIG register to write-enable or erase-enable for the operation and back
 * to read-only on every path, including errors, so a stray store can never reach the flash.
 * Each step polls READY a bounded number of times.
 *
 * While the NVMC works, a CPU fetching code from flash is stalled; this driver therefore
 * needs no RAM-resident code.
 */
#include <rampart/compiler.h>
#include <rampart/errno.h>
#include <rampart/flash.h>
#include <rampart/string.h>

#define NVMC_BASE 0x4001e000u
#define NVMC_READY 0x400
#define NVMC_CONFIG 0x504
#define NVMC_ERASEPAGE 0x508

#define READY_READY (1u << 0)
#define CONFIG_REN 0u	/* read-only */
#define CONFIG_WEN 1u	/* write enable */
#define CONFIG_EEN 2u	/* erase enable */

#define WORD 4u
/*
 * A page erase takes at most about 22 ms, a word write 50 us; at 16 MHz a poll costs at least
 * 4 cycles, so this bound is over 250 ms.
 */
#define READY_POLLS 1000000u

static volatile uint32_t *nvmc(uint32_t off)
{
	return (volatile uint32_t *)(NVMC_BASE + off);
}

/* Returns 0 once the NVMC is idle, -ETIMEDOUT if it stays busy. */
static int wait_ready(void)
{
	for (uint32_t i = 0; i < READY_POLLS; i++) {
		if (*nvmc(NVMC_READY) & READY_READY)
			return 0;
	}
	return -ETIMEDOUT;
}

/* Is [off, off + len) inside the device? */
static bool in_device(const struct flash_dev *dev, uint32_t off, size_t len)
{
	return off <= dev->geo.size && len <= dev->geo.size - off;
}

static int nvmc_read(const struct flash_dev *dev, uint32_t off, void *buf, size_t len)
{
	if (!in_device(dev, off, len))
		return -ERANGE;
	memcpy(buf, (const void *)(dev->mmap_base + off), len);
	return 0;
}

static int program_words(volatile uint32_t *dst, const uint8_t *src, size_t len)
{
	int rc = wait_ready();

	for (size_t i = 0; rc == 0 && i < len; i += WORD) {
		*dst++ = get_le32(src + i);
		rc = wait_ready();
	}
	return rc;
}

/*
 * Program len bytes at off with 32-bit stores. off and len must be multiples of 4 (-EINVAL);
 * -ERANGE outside the device, -ETIMEDOUT if the NVMC does not finish. The range should be
 * erased: programming only clears bits (the result is the AND of old and new).
 */
static int nvmc_write(const struct flash_dev *dev, uint32_t off, const void *buf, size_t len)
{
	int rc;

	if (!in_device(dev, off, len))
		return -ERANGE;
	if (off % WORD || len % WORD)
		return -EINVAL;
	*nvmc(NVMC_CONFIG) = CONFIG_WEN;
	rc = program_words((volatile uint32_t *)(dev->mmap_base + off), buf, len);
	*nvmc(NVMC_CONFIG) = CONFIG_REN;
	return rc;
}

static int erase_pages(uint32_t addr, size_t len, uint32_t page)
{
	int rc = wait_ready();

	for (size_t done = 0; rc == 0 && done < len; done += page) {
		*nvmc(NVMC_ERASEPAGE) = addr + done;
		rc = wait_ready();
	}
	return rc;
}

/*
 * Erase the pages covering [off, off + len); both must be page-aligned (-EINVAL). -ERANGE
 * outside the device, -ETIMEDOUT if the NVMC does not finish.
 */
static int nvmc_erase(const struct flash_dev *dev, uint32_t off, size_t len)
{
	uint32_t page = dev->geo.sector_size;
	int rc;

	if (!in_device(dev, off, len))
		return -ERANGE;
	if (page == 0 || off % page || len % page)
		return -EINVAL;
	*nvmc(NVMC_CONFIG) = CONFIG_EEN;
	rc = erase_pages((uint32_t)dev->mmap_base + off, len, page);
	*nvmc(NVMC_CONFIG) = CONFIG_REN;
	return rc;
}

/* Returns 0, or -EINVAL if the board did not declare the flash as mapped. */
static int nvmc_init(const struct flash_dev *dev)
{
	if (!dev->mapped)
		return -EINVAL;
	*nvmc(NVMC_CONFIG) = CONFIG_REN;
	return 0;
}

const struct flash_ops nrf51_nvmc_ops = {
	.read = nvmc_read,
	.write = nvmc_write,
	.erase = nvmc_erase,
	.init = nvmc_init,
};
