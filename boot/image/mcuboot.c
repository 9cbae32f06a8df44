// SPDX-License-Identifier: Apache-2.0
/*
 * MCUboot image validation (shared/specs/mcuboot-image.md sections 1-5 and 14).
 *
 * Order: header fields -> TLV structure, allow-list and protected TLVs -> SHA-256 over header,
 * payload and protected area -> the one SHA256 TLV -> a signature that follows a KEYHASH or
 * PUBKEY naming a trusted key. Every byte comes from flash_area_read() in chunks of at most
 * READ_CHUNK bytes: the image is never assumed to be memory-mapped, and nothing it says about
 * its own sizes is trusted.
 */
#include <rampart/compiler.h>
#include <rampart/errno.h>
#include <rampart/image.h>
#include <rampart/string.h>

#define READ_CHUNK 128
/* DER of two 33-byte INTEGERs; also where MCUboot's legacy zero padding stops. */
#define ECDSA_P256_SIG_MAX 72
#define ED25519_SIG_LEN 64
/* Larger than the SubjectPublicKeyInfo of any key this build can trust. */
#define PUBKEY_DER_MAX 128

#define F_ENCRYPTED (IMAGE_F_ENCRYPTED_AES128 | IMAGE_F_ENCRYPTED_AES256)
#define F_COMPRESSED \
	(IMAGE_F_COMPRESSED_LZMA1 | IMAGE_F_COMPRESSED_LZMA2 | IMAGE_F_COMPRESSED_ARM_THUMB)

/* Facts from the structural walk that the later passes need. */
struct tlv_scan {
	uint32_t hash_off;	/* value offset of the SHA256 TLV */
	uint16_t hash_len;
	unsigned int nr_hash;	/* SHA256 TLVs seen */
	unsigned int nr_sigs;	/* ECDSA_SIG and ED25519 TLVs seen */
};

static int fail(struct image_info *info, int err, const char *reason)
{
	info->err = err;
	info->reason = reason;
	return err;
}

static void append(char *buf, size_t len, size_t *pos, const char *s)
{
	while (*s && *pos + 1 < len)
		buf[(*pos)++] = *s++;
	buf[*pos] = '\0';
}

/* Sets the reason "<what> with key <name>" in info->reason_buf. */
static int fail_key(struct image_info *info, int err, const char *what,
		    const struct trusted_key *key)
{
	size_t pos = 0;

	append(info->reason_buf, sizeof(info->reason_buf), &pos, what);
	append(info->reason_buf, sizeof(info->reason_buf), &pos, " with key ");
	append(info->reason_buf, sizeof(info->reason_buf), &pos, key->name ? key->name : "?");
	return fail(info, err, info->reason_buf);
}

static int read_value(const struct flash_area *fa, uint32_t off, void *buf, size_t len,
		      struct image_info *info)
{
	int rc = flash_area_read(fa, off, buf, len);

	return rc ? fail(info, rc, "flash read error") : 0;
}

static uint32_t erased_word(const struct flash_area *fa)
{
	uint8_t v = fa->dev ? fa->dev->geo.erased_val : 0xff;

	return v * 0x01010101u;
}

int mcuboot_probe(const struct flash_area *fa)
{
	struct mcuboot_header hdr;
	int rc;

	rc = mcuboot_header_read(fa, &hdr);
	if (rc == -ERANGE)
		return -EBADMSG;
	if (rc)
		return rc;
	if (hdr.magic == MCUBOOT_IMAGE_MAGIC)
		return 0;
	return hdr.magic == erased_word(fa) ? -ENOENT : -EBADMSG;
}

static void info_from_header(struct image_info *info, const struct mcuboot_header *hdr)
{
	info->version = hdr->version;
	info->load_addr = hdr->load_addr;
	info->flags = hdr->flags;
	info->hdr_size = hdr->hdr_size;
	info->prot_tlv_size = hdr->prot_tlv_size;
	info->img_size = hdr->img_size;
}

static int check_header(const struct flash_area *fa, const struct mcuboot_header *hdr,
			struct image_info *info)
{
	uint32_t end;

	if (hdr->magic == erased_word(fa))
		return fail(info, -ENOENT, "no image (slot is erased)");
	if (hdr->magic != MCUBOOT_IMAGE_MAGIC)
		return fail(info, -EBADMSG, "bad image magic");
	if (hdr->flags & IMAGE_F_NON_BOOTABLE)
		return fail(info, -EPERM, "image is marked non-bootable");
	if (hdr->flags & IMAGE_F_PIC)
		return fail(info, -ENOTSUP, "position-independent images not supported");
	if (hdr->flags & F_ENCRYPTED)
		return fail(info, -ENOTSUP, "encrypted images not supported in this build");
	if (hdr->flags & F_COMPRESSED)
		return fail(info, -ENOTSUP, "compressed images not supported in this build");
	if (hdr->hdr_size < MCUBOOT_HDR_LEN)
		return fail(info, -EBADMSG, "header size too small");
	if (add_overflows_u32(hdr->hdr_size, hdr->img_size, &end) ||
	    add_overflows_u32(end, hdr->prot_tlv_size, &end))
		return fail(info, -EOVERFLOW, "image sizes overflow");
	if (end >= fa->size)
		return fail(info, -EFBIG, "image does not fit its slot");
	return 0;
}

