// SPDX-License-Identifier: Apache-2.0
/*
 * rampart-img dumpinfo: header, TLVs and trailer of an image, walked with the bootloader's
 * own header decoder and TLV iterator (boot/image/tlv.c). It describes; it does not judge
 * signatures (that is verify's job), but it reports a layout the iterator refuses.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <rampart/errno.h>

#include "rimg.h"

static const char dumpinfo_help[] =
	"Usage: rampart-img dumpinfo IMAGE\n"
	"Print the header, the protected and unprotected TLVs (with type names) and, if the file\n"
	"extends past the image (padded to its slot), the trailer: magic, image_ok, copy_done,\n"
	"swap_info. Exits 1 if the header or TLV layout is malformed.\n\n"
	"  -h, --help   this text\n";

struct flag_name {
	uint32_t bit;
	const char *name;
};

static const struct flag_name flag_names[] = {
	{ IMAGE_F_PIC, "PIC" },
	{ IMAGE_F_ENCRYPTED_AES128, "ENCRYPTED_AES128" },
	{ IMAGE_F_ENCRYPTED_AES256, "ENCRYPTED_AES256" },
	{ IMAGE_F_NON_BOOTABLE, "NON_BOOTABLE" },
	{ IMAGE_F_RAM_LOAD, "RAM_LOAD" },
	{ IMAGE_F_ROM_FIXED, "ROM_FIXED" },
	{ IMAGE_F_COMPRESSED_LZMA1, "COMPRESSED_LZMA1" },
	{ IMAGE_F_COMPRESSED_LZMA2, "COMPRESSED_LZMA2" },
	{ IMAGE_F_COMPRESSED_ARM_THUMB, "COMPRESSED_ARM_THUMB" },
};

static void print_flags(uint32_t flags)
{
	const char *sep = " (";
	size_t i;

	printf("  %-16s 0x%x", "flags", flags);
	for (i = 0; i < ARRAY_SIZE(flag_names); i++) {
		if (flags & flag_names[i].bit) {
			printf("%s%s", sep, flag_names[i].name);
			sep = " | ";
		}
	}
	puts(flags ? ")" : "");
}

static void print_header(const struct mcuboot_header *h)
{
	char ver[IMAGE_VERSION_STR_MAX];

	puts("header (offset 0x0):");
	printf("  %-16s 0x%08x%s\n", "magic", h->magic,
	       h->magic == MCUBOOT_IMAGE_MAGIC ? " (MCUboot)" : " (not an MCUboot image)");
	printf("  %-16s 0x%x\n", "load_addr", h->load_addr);
	printf("  %-16s 0x%x\n", "hdr_size", h->hdr_size);
	printf("  %-16s 0x%x\n", "prot_tlv_size", h->prot_tlv_size);
	printf("  %-16s 0x%x (%u bytes)\n", "img_size", h->img_size, h->img_size);
	print_flags(h->flags);
	printf("  %-16s %s\n", "version", image_version_str(&h->version, ver, sizeof(ver)));
}

static void print_hex(const uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		printf("%s%02x", i % 16 ? " " : "      ", p[i]);
		if (i % 16 == 15 || i + 1 == len)
			putchar('\n');
	}
}

static void print_tlv(const uint8_t *buf, const struct tlv_entry *t)
{
	const char *name = tlv_type_name(t->type);

	printf("    %s (0x%02x), %u bytes\n", name ? name : "unknown", t->type, t->len);
	print_hex(buf + t->off, t->len);
}

/* Both TLV areas. Returns 0, or -1 if the iterator refused the layout. */
static int print_tlvs(const uint8_t *buf, const struct rimg_flash *fl,
		      const struct mcuboot_header *h, struct tlv_iter *it)
{
	struct tlv_entry t;
	bool in_prot = false, in_unprot = false;
	int rc;

	printf("payload (offset 0x%x, 0x%x bytes)\n", h->hdr_size, h->img_size);
	if (tlv_iter_begin(it, &fl->area, h)) {
		printf("TLV areas: %s\n", it->reason);
		return -1;
	}
	while (!(rc = tlv_iter_next(it, &t))) {
		if (t.prot && !in_prot) {
			printf("protected TLV area (offset 0x%x, 0x%x bytes incl. info 0x6908)\n",
			       it->tlv_off, it->prot_end - it->tlv_off);
			in_prot = true;
		}
		if (!t.prot && !in_unprot) {
			printf("unprotected TLV area (offset 0x%x, 0x%x bytes incl. info 0x6907)\n",
			       it->prot_end, it->end - it->prot_end);
			in_unprot = true;
		}
		print_tlv(buf, &t);
	}
	if (!in_unprot)
		printf("unprotected TLV area (offset 0x%x): empty\n", it->prot_end);
	if (rc != -ENOENT) {
		printf("TLV walk stopped: %s\n", it->reason);
		return -1;
	}
	printf("image ends at offset 0x%x\n", it->end);
	return 0;
}

