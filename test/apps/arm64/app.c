// SPDX-License-Identifier: Apache-2.0
/*
 * Sample application for qemu_virt_arm64. It says which slot it runs from (by its own
 * address) and its version (from the MCUboot header at the start of that slot), then ends
 * QEMU through semihosting with status 0.
 */
#include <stdint.h>

#define PL011_DR 0x09000000u
#define PL011_FR 0x09000018u
#define PL011_FR_TXFF (1u << 5)

#define SLOT_SIZE 0x800000u
#define MCUBOOT_MAGIC 0x96f3b83du

int app_main(uint64_t x0, uint64_t el);
void app_exit(int status);

static const struct {
	uintptr_t base;
	const char *name;
} slots[] = {
	{ 0x04000000, "image0-primary" },
	{ 0x04800000, "image0-secondary" },
};

static void put_char(char c)
{
	while (*(volatile uint32_t *)PL011_FR & PL011_FR_TXFF)
		;
	*(volatile uint32_t *)PL011_DR = (uint8_t)c;
}

static void put_str(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			put_char('\r');
		put_char(*s);
	}
}

static void put_uint(uint32_t v)
{
	char buf[11];
	int i = sizeof(buf);

	buf[--i] = '\0';
	do {
		buf[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	put_str(&buf[i]);
}

static void put_hex(uint64_t v)
{
	put_str("0x");
	for (int shift = 60; shift >= 0; shift -= 4) {
		if ((v >> shift) != 0 || shift == 0)
			put_char("0123456789abcdef"[(v >> shift) & 0xf]);
	}
}

/* Little-endian field of the header; byte loads (the flash is Device memory, MMU off). */
static uint32_t hdr_le(uintptr_t hdr, unsigned int off, unsigned int len)
{
	uint32_t v = 0;

	for (unsigned int i = 0; i < len; i++)
		v |= (uint32_t)*(volatile uint8_t *)(hdr + off + i) << (8 * i);
	return v;
}

/* Where this code really runs, whatever it was linked for. */
static uintptr_t run_address(void)
{
	uintptr_t pc;

	__asm__("adr %0, ." : "=r"(pc));
	return pc;
}

static const char *slot_name(uintptr_t base)
{
	for (unsigned int i = 0; i < sizeof(slots) / sizeof(slots[0]); i++)
		if (slots[i].base == base)
			return slots[i].name;
	return "an unknown slot";
}

/* "X.Y.Z+B" from the MCUboot header's version fields (offsets 0x14..0x1b). */
static void put_version(uintptr_t hdr)
{
	put_uint(hdr_le(hdr, 0x14, 1));
	put_char('.');
	put_uint(hdr_le(hdr, 0x15, 1));
	put_char('.');
	put_uint(hdr_le(hdr, 0x16, 2));
	put_char('+');
	put_uint(hdr_le(hdr, 0x18, 4));
}

/* @x0: x0 at entry (Rampart passes 0); @el: the exception level we were entered at. */
int app_main(uint64_t x0, uint64_t el)
{
	uintptr_t base = run_address() & ~(uintptr_t)(SLOT_SIZE - 1);

	if (hdr_le(base, 0x00, 4) != MCUBOOT_MAGIC) {
		put_str("app: no MCUboot header at the start of my slot\n");
		return 1;
	}
	put_str("app: hello from ");
	put_str(slot_name(base));
	put_str(", version ");
	put_version(base);
	put_str("\napp: entered at EL");
	put_uint((uint32_t)el);
	put_str(" with x0 = ");
	put_hex(x0);
	put_str("\n");
	return 0;
}

/* SYS_EXIT with {ADP_Stopped_ApplicationExit, status}: QEMU exits with @status. */
void app_exit(int status)
{
	uint64_t block[2] = { 0x20026, (uint32_t)status };
	register uint64_t x0 __asm__("x0") = 0x18;
	register uint64_t x1 __asm__("x1") = (uintptr_t)block;

	__asm__ __volatile__("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
}
