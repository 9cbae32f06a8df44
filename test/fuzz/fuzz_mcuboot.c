// SPDX-License-Identifier: Apache-2.0
/*
 * Fuzz harness for the MCUboot parser: mcuboot_probe(), mcuboot_validate() and the TLV
 * iterator (boot/image/mcuboot.c, boot/image/tlv.c), reading through drivers/flash/core.c and
 * the host tool's memory-backed flash device (scripts/rampart-img/memflash.c).
 *
 * Input: one selector byte, then the image bytes, which go at offset 0 of the flash area.
 *   bit 0     0: a 0x40000-byte slot, erased after the image; 1: an area exactly as long as
 *             the image (ASan then catches any read past its end)
 *   bit 1     the device's erased value is 0x00 instead of 0xff (also fills the slot)
 *   bit 2     do what any attacker can and the fuzzer cannot: write the SHA-256 of the signed
 *             region into the first SHA256 TLV, so that mutated images reach the signature
 *             checks instead of stopping at "hash mismatch"
 *   bit 3     fail one flash read during mcuboot_validate() with -EIO ...
 *   bits 4-7  ... the read with this index (0 = the first)
 * `tail -c +2 CRASH > image.bin` gives the image of a reproducer (before any bit-2 fix-up;
 * FUZZ_VERBOSE=1 prints the verdict).
 *
 * Properties checked (a violation traps):
 *  - validate accepts only an image whose signed region (header, payload, protected TLVs, as
 *    the raw header bytes delimit it) hashes to that of a known-good image signed by the same
 *    algorithm (vectors.h); info->hash is that digest, info->key is a keyring key, the sizes
 *    it reports lie inside the area and match the TLV walk;
 *  - a refusal has the exact fail pattern, a negative info->err, a non-empty info->reason and
 *    no key; -ERANGE (a read the flash core refused) only for an area shorter than a header;
 *  - mcuboot_probe() returns 0, -ENOENT or -EBADMSG and agrees with validate on "erased";
 *  - validate reads at most 128 bytes at a time (its documented chunk size);
 *  - tlv_iter_begin/next describe a layout inside the area: TLVs contiguous from the first
 *    info, each inside its own area, -ENOENT exactly at the end, errors sticky with a reason.
 */
#include <stdlib.h>
#include <string.h>
#include <rampart/errno.h>
#include <rampart/image.h>
#include "scripts/rampart-img/rimg.h"
#include "test/fuzz/fuzz_util.h"

#define SLOT_SIZE 0x40000u
#define SEL_EXACT 0x01u
#define SEL_ERASED_ZERO 0x02u
#define SEL_FIX_HASH 0x04u
#define SEL_FAIL_READ 0x08u
#define SEL_FAIL_SHIFT 4
#define VALIDATE_READ_MAX 128	/* READ_CHUNK in mcuboot.c, documented in image.h */

static uint8_t *slot;		/* malloc'd so ASan guards its end */
static uint8_t *exact;		/* this input's copy for an exact-size area, or NULL */
static size_t slot_dirty;	/* leading bytes of slot that hold the previous input */
static uint8_t slot_erased = 0xff;

/*
 * Every read goes through this wrapper around memflash's ops: it checks the chunk size while
 * validate runs and fails the chosen read.
 */
static const struct flash_ops *mem_ops;
static bool in_validate;
static int reads_to_fail = -1;	/* reads to let pass before failing one; -1: none */
static bool read_failed;

static int checked_read(const struct flash_dev *dev, uint32_t off, void *buf, size_t len)
{
	if (in_validate) {
		FUZZ_CHECK(len <= VALIDATE_READ_MAX);
		if (reads_to_fail == 0) {
			reads_to_fail = -1;
			read_failed = true;
			return -EIO;
		}
		if (reads_to_fail > 0)
			reads_to_fail--;
	}
	return mem_ops->read(dev, off, buf, len);
}

static const struct flash_ops checked_ops = { .read = checked_read };

/* FUZZ_VERBOSE=1 in the environment: print each verdict (for reproducing a finding). */
static bool verbose;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_selftest();
	verbose = getenv("FUZZ_VERBOSE") != NULL;
	slot = malloc(SLOT_SIZE);
	FUZZ_CHECK(slot != NULL);
	memset(slot, slot_erased, SLOT_SIZE);
	return 0;
}

/*
 * Puts the SHA-256 of the signed region, as the raw header delimits it, in the first SHA256
 * TLV. Returns the end of the bytes it wrote, or 0.
 */
