// SPDX-License-Identifier: Apache-2.0
/*
 * boot/image (MCUboot header, TLV iterator, validation), boot/policy/keys.c and the
 * rampart-img signer: the imgtool vectors, every hostile image of test/vectors/hostile.txt
 * (in a slot that ends with the image and at the start of a larger erased slot), truncation
 * and mutation sweeps, and flash read errors at every read.
 *
 * Started under the name "rampart-img" this binary is the tool (gen-hostile.sh needs one).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scripts/rampart-img/rimg.h"

#define VEC SRCTREE "/test/vectors/imgtool/"
#define SLOT_SIZE 0x40000u

struct file {
	uint8_t *buf;
	size_t len;
};

static struct rimg_key vkeys[2];	/* the vector keys: ecdsa-p256, ed25519 */
static struct trusted_key vtks[2];
static const struct keyring vkeyring = { vtks, 2 };
static char tmpdir[PATH_MAX];

static struct file load(const char *path)
{
	struct file f;

	if (rimg_read_file(path, &f.buf, &f.len))
		fail_msg("cannot read %s", path);
	return f;
}

static struct file load_vec(const char *name)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), VEC "%s", name);
	return load(path);
}

/* Validate len bytes in an area of area_size bytes; bytes past len read as erased. */
static verdict_t validate_in(const uint8_t *img, size_t len, size_t area_size,
			     const struct keyring *kr, struct image_info *info)
{
	uint8_t *buf = malloc(area_size ? area_size : 1);
	struct rimg_flash fl;
	verdict_t v;

	assert_non_null(buf);
	memset(buf, 0xff, area_size);
	memcpy(buf, img, MIN(len, area_size));
	rimg_flash_init(&fl, buf, (uint32_t)area_size);
	v = mcuboot_validate(&fl.area, kr, info);
	free(buf);
	return v;
}

static verdict_t validate(const uint8_t *img, size_t len, struct image_info *info)
{
	return validate_in(img, len, len, &vkeyring, info);
}

static bool reason_matches(const char *reason, const char *regex)
{
	regex_t re;
	bool ok;

	assert_int_equal(regcomp(&re, regex, REG_ICASE | REG_NOSUB), 0);
	ok = reason && !regexec(&re, reason, 0, NULL, 0);
	regfree(&re);
	return ok;
}

/* Refused with an error code and a reason matching @regex (if given)? Prints why not. */
static bool refused_as(const uint8_t *img, size_t len, size_t area, const char *regex,
		       const char *what)
{
	struct image_info info;
	verdict_t v = validate_in(img, len, area, &vkeyring, &info);

	if (verdict_is_ok(v)) {
		print_error("%s: accepted\n", what);
		return false;
	}
	if (info.err >= 0 || info.key) {
		print_error("%s: refused without an error code (err %d)\n", what, info.err);
		return false;
	}
	if (regex && !reason_matches(info.reason, regex)) {
		print_error("%s: reason '%s' does not match '%s'\n", what, info.reason, regex);
		return false;
	}
	return true;
}

static void assert_refused(const uint8_t *img, size_t len, size_t area, const char *regex,
			   const char *what)
{
	if (!refused_as(img, len, area, regex, what))
		fail();
}

static void assert_accepted(const struct file *f, size_t area, const char *key,
			    const char *version, struct image_info *info)
{
	char ver[IMAGE_VERSION_STR_MAX];
	verdict_t v = validate_in(f->buf, f->len, area, &vkeyring, info);

	if (!verdict_is_ok(v))
		fail_msg("refused: %s", info->reason);
	assert_int_equal(info->err, 0);
	assert_non_null(info->key);
	assert_string_equal(info->key->name, key);
	assert_string_equal(image_version_str(&info->version, ver, sizeof(ver)), version);
	assert_int_equal(info->hash_alg, HASH_SHA256);
}

/* The value of the first TLV of @type, via the iterator; NULL if none. */
static const uint8_t *find_tlv(const struct file *f, uint16_t type, uint16_t *len)
{
	struct rimg_flash fl;
	struct mcuboot_header h;
	struct tlv_iter it;
	struct tlv_entry t;

	rimg_flash_init(&fl, f->buf, (uint32_t)f->len);
	assert_int_equal(mcuboot_header_read(&fl.area, &h), 0);
	assert_int_equal(tlv_iter_begin(&it, &fl.area, &h), 0);
	while (!tlv_iter_next(&it, &t)) {
		if (t.type == type) {
			*len = t.len;
			return f->buf + t.off;
		}
	}
	return NULL;
}

