// SPDX-License-Identifier: Apache-2.0
/*
 * MCUboot header decoding and the TLV iterator (shared/specs/mcuboot-image.md sections 1-3).
 *
 * Every offset here comes from flash and is attacker-controlled: sums are overflow-checked
 * and every read is bounded by the end of the area it belongs to before it is issued.
 */
#include <rampart/compiler.h>
#include <rampart/errno.h>
#include <rampart/image.h>
#include <rampart/string.h>

int mcuboot_header_read(const struct flash_area *fa, struct mcuboot_header *hdr)
{
	uint8_t b[MCUBOOT_HDR_LEN];
	int rc;

	if (fa->size < MCUBOOT_HDR_LEN)
		return -ERANGE;
	rc = flash_area_read(fa, 0, b, sizeof(b));
	if (rc)
		return rc;
	hdr->magic = get_le32(b + 0x00);
	hdr->load_addr = get_le32(b + 0x04);
	hdr->hdr_size = get_le16(b + 0x08);
	hdr->prot_tlv_size = get_le16(b + 0x0a);
	hdr->img_size = get_le32(b + 0x0c);
	hdr->flags = get_le32(b + 0x10);
	hdr->version.major = b[0x14];
	hdr->version.minor = b[0x15];
	hdr->version.revision = get_le16(b + 0x16);
	hdr->version.build = get_le32(b + 0x18);
	return 0;
}

static int iter_fail(struct tlv_iter *it, int err, const char *reason)
{
	it->err = err;
	it->reason = reason;
	return err;
}

/* Read the 4-byte info at @off, which must lie inside the area. */
static int read_info(struct tlv_iter *it, uint32_t off, uint16_t *magic, uint16_t *total)
{
	uint8_t b[IMAGE_TLV_INFO_LEN];
	int rc;

	if (off > it->fa->size || IMAGE_TLV_INFO_LEN > it->fa->size - off)
		return iter_fail(it, -EFBIG, "TLV info runs past the end of the slot");
	rc = flash_area_read(it->fa, off, b, sizeof(b));
	if (rc)
		return iter_fail(it, rc, "flash read error in TLV info");
	*magic = get_le16(b);
	*total = get_le16(b + 2);
	return 0;
}

/* Checks the protected info at it->tlv_off (if any) and sets it->prot_end. */
static int begin_protected(struct tlv_iter *it, uint16_t prot_tlv_size)
{
	uint16_t magic, total;
	int rc;

	rc = read_info(it, it->tlv_off, &magic, &total);
	if (rc)
		return rc;
	if (prot_tlv_size == 0) {
		if (magic == IMAGE_TLV_PROT_INFO_MAGIC)
			return iter_fail(it, -EBADMSG,
					 "protected TLV area present but header size is 0");
		it->prot_end = it->tlv_off;
		return 0;
	}
	if (magic != IMAGE_TLV_PROT_INFO_MAGIC)
		return iter_fail(it, -EBADMSG, "protected TLV info missing");
	if (total != prot_tlv_size)
		return iter_fail(it, -EBADMSG, "protected TLV size does not match header");
	if (total < IMAGE_TLV_INFO_LEN)
		return iter_fail(it, -EBADMSG, "protected TLV size too small");
	if (add_overflows_u32(it->tlv_off, total, &it->prot_end))
		return iter_fail(it, -EOVERFLOW, "image sizes overflow");
	return 0;
}

/* Checks the mandatory unprotected info at it->prot_end and sets it->end. */
static int begin_unprotected(struct tlv_iter *it)
{
	uint16_t magic, total;
	int rc;

	rc = read_info(it, it->prot_end, &magic, &total);
	if (rc)
		return rc;
	if (magic != IMAGE_TLV_INFO_MAGIC)
		return iter_fail(it, -EBADMSG, "unprotected TLV info missing");
	if (total < IMAGE_TLV_INFO_LEN)
		return iter_fail(it, -EBADMSG, "unprotected TLV size too small");
	/* read_info() proved prot_end <= size. */
	if (total > it->fa->size - it->prot_end)
		return iter_fail(it, -EFBIG, "TLV area runs past the end of the slot");
	it->end = it->prot_end + total;
	return 0;
}