static int read_sec_cnt(const struct flash_area *fa, const struct tlv_entry *t,
			struct image_info *info)
{
	uint8_t b[IMAGE_TLV_SEC_CNT_LEN];
	int rc;

	if (t->len != sizeof(b))
		return fail(info, -EBADMSG, "security counter TLV has wrong length");
	if (info->has_sec_cnt)
		return fail(info, -EBADMSG, "more than one security counter TLV");
	rc = read_value(fa, t->off, b, sizeof(b), info);
	if (rc)
		return rc;
	info->sec_cnt = get_le32(b);
	info->has_sec_cnt = true;
	return 0;
}

/* DEPENDENCY: u8 image id, 3 pad bytes, then the minimum version of that image. */
static int read_dependency(const struct flash_area *fa, const struct tlv_entry *t,
			   struct image_info *info)
{
	uint8_t b[IMAGE_TLV_DEPENDENCY_LEN];
	struct image_dep *dep;
	int rc;

	if (t->len != sizeof(b))
		return fail(info, -EBADMSG, "dependency TLV has wrong length");
	if (info->nr_deps >= IMAGE_MAX_DEPS)
		return fail(info, -ENOMEM, "too many dependency TLVs");
	rc = read_value(fa, t->off, b, sizeof(b), info);
	if (rc)
		return rc;
	dep = &info->deps[info->nr_deps++];
	dep->image_id = b[0];
	dep->min_version.major = b[4];
	dep->min_version.minor = b[5];
	dep->min_version.revision = get_le16(b + 6);
	dep->min_version.build = get_le32(b + 8);
	return 0;
}

/* Protected TLVs are covered by the signature, so any type may appear there. */
static int scan_protected(const struct flash_area *fa, const struct tlv_entry *t,
			  struct image_info *info)
{
	switch (t->type) {
	case IMAGE_TLV_SEC_CNT:
		return read_sec_cnt(fa, t, info);
	case IMAGE_TLV_DEPENDENCY:
		return read_dependency(fa, t, info);
	default:
		return 0;
	}
}

/* The unprotected area is not signed: only the allow-listed types may appear there. */
static int scan_unprotected(const struct tlv_entry *t, struct tlv_scan *scan,
			    struct image_info *info)
{
	switch (t->type) {
	case IMAGE_TLV_KEYHASH:
	case IMAGE_TLV_PUBKEY:
	case IMAGE_TLV_ENC_RSA2048:
	case IMAGE_TLV_ENC_KW:
	case IMAGE_TLV_ENC_EC256:
	case IMAGE_TLV_ENC_X25519:
	case IMAGE_TLV_ENC_X25519_SHA512:
		return 0;
	case IMAGE_TLV_SHA256:
		scan->nr_hash++;
		scan->hash_off = t->off;
		scan->hash_len = t->len;
		return 0;
	case IMAGE_TLV_ECDSA_SIG:
	case IMAGE_TLV_ED25519:
		scan->nr_sigs++;
		return 0;
	case IMAGE_TLV_SHA384:
	case IMAGE_TLV_SHA512:
		return fail(info, -ENOTSUP, "SHA-384/SHA-512 image hashes not supported in this build");
	case IMAGE_TLV_RSA2048_PSS:
	case IMAGE_TLV_RSA3072_PSS:
		return fail(info, -ENOTSUP, "RSA signatures not supported in this build");
	case IMAGE_TLV_ECDSA224:
		return fail(info, -ENOTSUP, "ECDSA-224 signatures not supported");
	case IMAGE_TLV_SIG_PURE:
		return fail(info, -ENOTSUP, "pure signatures (SIG_PURE) not supported in this build");
	default:
		return fail(info, -EBADMSG, "TLV type not allowed in the unprotected area");
	}
}

/* Walks every TLV once: structure, allow-list, protected values, hash TLV count. */
static int scan_tlvs(const struct tlv_iter *start, struct tlv_scan *scan,
		     struct image_info *info)
{
	struct tlv_iter it = *start;
	struct tlv_entry t;
	int rc;

