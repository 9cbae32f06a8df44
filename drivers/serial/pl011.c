// SPDX-License-Identifier: Apache-2.0
/*
 * ARM PL011 UART (PrimeCell r1p5): polled transmit and receive, 8N1, FIFOs on.
 * Uses serial_dev base, and clock_hz (UARTCLK) with baud to set the divisor when both are
 * non-zero. Safe to use before anything else is up: no interrupts.
 */
#include <rampart/errno.h>
#include <rampart/serial.h>

#define UART_DR 0x00
#define UART_FR 0x18
#define UART_IBRD 0x24
#define UART_FBRD 0x28
#define UART_LCRH 0x2c
#define UART_CR 0x30
#define UART_IMSC 0x38
#define UART_ICR 0x44

#define FR_BUSY (1u << 3)
#define FR_RXFE (1u << 4)
#define FR_TXFF (1u << 5)
#define LCRH_FEN (1u << 4)
#define LCRH_WLEN_8 (3u << 5)
#define CR_UARTEN (1u << 0)
#define CR_TXE (1u << 8)
#define CR_RXE (1u << 9)
#define ICR_ALL 0x7ffu

/* A UART that never drains must not hang the boot before the console exists. */
#define BUSY_WAIT_LIMIT 1000000u

static uint32_t reg_read(const struct serial_dev *dev, uint32_t reg)
{
	return *(volatile uint32_t *)(dev->base + reg);
}

static void reg_write(const struct serial_dev *dev, uint32_t reg, uint32_t val)
{
	*(volatile uint32_t *)(dev->base + reg) = val;
}

/*
 * Baud-rate divisor in 1/64ths, rounded to nearest: UARTCLK / (16 * baud) * 64. The 64-bit
 * intermediate keeps clocks up to 4 GHz exact.
 */
static uint32_t divisor_x64(uint32_t clock_hz, uint32_t baud)
{
	return (uint32_t)(((uint64_t)clock_hz * 4 + baud / 2) / baud);
}

/*
 * pl011_init() - program the divisor if dev->clock_hz and dev->baud are both set, select
 * 8N1 with FIFOs, mask and clear interrupts, enable UART, transmitter and receiver.
 * Returns 0, or -EINVAL if the divisor does not fit IBRD (1..65535).
 */
static int pl011_init(const struct serial_dev *dev)
{
	uint32_t div = 0;

	if (dev->clock_hz && dev->baud) {
		div = divisor_x64(dev->clock_hz, dev->baud);
		if (div < 64 || div >> 6 > 0xffff)
			return -EINVAL;
	}
	for (uint32_t n = 0; n < BUSY_WAIT_LIMIT && (reg_read(dev, UART_FR) & FR_BUSY); n++)
		;
	reg_write(dev, UART_CR, 0);
	if (div) {
		reg_write(dev, UART_IBRD, div >> 6);
		reg_write(dev, UART_FBRD, div & 0x3f);
	}
	/* LCRH must be written after IBRD/FBRD: that write latches the divisor. */
	reg_write(dev, UART_LCRH, LCRH_WLEN_8 | LCRH_FEN);
	reg_write(dev, UART_IMSC, 0);
	reg_write(dev, UART_ICR, ICR_ALL);
	reg_write(dev, UART_CR, CR_UARTEN | CR_TXE | CR_RXE);
	return 0;
}

/* Send @c once the transmit FIFO has room. */
static void pl011_putc(const struct serial_dev *dev, char c)
{
	while (reg_read(dev, UART_FR) & FR_TXFF)
		;
	reg_write(dev, UART_DR, (uint8_t)c);
}

/* The next received byte, or -EAGAIN if the receive FIFO is empty. */
static int pl011_getc(const struct serial_dev *dev)
{
	if (reg_read(dev, UART_FR) & FR_RXFE)
		return -EAGAIN;
	return (int)(reg_read(dev, UART_DR) & 0xff);
}

const struct serial_ops pl011_ops = {
	.init = pl011_init,
	.putc = pl011_putc,
	.getc = pl011_getc,
};
