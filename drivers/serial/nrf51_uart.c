// SPDX-License-Identifier: Apache-2.0
/*
 * Nordic nRF51 UART (UART0). Uses serial_dev base and baud, and priv, a const struct
 * nrf51_uart_pins naming the TXD and RXD pins. Polled through the TXDRDY/RXDRDY events.
 */
#include <rampart/errno.h>
#include <rampart/serial.h>

#define UART_TASKS_STARTRX 0x000
#define UART_TASKS_STARTTX 0x008
#define UART_EVENTS_RXDRDY 0x108
#define UART_EVENTS_TXDRDY 0x11c
#define UART_ENABLE 0x500
#define UART_PSELTXD 0x50c
#define UART_PSELRXD 0x514
#define UART_RXD 0x518
#define UART_TXD 0x51c
#define UART_BAUDRATE 0x524

#define ENABLE_UART 4u
/* Polls before a byte is given up: the console must never hang the boot. */
#define TX_POLLS 100000u

static volatile uint32_t *reg(const struct serial_dev *dev, uint32_t off)
{
	return (volatile uint32_t *)(dev->base + off);
}

/*
 * BAUDRATE is baud * 2^32 / 16 MHz with the low 12 bits clear, rounded to nearest; that
 * is round(baud * 2^10 / 15625) << 12 (115200 -> 0x01d7e000, 9600 -> 0x00275000).
 */
static uint32_t baudrate_reg(uint32_t baud)
{
	return ((baud * 1024u + 15625u / 2) / 15625u) << 12;
}

/* Returns 0, or -EINVAL for a baud rate of 0 or above 1 Mbaud or missing pins. */
static int nrf51_init(const struct serial_dev *dev)
{
	const struct nrf51_uart_pins *pins = dev->priv;

	if (!pins || dev->baud == 0 || dev->baud > 1000000u)
		return -EINVAL;
	*reg(dev, UART_PSELTXD) = pins->txd;
	*reg(dev, UART_PSELRXD) = pins->rxd;
	*reg(dev, UART_BAUDRATE) = baudrate_reg(dev->baud);
	*reg(dev, UART_ENABLE) = ENABLE_UART;
	*reg(dev, UART_EVENTS_TXDRDY) = 0;
	*reg(dev, UART_EVENTS_RXDRDY) = 0;
	*reg(dev, UART_TASKS_STARTTX) = 1;
	*reg(dev, UART_TASKS_STARTRX) = 1;
	return 0;
}

static void nrf51_putc(const struct serial_dev *dev, char c)
{
	*reg(dev, UART_TXD) = (uint8_t)c;
	for (uint32_t i = 0; i < TX_POLLS; i++) {
		if (*reg(dev, UART_EVENTS_TXDRDY))
			break;
	}
	*reg(dev, UART_EVENTS_TXDRDY) = 0;
}

static int nrf51_getc(const struct serial_dev *dev)
{
	if (!*reg(dev, UART_EVENTS_RXDRDY))
		return -EAGAIN;
	*reg(dev, UART_EVENTS_RXDRDY) = 0;
	return (int)(*reg(dev, UART_RXD) & 0xffu);
}

const struct serial_ops nrf51_uart_ops = {
	.init = nrf51_init,
	.putc = nrf51_putc,
	.getc = nrf51_getc,
};