int tlv_iter_begin(struct tlv_iter *it, const struct flash_area *fa,
		   const struct mcuboot_header *hdr)
{
	int rc;

	memset(it, 0, sizeof(*it));
	it->fa = fa;
	if (add_overflows_u32(hdr->hdr_size, hdr->img_size, &it->tlv_off))
		return iter_fail(it, -EOVERFLOW, "image sizes overflow");
	rc = begin_protected(it, hdr->prot_tlv_size);
	if (!rc)
		rc = begin_unprotected(it);
	if (rc)
		return rc;
	/* read_info() proved the first info fits the area, so this cannot wrap. */
	it->next = it->tlv_off + IMAGE_TLV_INFO_LEN;
	return 0;
}

int tlv_iter_next(struct tlv_iter *it, struct tlv_entry *tlv)
{
	uint8_t b[IMAGE_TLV_HDR_LEN];
	uint32_t area_end;
	int rc;

	if (it->err)
		return it->err;
	/* Leaving the protected area: step over the unprotected info. */
	if (it->next == it->prot_end && it->prot_end > it->tlv_off)
		it->next += IMAGE_TLV_INFO_LEN;
	if (it->next >= it->end)
		return -ENOENT;
	tlv->prot = it->next < it->prot_end;
	area_end = tlv->prot ? it->prot_end : it->end;
	if (IMAGE_TLV_HDR_LEN > area_end - it->next)
		return iter_fail(it, -EBADMSG, "TLV header runs past its area");
	rc = flash_area_read(it->fa, it->next, b, sizeof(b));
	if (rc)
		return iter_fail(it, rc, "flash read error in TLV");
	tlv->type = get_le16(b);
	tlv->len = get_le16(b + 2);
	tlv->off = it->next + IMAGE_TLV_HDR_LEN;
	if (tlv->len > area_end - tlv->off)
		return iter_fail(it, -EBADMSG, "TLV length runs past its area");
	it->next = tlv->off + tlv->len;
	return 0;
}

struct tlv_name {
	uint16_t type;
	const char *name;
};

static const struct tlv_name tlv_names[] = {
	{ IMAGE_TLV_KEYHASH, "KEYHASH" },
	{ IMAGE_TLV_PUBKEY, "PUBKEY" },
	{ IMAGE_TLV_SHA256, "SHA256" },
	{ IMAGE_TLV_SHA384, "SHA384" },
	{ IMAGE_TLV_SHA512, "SHA512" },
	{ IMAGE_TLV_RSA2048_PSS, "RSA2048" },
	{ IMAGE_TLV_ECDSA224, "ECDSA224" },
	{ IMAGE_TLV_ECDSA_SIG, "ECDSASIG" },
	{ IMAGE_TLV_RSA3072_PSS, "RSA3072" },
	{ IMAGE_TLV_ED25519, "ED25519" },
	{ IMAGE_TLV_SIG_PURE, "SIG_PURE" },
	{ IMAGE_TLV_ENC_RSA2048, "ENCRSA2048" },
	{ IMAGE_TLV_ENC_KW, "ENCKW" },
	{ IMAGE_TLV_ENC_EC256, "ENCEC256" },
	{ IMAGE_TLV_ENC_X25519, "ENCX25519" },
	{ IMAGE_TLV_ENC_X25519_SHA512, "ENCX25519_SHA512" },
	{ IMAGE_TLV_DEPENDENCY, "DEPENDENCY" },
	{ IMAGE_TLV_SEC_CNT, "SEC_CNT" },
	{ IMAGE_TLV_BOOT_RECORD, "BOOT_RECORD" },
	{ 0x70, "DECOMP_SIZE" },
	{ 0x71, "DECOMP_SHA" },
	{ 0x72, "DECOMP_SIGNATURE" },
	{ 0x73, "COMP_DEC_SIZE" },
	{ 0x74, "UUID_VID" },
	{ 0x75, "UUID_CID" },
};

const char *tlv_type_name(uint16_t type)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(tlv_names); i++)
		if (tlv_names[i].type == type)
			return tlv_names[i].name;
	return NULL;
}
