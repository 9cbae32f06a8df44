// SPDX-License-Identifier: Apache-2.0
/*
 * CFI driver test firmware for QEMU virt (run by test/qemu/qemu_virt_arm64.sh).
 *
 * Built from the real drivers/flash/cfi.c with the arm64 start-up code, it drives pflash
 * bank 1 (a host file) through the flash API and prints one "cfi-test: PASS|FAIL name" line
 * per check, then exits QEMU with 0 only if every check passed.
 *
 * Two modes, chosen by the host script through the first bytes of bank 1:
 *  - read-write (anything but the RO marker): erase, buffered and word programming, aligned
 *    and unaligned, geometry refusal. Written bytes follow pattern(), which the script checks
 *    again in the host file afterwards.
 *  - read-only (RO_MARKER, QEMU drive readonly=on): erase and program must fail with -EIO,
 *    leave the content unchanged and the chips in read-array mode.
 */
#include <asm/arm64.h>
#include <rampart/arch.h>
#include <rampart/boot.h>
#include <rampart/console.h>
#include <rampart/errno.h>
#include <rampart/flash.h>
#include <rampart/serial.h>
#include <rampart/string.h>

#define SZ_256K 0x40000u
#define SZ_64M 0x4000000u
#define BANK1 0x04000000u
#define RO_MARKER "CFI-RO-TEST"

static const struct serial_dev console = {
	.name = "pl011",
	.ops = &pl011_ops,
	.base = 0x09000000,
};

#define GEO(sz, ss) { .size = (sz), .sector_size = (ss), .write_size = 4, .erased_val = 0xff }

static struct cfi_flash bank1_cfi = { .bank_width = 4, .chip_width = 2 };
static struct cfi_flash bank1_word_cfi = {
	.bank_width = 4, .chip_width = 2, .word_program_only = true,
};
static struct cfi_flash wrong_sector_cfi = { .bank_width = 4, .chip_width = 2 };
static struct cfi_flash wrong_size_cfi = { .bank_width = 4, .chip_width = 2 };
static struct cfi_flash unprobed_cfi = { .bank_width = 4, .chip_width = 2 };

#define BANK1_DEV(nm, p, g) { .name = (nm), .ops = &cfi_flash_ops, .priv = (p), .geo = g, \
			      .mapped = true, .mmap_base = BANK1 }

static const struct flash_dev bank1 = BANK1_DEV("flash1", &bank1_cfi, GEO(SZ_64M, SZ_256K));
static const struct flash_dev bank1_word =
	BANK1_DEV("flash1-word", &bank1_word_cfi, GEO(SZ_64M, SZ_256K));
static const struct flash_dev wrong_sector =
	BANK1_DEV("flash1-64k", &wrong_sector_cfi, GEO(SZ_64M, 0x10000));
static const struct flash_dev wrong_size =
	BANK1_DEV("flash1-32m", &wrong_size_cfi, GEO(SZ_64M / 2, SZ_256K));
static const struct flash_dev unprobed =
	BANK1_DEV("flash1-unprobed", &unprobed_cfi, GEO(SZ_64M, SZ_256K));

/* Sector 1 is the playground; sectors 0 and 2 must never change. */
static const struct flash_area sector1 = { "sector1", &bank1, SZ_256K, SZ_256K };
static const struct flash_area last_sector = { "last", &bank1, SZ_64M - SZ_256K, SZ_256K };

static unsigned int passed, failed;
static uint8_t buf[0x2100];

static void check(bool ok, const char *name)
{
	console_printf("cfi-test: %s %s\n", ok ? "PASS" : "FAIL", name);
	if (ok)
		passed++;
	else
		failed++;
}

/* The byte every write at device offset @off programs (the host script knows it too). */
static uint8_t pattern(uint32_t off)
{
	return (uint8_t)(off * 13 + (off >> 8));
}

static void fill_pattern(uint8_t *p, uint32_t off, size_t len)
{
	for (size_t i = 0; i < len; i++)
		p[i] = pattern(off + (uint32_t)i);
}

/* Does the bank (read-array mode, straight from memory) hold pattern() over the range? */
static bool holds_pattern(uint32_t off, size_t len)
{
	const volatile uint8_t *p = (const volatile uint8_t *)(uintptr_t)(BANK1 + off);

	for (size_t i = 0; i < len; i++)
		if (p[i] != pattern(off + (uint32_t)i))
			return false;
	return true;
}

/* Does every byte in the range equal @val (read through the driver)? */
static bool holds_value(const struct flash_dev *dev, uint32_t off, size_t len, uint8_t val)
{
	uint8_t chunk[256];

	for (size_t done = 0; done < len; done += sizeof(chunk)) {
		size_t n = MIN(sizeof(chunk), len - done);

		if (dev->ops->read(dev, off + (uint32_t)done, chunk, n))
			return false;
		for (size_t i = 0; i < n; i++)
			if (chunk[i] != val)
				return false;
	}
	return true;
}

/* Program pattern() over [off, off + len) straight through the driver op (any alignment). */
static int write_pattern(const struct flash_dev *dev, uint32_t off, size_t len)
{
	fill_pattern(buf, off, len);
	return dev->ops->write(dev, off, buf, len);
}