static size_t fix_hash_tlv(uint8_t *mem, size_t size)
{
	uint8_t digest[SHA256_LEN];
	uint64_t info, end, pos;

	if (size < MCUBOOT_HDR_LEN)
		return 0;
	/* The unprotected info follows header, payload and protected area. */
	info = (uint64_t)get_le16(mem + 8) + get_le32(mem + 12) + get_le16(mem + 10);
	if (info + IMAGE_TLV_INFO_LEN > size)
		return 0;
	end = MIN(info + get_le16(mem + info + 2), size);
	fuzz_sha256(mem, (size_t)info, digest);
	for (pos = info + IMAGE_TLV_INFO_LEN; pos + IMAGE_TLV_HDR_LEN <= end;
	     pos += IMAGE_TLV_HDR_LEN + get_le16(mem + pos + 2)) {
		if (get_le16(mem + pos) == IMAGE_TLV_SHA256 && get_le16(mem + pos + 2) == SHA256_LEN &&
		    pos + IMAGE_TLV_HDR_LEN + SHA256_LEN <= end) {
			memcpy(mem + pos + IMAGE_TLV_HDR_LEN, digest, SHA256_LEN);
			return (size_t)pos + IMAGE_TLV_HDR_LEN + SHA256_LEN;
		}
	}
	return 0;
}

/* The area bytes: the image, then (slot shape) erased bytes up to SLOT_SIZE. */
static void area_init(struct rimg_flash *fl, const uint8_t *img, size_t len, uint8_t sel)
{
	uint8_t erased = sel & SEL_ERASED_ZERO ? 0x00 : 0xff;
	uint8_t *mem;
	size_t size;

	if (sel & SEL_EXACT) {
		/* A copy of exactly len bytes: reading past it is an ASan report. */
		exact = malloc(len ? len : 1);
		FUZZ_CHECK(exact != NULL);
		memcpy(exact, img, len);
		mem = exact;
		size = len;
	} else {
		len = MIN(len, SLOT_SIZE);
		if (erased != slot_erased) {
			slot_erased = erased;
			slot_dirty = SLOT_SIZE;
		}
		memset(slot, erased, slot_dirty);
		memcpy(slot, img, len);
		slot_dirty = len;
		mem = slot;
		size = SLOT_SIZE;
	}
	if (sel & SEL_FIX_HASH) {
		size_t end = fix_hash_tlv(mem, size);

		if (mem == slot)
			slot_dirty = MAX(slot_dirty, end);
	}
	rimg_flash_init(fl, mem, (uint32_t)size);
	fl->dev.geo.erased_val = erased;
	mem_ops = fl->dev.ops;
	fl->dev.ops = &checked_ops;
}

/* What the independent TLV walk saw. */
struct walk {
	int rc;			/* header read, tlv_iter_begin, or the final tlv_iter_next */
	uint32_t end;		/* it.end after a good begin */
};

static void check_tlv_walk(const struct flash_area *fa, struct walk *w)
{
	static uint8_t value[0x10000];
	struct mcuboot_header hdr;
	struct tlv_iter it;
	struct tlv_entry t;
	uint64_t tlv_off;
	uint32_t pos, area_end, n = 0;
	const char *name;
	int rc;

	memset(w, 0, sizeof(*w));
	w->rc = mcuboot_header_read(fa, &hdr);
	if (w->rc) {
		FUZZ_CHECK(w->rc == -ERANGE && fa->size < MCUBOOT_HDR_LEN);
		return;
	}
	w->rc = tlv_iter_begin(&it, fa, &hdr);
	if (w->rc) {
		FUZZ_CHECK(w->rc == -EOVERFLOW || w->rc == -EFBIG || w->rc == -EBADMSG);
		FUZZ_CHECK(it.reason && it.reason[0]);
		return;
	}
	tlv_off = (uint64_t)hdr.hdr_size + hdr.img_size;
	FUZZ_CHECK(it.tlv_off == tlv_off);
	FUZZ_CHECK(it.prot_end == tlv_off + hdr.prot_tlv_size);
	FUZZ_CHECK(it.prot_end <= it.end && it.end <= fa->size);
	FUZZ_CHECK(it.end - it.prot_end >= IMAGE_TLV_INFO_LEN);
	w->end = it.end;

	pos = it.tlv_off + IMAGE_TLV_INFO_LEN;
	while (!(rc = tlv_iter_next(&it, &t))) {
		FUZZ_CHECK(++n <= fa->size / IMAGE_TLV_HDR_LEN);
		if (pos == it.prot_end && it.prot_end > it.tlv_off)
			pos += IMAGE_TLV_INFO_LEN;	/* the unprotected info */
		FUZZ_CHECK(t.off == pos + IMAGE_TLV_HDR_LEN);
		FUZZ_CHECK(t.prot == (pos < it.prot_end));
		area_end = t.prot ? it.prot_end : it.end;
		FUZZ_CHECK(t.off <= area_end && t.len <= area_end - t.off);
		FUZZ_CHECK(flash_area_read(fa, t.off, value, t.len) == 0);
		name = tlv_type_name(t.type);
		FUZZ_CHECK(!name || name[0]);
		pos = t.off + t.len;
	}
	if (rc == -ENOENT) {
		if (pos == it.prot_end && it.prot_end > it.tlv_off)
			pos += IMAGE_TLV_INFO_LEN;
		FUZZ_CHECK(pos == it.end);
	} else {
		FUZZ_CHECK(rc == -EBADMSG && it.reason && it.reason[0]);
	}
	FUZZ_CHECK(tlv_iter_next(&it, &t) == rc);	/* sticky, and -ENOENT stays -ENOENT */
	w->rc = rc;
}