/* ---- good vectors --------------------------------------------------------------------- */

static void test_accepts_ecdsa_p256_vector(void **state)
{
	struct file f = load_vec("ecdsa-p256.bin");
	struct image_info info;
	const uint8_t *tlv_hash;
	uint16_t n;

	(void)state;
	assert_accepted(&f, f.len, "ecdsa-p256", "1.2.3+4", &info);
	assert_int_equal(info.hdr_size, 0x200);
	assert_int_equal(info.img_size, 0x4e20);
	assert_int_equal(info.prot_tlv_size, 0);
	assert_int_equal(info.total_size, f.len);
	assert_int_equal(info.flags, 0);
	assert_int_equal(info.load_addr, 0);
	assert_false(info.has_sec_cnt);
	assert_int_equal(info.nr_deps, 0);
	tlv_hash = find_tlv(&f, IMAGE_TLV_SHA256, &n);
	assert_non_null(tlv_hash);
	assert_memory_equal(info.hash, tlv_hash, SHA256_LEN);
	free(f.buf);
}

static void test_accepts_ed25519_vector(void **state)
{
	struct file f = load_vec("ed25519.bin");
	struct image_info info;

	(void)state;
	assert_accepted(&f, f.len, "ed25519", "1.2.3+4", &info);
	assert_int_equal(info.key->alg, SIG_ED25519);
	free(f.buf);
}

static void test_accepts_prot_tlvs_with_sec_cnt_and_dependency(void **state)
{
	struct file f = load_vec("ecdsa-p256-prot-tlvs.bin");
	struct image_info info;

	(void)state;
	assert_accepted(&f, f.len, "ecdsa-p256", "2.0.0+0", &info);
	assert_int_equal(info.prot_tlv_size, 0x7b);
	assert_true(info.has_sec_cnt);
	assert_int_equal(info.sec_cnt, 0x02000000);
	assert_int_equal(info.nr_deps, 1);
	assert_int_equal(info.deps[0].image_id, 1);
	assert_int_equal(info.deps[0].min_version.major, 1);
	assert_int_equal(info.deps[0].min_version.minor, 0);
	assert_int_equal(info.deps[0].min_version.revision, 0);
	assert_int_equal(info.deps[0].min_version.build, 0);
	free(f.buf);
}

static void test_accepts_padded_vectors_in_their_slot(void **state)
{
	static const char *const names[] = { "ecdsa-p256-confirmed-padded.bin",
					     "ecdsa-p256-test-padded.bin" };
	struct image_info info;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		struct file f = load_vec(names[i]);

		assert_int_equal(f.len, SLOT_SIZE);
		assert_accepted(&f, f.len, "ecdsa-p256", "1.0.0+0", &info);
		assert_int_equal(info.total_size, 0x5020 + (i ? 0x98 : 0x97));
		free(f.buf);
	}
}

static void test_accepts_image_at_start_of_erased_slot(void **state)
{
	struct file f = load_vec("ed25519.bin");
	struct image_info info;

	(void)state;
	assert_accepted(&f, SLOT_SIZE, "ed25519", "1.2.3+4", &info);
	free(f.buf);
}

/* ---- refused vectors ------------------------------------------------------------------ */

static void test_refuses_rsa_as_unsupported(void **state)
{
	struct file f = load_vec("rsa-2048.bin");
	struct image_info info;

	(void)state;
	assert_false(verdict_is_ok(validate(f.buf, f.len, &info)));
	assert_int_equal(info.err, -ENOTSUP);
	assert_true(reason_matches(info.reason, "RSA signatures not supported"));
	free(f.buf);
}

static void test_refuses_encrypted_as_unsupported(void **state)
{
	struct file f = load_vec("ed25519-enc-x25519.bin");
	struct image_info info;

	(void)state;
	assert_false(verdict_is_ok(validate(f.buf, f.len, &info)));
	assert_int_equal(info.err, -ENOTSUP);
	assert_string_equal(info.reason, "encrypted images not supported in this build");
	free(f.buf);
}

