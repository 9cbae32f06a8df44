// SPDX-License-Identifier: Apache-2.0
/*
 * rampart-img sign: the byte layout imgtool 2.4 writes (shared/specs/mcuboot-image.md
 * sections 1-6): header, payload, protected TLVs (SEC_CNT, DEPENDENCY; only if any), then
 * the unprotected SHA256, KEYHASH or PUBKEY, and signature; optionally padded to the slot
 * with a trailer.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rimg.h"

#define DEFAULT_MAX_SECTORS 128

static const char sign_help[] =
	"Usage: rampart-img sign [OPTIONS] INFILE OUTFILE\n"
	"Make an MCUboot image from the binary INFILE, byte for byte as imgtool 2.4 would.\n\n"
	"  -k, --key FILE                 signing key (PEM; ecdsa-p256 or ed25519); without it\n"
	"                                 the image carries only its SHA256 TLV (unsigned)\n"
	"  -v, --version VER              MAJOR[.MINOR[.REVISION[+BUILD]]] (required)\n"
	"  -H, --header-size N            header size, at least 32 (required)\n"
	"      --pad-header               prepend the header instead of overwriting zeros\n"
	"  -S, --slot-size N              slot size; image + trailer must fit (required)\n"
	"      --align N                  flash write size: 1, 2, 4, 8, 16 or 32 (default 1)\n"
	"      --max-align N              the loader's BOOT_MAX_ALIGN: 8, 16 or 32\n"
	"                                 (default: the larger of 8 and --align)\n"
	"  -M, --max-sectors N            sectors in the trailer's swap status (default 128)\n"
	"      --pad                      pad to the slot size and write the trailer magic\n"
	"      --confirm                  --pad, and mark the image confirmed (image_ok)\n"
	"  -s, --security-counter N|auto  SEC_CNT TLV; auto = major<<24 | minor<<16 | revision\n"
	"  -d, --dependencies DEPS        \"(ID,VERSION)[,(ID,VERSION)...]\": DEPENDENCY TLVs\n"
	"      --load-addr ADDR           RAM load address (sets the RAM_LOAD flag)\n"
	"      --rom-fixed ADDR           flash address the image is linked for (sets the\n"
	"                                 ROM_FIXED flag; not with --load-addr)\n"
	"      --public-key-format FMT    hash (KEYHASH TLV, default) or full (PUBKEY TLV)\n"
	"      --non-bootable             set the NON_BOOTABLE flag\n"
	"  -h, --help                     this text\n";

struct sign_opts {
	const char *key_path, *in, *out;
	struct image_version version;
	bool have_version;
	uint32_t hdr_size, slot_size, align, max_align, max_sectors, load_addr, sec_cnt;
	uint32_t rom_fixed;	/* imgtool: a non-zero address sets ROM_FIXED and ih_load_addr */
	bool pad_header, pad, confirm, has_sec_cnt, sec_cnt_auto, full_pubkey, non_bootable;
	unsigned int nr_deps;
	struct image_dep deps[IMAGE_MAX_DEPS];
};

/* A growing output buffer. */
struct obuf {
	uint8_t *p;
	size_t len, cap;
};

/* Room for n more bytes. */
static int obuf_reserve(struct obuf *b, size_t n)
{
	size_t cap = b->cap ? b->cap : 4096;
	uint8_t *p;

	if (n <= b->cap - b->len)
		return 0;
	while (cap - b->len < n)
		cap *= 2;
	p = realloc(b->p, cap);
	if (!p) {
		rimg_err("out of memory");
		return -1;
	}
	b->p = p;
	b->cap = cap;
	return 0;
}

static int obuf_put(struct obuf *b, const void *data, size_t n)
{
	if (obuf_reserve(b, n))
		return -1;
	memcpy(b->p + b->len, data, n);
	b->len += n;
	return 0;
}

static int obuf_fill(struct obuf *b, uint8_t val, size_t n)
{
	if (obuf_reserve(b, n))
		return -1;
	memset(b->p + b->len, val, n);
	b->len += n;
	return 0;
}

static int obuf_tlv(struct obuf *b, uint16_t type, const void *val, size_t len)
{
	uint8_t h[IMAGE_TLV_HDR_LEN];

	put_le16(h, type);
	put_le16(h + 2, (uint16_t)len);
	return obuf_put(b, h, sizeof(h)) || obuf_put(b, val, len) ? -1 : 0;
}