	memset(scan, 0, sizeof(*scan));
	while (!(rc = tlv_iter_next(&it, &t))) {
		rc = t.prot ? scan_protected(it.fa, &t, info) : scan_unprotected(&t, scan, info);
		if (rc)
			return rc;
	}
	if (rc != -ENOENT)
		return fail(info, rc, it.reason);
	if (scan->nr_hash == 0)
		return fail(info, -EBADMSG, "no SHA-256 hash TLV");
	if (scan->nr_hash > 1)
		return fail(info, -EBADMSG, "more than one hash TLV");
	if (scan->hash_len != SHA256_LEN)
		return fail(info, -EBADMSG, "hash TLV has wrong length");
	return 0;
}

/* SHA-256 of header, payload and protected TLVs; check_header() bounded the range. */
static int hash_image(const struct flash_area *fa, const struct mcuboot_header *hdr,
		      uint8_t digest[SHA256_LEN], struct image_info *info)
{
	struct crypto_hash h;
	uint8_t buf[READ_CHUNK];
	uint32_t end = (uint32_t)hdr->hdr_size + hdr->img_size + hdr->prot_tlv_size;
	uint32_t off, n;
	int rc;

	rc = crypto_hash_init(&h, HASH_SHA256);
	if (rc)
		return fail(info, rc, "SHA-256 not available");
	for (off = 0; off < end; off += n) {
		n = MIN(sizeof(buf), end - off);
		rc = read_value(fa, off, buf, n, info);
		if (rc)
			break;
		crypto_hash_update(&h, buf, n);
	}
	crypto_hash_final(&h, digest);
	return rc;
}

static int check_hash(const struct flash_area *fa, const struct tlv_scan *scan,
		      const uint8_t digest[SHA256_LEN], struct image_info *info)
{
	uint8_t tlv_hash[SHA256_LEN];
	int rc;

	rc = read_value(fa, scan->hash_off, tlv_hash, sizeof(tlv_hash), info);
	if (rc)
		return rc;
	if (!crypto_ct_equal(tlv_hash, digest, SHA256_LEN))
		return fail(info, -EACCES, "hash mismatch");
	memcpy(info->hash, digest, SHA256_LEN);
	info->hash_alg = HASH_SHA256;
	return 0;
}

static int lookup_keyhash(const struct flash_area *fa, const struct tlv_entry *t,
			  const struct keyring *kr, const struct trusted_key **key,
			  struct image_info *info)
{
	uint8_t hash[SHA256_LEN];
	int rc;

	if (t->len != SHA256_LEN)
		return fail(info, -EBADMSG, "key hash TLV has wrong length");
	rc = read_value(fa, t->off, hash, sizeof(hash), info);
	if (rc)
		return rc;
	*key = keyring_find_by_hash(kr, HASH_SHA256, hash, sizeof(hash));
	return 0;
}

static int lookup_pubkey(const struct flash_area *fa, const struct tlv_entry *t,
			 const struct keyring *kr, const struct trusted_key **key,
			 struct image_info *info)
{
	uint8_t der[PUBKEY_DER_MAX];
	int rc;

	*key = NULL;
	if (t->len > sizeof(der))
		return 0;
	rc = read_value(fa, t->off, der, t->len, info);
	if (rc)
		return rc;
	*key = keyring_find_by_der(kr, HASH_SHA256, der, t->len);
	return 0;
}

static uint16_t sig_tlv_type(enum sig_alg alg)
{
	switch (alg) {
	case SIG_ECDSA_P256:
		return IMAGE_TLV_ECDSA_SIG;
	case SIG_ED25519:
		return IMAGE_TLV_ED25519;
	default:
		return 0;
	}
}

/*
 * Length of the DER SEQUENCE at the start of @sig, or 0 if it is not one. What follows it
 * must be MCUboot's legacy zero padding (the TLV is at most ECDSA_P256_SIG_MAX bytes).
 */
static size_t ecdsa_der_len(const uint8_t *sig, size_t len, bool *trailing)
{
	size_t i, n;

	*trailing = false;
	if (len < 2 || sig[0] != 0x30 || sig[1] >= 0x80 || sig[1] > len - 2)
		return 0;
	n = (size_t)sig[1] + 2;
	for (i = n; i < len; i++)
		*trailing |= sig[i] != 0;
	return n;
}

/* Reads the signature TLV @t for @key into sig[], returning in *sig_len what to verify. */
static int read_signature(const struct flash_area *fa, const struct tlv_entry *t,
			  const struct trusted_key *key, uint8_t *sig, size_t *sig_len,
			  struct image_info *info)
{
	bool trailing;
	int rc;