static void test_refuses_tampered_with_hash_mismatch(void **state)
{
	struct file f = load_vec("ecdsa-p256-tampered.bin");
	struct image_info info;

	(void)state;
	assert_false(verdict_is_ok(validate(f.buf, f.len, &info)));
	assert_int_equal(info.err, -EACCES);
	assert_string_equal(info.reason, "hash mismatch");
	assert_null(info.key);
	free(f.buf);
}

static void test_refuses_unsigned_vector(void **state)
{
	struct file f = load_vec("unsigned-sha256.bin");

	(void)state;
	assert_refused(f.buf, f.len, f.len, "^unsigned image (no signature TLV)$", "unsigned");
	free(f.buf);
}

static void test_refuses_image_whose_key_is_not_in_the_keyring(void **state)
{
	const struct keyring only_ed = { &vtks[1], 1 };
	struct file f = load_vec("ecdsa-p256.bin");
	struct image_info info;

	(void)state;
	assert_false(verdict_is_ok(validate_in(f.buf, f.len, f.len, &only_ed, &info)));
	assert_int_equal(info.err, -ENOKEY);
	assert_string_equal(info.reason, "no signature by a trusted key");
	free(f.buf);
}

static void test_refuses_with_empty_keyring(void **state)
{
	const struct keyring none = { NULL, 0 };
	struct file f = load_vec("ed25519.bin");
	struct image_info info;

	(void)state;
	assert_false(verdict_is_ok(validate_in(f.buf, f.len, f.len, &none, &info)));
	assert_int_equal(info.err, -ENOKEY);
	free(f.buf);
}

/*
 * MCUboot's legacy --pad-sig: zeros after the DER up to 72 bytes are accepted. The
 * confirmed-padded vector's signature is 71 bytes and its TLVs end the image.
 */
static void test_accepts_legacy_zero_padded_ecdsa_signature(void **state)
{
	struct file f = load_vec("ecdsa-p256-confirmed-padded.bin");
	size_t end = 0x5020 + 0x97, sig_hdr = end - 71 - 4;
	struct file g = { malloc(end + 1), end + 1 };
	struct image_info info;

	(void)state;
	assert_non_null(g.buf);
	memcpy(g.buf, f.buf, end);
	g.buf[end] = 0;
	put_le16(g.buf + 0x5022, 0x98);
	put_le16(g.buf + sig_hdr + 2, 72);
	assert_accepted(&g, g.len, "ecdsa-p256", "1.0.0+0", &info);
	g.buf[end] = 1;
	assert_refused(g.buf, g.len, g.len, "ECDSA signature has trailing bytes", "non-zero pad");
	free(g.buf);
	free(f.buf);
}

/* ---- hostile images ------------------------------------------------------------------- */

/* Run gen-hostile.sh with this binary as the tool, once. Returns the output directory. */
static const char *hostile_dir(void)
{
	static char dir[PATH_MAX + 16];
	char exe[PATH_MAX], link[PATH_MAX + 16], cmd[4 * PATH_MAX];
	ssize_t n;

	if (dir[0])
		return dir;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	assert_true(n > 0);
	exe[n] = '\0';
	snprintf(link, sizeof(link), "%s/rampart-img", tmpdir);
	assert_int_equal(symlink(exe, link), 0);
	snprintf(dir, sizeof(dir), "%s/hostile", tmpdir);
	snprintf(cmd, sizeof(cmd), "'%s/test/vectors/gen-hostile.sh' '%s' '%s'", SRCTREE, link,
		 dir);
	if (system(cmd) != 0)
		fail_msg("gen-hostile.sh failed: %s", cmd);
	return dir;
}

/* Each manifest case, validated in a slot of file size (area 0) or of SLOT_SIZE. */
static void check_hostile(size_t area)
{
	char path[2 * PATH_MAX], line[512];
	const char *dir = hostile_dir();
	unsigned int n = 0, bad = 0;
	FILE *m;

	snprintf(path, sizeof(path), "%s/MANIFEST", dir);
	m = fopen(path, "r");
	assert_non_null(m);
	while (fgets(line, sizeof(line), m)) {
		char *tab = strchr(line, '\t');
		struct file f;

		if (line[0] == '#' || !tab)
			continue;
		*tab = '\0';
		tab[strcspn(tab + 1, "\n") + 1] = '\0';
		snprintf(path, sizeof(path), "%s/%s", dir, line);
		f = load(path);
		bad += !refused_as(f.buf, f.len, area ? area : f.len, tab + 1, line);
		free(f.buf);
		n++;
	}
	fclose(m);
	if (bad)
		fail_msg("%u of %u hostile images not refused as the manifest says", bad, n);
	assert_true(n >= 70);
}