/* One decimal number without leading zeros, at most @max; advances *s. */
static int parse_dec(const char **s, uint32_t max, uint32_t *out)
{
	const char *p = *s;
	uint64_t v = 0;

	if (*p < '0' || *p > '9' || (p[0] == '0' && p[1] >= '0' && p[1] <= '9'))
		return -1;
	while (*p >= '0' && *p <= '9' && v <= max)
		v = v * 10 + (uint64_t)(*p++ - '0');
	if (v > max)
		return -1;
	*s = p;
	*out = (uint32_t)v;
	return 0;
}

/* MAJOR[.MINOR[.REVISION[+BUILD]]] at *s, advancing *s past it. */
static int parse_version(const char **s, struct image_version *v)
{
	static const char seps[3] = { '.', '.', '+' };
	static const uint32_t max[4] = { 255, 255, 65535, UINT32_MAX };
	uint32_t part[4] = { 0, 0, 0, 0 };
	unsigned int i;

	if (parse_dec(s, max[0], &part[0]))
		return -1;
	for (i = 0; i < 3 && **s == seps[i]; i++) {
		(*s)++;
		if (parse_dec(s, max[i + 1], &part[i + 1]))
			return -1;
	}
	v->major = (uint8_t)part[0];
	v->minor = (uint8_t)part[1];
	v->revision = (uint16_t)part[2];
	v->build = part[3];
	return 0;
}

static int parse_version_arg(const char *arg, struct image_version *v)
{
	const char *s = arg;

	if (parse_version(&s, v) || *s) {
		rimg_err("bad version '%s' (want MAJOR.MINOR.REVISION+BUILD, e.g. 1.2.3+4)", arg);
		return -1;
	}
	return 0;
}

static void skip_seps(const char **s)
{
	while (**s == ' ' || **s == ',')
		(*s)++;
}

/* "(ID,VERSION)" items separated by commas or spaces. */
static int parse_deps(const char *arg, struct sign_opts *o)
{
	const char *s = arg;
	uint32_t id;

	for (skip_seps(&s); *s; skip_seps(&s)) {
		struct image_dep *d = &o->deps[o->nr_deps];

		if (o->nr_deps == IMAGE_MAX_DEPS) {
			rimg_err("at most %d dependencies (the bootloader refuses more)",
				 IMAGE_MAX_DEPS);
			return -1;
		}
		if (*s++ != '(' || parse_dec(&s, 255, &id))
			goto bad;
		while (*s == ' ')
			s++;
		if (*s++ != ',')
			goto bad;
		while (*s == ' ')
			s++;
		if (parse_version(&s, &d->min_version) || *s++ != ')')
			goto bad;
		d->image_id = (uint8_t)id;
		o->nr_deps++;
	}
	if (o->nr_deps)
		return 0;
bad:
	rimg_err("bad dependencies '%s' (want \"(ID,MAJOR.MINOR.REVISION+BUILD)\", ...)", arg);
	return -1;
}

static int parse_sec_cnt(const char *arg, struct sign_opts *o)
{
	o->has_sec_cnt = true;
	if (!strcmp(arg, "auto")) {
		o->sec_cnt_auto = true;
		return 0;
	}
	return rimg_parse_u32(arg, "--security-counter", &o->sec_cnt);
}

static bool is_pow2_in(uint32_t v, uint32_t lo, uint32_t hi)
{
	return v >= lo && v <= hi && !(v & (v - 1));
}

enum { OPT_PAD_HEADER = 256, OPT_ALIGN, OPT_PAD, OPT_CONFIRM, OPT_LOAD_ADDR, OPT_PKFMT,
       OPT_MAX_ALIGN, OPT_NON_BOOTABLE, OPT_ROM_FIXED };

