// SPDX-License-Identifier: Apache-2.0
/* rampart-img command line: subcommand dispatch and shared option helpers. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rimg.h"

struct subcommand {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct subcommand subcommands[] = {
	{ "keygen", cmd_keygen, "generate a private key (ecdsa-p256 or ed25519)" },
	{ "getpub", cmd_getpub, "print a key's public half as a C array or PEM" },
	{ "sign", cmd_sign, "make an MCUboot image from a binary" },
	{ "verify", cmd_verify, "check an image with the bootloader's rules" },
	{ "dumpinfo", cmd_dumpinfo, "print an image's header, TLVs and trailer" },
};

void rimg_err(const char *fmt, ...)
{
	va_list ap;

	fputs("rampart-img: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int rimg_parse_u32(const char *s, const char *opt, uint32_t *out)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (!*s || *s == '-' || *end || errno || v > UINT32_MAX) {
		rimg_err("invalid value '%s' for %s (want a number, e.g. 512 or 0x200)", s, opt);
		return -1;
	}
	*out = (uint32_t)v;
	return 0;
}

int rimg_usage_hint(const char *cmd)
{
	fprintf(stderr, "(rampart-img %s --help lists the options)\n", cmd);
	return RIMG_EXIT_USAGE;
}

void rimg_getopt_reset(void)
{
	/* glibc re-initialises all of getopt's state when optind is 0. */
	optind = 0;
	opterr = 1;
}

static void usage(FILE *out)
{
	size_t i;

	fputs("Usage: rampart-img COMMAND [OPTIONS] ...\n"
	      "Sign, verify and inspect MCUboot images with Rampart's own parser and crypto.\n\n"
	      "Commands:\n", out);
	for (i = 0; i < ARRAY_SIZE(subcommands); i++)
		fprintf(out, "  %-9s %s\n", subcommands[i].name, subcommands[i].summary);
	fputs("\nrampart-img COMMAND --help describes each command.\n"
	      "Exit status: 0 success, 1 failure (e.g. image refused), 2 usage error.\n", out);
}

int rimg_main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return RIMG_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return RIMG_EXIT_OK;
	}
	for (i = 0; i < ARRAY_SIZE(subcommands); i++)
		if (!strcmp(argv[1], subcommands[i].name))
			return subcommands[i].run(argc - 1, argv + 1);
	rimg_err("unknown command '%s' (try rampart-img --help)", argv[1]);
	return RIMG_EXIT_USAGE;
}