static void test_refuses_every_hostile_image(void **state)
{
	(void)state;
	check_hostile(0);
}

static void test_refuses_every_hostile_image_in_erased_slot(void **state)
{
	(void)state;
	check_hostile(SLOT_SIZE);
}

/* ---- sweeps --------------------------------------------------------------------------- */

static void test_truncation_sweep_never_accepts_a_prefix(void **state)
{
	struct file f = load_vec("ecdsa-p256.bin");
	struct image_info info;
	size_t len;

	(void)state;
	for (len = 0; len < f.len; len++)
		if (verdict_is_ok(validate(f.buf, len, &info)))
			fail_msg("accepted a %zu-byte prefix", len);
	assert_true(verdict_is_ok(validate(f.buf, f.len, &info)));
	free(f.buf);
}

/* A cut image in an erased slot: every cut in the header and TLVs, a stride in the payload. */
static void test_truncation_in_erased_slot_never_accepts(void **state)
{
	struct file f = load_vec("ecdsa-p256-prot-tlvs.bin");
	struct image_info info;
	size_t len;

	(void)state;
	for (len = 0; len < f.len; len += len < 0x200 || len >= 0x5000 ? 1 : 97)
		if (verdict_is_ok(validate_in(f.buf, len, SLOT_SIZE, &vkeyring, &info)))
			fail_msg("accepted a %zu-byte prefix in an erased slot", len);
	free(f.buf);
}

static uint32_t rng_state = 0x2545f491;

static uint32_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* A header or TLV byte of the image (the parts a parser reads as structure). */
static size_t mutation_offset(size_t hdr_size, size_t tlv_off, size_t len)
{
	size_t n = rnd() % (hdr_size + (len - tlv_off));

	return n < hdr_size ? n : tlv_off + (n - hdr_size);
}

static void mutate_sweep(const char *name, unsigned int rounds)
{
	struct file f = load_vec(name);
	uint8_t *m = malloc(f.len);
	struct image_info info;
	unsigned int r, k;

	assert_non_null(m);
	for (r = 0; r < rounds; r++) {
		memcpy(m, f.buf, f.len);
		for (k = 0; k <= rnd() % 3; k++)
			m[mutation_offset(0x200, 0x5020, f.len)] ^= (uint8_t)(1 + rnd() % 255);
		if (!memcmp(m, f.buf, f.len))
			continue;
		if (verdict_is_ok(validate(m, f.len, &info)))
			fail_msg("%s: mutation round %u accepted", name, r);
	}
	free(m);
	free(f.buf);
}

static void test_random_mutations_never_accepted(void **state)
{
	(void)state;
	mutate_sweep("ecdsa-p256.bin", 1500);
	mutate_sweep("ed25519.bin", 1500);
	mutate_sweep("ecdsa-p256-prot-tlvs.bin", 1000);
}

/* A flash device that fails its Nth read. */
struct failing_flash {
	struct rimg_flash fl;
	struct flash_ops ops;
	unsigned int reads, fail_at;
};

static int failing_read(const struct flash_dev *dev, uint32_t off, void *buf, size_t len)
{
	struct failing_flash *ff = (struct failing_flash *)dev->priv;

	if (ff->reads++ == ff->fail_at)
		return -EIO;
	memcpy(buf, ff->fl.buf + off, len);
	return 0;
}

static void test_flash_error_at_any_read_refuses(void **state)
{
	struct file f = load_vec("ecdsa-p256-prot-tlvs.bin");
	struct failing_flash ff;
	struct image_info info;
	verdict_t v;

	(void)state;
	for (ff.fail_at = 0;; ff.fail_at++) {
		rimg_flash_init(&ff.fl, f.buf, (uint32_t)f.len);
		ff.ops = *ff.fl.dev.ops;
		ff.ops.read = failing_read;
		ff.fl.dev.ops = &ff.ops;
		ff.fl.dev.priv = &ff;
		ff.reads = 0;
		v = mcuboot_validate(&ff.fl.area, &vkeyring, &info);
		if (ff.reads <= ff.fail_at)
			break;	/* no read failed: the image must be accepted */
		assert_false(verdict_is_ok(v));
		assert_int_equal(info.err, -EIO);
	}
	assert_true(verdict_is_ok(v));
	assert_true(ff.fail_at > 100);
	free(f.buf);
}

