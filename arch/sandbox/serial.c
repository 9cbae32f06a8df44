// SPDX-License-Identifier: Apache-2.0
/* The sandbox console is the process's standard output. */
#include <stdio.h>

#include <asm/sandbox.h>
#include <rampart/errno.h>

static void stdout_putc(const struct serial_dev *dev, char c)
{
	(void)dev;
	if (c != '\r')	/* the console adds CR for UARTs; a terminal wants plain LF */
		putchar(c);
}

static int stdin_getc(const struct serial_dev *dev)
{
	int c;

	(void)dev;
	c = getchar();
	return c == EOF ? -EAGAIN : c;
}

const struct serial_ops sandbox_serial_ops = {
	.putc = stdout_putc,
	.getc = stdin_getc,
};
