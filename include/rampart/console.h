/* SPDX-License-Identifier: Apache-2.0 */
/* The console and the log. Safe to call before console_init(): output is dropped. */
#ifndef RAMPART_CONSOLE_H
#define RAMPART_CONSOLE_H

#include <stdarg.h>
#include <stddef.h>
#include <rampart/compiler.h>
#include <rampart/serial.h>

/* Make @dev the console and initialise it. 0 or the driver's error. */
int console_init(const struct serial_dev *dev);
void console_putc(char c);
void console_puts(const char *s);
int console_printf(const char *fmt, ...) __printf(1, 2);

/*
 * fmt_vsnprintf() - the project's one formatter: %d %i %u %x %X %p %s %c %%, with
 * flags '-' '0', width, precision for %s, and the l, ll, z length modifiers.
 * Writes at most len bytes including the NUL; returns the length it wanted to write.
 */
int fmt_vsnprintf(char *buf, size_t len, const char *fmt, va_list ap);
int fmt_snprintf(char *buf, size_t len, const char *fmt, ...) __printf(3, 4);

#define LOG_LEVEL_ERR 1
#define LOG_LEVEL_WRN 2
#define LOG_LEVEL_INF 3
#define LOG_LEVEL_DBG 4

void log_msg(int level, const char *fmt, ...) __printf(2, 3);

#define log_err(...) do { if (CONFIG_LOG_LEVEL >= LOG_LEVEL_ERR) log_msg(LOG_LEVEL_ERR, __VA_ARGS__); } while (0)
#define log_wrn(...) do { if (CONFIG_LOG_LEVEL >= LOG_LEVEL_WRN) log_msg(LOG_LEVEL_WRN, __VA_ARGS__); } while (0)
#define log_inf(...) do { if (CONFIG_LOG_LEVEL >= LOG_LEVEL_INF) log_msg(LOG_LEVEL_INF, __VA_ARGS__); } while (0)
#define log_dbg(...) do { if (CONFIG_LOG_LEVEL >= LOG_LEVEL_DBG) log_msg(LOG_LEVEL_DBG, __VA_ARGS__); } while (0)

#endif