/* ---- smaller pieces ------------------------------------------------------------------- */

static void test_probe(void **state)
{
	struct file f = load_vec("ecdsa-p256.bin");
	uint8_t erased[64], junk[64];
	struct rimg_flash fl;

	(void)state;
	rimg_flash_init(&fl, f.buf, (uint32_t)f.len);
	assert_int_equal(mcuboot_probe(&fl.area), 0);
	memset(erased, 0xff, sizeof(erased));
	rimg_flash_init(&fl, erased, sizeof(erased));
	assert_int_equal(mcuboot_probe(&fl.area), -ENOENT);
	memset(junk, 0x5a, sizeof(junk));
	rimg_flash_init(&fl, junk, sizeof(junk));
	assert_int_equal(mcuboot_probe(&fl.area), -EBADMSG);
	rimg_flash_init(&fl, f.buf, 8);
	assert_int_equal(mcuboot_probe(&fl.area), -EBADMSG);
	free(f.buf);
}

static void test_tlv_iter_walks_protected_then_unprotected(void **state)
{
	static const uint16_t types[] = { 0x50, 0x60, 0x40, 0x10, 0x01, 0x22 };
	struct file f = load_vec("ecdsa-p256-prot-tlvs.bin");
	struct mcuboot_header h;
	struct rimg_flash fl;
	struct tlv_iter it;
	struct tlv_entry t;
	size_t i;

	(void)state;
	rimg_flash_init(&fl, f.buf, (uint32_t)f.len);
	assert_int_equal(mcuboot_header_read(&fl.area, &h), 0);
	assert_int_equal(tlv_iter_begin(&it, &fl.area, &h), 0);
	assert_int_equal(it.tlv_off, 0x5020);
	assert_int_equal(it.prot_end, 0x509b);
	assert_int_equal(it.end, f.len);
	for (i = 0; i < ARRAY_SIZE(types); i++) {
		assert_int_equal(tlv_iter_next(&it, &t), 0);
		assert_int_equal(t.type, types[i]);
		assert_int_equal(t.prot, i < 3);
	}
	assert_int_equal(tlv_iter_next(&it, &t), -ENOENT);
	assert_int_equal(tlv_iter_next(&it, &t), -ENOENT);
	assert_string_equal(tlv_type_name(0x22), "ECDSASIG");
	assert_null(tlv_type_name(0x1234));
	free(f.buf);
}

static void test_version_str(void **state)
{
	struct image_version v = { 255, 255, 65535, 4294967295u }, z = { 0, 0, 0, 0 };
	char buf[IMAGE_VERSION_STR_MAX], small[6];

	(void)state;
	assert_string_equal(image_version_str(&v, buf, sizeof(buf)), "255.255.65535+4294967295");
	assert_string_equal(image_version_str(&z, buf, sizeof(buf)), "0.0.0+0");
	assert_string_equal(image_version_str(&v, small, sizeof(small)), "255.2");
}

static void test_keyring_lookup(void **state)
{
	uint8_t h[SHA256_LEN];

	(void)state;
	assert_ptr_equal(keyring_find_by_hash(&vkeyring, HASH_SHA256, vkeys[1].sha256, 32),
			 &vtks[1]);
	assert_ptr_equal(keyring_find_by_der(&vkeyring, HASH_SHA256, vkeys[0].der,
					     vkeys[0].der_len), &vtks[0]);
	memcpy(h, vkeys[0].sha256, sizeof(h));
	h[31] ^= 1;
	assert_null(keyring_find_by_hash(&vkeyring, HASH_SHA256, h, 32));
	assert_null(keyring_find_by_hash(&vkeyring, HASH_SHA256, vkeys[0].sha256, 31));
	assert_null(keyring_find_by_hash(&vkeyring, HASH_SHA512, vkeys[0].sha256, 32));
	assert_null(keyring_find_by_der(&vkeyring, HASH_SHA256, vkeys[0].der, 90));
	assert_null(keyring_find_by_hash(NULL, HASH_SHA256, h, 32));
}

/* ---- the signer ----------------------------------------------------------------------- */

