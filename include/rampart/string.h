/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The string and memory routines the core may use. Board builds get them from lib/libc;
 * the sandbox and host builds from the host C library (same prototypes).
 */
#ifndef RAMPART_STRING_H
#define RAMPART_STRING_H

#include <stddef.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);

#endif
