// SPDX-License-Identifier: Apache-2.0
/*
 * The Wycheproof JSON walker (see wycheproof_json.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "crypto_test.h"
#include "wycheproof_json.h"

/* Read the JSON string starting after the opening quote at *p into out; advance *p past it. */
static void read_string(const char **p, char *out, size_t cap)
{
	const char *s = *p;
	size_t n = 0;

	while (*s && *s != '"') {
		if (*s == '\\' && s[1])
			s++;	/* escapes only appear in prose nobody reads; keep the next char */
		if (n + 1 < cap)
			out[n++] = *s;
		s++;
	}
	assert_int_equal(*s, '"');
	out[n] = '\0';
	*p = s + 1;
}

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
		p++;
	return p;
}

void wp_walk_json(const char *json, wp_field_fn *fn, void *ctx)
{
	size_t cap = strlen(json) + 1, n;
	char key[64] = "", *str = malloc(cap), *val = malloc(cap);
	const char *p = json;

	assert_non_null(str);
	assert_non_null(val);
	while ((p = strchr(p, '"'))) {
		p++;
		read_string(&p, str, cap);
		p = skip_space(p);
		if (*p != ':') {
			fn(ctx, key, str);	/* an array element of the last key */
			continue;
		}
		strncpy(key, str, sizeof(key) - 1);
		p = skip_space(p + 1);
		if (*p == '"') {
			p++;
			read_string(&p, val, cap);
			fn(ctx, key, val);
		} else if (*p == '-' || (*p >= '0' && *p <= '9')) {
			n = strspn(p, "-0123456789");
			memcpy(val, p, n);
			val[n] = '\0';
			p += n;
			fn(ctx, key, val);
		}
	}
	free(val);
	free(str);
}

void wp_walk_file(const char *name, wp_field_fn *fn, void *ctx)
{
	char path[512];
	size_t len;
	char *json;

	snprintf(path, sizeof(path), "%s/test/vectors/wycheproof/%s", SRCTREE, name);
	json = read_file(path, &len);
	wp_walk_json(json, fn, ctx);
	free(json);
}
