// SPDX-License-Identifier: Apache-2.0
/* Whole-file reads and writes for rampart-img. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rimg.h"

int rimg_read_file(const char *path, uint8_t **buf, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	size_t n;

	if (!f) {
		rimg_err("%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode) || st.st_size > RIMG_FILE_MAX) {
		rimg_err("%s: not a regular file of at most %u bytes", path, RIMG_FILE_MAX);
		fclose(f);
		return -1;
	}
	n = (size_t)st.st_size;
	*buf = malloc(n + 1);
	if (!*buf || fread(*buf, 1, n, f) != n) {
		rimg_err("%s: read error", path);
		free(*buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	(*buf)[n] = 0;
	*len = n;
	return 0;
}

int rimg_write_file(const char *path, const void *buf, size_t len, bool excl)
{
	int flags = O_WRONLY | O_CREAT | (excl ? O_EXCL : O_TRUNC);
	int fd = open(path, flags, excl ? 0600 : 0644);
	ssize_t n;

	if (fd < 0) {
		rimg_err("%s: %s", path, errno == EEXIST ? "file exists, not overwriting it" :
							   strerror(errno));
		return -1;
	}
	n = write(fd, buf, len);
	if (close(fd) || n < 0 || (size_t)n != len) {
		rimg_err("%s: write error", path);
		return -1;
	}
	return 0;
}
