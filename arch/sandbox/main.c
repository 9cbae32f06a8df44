// SPDX-License-Identifier: Apache-2.0
/*
 * The sandbox "CPU": a Linux process whose flash is a file. Parses the command line,
 * opens the flash file, optionally programs areas from files (like a flash programmer
 * would before reset), then runs the same boot_main() as every board.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <asm/sandbox.h>
#include <rampart/arch.h>
#include <rampart/board.h>
#include <rampart/bootapi.h>
#include <rampart/boot.h>

/* Exit statuses; keep in step with Documentation/boards/sandbox.md. */
#define EXIT_IO 1
#define EXIT_USAGE 2

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: rampart --flash FILE [--write AREA=IMAGE ...] [--app ACTION[:N] ...]\n"
		"       rampart --print-layout\n"
		"\n"
		"Rampart's sandbox board: the bootloader as a Linux program whose flash\n"
		"device is FILE (created if missing; bytes past its end read as erased).\n"
		"\n"
		"  -f, --flash FILE        boot from the flash image FILE\n"
		"  -w, --write AREA=IMAGE  before booting, erase flash area AREA and program\n"
		"                          IMAGE into it (repeatable; see --print-layout)\n"
		"  -a, --app ACTION[:N]    before booting, act as the application that ran\n"
		"                          last (lib/bootapi on image pair N, default 0):\n"
		"                          test, permanent (request an upgrade of the image\n"
		"                          in the secondary slot) or confirm (the running\n"
		"                          image in the primary); repeatable, in order\n"
		"  -o, --otp FILE          one-time-programmable fuses (the security\n"
		"                          counters) in FILE, created if missing; without it,\n"
		"                          blank fuses that last for this run only\n"
		"  -l, --print-layout      print the flash map, one area a line:\n"
		"                          NAME OFFSET SIZE (hex), then exit\n"
		"  -h, --help              this text\n"
		"  -V, --version           print the version and exit\n"
		"\n"
		"Exit status:\n"
		"  0  handed off to a verified image (the log names slot and version)\n"
		"  1  flash file or I/O error\n"
		"  2  usage error\n"
		"  %d  no bootable image (every slot empty or refused; the log says why)\n",
		BOOT_STATUS_NO_IMAGE);
}

static void print_layout(void)
{
	for (size_t i = 0; i < board.nr_areas; i++)
		printf("%s 0x%08x 0x%08x\n", board.areas[i].name, board.areas[i].off,
		       board.areas[i].size);
}

static int open_flash(const char *path)
{
	sandbox_flash0.fd = open(path, O_RDWR | O_CREAT, 0644);
	if (sandbox_flash0.fd < 0) {
		fprintf(stderr, "rampart: cannot open flash file %s: %s\n", path, strerror(errno));
		return -1;
	}
	sandbox_flash0.path = path;
	return 0;
}

/* The fuses: FILE, or a temporary file that vanishes with the process. */
static int open_otp(const char *path)
{
	FILE *tmp = path ? NULL : tmpfile();

	sandbox_otp0.fd = path ? open(path, O_RDWR | O_CREAT, 0644) : tmp ? fileno(tmp) : -1;
	if (sandbox_otp0.fd < 0) {
		fprintf(stderr, "rampart: cannot open OTP file %s: %s\n",
			path ? path : "(temporary)", strerror(errno));
		return -1;
	}
	sandbox_otp0.path = path;
	return 0;
}

