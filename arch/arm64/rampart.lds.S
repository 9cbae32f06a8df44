/* SPDX-License-Identifier: Apache-2.0 */
/*
 * AArch64 memory layout: code and read-only data run in place from the boot ROM; .data is
 * copied from ROM to RAM by start.S, then .bss and the stack follow it in RAM. The memory map
 * comes from the board's Kconfig (autoconf.h), so this one script serves every arm64 board.
 */
OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(_start)

MEMORY
{
	ROM (rx) : ORIGIN = CONFIG_BOOT_ROM_BASE, LENGTH = CONFIG_BOOT_ROM_SIZE
	RAM (rwx) : ORIGIN = CONFIG_BOOT_RAM_BASE, LENGTH = CONFIG_BOOT_RAM_SIZE
}

SECTIONS
{
	.text : {
		KEEP(*(.head.text))
		*(.text .text.*)
		/* VBAR_ELx ignores the low 11 bits. */
		. = ALIGN(0x800);
		KEEP(*(.vectors))
	} > ROM

	.rodata : ALIGN(16) {
		*(.rodata .rodata.*)
		. = ALIGN(16);
	} > ROM

	.data : ALIGN(16) {
		__data_start = .;
		*(.data .data.*)
		*(.got .got.*)
		. = ALIGN(16);
		__data_end = .;
	} > RAM AT > ROM
	__data_load = LOADADDR(.data);

	.bss (NOLOAD) : ALIGN(16) {
		__bss_start = .;
		*(.bss .bss.* COMMON)
		. = ALIGN(16);
		__bss_end = .;
	} > RAM

	.stack (NOLOAD) : ALIGN(16) {
		. += CONFIG_BOOT_STACK_SIZE;
		__stack_top = .;
	} > RAM

	/DISCARD/ : {
		*(.comment) *(.note .note.*) *(.eh_frame .eh_frame_hdr)
		*(.interp) *(.dynamic .dynsym .dynstr .hash .gnu.hash)
	}

	/* start.S copies and zeroes in 8-byte words and runs at the link address. */
	ASSERT(__data_load % 8 == 0, "rampart.lds: .data load address not 8-byte aligned")
}
