// SPDX-License-Identifier: Apache-2.0
/*
 * rampart-img verify: run the bootloader's mcuboot_validate() on a file, with a keyring made
 * from the -k files exactly as the build's generated keyring would hold them.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rimg.h"

#define VERIFY_MAX_KEYS 16

static const char verify_help[] =
	"Usage: rampart-img verify -k KEY.pem [-k KEY.pem ...] IMAGE\n"
	"Check IMAGE with the bootloader's own rules (header, TLV layout and allow-list, SHA-256,\n"
	"a signature by one of the given keys). The file is the slot: a padded image is checked\n"
	"in its full slot, an unpadded one in a slot that ends where the image does.\n\n"
	"  -k, --key FILE   a trusted key (private or public PEM); may be repeated\n"
	"  -h, --help       this text\n\n"
	"Prints \"IMAGE: OK, version V, key NAME\" and exits 0, or \"IMAGE: refused: REASON\"\n"
	"and exits 1.\n";

struct verify_args {
	const char *key_paths[VERIFY_MAX_KEYS];
	unsigned int nr_keys;
	const char *image;
};

/* 0, 1 for --help, -1 for a usage error. */
static int verify_parse(int argc, char **argv, struct verify_args *a)
{
	static const struct option opts[] = {
		{ "key", required_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(a, 0, sizeof(*a));
	rimg_getopt_reset();
	while ((c = getopt_long(argc, argv, "k:h", opts, NULL)) != -1) {
		if (c == 'h')
			return 1;
		if (c != 'k')
			return -1;
		if (a->nr_keys == VERIFY_MAX_KEYS) {
			rimg_err("at most %d keys", VERIFY_MAX_KEYS);
			return -1;
		}
		a->key_paths[a->nr_keys++] = optarg;
	}
	if (!a->nr_keys || argc - optind != 1) {
		rimg_err("verify needs at least one -k KEY and exactly one IMAGE");
		return -1;
	}
	a->image = argv[optind];
	return 0;
}

static int verify_image(const char *path, const struct keyring *kr)
{
	struct rimg_flash fl;
	struct image_info info;
	uint8_t *buf;
	size_t len;
	char ver[IMAGE_VERSION_STR_MAX];
	verdict_t v;

	if (rimg_read_file(path, &buf, &len))
		return RIMG_EXIT_FAIL;
	rimg_flash_init(&fl, buf, (uint32_t)len);
	v = mcuboot_validate(&fl.area, kr, &info);
	free(buf);
	if (!verdict_is_ok(v)) {
		printf("%s: refused: %s\n", path, info.reason ? info.reason : "unknown reason");
		return RIMG_EXIT_FAIL;
	}
	printf("%s: OK, version %s, key %s\n", path,
	       image_version_str(&info.version, ver, sizeof(ver)), info.key->name);
	return RIMG_EXIT_OK;
}

int cmd_verify(int argc, char **argv)
{
	struct verify_args a;
	struct rimg_key keys[VERIFY_MAX_KEYS];
	struct trusted_key tks[VERIFY_MAX_KEYS];
	struct keyring kr = { tks, 0 };
	int rc;

	rc = verify_parse(argc, argv, &a);
	if (rc > 0) {
		fputs(verify_help, stdout);
		return RIMG_EXIT_OK;
	}
	if (rc)
		return rimg_usage_hint("verify");
	for (rc = RIMG_EXIT_OK; kr.count < a.nr_keys; kr.count++) {
		if (rimg_key_load(&keys[kr.count], a.key_paths[kr.count])) {
			rc = RIMG_EXIT_FAIL;
			break;
		}
		rimg_key_trusted(&keys[kr.count], &tks[kr.count]);
	}
	if (rc == RIMG_EXIT_OK)
		rc = verify_image(a.image, &kr);
	while (kr.count)
		rimg_key_free(&keys[--kr.count]);
	return rc;
}
