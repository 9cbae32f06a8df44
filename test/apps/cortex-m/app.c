// SPDX-License-Identifier: Apache-2.0
/*
 * Sample Cortex-M application for the board tests. It is what a real application looks like
 * to Rampart: a vector table at the start of the payload (initial SP, reset), linked at the
 * slot's payload address. It checks the handoff contract, prints one line with its version
 * (read from the MCUboot header in front of it) and ends the QEMU run via semihosting:
 *   0  everything as promised
 *   5  the handoff broke its contract (MSP, VTOR or PRIMASK)
 *   6  a CPU fault in the application (Cortex-M3; the M0 has no VTOR, the bootloader's
 *      handler catches it and exits with 4)
 * It takes no interrupt: on the Cortex-M0 the bootloader's vector table stays active.
 *
 * Built per board by this directory's Makefile, which defines APP_SLOT (the slot address,
 * where the header is), APP_HAS_VTOR and supplies app_uart (board-*.c).
 */
#include <rampart/compiler.h>
#include <rampart/serial.h>
#include <asm/semihosting.h>

#define APP_STATUS_OK 0
#define APP_STATUS_BAD_HANDOFF 5
#define APP_STATUS_FAULT 6

#define SCB_VTOR 0xe000ed08u
/* MCUboot header: version at 0x14 (major, minor, u16 revision, u32 build). */
#define HDR_VERSION 0x14

extern const struct serial_dev app_uart;
extern uint32_t __app_stack_top[], __app_bss_start[], __app_bss_end[];

typedef void (*vector_t)(void);

__noreturn void app_reset(void);
static __noreturn void app_fault(void);

static const vector_t app_vectors[16] __section(".vectors") __used = {
	[0] = (vector_t)__app_stack_top,
	[1] = app_reset,
	[2] = app_fault, [3] = app_fault, [4] = app_fault, [5] = app_fault, [6] = app_fault,
	[11] = app_fault, [12] = app_fault, [14] = app_fault, [15] = app_fault,
};

static void put_str(const char *s)
{
	while (*s) {
		if (*s == '\n')
			app_uart.ops->putc(&app_uart, '\r');
		app_uart.ops->putc(&app_uart, *s++);
	}
}

static void put_dec(uint32_t v)
{
	char buf[11];
	int i = sizeof(buf) - 1;

	buf[i] = '\0';
	do {
		buf[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	put_str(&buf[i]);
}

static void print_version(const uint8_t *hdr)
{
	put_dec(hdr[HDR_VERSION]);
	put_str(".");
	put_dec(hdr[HDR_VERSION + 1]);
	put_str(".");
	put_dec(get_le16(hdr + HDR_VERSION + 2));
	put_str("+");
	put_dec(get_le32(hdr + HDR_VERSION + 4));
}

/* The bootloader promised: MSP from our vector table, VTOR at it, interrupts masked. */
static bool handoff_kept_contract(uint32_t sp)
{
	uint32_t primask;

	__asm__ __volatile__("mrs %0, primask" : "=r"(primask));
	if (sp > (uint32_t)__app_stack_top || (uint32_t)__app_stack_top - sp > 256)
		return false;
	if (APP_HAS_VTOR && *(volatile uint32_t *)SCB_VTOR != (uint32_t)app_vectors)
		return false;
	return (primask & 1) != 0;
}

static __noreturn void app_exit(uint32_t status)
{
	semihosting_exit(status);
	for (;;)
		;
}

void app_reset(void)
{
	uint32_t sp;

	__asm__ __volatile__("mov %0, sp" : "=r"(sp));
	for (uint32_t *p = __app_bss_start; p < __app_bss_end; )
		*p++ = 0;
	app_uart.ops->init(&app_uart);
	put_str("app: hello from image0-primary, version ");
	print_version((const uint8_t *)APP_SLOT);
	put_str("\n");
	if (!handoff_kept_contract(sp)) {
		put_str("app: handoff contract broken (MSP, VTOR or PRIMASK)\n");
		app_exit(APP_STATUS_BAD_HANDOFF);
	}
	app_exit(APP_STATUS_OK);
}

static void app_fault(void)
{
	semihosting_puts("app: CPU fault\n");
	app_exit(APP_STATUS_FAULT);
}
