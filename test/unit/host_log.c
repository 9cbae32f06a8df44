// SPDX-License-Identifier: Apache-2.0
/*
 * The bootloader's log_msg() for unit tests: each line to stderr with its level letter, so a
 * failing test shows what the code under test logged.
 */
#include <stdarg.h>
#include <stdio.h>

#include <rampart/console.h>

void log_msg(int level, const char *fmt, ...)
{
	static const char letters[] = "?EWID";
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	fmt_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%c: %s\n", level >= 0 && level < 5 ? letters[level] : '?', line);
}
