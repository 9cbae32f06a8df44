// SPDX-License-Identifier: Apache-2.0
/*
 * Factory programming for the bbc_microbit update test, because QEMU restores every image it
 * loaded itself (-kernel, -device loader) at each guest reset: an application loaded that way
 * into image0-primary would come back over whatever the bootloader swapped in.
 *
 * So only Rampart is loaded into flash. This installer is loaded into RAM with
 * `-device loader,file=installer.elf,cpu-num=0`, which makes QEMU start the CPU here at every
 * reset. On the first start (image0-primary still holds QEMU's blank 0x00 bytes) it erases
 * every flash area but "boot", as a factory-fresh part is, and programs the host file
 * image0-primary.bin (semihosting, relative to QEMU's working directory) into image0-primary.
 * Then, every time, it starts Rampart the way a reset does: MSP and PC from address 0.
 */
#include <rampart/board.h>
#include <rampart/compiler.h>
#include <rampart/string.h>
#include <asm/semihosting.h>

#define SYS_OPEN 0x01u
#define SYS_CLOSE 0x02u
#define SYS_READ 0x06u
#define OPEN_RB 1u	/* semihosting mode "rb" */
#define IMAGE_FILE "image0-primary.bin"
#define CHUNK 256u

__noreturn void installer(void);

static void fail(const char *what)
{
	semihosting_puts("installer: ");
	semihosting_puts(what);
	semihosting_puts("\n");
	semihosting_exit(1);
	for (;;)
		;
}

static void erase_areas(void)
{
	for (size_t i = 0; i < board.nr_areas; i++) {
		const struct flash_area *fa = &board.areas[i];

		if (strcmp(fa->name, "boot") && flash_area_erase(fa, 0, fa->size))
			fail("erase failed");
	}
}

/* Program IMAGE_FILE into @fa from offset 0; the area is erased. */
static void program_file(const struct flash_area *fa)
{
	uint8_t buf[CHUNK];
	uint32_t args[3], handle, left, off = 0;

	args[0] = (uint32_t)IMAGE_FILE;
	args[1] = OPEN_RB;
	args[2] = sizeof(IMAGE_FILE) - 1;
	handle = semihosting_call(SYS_OPEN, (uintptr_t)args);
	if (handle == UINT32_MAX)
		fail("cannot open " IMAGE_FILE);
	do {
		memset(buf, 0xff, sizeof(buf));
		args[0] = handle;
		args[1] = (uint32_t)buf;
		args[2] = sizeof(buf);
		/* SYS_READ returns the bytes *not* read. */
		left = semihosting_call(SYS_READ, (uintptr_t)args);
		if (left > sizeof(buf))
			fail("read error");
		if (left < sizeof(buf) &&
		    flash_area_write(fa, off, buf, ALIGN_UP(CHUNK - left, 4u)))
			fail("program failed");
		off += CHUNK - left;
	} while (left == 0);
	semihosting_call(SYS_CLOSE, (uintptr_t)&handle);
	semihosting_puts("installer: " IMAGE_FILE " programmed into image0-primary\n");
}

void installer(void)
{
	const struct flash_area *pri = board_find_area("image0-primary");
	const struct flash_area *boot = board_find_area("boot");
	const volatile uint32_t *vectors;

	if (!pri || !boot || !boot->dev->mapped)
		fail("no boot and image0-primary areas in the flash map");
	if (*(volatile uint32_t *)flash_area_mmap(pri, 0) == 0) {
		for (size_t i = 0; i < board.nr_flash_devs; i++)
			if (flash_init(board.flash_devs[i]))
				fail("flash init failed");
		erase_areas();
		program_file(pri);
	}
	/* Rampart's vector table: initial MSP, then the reset handler. */
	vectors = (const volatile uint32_t *)flash_area_mmap(boot, 0);
	__asm__ __volatile__("msr msp, %0\n\tbx %1" : : "r"(vectors[0]), "r"(vectors[1]));
	for (;;)
		;
}
