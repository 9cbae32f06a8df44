/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Cortex-M bootloader layout, preprocessed with autoconf.h (arch/arm/arch.mk).
 *
 *   rom: .vectors (must be first: the CPU fetches SP and PC from CONFIG_BOOT_ROM_BASE),
 *        .text, .rodata, then the initial values of .data
 *   ram: the stack at the bottom (an overflow runs off the start of RAM and faults instead
 *        of silently corrupting .data/.bss), then .data and .bss
 *
 * The link fails if code and data do not fit CONFIG_BOOT_ROM_SIZE or if stack + data + bss
 * do not fit CONFIG_BOOT_RAM_SIZE.
 */

MEMORY
{
	rom (rx)  : ORIGIN = CONFIG_BOOT_ROM_BASE, LENGTH = CONFIG_BOOT_ROM_SIZE
	ram (rwx) : ORIGIN = CONFIG_BOOT_RAM_BASE, LENGTH = CONFIG_BOOT_RAM_SIZE
}

ENTRY(arm_reset)

SECTIONS
{
	.vectors : {
		KEEP(*(.vectors))
	} > rom

	.text : {
		*(.text .text.*)
		*(.rodata .rodata.*)
		. = ALIGN(4);
	} > rom

	/* libgcc's helpers may carry unwind tables. */
	.ARM.extab : {
		*(.ARM.extab* .gnu.linkonce.armextab.*)
	} > rom

	.ARM.exidx : {
		*(.ARM.exidx .ARM.exidx.* .gnu.linkonce.armexidx.*)
	} > rom

	.stack (NOLOAD) : ALIGN(8) {
		__stack_bottom = .;
		. += CONFIG_BOOT_STACK_SIZE;
		. = ALIGN(8);
		__stack_top = .;
	} > ram

	.data : ALIGN(4) {
		__data_start = .;
		*(.data .data.*)
		. = ALIGN(4);
		__data_end = .;
	} > ram AT > rom
	__data_load = LOADADDR(.data);

	.bss (NOLOAD) : ALIGN(4) {
		__bss_start = .;
		*(.bss .bss.* COMMON)
		. = ALIGN(4);
		__bss_end = .;
	} > ram AT > ram	/* no load address in ROM: loaders must not see bss there */

	/DISCARD/ : {
		*(.note .note.* .comment)
	}
}

ASSERT(ADDR(.vectors) == CONFIG_BOOT_ROM_BASE, "the vector table must start the image")
ASSERT(__data_load + SIZEOF(.data) <= CONFIG_BOOT_ROM_BASE + CONFIG_BOOT_ROM_SIZE,
       "bootloader code and data exceed CONFIG_BOOT_ROM_SIZE")
ASSERT(__bss_end <= CONFIG_BOOT_RAM_BASE + CONFIG_BOOT_RAM_SIZE,
       "bootloader stack + data + bss exceed CONFIG_BOOT_RAM_SIZE")
