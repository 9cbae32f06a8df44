// SPDX-License-Identifier: Apache-2.0
/*
 * The bootloader's log_msg() for the simulator: a ring of the last lines, for failure
 * reports, and optional live output for replays.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <rampart/console.h>

#include "sim.h"

#define RING_LINES 32
#define LOG_LINE 160

static char ring[RING_LINES][LOG_LINE];
static unsigned int head, count;
static bool echo;
static unsigned long lines, limit;
static void (*over)(void *arg);
static void *over_arg;

void sim_log_reset(bool live)
{
	head = count = 0;
	echo = live;
}

void sim_log_watch(unsigned long max_lines, void (*hook)(void *arg), void *arg)
{
	lines = 0;
	limit = max_lines;
	over = hook;
	over_arg = arg;
}

void log_msg(int level, const char *fmt, ...)
{
	static const char *const tag[] = { "", "E", "W", "I", "D" };
	char *line = ring[head];
	int n;
	va_list ap;

	n = snprintf(line, LOG_LINE, "%s: ", level >= 1 && level <= 4 ? tag[level] : "?");
	va_start(ap, fmt);
	vsnprintf(line + n, LOG_LINE - (size_t)n, fmt, ap);
	va_end(ap);
	head = (head + 1) % RING_LINES;
	if (count < RING_LINES)
		count++;
	if (echo)
		printf("      log %s\n", line);
	if (over && limit && ++lines > limit)
		over(over_arg);
}

void sim_log_tail(char *buf, unsigned int len, unsigned int lines)
{
	unsigned int n = MIN(lines, count), pos = 0;

	buf[0] = '\0';
	for (unsigned int i = 0; i < n && pos < len; i++) {
		const char *line = ring[(head + RING_LINES - n + i) % RING_LINES];
		int w = snprintf(buf + pos, len - pos, "      | %s\n", line);

		if (w < 0)
			break;
		pos += (unsigned int)w;
	}
}
