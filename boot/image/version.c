// SPDX-License-Identifier: Apache-2.0
/* Image version formatting, shared by every image format and the host tool. */
#include <rampart/image.h>

/* Appends the decimal digits of @v at buf[*pos], keeping one byte for the NUL. */
static void put_dec(char *buf, size_t len, size_t *pos, uint32_t v)
{
	char digits[10];
	size_t n = 0;

	do {
		digits[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n && *pos + 1 < len)
		buf[(*pos)++] = digits[--n];
}

static void put_char(char *buf, size_t len, size_t *pos, char c)
{
	if (*pos + 1 < len)
		buf[(*pos)++] = c;
}

char *image_version_str(const struct image_version *v, char *buf, size_t len)
{
	size_t pos = 0;

	if (!len)
		return buf;
	put_dec(buf, len, &pos, v->major);
	put_char(buf, len, &pos, '.');
	put_dec(buf, len, &pos, v->minor);
	put_char(buf, len, &pos, '.');
	put_dec(buf, len, &pos, v->revision);
	put_char(buf, len, &pos, '+');
	put_dec(buf, len, &pos, v->build);
	buf[pos] = '\0';
	return buf;
}

int image_version_cmp(const struct image_version *a, const struct image_version *b)
{
	if (a->major != b->major)
		return a->major < b->major ? -1 : 1;
	if (a->minor != b->minor)
		return a->minor < b->minor ? -1 : 1;
	if (a->revision != b->revision)
		return a->revision < b->revision ? -1 : 1;
	if (a->build != b->build)
		return a->build < b->build ? -1 : 1;
	return 0;
}
