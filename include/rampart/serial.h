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

#endif
