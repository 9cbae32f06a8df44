// SPDX-License-Identifier: Apache-2.0
/*
 * ARM CMSDK APB UART (MPS2 boards). Uses serial_dev base, clock_hz and baud. Polled, no
 * interrupts; safe to use from start-up code once init has run.
 */
#include <rampart/errno.h>
#include <rampart/serial.h>

#define UART_DATA 0x00
#define UART_STATE 0x04
#define UART_CTRL 0x08
#define UART_BAUDDIV 0x10

#define STATE_TX_FULL (1u << 0)
#define STATE_RX_FULL (1u << 1)
#define CTRL_TX_EN (1u << 0)
#define CTRL_RX_EN (1u << 1)

/* The hardware needs a divider of at least 16. */
#define BAUDDIV_MIN 16u
/* Polls before a stuck transmitter drops a byte: the console must never hang the boot. */
#define TX_POLLS 100000u

static volatile uint32_t *reg(const struct serial_dev *dev, uint32_t off)
{
	return (volatile uint32_t *)(dev->base + off);
}

/* Returns 0, or -EINVAL if clock_hz / baud is below the UART's minimum divider. */
static int cmsdk_init(const struct serial_dev *dev)
{
	if (dev->baud == 0 || dev->clock_hz / dev->baud < BAUDDIV_MIN)
		return -EINVAL;
	*reg(dev, UART_BAUDDIV) = dev->clock_hz / dev->baud;
	*reg(dev, UART_CTRL) = CTRL_TX_EN | CTRL_RX_EN;
	return 0;
}

static void cmsdk_putc(const struct serial_dev *dev, char c)
{
	for (uint32_t i = 0; i < TX_POLLS; i++) {
		if (!(*reg(dev, UART_STATE) & STATE_TX_FULL)) {
			*reg(dev, UART_DATA) = (uint8_t)c;
			return;
		}
	}
}

static int cmsdk_getc(const struct serial_dev *dev)
{
	if (!(*reg(dev, UART_STATE) & STATE_RX_FULL))
		return -EAGAIN;
	return (int)(*reg(dev, UART_DATA) & 0xffu);
}

const struct serial_ops cmsdk_uart_ops = {
	.init = cmsdk_init,
	.putc = cmsdk_putc,
	.getc = cmsdk_getc,
};
