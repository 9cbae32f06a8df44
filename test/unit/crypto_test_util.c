// SPDX-License-Identifier: Apache-2.0
/*
 * Shared helpers of the crypto unit tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "crypto_test.h"

static uint8_t *dup_or_null(const uint8_t *p, size_t len)
{
	uint8_t *q;

	if (!p)
		return NULL;
	q = malloc(len ? len : 1);
	assert_non_null(q);
	memcpy(q, p, len);
	return q;
}

bool verify_both(enum sig_alg alg, const uint8_t *pub, size_t pub_len, const uint8_t *msg,
		 size_t msg_len, const uint8_t *sig, size_t sig_len)
{
	uint8_t *p = dup_or_null(pub, pub_len);
	uint8_t *m = dup_or_null(msg, msg_len);
	uint8_t *s = dup_or_null(sig, sig_len);
	verdict_t a = builtin_crypto_verify(alg, p, pub_len, m, msg_len, s, sig_len);
	verdict_t b = crypto_verify(alg, p, pub_len, m, msg_len, s, sig_len);
	uint32_t abits = a.bits, bbits = b.bits;

	free(p);
	free(m);
	free(s);
	assert_true(abits == VERDICT_OK_BITS || abits == VERDICT_FAIL_BITS);
	if (abits != bbits)
		fail_msg("backends disagree: builtin %s, mbedtls %s",
			 abits == VERDICT_OK_BITS ? "accepts" : "refuses",
			 bbits == VERDICT_OK_BITS ? "accepts" : "refuses");
	return abits == VERDICT_OK_BITS;
}

static int hex_nibble(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void hex_decode(const char *hex, size_t n, uint8_t *out)
{
	size_t i;
	int hi, lo;

	for (i = 0; i < n; i++) {
		hi = hex_nibble(hex[2 * i]);
		lo = hex_nibble(hex[2 * i + 1]);
		if (hi < 0 || lo < 0)
			fail_msg("bad hex: %s", hex);
		out[i] = (uint8_t)(hi << 4 | lo);
	}
}

uint8_t *hex_alloc(const char *hex, size_t *len)
{
	size_t n = strlen(hex);
	uint8_t *out;

	if (n % 2)
		fail_msg("odd hex length: %s", hex);
	out = malloc(n / 2 + 1);
	assert_non_null(out);
	hex_decode(hex, n / 2, out);
	*len = n / 2;
	return out;
}

void hex_to(const char *hex, uint8_t *out, size_t len)
{
	assert_int_equal(strlen(hex), 2 * len);
	hex_decode(hex, len, out);
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long size;

	if (!f)
		fail_msg("cannot open %s", path);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	assert_true(size >= 0);
	rewind(f);
	buf = malloc((size_t)size + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	buf[size] = '\0';
	*len = (size_t)size;
	return buf;
}

uint8_t *run_capture(const char *cmd, size_t *len)
{
	FILE *f = popen(cmd, "r");
	uint8_t *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (!f)
		fail_msg("cannot run: %s", cmd);
	do {
		if (n == cap) {
			cap = cap ? 2 * cap : 4096;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got);
	if (pclose(f) != 0)
		fail_msg("command failed (is it installed? scripts/install-deps): %s", cmd);
	*len = n;
	return buf;
}

uint64_t test_rand(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 0x2545f4914f6cdd1dull;
}

void test_rand_bytes(uint64_t *state, uint8_t *out, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		out[i] = (uint8_t)(test_rand(state) >> 56);
}
