/* SPDX-License-Identifier: Apache-2.0 */
/* Serial devices (the console is one). */
#ifndef RAMPART_SERIAL_H
#define RAMPART_SERIAL_H

#include <stdint.h>

struct serial_dev;

struct serial_ops {
	/* Bring the UART up for transmit (and receive where supported). 0 or -errno. */
	int (*init)(const struct serial_dev *dev);
	/* Send one byte, waiting while the transmitter is full. */
	void (*putc)(const struct serial_dev *dev, char c);
	/* One received byte (0..255), or -EAGAIN if none is waiting, -ENOSYS if no receiver. */
	int (*getc)(const struct serial_dev *dev);
};

struct serial_dev {
	const char *name;
	const struct serial_ops *ops;
	uintptr_t base;		/* register base */
	uint32_t clock_hz;	/* UART reference clock, 0 if not needed */
	uint32_t baud;
	void *priv;
};

/*
 * Serial drivers (drivers/serial/), for board files. Each comment says which serial_dev
 * fields the driver uses.
 */
extern const struct serial_ops cmsdk_uart_ops;	/* base, clock_hz, baud */
extern const struct serial_ops nrf51_uart_ops;	/* base, baud, priv = nrf51_uart_pins */
/* base; clock_hz (UARTCLK) and baud, or 0 to leave the divisor alone */
extern const struct serial_ops pl011_ops;

/* nRF51 UART pin numbers (GPIO P0.n); QEMU ignores them, silicon needs them. */
struct nrf51_uart_pins {
	uint8_t txd;
	uint8_t rxd;
};

#endif