/* Run the tool in-process; its stdout and stderr go to tmpdir/tool.log. */
static int tool(const char *first, ...)
{
	char *argv[32], log[PATH_MAX + 16];
	int argc = 0, rc, out, err, fd;
	va_list ap;

	argv[argc++] = "rampart-img";
	va_start(ap, first);
	for (const char *a = first; a && argc < 31; a = va_arg(ap, const char *))
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	snprintf(log, sizeof(log), "%s/tool.log", tmpdir);
	fflush(stdout);
	fflush(stderr);
	fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
	out = dup(1);
	err = dup(2);
	assert_true(fd >= 0 && out >= 0 && err >= 0);
	dup2(fd, 1);
	dup2(fd, 2);
	rc = rimg_main(argc, argv);
	fflush(stdout);
	fflush(stderr);
	dup2(out, 1);
	dup2(err, 2);
	close(out);
	close(err);
	close(fd);
	return rc;
}

static void test_tool_ed25519_output_is_identical_to_imgtool(void **state)
{
	char out[PATH_MAX + 16];
	struct file want = load_vec("ed25519.bin"), got;

	(void)state;
	snprintf(out, sizeof(out), "%s/ed25519.bin", tmpdir);
	assert_int_equal(tool("sign", "-k", VEC "keys/ed25519.pem", "-v", "1.2.3+4", "-H", "0x200",
			      "--pad-header", "--align", "8", "-S", "0x40000", VEC "app.bin", out,
			      NULL), 0);
	got = load(out);
	assert_int_equal(got.len, want.len);
	assert_memory_equal(got.buf, want.buf, want.len);
	free(got.buf);
	free(want.buf);
}

/* keygen, sign (hash and full public key, padded with max-align 32) and validate. */
static void sign_fresh(const char *alg)
{
	char key[PATH_MAX + 32], out[PATH_MAX + 32];
	const char *fmt[] = { "hash", "full" };
	struct trusted_key tk;
	struct rimg_key k;
	struct image_info info;
	struct file f;
	size_t i;

	snprintf(key, sizeof(key), "%s/fresh-%s.pem", tmpdir, alg);
	snprintf(out, sizeof(out), "%s/fresh-%s.bin", tmpdir, alg);
	assert_int_equal(tool("keygen", "-t", alg, "-k", key, NULL), 0);
	assert_int_equal(tool("keygen", "-t", alg, "-k", key, NULL), RIMG_EXIT_FAIL);
	assert_int_equal(rimg_key_load(&k, key), 0);
	rimg_key_trusted(&k, &tk);
	for (i = 0; i < ARRAY_SIZE(fmt); i++) {
		const struct keyring kr = { &tk, 1 };

		assert_int_equal(tool("sign", "-k", key, "-v", "3.1.4+15", "-H", "0x100",
				      "--pad-header", "--align", "4", "--max-align", "32", "-S",
				      "0x20000", "--confirm", "-s", "auto", "-d", "(0,1.2.3+4),(2,5.6.7)",
				      "--public-key-format", fmt[i], VEC "app.bin", out, NULL), 0);
		f = load(out);
		assert_int_equal(f.len, 0x20000);
		assert_int_equal(trailer_magic_align(f.buf + f.len - 16), 32);
		assert_int_equal(f.buf[f.len - 64], 0x01);
		assert_true(verdict_is_ok(validate_in(f.buf, f.len, f.len, &kr, &info)));
		assert_int_equal(info.sec_cnt, 0x03010004);
		assert_int_equal(info.nr_deps, 2);
		assert_int_equal(info.deps[1].image_id, 2);
		assert_int_equal(info.deps[1].min_version.revision, 7);
		assert_ptr_equal(info.key, &tk);
		assert_refused(f.buf, f.len, f.len, "no signature by a trusted key", alg);
		free(f.buf);
	}
	rimg_key_free(&k);
}

static void test_tool_signs_with_fresh_keys(void **state)
{
	(void)state;
	sign_fresh("ecdsa-p256");
	sign_fresh("ed25519");
}