static const struct option sign_long_opts[] = {
	{ "key", required_argument, NULL, 'k' },
	{ "version", required_argument, NULL, 'v' },
	{ "header-size", required_argument, NULL, 'H' },
	{ "pad-header", no_argument, NULL, OPT_PAD_HEADER },
	{ "slot-size", required_argument, NULL, 'S' },
	{ "align", required_argument, NULL, OPT_ALIGN },
	{ "max-align", required_argument, NULL, OPT_MAX_ALIGN },
	{ "max-sectors", required_argument, NULL, 'M' },
	{ "pad", no_argument, NULL, OPT_PAD },
	{ "confirm", no_argument, NULL, OPT_CONFIRM },
	{ "security-counter", required_argument, NULL, 's' },
	{ "dependencies", required_argument, NULL, 'd' },
	{ "load-addr", required_argument, NULL, OPT_LOAD_ADDR },
	{ "rom-fixed", required_argument, NULL, OPT_ROM_FIXED },
	{ "public-key-format", required_argument, NULL, OPT_PKFMT },
	{ "non-bootable", no_argument, NULL, OPT_NON_BOOTABLE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* One option. Returns 0, -1 on a bad value, 1 for --help. */
static int sign_opt(int c, struct sign_opts *o)
{
	switch (c) {
	case 'k': o->key_path = optarg; return 0;
	case 'v': o->have_version = true; return parse_version_arg(optarg, &o->version);
	case 'H': return rimg_parse_u32(optarg, "--header-size", &o->hdr_size);
	case OPT_PAD_HEADER: o->pad_header = true; return 0;
	case 'S': return rimg_parse_u32(optarg, "--slot-size", &o->slot_size);
	case OPT_ALIGN: return rimg_parse_u32(optarg, "--align", &o->align);
	case OPT_MAX_ALIGN: return rimg_parse_u32(optarg, "--max-align", &o->max_align);
	case 'M': return rimg_parse_u32(optarg, "--max-sectors", &o->max_sectors);
	case OPT_PAD: o->pad = true; return 0;
	case OPT_CONFIRM: o->confirm = o->pad = true; return 0;
	case 's': return parse_sec_cnt(optarg, o);
	case 'd': return parse_deps(optarg, o);
	case OPT_LOAD_ADDR: return rimg_parse_u32(optarg, "--load-addr", &o->load_addr);
	case OPT_ROM_FIXED: return rimg_parse_u32(optarg, "--rom-fixed", &o->rom_fixed);
	case OPT_NON_BOOTABLE: o->non_bootable = true; return 0;
	case OPT_PKFMT:
		o->full_pubkey = !strcmp(optarg, "full");
		if (o->full_pubkey || !strcmp(optarg, "hash"))
			return 0;
		rimg_err("--public-key-format must be hash or full");
		return -1;
	case 'h': return 1;
	default: return -1;
	}
}

static int sign_check_opts(const struct sign_opts *o)
{
	if (!o->have_version || !o->hdr_size || !o->slot_size || !o->in || !o->out) {
		rimg_err("sign needs -v VERSION, -H HEADER_SIZE, -S SLOT_SIZE, INFILE and OUTFILE");
		return -1;
	}
	if (o->hdr_size < MCUBOOT_HDR_LEN || o->hdr_size > UINT16_MAX) {
		rimg_err("--header-size must be between %d and 65535", MCUBOOT_HDR_LEN);
		return -1;
	}
	if (!is_pow2_in(o->align, 1, 32) || !is_pow2_in(o->max_align, 8, 32) ||
	    o->max_align < o->align) {
		rimg_err("--align must be 1, 2, 4, 8, 16 or 32 and --max-align 8, 16 or 32, "
			 "at least --align");
		return -1;
	}
	if (!o->max_sectors || o->max_sectors > 0x10000) {
		rimg_err("--max-sectors must be between 1 and 65536");
		return -1;
	}
	/* Both live in ih_load_addr. */
	if (o->load_addr && o->rom_fixed) {
		rimg_err("--load-addr and --rom-fixed exclude each other");
		return -1;
	}
	return 0;
}

static int sign_parse(int argc, char **argv, struct sign_opts *o)
{
	int c, rc;

	memset(o, 0, sizeof(*o));
	o->align = 1;
	o->max_sectors = DEFAULT_MAX_SECTORS;
	rimg_getopt_reset();
	while ((c = getopt_long(argc, argv, "k:v:H:S:M:s:d:h", sign_long_opts, NULL)) != -1) {
		rc = sign_opt(c, o);
		if (rc)
			return rc;
	}
	/* imgtool: the loader's max-align is at least the write alignment. */
	if (!o->max_align)
		o->max_align = MAX((uint32_t)TRAILER_ALIGN_MIN, o->align);
	if (argc - optind == 2) {
		o->in = argv[optind];
		o->out = argv[optind + 1];
	}
	return sign_check_opts(o);
}

/*
 * Header + payload: the input with hdr_size bytes of header in front (filled with the erased
 * value 0xff, as imgtool does) or in the input's own zero head.
 */
static int put_payload(struct obuf *img, const struct sign_opts *o, const uint8_t *in,
		       size_t in_len)
{
	size_t i;

	if (o->pad_header)
		return obuf_fill(img, 0xff, o->hdr_size) || obuf_put(img, in, in_len) ? -1 : 0;
	for (i = 0; i < o->hdr_size && i < in_len; i++) {
		if (in[i]) {
			rimg_err("%s: the first %u bytes are not zero; use --pad-header", o->in,
				 o->hdr_size);
			return -1;
		}
	}
	if (in_len < o->hdr_size) {
		rimg_err("%s: shorter than the header size; use --pad-header", o->in);
		return -1;
	}
	return obuf_put(img, in, in_len);
}

static void put_header(uint8_t *h, const struct sign_opts *o, uint32_t img_size,
		       uint16_t prot_size)
{
	uint32_t flags = 0;

	if (o->load_addr)
		flags |= IMAGE_F_RAM_LOAD;
	if (o->rom_fixed)
		flags |= IMAGE_F_ROM_FIXED;
	if (o->non_bootable)
		flags |= IMAGE_F_NON_BOOTABLE;
	memset(h, 0, MCUBOOT_HDR_LEN);
	put_le32(h + 0x00, MCUBOOT_IMAGE_MAGIC);
	put_le32(h + 0x04, o->rom_fixed ? o->rom_fixed : o->load_addr);
	put_le16(h + 0x08, (uint16_t)o->hdr_size);
	put_le16(h + 0x0a, prot_size);
	put_le32(h + 0x0c, img_size);
	put_le32(h + 0x10, flags);
	h[0x14] = o->version.major;
	h[0x15] = o->version.minor;
	put_le16(h + 0x16, o->version.revision);
	put_le32(h + 0x18, o->version.build);
}

/* The protected TLVs in imgtool's order: SEC_CNT, then each DEPENDENCY. */
static int build_protected(struct obuf *prot, const struct sign_opts *o)
{
	const struct image_version *v = &o->version;
	uint8_t b[IMAGE_TLV_DEPENDENCY_LEN];
	unsigned int i;

	if (o->has_sec_cnt) {
		put_le32(b, o->sec_cnt_auto ? (uint32_t)v->major << 24 | (uint32_t)v->minor << 16 |
					      v->revision : o->sec_cnt);
		if (obuf_tlv(prot, IMAGE_TLV_SEC_CNT, b, IMAGE_TLV_SEC_CNT_LEN))
			return -1;
	}
	for (i = 0; i < o->nr_deps; i++) {
		const struct image_dep *d = &o->deps[i];

		memset(b, 0, sizeof(b));
		b[0] = d->image_id;
		b[4] = d->min_version.major;
		b[5] = d->min_version.minor;
		put_le16(b + 6, d->min_version.revision);
		put_le32(b + 8, d->min_version.build);
		if (obuf_tlv(prot, IMAGE_TLV_DEPENDENCY, b, sizeof(b)))
			return -1;
	}
	return 0;
}

static int put_info(struct obuf *img, uint16_t magic, size_t body_len)
{
	uint8_t info[IMAGE_TLV_INFO_LEN];

	if (body_len > UINT16_MAX - IMAGE_TLV_INFO_LEN) {
		rimg_err("TLV area too large");
		return -1;
	}
	put_le16(info, magic);
	put_le16(info + 2, (uint16_t)(body_len + IMAGE_TLV_INFO_LEN));
	return obuf_put(img, info, sizeof(info));
}

/* SHA256, then (with a key) KEYHASH or PUBKEY and the signature over the digest. */
static int build_unprotected(struct obuf *unprot, const struct rimg_key *key,
			     const struct sign_opts *o, const uint8_t digest[SHA256_LEN])
{
	uint8_t sig[RIMG_SIG_MAX];
	size_t sig_len;

	if (obuf_tlv(unprot, IMAGE_TLV_SHA256, digest, SHA256_LEN))
		return -1;
	if (!key)
		return 0;
	if (o->full_pubkey ? obuf_tlv(unprot, IMAGE_TLV_PUBKEY, key->der, key->der_len) :
			     obuf_tlv(unprot, IMAGE_TLV_KEYHASH, key->sha256, SHA256_LEN))
		return -1;
	if (rimg_key_sign(key, digest, sig, &sig_len))
		return -1;
	return obuf_tlv(unprot, key->alg == SIG_ED25519 ? IMAGE_TLV_ED25519 : IMAGE_TLV_ECDSA_SIG,
			sig, sig_len);
}

static void sha256_of(const uint8_t *data, size_t len, uint8_t digest[SHA256_LEN])
{
	struct crypto_hash h;

	crypto_hash_init(&h, HASH_SHA256);
	crypto_hash_update(&h, data, len);
	crypto_hash_final(&h, digest);
}

/* Header, payload and both TLV areas into img. */
static int build_image(struct obuf *img, const struct sign_opts *o, const struct rimg_key *key,
		       const uint8_t *in, size_t in_len)
{
	struct obuf prot = { 0 }, unprot = { 0 };
	uint8_t digest[SHA256_LEN];
	size_t prot_size = 0;
	int rc;

	rc = put_payload(img, o, in, in_len) || build_protected(&prot, o);
	if (!rc && img->len - o->hdr_size > UINT32_MAX) {
		rimg_err("%s: too large", o->in);
		rc = -1;
	}
	if (!rc && prot.len) {
		prot_size = prot.len + IMAGE_TLV_INFO_LEN;
		rc = put_info(img, IMAGE_TLV_PROT_INFO_MAGIC, prot.len) ||
		     obuf_put(img, prot.p, prot.len);
	}
	if (!rc) {
		put_header(img->p, o, (uint32_t)(img->len - o->hdr_size - prot_size),
			   (uint16_t)prot_size);
		sha256_of(img->p, img->len, digest);
		rc = build_unprotected(&unprot, key, o, digest) ||
		     put_info(img, IMAGE_TLV_INFO_MAGIC, unprot.len) ||
		     obuf_put(img, unprot.p, unprot.len);
	}
	free(prot.p);
	free(unprot.p);
	return rc ? -1 : 0;
}

/* Swap-mode trailer size as imgtool computes it (status uses 3 records per sector). */
static size_t trailer_size(const struct sign_opts *o)
{
	return (size_t)o->max_sectors * 3 * o->align + 4 * o->max_align +
	       ALIGN_UP((size_t)TRAILER_MAGIC_LEN, o->max_align);
}

static int fit_and_pad(struct obuf *img, const struct sign_opts *o)
{
	size_t tsize = trailer_size(o);
	struct rimg_flash fl;

	if (tsize > o->slot_size || img->len > o->slot_size - tsize) {
		rimg_err("image (%#zx bytes) + trailer (%#zx bytes) does not fit the slot "
			 "(%#x bytes)", img->len, tsize, o->slot_size);
		return -1;
	}
	if (!o->pad)
		return 0;
	if (obuf_fill(img, 0xff, o->slot_size - img->len))
		return -1;
	/* The loader's own trailer writer, on the padded slot as if it were erased flash. */
	rimg_flash_init_rw(&fl, img->p, (uint32_t)img->len);
	if (trailer_write_magic(&fl.area, o->max_align) ||
	    (o->confirm && trailer_write_image_ok(&fl.area, o->max_align))) {
		rimg_err("slot size %#x is not a multiple of the max align %u", o->slot_size,
			 o->max_align);
		return -1;
	}
	return 0;
}

int cmd_sign(int argc, char **argv)
{
	struct sign_opts o;
	struct rimg_key key;
	struct obuf img = { 0 };
	uint8_t *in = NULL;
	size_t in_len;
	int rc;

	rc = sign_parse(argc, argv, &o);
	if (rc > 0) {
		fputs(sign_help, stdout);
		return RIMG_EXIT_OK;
	}
	if (rc)
		return rimg_usage_hint("sign");
	if (o.key_path && rimg_key_load(&key, o.key_path))
		return RIMG_EXIT_FAIL;
	rc = rimg_read_file(o.in, &in, &in_len) ||
	     build_image(&img, &o, o.key_path ? &key : NULL, in, in_len) ||
	     fit_and_pad(&img, &o) || rimg_write_file(o.out, img.p, img.len, false);
	if (o.key_path)
		rimg_key_free(&key);
	free(in);
	free(img.p);
	return rc ? RIMG_EXIT_FAIL : RIMG_EXIT_OK;
}