static const char *flag_state(enum trailer_flag f)
{
	static const char *const names[] = { "unset", "set", "bad value" };

	return names[f];
}

/* The trailer at the end of a slot-sized file, decoded by the loader's own trailer code. */
static void print_trailer(const struct flash_area *fa, const uint8_t *buf, size_t len)
{
	const uint8_t *magic = buf + len - TRAILER_MAGIC_LEN;
	uint32_t a = trailer_magic_align(magic);
	struct trailer t;

	/* Unknown or too wide for the file: read the flags where the default loader has them. */
	if (!a || trailer_read(fa, a, &t)) {
		a = 0;
		if (trailer_read(fa, TRAILER_ALIGN_MIN, &t))
			return;
	}
	printf("trailer (end of a 0x%zx-byte slot):\n", len);
	printf("  %-10s %s", "magic",
	       t.magic == TRAILER_MAGIC_UNSET ? "unset (erased)" :
	       t.magic == TRAILER_MAGIC_BAD ? "bad" :
	       a == TRAILER_ALIGN_MIN ? "good (v1, max align 8)" : "good (v2)");
	if (a > TRAILER_ALIGN_MIN)
		printf(", max align %u", a);
	putchar('\n');
	print_hex(magic, TRAILER_MAGIC_LEN);
	printf("  %-10s 0x%02x (%s)\n", "image_ok", t.image_ok_raw, flag_state(t.image_ok));
	printf("  %-10s 0x%02x (%s)\n", "copy_done", t.copy_done_raw, flag_state(t.copy_done));
	printf("  %-10s 0x%02x (swap %s, image %u)\n", "swap_info", t.swap_info_raw,
	       swap_type_name(t.swap_type), t.image_num);
}

static int dump(const char *path)
{
	struct mcuboot_header h;
	struct trailer_layout l;
	struct rimg_flash fl;
	struct tlv_iter it;
	uint8_t *buf;
	size_t len;
	int rc;

	if (rimg_read_file(path, &buf, &len))
		return RIMG_EXIT_FAIL;
	rimg_flash_init(&fl, buf, (uint32_t)len);
	printf("%s: %zu bytes\n", path, len);
	rc = mcuboot_header_read(&fl.area, &h);
	if (rc) {
		printf("too short for an image header (%d bytes)\n", MCUBOOT_HDR_LEN);
		free(buf);
		return RIMG_EXIT_FAIL;
	}
	print_header(&h);
	rc = print_tlvs(buf, &fl, &h, &it);
	/* Past the image there is room for a default trailer: the file is a padded slot. */
	if (!rc && !trailer_layout(&fl.area, TRAILER_ALIGN_MIN, &l) && it.end <= l.swap_info)
		print_trailer(&fl.area, buf, len);
	free(buf);
	return rc ? RIMG_EXIT_FAIL : RIMG_EXIT_OK;
}

int cmd_dumpinfo(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	rimg_getopt_reset();
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (c == 'h') {
			fputs(dumpinfo_help, stdout);
			return RIMG_EXIT_OK;
		}
		return rimg_usage_hint("dumpinfo");
	}
	if (argc - optind != 1) {
		rimg_err("dumpinfo needs exactly one IMAGE");
		return rimg_usage_hint("dumpinfo");
	}
	return dump(argv[optind]);
}