static void test_tool_usage_errors_exit_2(void **state)
{
	char out[PATH_MAX + 16];

	(void)state;
	snprintf(out, sizeof(out), "%s/x.bin", tmpdir);
	assert_int_equal(tool(NULL), RIMG_EXIT_USAGE);
	assert_int_equal(tool("frobnicate", NULL), RIMG_EXIT_USAGE);
	assert_int_equal(tool("sign", "-v", "1.2.3.4", "-H", "0x200", "-S", "0x40000", VEC "app.bin",
			      out, NULL), RIMG_EXIT_USAGE);
	assert_int_equal(tool("sign", "-v", "256.0.0", "-H", "0x200", "-S", "0x40000",
			      VEC "app.bin", out, NULL), RIMG_EXIT_USAGE);
	assert_int_equal(tool("sign", "-v", "1.0.0", "-H", "0x200", "-S", "0x40000", "-d", "(1,x)",
			      VEC "app.bin", out, NULL), RIMG_EXIT_USAGE);
	assert_int_equal(tool("sign", "-v", "1.0.0", "-H", "16", "-S", "0x40000", VEC "app.bin", out,
			      NULL), RIMG_EXIT_USAGE);
	assert_int_equal(tool("verify", VEC "ecdsa-p256.bin", NULL), RIMG_EXIT_USAGE);
	assert_int_equal(tool("keygen", "-t", "rsa-2048", "-k", out, NULL), RIMG_EXIT_USAGE);
	/* Not usage errors: the image does not fit, the input has a non-zero head. */
	assert_int_equal(tool("sign", "-v", "1.0.0", "-H", "0x200", "--pad-header", "-S", "0x5000",
			      VEC "app.bin", out, NULL), RIMG_EXIT_FAIL);
	assert_int_equal(tool("sign", "-v", "1.0.0", "-H", "0x200", "-S", "0x40000", VEC "app.bin",
			      out, NULL), RIMG_EXIT_FAIL);
}

/* ---- fixtures ------------------------------------------------------------------------- */

static int setup(void **state)
{
	static const char *const names[] = { VEC "keys/ecdsa-p256.pem", VEC "keys/ed25519.pem" };
	size_t i;

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/test_mcuboot.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(tmpdir))
		return -1;
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		if (rimg_key_load(&vkeys[i], names[i]))
			return -1;
		rimg_key_trusted(&vkeys[i], &vtks[i]);
	}
	return 0;
}

static int teardown(void **state)
{
	char cmd[PATH_MAX + 16];

	(void)state;
	rimg_key_free(&vkeys[0]);
	rimg_key_free(&vkeys[1]);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) ? -1 : 0;
}

static int run_unit_tests(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepts_ecdsa_p256_vector),
		cmocka_unit_test(test_accepts_ed25519_vector),
		cmocka_unit_test(test_accepts_prot_tlvs_with_sec_cnt_and_dependency),
		cmocka_unit_test(test_accepts_padded_vectors_in_their_slot),
		cmocka_unit_test(test_accepts_image_at_start_of_erased_slot),
		cmocka_unit_test(test_refuses_rsa_as_unsupported),
		cmocka_unit_test(test_refuses_encrypted_as_unsupported),
		cmocka_unit_test(test_refuses_tampered_with_hash_mismatch),
		cmocka_unit_test(test_refuses_unsigned_vector),
		cmocka_unit_test(test_refuses_image_whose_key_is_not_in_the_keyring),
		cmocka_unit_test(test_refuses_with_empty_keyring),
		cmocka_unit_test(test_accepts_legacy_zero_padded_ecdsa_signature),
		cmocka_unit_test(test_refuses_every_hostile_image),
		cmocka_unit_test(test_refuses_every_hostile_image_in_erased_slot),
		cmocka_unit_test(test_truncation_sweep_never_accepts_a_prefix),
		cmocka_unit_test(test_truncation_in_erased_slot_never_accepts),
		cmocka_unit_test(test_random_mutations_never_accepted),
		cmocka_unit_test(test_flash_error_at_any_read_refuses),
		cmocka_unit_test(test_probe),
		cmocka_unit_test(test_tlv_iter_walks_protected_then_unprotected),
		cmocka_unit_test(test_version_str),
		cmocka_unit_test(test_keyring_lookup),
		cmocka_unit_test(test_tool_ed25519_output_is_identical_to_imgtool),
		cmocka_unit_test(test_tool_signs_with_fresh_keys),
		cmocka_unit_test(test_tool_usage_errors_exit_2),
	};

	return cmocka_run_group_tests_name("mcuboot", tests, setup, teardown);
}

int main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/');

	base = base ? base + 1 : argv[0];
	if (!strcmp(base, "rampart-img"))
		return rimg_main(argc, argv);
	return run_unit_tests();
}