	if (t->type != sig_tlv_type(key->alg))
		return fail_key(info, -EACCES, "signature type does not match", key);
	if (t->type == IMAGE_TLV_ED25519 && t->len != ED25519_SIG_LEN)
		return fail_key(info, -EBADMSG, "Ed25519 signature is not 64 bytes", key);
	if (t->len > ECDSA_P256_SIG_MAX)
		return fail_key(info, -EBADMSG, "ECDSA signature TLV is too long", key);
	rc = read_value(fa, t->off, sig, t->len, info);
	if (rc)
		return rc;
	*sig_len = t->len;
	if (t->type != IMAGE_TLV_ECDSA_SIG)
		return 0;
	*sig_len = ecdsa_der_len(sig, t->len, &trailing);
	if (!*sig_len)
		return fail_key(info, -EBADMSG, "ECDSA signature is not DER", key);
	if (trailing)
		return fail_key(info, -EBADMSG, "ECDSA signature has trailing bytes", key);
	return 0;
}

/* One key/signature pair. The message is always our own digest, never the TLV's. */
static verdict_t check_pair(const struct flash_area *fa, const struct tlv_entry *t,
			    const struct trusted_key *key, const uint8_t digest[SHA256_LEN],
			    struct image_info *info)
{
	uint8_t sig[ECDSA_P256_SIG_MAX];
	size_t sig_len = 0;
	verdict_t v;

	if (read_signature(fa, t, key, sig, &sig_len, info))
		return verdict_fail();
	v = crypto_verify(key->alg, key->pub, key->pub_len, digest, SHA256_LEN, sig, sig_len);
	if (!verdict_is_ok(v)) {
		fail_key(info, -EACCES, "signature does not verify", key);
		return verdict_fail();
	}
	return v;
}

/*
 * Finds a signature TLV that follows a KEYHASH/PUBKEY of a trusted key and verifies.
 * A key TLV binds only the next signature TLV; an unknown key means "not my key".
 */
static verdict_t check_signatures(const struct tlv_iter *start, const struct keyring *kr,
				  const uint8_t digest[SHA256_LEN],
				  const struct tlv_scan *scan, struct image_info *info)
{
	struct tlv_iter it = *start;
	const struct trusted_key *key = NULL;
	struct tlv_entry t;
	bool tried = false;
	int rc;

	while (!(rc = tlv_iter_next(&it, &t))) {
		if (t.prot)
			continue;
		switch (t.type) {
		case IMAGE_TLV_KEYHASH:
			rc = lookup_keyhash(it.fa, &t, kr, &key, info);
			break;
		case IMAGE_TLV_PUBKEY:
			rc = lookup_pubkey(it.fa, &t, kr, &key, info);
			break;
		case IMAGE_TLV_ECDSA_SIG:
		case IMAGE_TLV_ED25519:
			if (key && verdict_is_ok(check_pair(it.fa, &t, key, digest, info))) {
				info->key = key;
				return verdict_ok();
			}
			tried |= key != NULL;
			key = NULL;
			break;
		}
		if (rc)
			return verdict_fail();
	}
	/* When a trusted key's signature failed, check_pair() already set the reason. */
	if (rc != -ENOENT)
		fail(info, rc, it.reason);
	else if (!tried && !scan->nr_sigs)
		fail(info, -EACCES, "unsigned image (no signature TLV)");
	else if (!tried)
		fail(info, -ENOKEY, "no signature by a trusted key");
	return verdict_fail();
}

/* The checks that need no key: everything up to and including the hash TLV. */
static int check_image(const struct flash_area *fa, struct tlv_iter *it,
		       struct tlv_scan *scan, uint8_t digest[SHA256_LEN],
		       struct image_info *info)
{
	struct mcuboot_header hdr;
	int rc;

	rc = mcuboot_header_read(fa, &hdr);
	if (rc)
		return fail(info, rc, rc == -ERANGE ? "slot too small for an image header" :
				       "flash read error");
	info_from_header(info, &hdr);
	rc = check_header(fa, &hdr, info);
	if (rc)
		return rc;
	rc = tlv_iter_begin(it, fa, &hdr);
	if (rc)
		return fail(info, rc, it->reason);
	info->total_size = it->end;
	rc = scan_tlvs(it, scan, info);
	if (!rc)
		rc = hash_image(fa, &hdr, digest, info);
	if (!rc)
		rc = check_hash(fa, scan, digest, info);
	return rc;
}

verdict_t mcuboot_validate(const struct flash_area *fa, const struct keyring *kr,
			   struct image_info *info)
{
	struct tlv_iter it;
	struct tlv_scan scan;
	uint8_t digest[SHA256_LEN];
	verdict_t v;

	memset(info, 0, sizeof(*info));
	if (check_image(fa, &it, &scan, digest, info))
		return verdict_fail();
	v = check_signatures(&it, kr, digest, &scan, info);
	if (!verdict_is_ok_twice(&v) || !info->key) {
		info->key = NULL;
		return verdict_fail();
	}
	/* An earlier pair may have failed before this one verified. */
	info->err = 0;
	info->reason = NULL;
	return verdict_ok();
}