static bool is_keyring_key(const struct trusted_key *k)
{
	return k == &fuzz_keys[0] || k == &fuzz_keys[1];
}

/* Validate said OK: the signed region must be one of the known-good ones. */
static void check_accepted(const struct flash_area *fa, const uint8_t *mem,
			   const struct image_info *info, const struct walk *w, int probe)
{
	uint8_t digest[SHA256_LEN];
	uint64_t signed_end;
	size_t i;
	bool known = false;

	FUZZ_CHECK(info->err == 0 && info->reason == NULL);
	FUZZ_CHECK(is_keyring_key(info->key));
	FUZZ_CHECK(probe == 0);
	FUZZ_CHECK(fa->size >= MCUBOOT_HDR_LEN);
	/* Delimit the signed region from the raw header bytes, not from anything the parser said. */
	signed_end = (uint64_t)get_le16(mem + 8) + get_le32(mem + 12) + get_le16(mem + 10);
	FUZZ_CHECK(signed_end < fa->size);
	fuzz_sha256(mem, (size_t)signed_end, digest);
	for (i = 0; i < ARRAY_SIZE(fv_good_images); i++)
		known |= !memcmp(digest, fv_good_images[i].signed_sha256, SHA256_LEN) &&
			 fv_good_images[i].alg == info->key->alg;
	FUZZ_CHECK(known);
	FUZZ_CHECK(info->hash_alg == HASH_SHA256);
	FUZZ_CHECK(memcmp(info->hash, digest, SHA256_LEN) == 0);
	FUZZ_CHECK(info->hdr_size == get_le16(mem + 8) && info->img_size == get_le32(mem + 12) &&
		   info->prot_tlv_size == get_le16(mem + 10));
	FUZZ_CHECK(w->rc == -ENOENT && info->total_size == w->end);
	FUZZ_CHECK(info->total_size > signed_end && info->total_size <= fa->size);
	FUZZ_CHECK(info->nr_deps <= IMAGE_MAX_DEPS);
}

static void check_refused(const struct flash_area *fa, const struct image_info *info, int probe)
{
	FUZZ_CHECK(info->err < 0);
	FUZZ_CHECK(info->reason && info->reason[0]);
	FUZZ_CHECK(strnlen(info->reason, 256) < 256);
	FUZZ_CHECK(info->key == NULL);
	/* The flash core refuses out-of-area reads with -ERANGE: the parser must never issue one. */
	FUZZ_CHECK(info->err != -ERANGE || fa->size < MCUBOOT_HDR_LEN);
	if (read_failed)
		return;
	FUZZ_CHECK(info->err != -EIO);
	FUZZ_CHECK((probe == -ENOENT) == (info->err == -ENOENT));
	if (probe == -EBADMSG)
		FUZZ_CHECK(info->err == -EBADMSG || info->err == -ERANGE);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rimg_flash fl;
	struct image_info info;
	struct walk w;
	char ver[IMAGE_VERSION_STR_MAX];
	uint8_t sel;
	verdict_t v;
	int probe;

	if (size < 1)
		return 0;
	sel = data[0];
	area_init(&fl, data + 1, size - 1, sel);

	probe = mcuboot_probe(&fl.area);
	FUZZ_CHECK(probe == 0 || probe == -ENOENT || probe == -EBADMSG);
	check_tlv_walk(&fl.area, &w);

	in_validate = true;
	read_failed = false;
	reads_to_fail = sel & SEL_FAIL_READ ? sel >> SEL_FAIL_SHIFT : -1;
	v = mcuboot_validate(&fl.area, &fuzz_keyring, &info);
	in_validate = false;
	reads_to_fail = -1;
	if (verbose)
		fprintf(stderr, "%s area of %u bytes: probe %d, validate %s (err %d%s%s%s%s)\n",
			sel & SEL_EXACT ? "exact" : "slot", fl.area.size, probe,
			verdict_is_ok(v) ? "OK" : "FAIL", info.err, info.reason ? ", " : "",
			info.reason ? info.reason : "", info.key ? ", key " : "",
			info.key ? info.key->name : "");

	if (fuzz_verdict_ok(v))
		check_accepted(&fl.area, fl.buf, &info, &w, probe);
	else
		check_refused(&fl.area, &info, probe);

	FUZZ_CHECK(strlen(image_version_str(&info.version, ver, sizeof(ver))) < sizeof(ver));
	FUZZ_CHECK(strlen(image_version_str(&info.version, ver, 1 + sel % 8)) < 1 + sel % 8u);
	FUZZ_CHECK(image_version_str(&info.version, ver, 0) == ver);
	free(exact);
	exact = NULL;
	return 0;
}
