// SPDX-License-Identifier: Apache-2.0
/* The console (one serial device) and the log on top of it. */
#include <rampart/console.h>
#include <rampart/errno.h>

static const struct serial_dev *console_dev;

int console_init(const struct serial_dev *dev)
{
	int rc = dev->ops->init ? dev->ops->init(dev) : 0;

	if (rc == 0)
		console_dev = dev;
	return rc;
}

void console_putc(char c)
{
	if (!console_dev)
		return;
	if (c == '\n')
		console_dev->ops->putc(console_dev, '\r');
	console_dev->ops->putc(console_dev, c);
}

void console_puts(const char *s)
{
	while (*s)
		console_putc(*s++);
}

static void console_vprintf(const char *fmt, va_list ap)
{
	char buf[160];

	/* Longer lines are cut: the log must never need a heap or a big stack. */
	fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
	console_puts(buf);
}

int console_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	console_vprintf(fmt, ap);
	va_end(ap);
	return 0;
}

void log_msg(int level, const char *fmt, ...)
{
	static const char tag[] = "?EWID";
	va_list ap;

	console_putc(tag[level >= 1 && level <= 4 ? level : 0]);
	console_puts(": ");
	va_start(ap, fmt);
	console_vprintf(fmt, ap);
	va_end(ap);
	console_putc('\n');
}