/* Erase the area named before '=' and program the file after it, through the flash API. */
static int program_area(const char *spec)
{
	const char *eq = strchr(spec, '=');
	char name[32];
	const struct flash_area *fa;
	uint8_t *buf;
	struct stat st;
	size_t len, ws;
	FILE *f;
	int rc;

	if (!eq || (size_t)(eq - spec) >= sizeof(name)) {
		fprintf(stderr, "rampart: --write wants AREA=IMAGE, got '%s'\n", spec);
		return -EXIT_USAGE;
	}
	memcpy(name, spec, (size_t)(eq - spec));
	name[eq - spec] = '\0';
	fa = board_find_area(name);
	if (!fa) {
		fprintf(stderr, "rampart: no flash area '%s' (see --print-layout)\n", name);
		return -EXIT_USAGE;
	}
	f = fopen(eq + 1, "rb");
	if (!f || fstat(fileno(f), &st) != 0) {
		fprintf(stderr, "rampart: cannot read %s: %s\n", eq + 1, strerror(errno));
		if (f)
			fclose(f);
		return -EXIT_IO;
	}
	ws = fa->dev->geo.write_size;
	len = (size_t)st.st_size;
	if (len > fa->size) {
		fprintf(stderr, "rampart: %s is %zu bytes, area %s holds %u\n", eq + 1, len,
			name, fa->size);
		fclose(f);
		return -EXIT_USAGE;
	}
	len = (len + ws - 1) / ws * ws;
	buf = malloc(len ? len : 1);
	if (!buf) {
		fprintf(stderr, "rampart: out of memory reading %s\n", eq + 1);
		fclose(f);
		return -EXIT_IO;
	}
	memset(buf, fa->dev->geo.erased_val, len);
	rc = fread(buf, 1, (size_t)st.st_size, f) == (size_t)st.st_size ? 0 : -EIO;
	fclose(f);
	if (rc == 0)
		rc = flash_area_erase(fa, 0, fa->size);
	if (rc == 0)
		rc = flash_area_write(fa, 0, buf, len);
	free(buf);
	if (rc) {
		fprintf(stderr, "rampart: programming %s failed (%d)\n", name, rc);
		return -EXIT_IO;
	}
	return 0;
}

/* --app: what an application linked with lib/bootapi would have done before its reset. */
static int app_action(const char *spec)
{
	const char *colon = strchr(spec, ':');
	size_t len = colon ? (size_t)(colon - spec) : strlen(spec);
	char pri[32], sec[32];
	const struct flash_area *p, *s;
	int n = colon ? atoi(colon + 1) : 0, rc;

	snprintf(pri, sizeof(pri), "image%d-primary", n);
	snprintf(sec, sizeof(sec), "image%d-secondary", n);
	p = board_find_area(pri);
	s = board_find_area(sec);
	if (!p || !s) {
		fprintf(stderr, "rampart: --app %s: no image pair %d in the flash map\n", spec, n);
		return -EXIT_USAGE;
	}
	if (len == 4 && !strncmp(spec, "test", 4))
		rc = bootapi_request_upgrade_multi(s, (uint8_t)n, false);
	else if (len == 9 && !strncmp(spec, "permanent", 9))
		rc = bootapi_request_upgrade_multi(s, (uint8_t)n, true);
	else if (len == 7 && !strncmp(spec, "confirm", 7))
		rc = bootapi_confirm(p);
	else {
		fprintf(stderr, "rampart: --app wants test, permanent or confirm, got '%s'\n", spec);
		return -EXIT_USAGE;
	}
	printf("app: %s on image pair %d: %s\n", spec, n, rc ? strerror(-rc) : "done");
	return rc ? -EXIT_IO : 0;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "flash", required_argument, NULL, 'f' },
		{ "write", required_argument, NULL, 'w' },
		{ "app", required_argument, NULL, 'a' },
		{ "otp", required_argument, NULL, 'o' },
		{ "print-layout", no_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ 0 },
	};
	const char *writes[16], *apps[16];
	const char *flash = NULL, *otp = NULL;
	int nr_writes = 0, nr_apps = 0, c;

	setvbuf(stdout, NULL, _IOLBF, 0);
	while ((c = getopt_long(argc, argv, "f:w:a:o:lhV", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			flash = optarg;
			break;
		case 'w':
			if (nr_writes == (int)(sizeof(writes) / sizeof(writes[0]))) {
				fprintf(stderr, "rampart: too many --write options\n");
				return EXIT_USAGE;
			}
			writes[nr_writes++] = optarg;
			break;
		case 'a':
			if (nr_apps == (int)(sizeof(apps) / sizeof(apps[0]))) {
				fprintf(stderr, "rampart: too many --app options\n");
				return EXIT_USAGE;
			}
			apps[nr_apps++] = optarg;
			break;
		case 'o':
			otp = optarg;
			break;
		case 'l':
			print_layout();
			return 0;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("rampart %s (sandbox)\n", RAMPART_VERSION);
			return 0;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (!flash || optind != argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (open_flash(flash) || open_otp(otp))
		return EXIT_IO;
	for (int i = 0; i < nr_writes; i++) {
		int rc = program_area(writes[i]);

		if (rc)
			return -rc;
	}
	for (int i = 0; i < nr_apps; i++) {
		int rc = app_action(apps[i]);

		if (rc)
			return -rc;
	}
	boot_main();
}