static void test_init(void)
{
	check(flash_init(&bank1) == 0 && bank1_cfi.probed, "init accepts QEMU's pflash geometry");
	check(bank1_cfi.wbuf_size == 4096, "init reads a 2 x 2 KiB write buffer");
	check(flash_init(&wrong_sector) == -EINVAL && !wrong_sector_cfi.probed,
	      "init refuses a sector-size mismatch");
	check(flash_init(&wrong_size) == -EINVAL && !wrong_size_cfi.probed,
	      "init refuses a size mismatch");
	check(write_pattern(&unprobed, SZ_256K, 4) == -ENODEV,
	      "write refused before a successful init");
	check(flash_init(&bank1_word) == 0 && bank1_word_cfi.wbuf_size == 0,
	      "word-program-only device has no write buffer");
}

static void test_erase(void)
{
	check(flash_area_erase(&sector1, 0, SZ_256K) == 0, "erase sector 1 returns 0");
	check(holds_value(&bank1, SZ_256K, SZ_256K, 0xff), "sector 1 reads erased (0xff)");
	check(holds_value(&bank1, 0, SZ_256K, 0x00) &&
	      holds_value(&bank1, 2 * SZ_256K, SZ_256K, 0x00),
	      "erase leaves sectors 0 and 2 untouched");
	check(flash_area_erase(&sector1, 0x1000, 0x1000) == -EINVAL,
	      "flash core refuses a partial-sector erase");
}

static void test_buffered(void)
{
	/* Starts 0x100 before a 4 KiB buffer boundary and spans two: three buffered bursts. */
	uint32_t off = 0xf00, len = 0x2010;

	fill_pattern(buf, SZ_256K + off, len);
	check(flash_area_write(&sector1, off, buf, len) == 0, "buffered write across buffers");
	check(holds_pattern(SZ_256K + off, len), "buffered write reads back");
	check(holds_value(&bank1, SZ_256K + off - 4, 4, 0xff) &&
	      holds_value(&bank1, SZ_256K + off + len, 4, 0xff),
	      "buffered write leaves its neighbours erased");
	check(flash_area_write(&sector1, 0x3001, buf, 4) == -EINVAL,
	      "flash core refuses an unaligned area write");
}

static void test_unaligned(void)
{
	static const uint8_t a5 = 0xa5, pair[2] = { 0x11, 0x22 }, b33 = 0x33;
	uint32_t off = SZ_256K + 0x4001;
	uint8_t got[4];

	check(write_pattern(&bank1, off, 13) == 0 && holds_pattern(off, 13),
	      "unaligned 13-byte write reads back");
	check(holds_value(&bank1, off - 1, 1, 0xff) && holds_value(&bank1, off + 13, 2, 0xff),
	      "unaligned write leaves the rest of its words erased");

	off = SZ_256K + 0x5000;
	check(bank1.ops->write(&bank1, off + 2, &a5, 1) == 0 &&
	      bank1.ops->write(&bank1, off, pair, 2) == 0 &&
	      bank1.ops->write(&bank1, off + 3, &b33, 1) == 0 &&
	      bank1.ops->read(&bank1, off, got, 4) == 0 &&
	      got[0] == 0x11 && got[1] == 0x22 && got[2] == 0xa5 && got[3] == 0x33,
	      "byte writes into one bank word keep earlier bytes");
}

static void test_word_program(void)
{
	uint32_t off = SZ_256K + 0x6000;

	check(write_pattern(&bank1_word, off, 64) == 0 && holds_pattern(off, 64),
	      "word-program path: 64 aligned bytes read back");
	check(write_pattern(&bank1_word, off + 0x101, 6) == 0 && holds_pattern(off + 0x101, 6) &&
	      holds_value(&bank1, off + 0x100, 1, 0xff) && holds_value(&bank1, off + 0x107, 1, 0xff),
	      "word-program path: unaligned 6 bytes read back");
}

static void test_last_sector(void)
{
	check(flash_area_erase(&last_sector, 0, SZ_256K) == 0 &&
	      holds_value(&bank1, SZ_64M - SZ_256K, SZ_256K, 0xff), "erase the last sector");
	check(write_pattern(&bank1, SZ_64M - 16, 16) == 0 && holds_pattern(SZ_64M - 16, 16),
	      "write the last 16 bytes of the bank");
}

static void run_read_write(void)
{
	test_init();
	test_erase();
	test_buffered();
	test_unaligned();
	test_word_program();
	test_last_sector();
}

/* On a write-protected bank every program/erase fails and nothing changes. */
static void run_read_only(void)
{
	check(flash_init(&bank1) == 0 && flash_init(&bank1_word) == 0,
	      "read-only bank: init (CFI query) still works");
	check(flash_area_erase(&sector1, 0, SZ_256K) == -EIO, "read-only bank: erase fails (-EIO)");
	check(write_pattern(&bank1, SZ_256K, 0x100) == -EIO,
	      "read-only bank: buffered program fails (-EIO)");
	check(write_pattern(&bank1_word, SZ_256K, 4) == -EIO,
	      "read-only bank: word program fails (-EIO)");
	check(holds_value(&bank1, SZ_256K, SZ_256K, 0x00), "read-only bank: content unchanged");
	check(memcmp((const void *)(uintptr_t)BANK1, RO_MARKER, sizeof(RO_MARKER)) == 0,
	      "read-only bank: back in read-array mode after errors");
}

void boot_main(void)
{
	bool ro;

	console_init(&console);
	ro = memcmp((const void *)(uintptr_t)BANK1, RO_MARKER, sizeof(RO_MARKER)) == 0;
	console_printf("cfi-test: %s mode\n", ro ? "read-only" : "read-write");
	if (ro)
		run_read_only();
	else
		run_read_write();
	console_printf("cfi-test: %u passed, %u failed\n", passed, failed);
	arch_halt(failed ? 1 : 0);
}
