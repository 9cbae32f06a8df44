// SPDX-License-Identifier: Apache-2.0
/*
 * NVMC driver test firmware for the bbc_microbit board, run on QEMU's microbit machine.
 *
 * Linked from the bootloader's own objects (start-up, semihosting, console, board data,
 * flash core and drivers/flash/nrf51_nvmc.c) with this file standing in for boot_main().
 * It works on the last two pages of image0-secondary, prints one line per check
 * ("nvmc: ok - NAME" or "nvmc: FAIL - NAME") and a total, and exits 0 only if every check
 * passed (1 otherwise).
 *
 * QEMU's blank flash reads 0x00, so "reads erased (0xff)" really proves the erase.
 */
#include <rampart/arch.h>
#include <rampart/board.h>
#include <rampart/boot.h>
#include <rampart/console.h>
#include <rampart/errno.h>
#include <rampart/string.h>

#define NVMC_CONFIG_REG 0x4001e504u
#define TEST_LEN 64u

static const struct flash_area *fa;
static uint32_t page, test_off;	/* page size; offset of the first test page in fa */
static uint8_t buf[TEST_LEN + 4];

static uint32_t nvmc_config(void)
{
	return *(volatile uint32_t *)NVMC_CONFIG_REG;
}

/* The test range read through the CPU mapping, not the driver. */
static const uint8_t *mapped(uint32_t off)
{
	return (const uint8_t *)flash_area_mmap(fa, test_off + off);
}

static bool all_bytes(const uint8_t *p, size_t len, uint8_t val)
{
	for (size_t i = 0; i < len; i++) {
		if (p[i] != val)
			return false;
	}
	return true;
}

static void fill(uint8_t *p, size_t len, uint8_t seed)
{
	for (size_t i = 0; i < len; i++)
		p[i] = (uint8_t)(seed + 7 * i);
}

static bool erase_reads_erased(void)
{
	return flash_area_erase(fa, test_off, 2 * page) == 0 && nvmc_config() == 0 &&
	       all_bytes(mapped(0), 2 * page, 0xff);
}

static bool write_reads_back(void)
{
	uint8_t back[TEST_LEN];

	fill(buf, TEST_LEN, 0x3c);
	if (flash_area_write(fa, test_off, buf, TEST_LEN) || nvmc_config() != 0)
		return false;
	if (flash_area_read(fa, test_off, back, TEST_LEN))
		return false;
	return memcmp(back, buf, TEST_LEN) == 0 && memcmp(mapped(0), buf, TEST_LEN) == 0 &&
	       all_bytes(mapped(TEST_LEN), page - TEST_LEN, 0xff);
}

/* A source buffer at an odd address must still give the right words. */
static bool unaligned_source_ok(void)
{
	fill(buf + 1, 8, 0x81);
	if (flash_area_write(fa, test_off + page, buf + 1, 8) || nvmc_config() != 0)
		return false;
	return memcmp(mapped(page), buf + 1, 8) == 0;
}

static bool rewrite_ands_bits(void)
{
	static const uint8_t second[4] = { 0x0f, 0xf0, 0x55, 0x00 };
	uint8_t want[4];

	for (int i = 0; i < 4; i++)
		want[i] = mapped(0)[i] & second[i];
	if (flash_area_write(fa, test_off, second, 4) || nvmc_config() != 0)
		return false;
	return memcmp(mapped(0), want, 4) == 0;
}

/* Straight to the driver: the flash core would refuse these before it. */
static bool unaligned_write_refused(void)
{
	const struct flash_dev *dev = fa->dev;
	uint32_t dev_off = fa->off + test_off + page + 16;
	uint8_t before[8];

	memcpy(before, mapped(page + 16), 8);
	memset(buf, 0, 8);
	if (dev->ops->write(dev, dev_off + 2, buf, 4) != -EINVAL)
		return false;
	if (dev->ops->write(dev, dev_off, buf, 6) != -EINVAL)
		return false;
	return nvmc_config() == 0 && memcmp(mapped(page + 16), before, 8) == 0;
}

static bool misaligned_erase_refused(void)
{
	const struct flash_dev *dev = fa->dev;
	uint32_t dev_off = fa->off + test_off;

	return dev->ops->erase(dev, dev_off + 4, page) == -EINVAL &&
	       dev->ops->erase(dev, dev_off, page / 2) == -EINVAL && nvmc_config() == 0 &&
	       !all_bytes(mapped(0), 4, 0xff);
}

static bool outside_device_refused(void)
{
	const struct flash_dev *dev = fa->dev;

	return dev->ops->write(dev, dev->geo.size, buf, 4) == -ERANGE &&
	       dev->ops->erase(dev, dev->geo.size, page) == -ERANGE && nvmc_config() == 0;
}

static const struct {
	const char *name;
	bool (*run)(void);
} checks[] = {
	{ "erase two pages: they read erased (0xff)", erase_reads_erased },
	{ "write 64 bytes: driver and CPU read them back", write_reads_back },
	{ "write from an unaligned buffer", unaligned_source_ok },
	{ "write without erase ANDs the bits", rewrite_ands_bits },
	{ "unaligned offset or length refused, flash unchanged", unaligned_write_refused },
	{ "misaligned erase refused", misaligned_erase_refused },
	{ "write/erase past the device refused", outside_device_refused },
};

void boot_main(void)
{
	unsigned passed = 0, failed = 0;

	if (console_init(board.console) || flash_init(board.flash_devs[0]))
		arch_halt(2);
	fa = board_find_area("image0-secondary");
	if (!fa)
		arch_halt(2);
	page = fa->dev->geo.sector_size;
	test_off = fa->size - 2 * page;
	console_printf("nvmc: testing %s at 0x%x\n", fa->name, (unsigned)(fa->off + test_off));
	for (size_t i = 0; i < ARRAY_SIZE(checks); i++) {
		bool ok = checks[i].run();

		console_printf("nvmc: %s - %s\n", ok ? "ok" : "FAIL", checks[i].name);
		if (ok)
			passed++;
		else
			failed++;
	}
	console_printf("nvmc: %u passed, %u failed\n", passed, failed);
	arch_halt(failed ? 1 : 0);
}
