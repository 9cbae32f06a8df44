/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Image formats. Each format is a parser of untrusted bytes read through a flash area; it
 * yields a hardened verdict and a struct image_info. Nothing in image_info may be acted on
 * unless the verdict is OK.
 */
#ifndef RAMPART_IMAGE_H
#define RAMPART_IMAGE_H

#include <stdbool.h>
#include <stdint.h>
#include <rampart/crypto.h>
#include <rampart/flash.h>
#include <rampart/keys.h>
#include <rampart/verdict.h>

struct image_version {
	uint8_t major;
	uint8_t minor;
	uint16_t revision;
	uint32_t build;
};

#define IMAGE_MAX_DEPS 4
#define IMAGE_REASON_MAX 72

struct image_dep {
	uint8_t image_id;
	struct image_version min_version;
};

struct image_info {
	struct image_version version;
	uint32_t load_addr;
	uint32_t flags;
	uint16_t hdr_size;	/* payload offset in the slot */
	uint16_t prot_tlv_size;
	uint32_t img_size;	/* payload bytes */
	uint32_t total_size;	/* header + payload + both TLV areas */
	bool has_sec_cnt;
	uint32_t sec_cnt;
	uint8_t nr_deps;
	struct image_dep deps[IMAGE_MAX_DEPS];
	enum hash_alg hash_alg;
	uint8_t hash[HASH_MAX_LEN];	/* the verified image digest */
	const struct trusted_key *key;	/* the key whose signature was accepted */
	/* On failure: a short reason for the log ("hash mismatch", ...) and its -errno. */
	const char *reason;
	int err;
	/*
	 * Storage for a reason that names a key; info->reason may point here, so a copy of
	 * the struct must not outlive the original if it keeps using reason.
	 */
	char reason_buf[IMAGE_REASON_MAX];
};

/* MCUboot header flags (see shared/specs/mcuboot-image.md section 1). */
#define IMAGE_F_PIC 0x001u
#define IMAGE_F_ENCRYPTED_AES128 0x004u
#define IMAGE_F_ENCRYPTED_AES256 0x008u
#define IMAGE_F_NON_BOOTABLE 0x010u
#define IMAGE_F_RAM_LOAD 0x020u
#define IMAGE_F_ROM_FIXED 0x100u
#define IMAGE_F_COMPRESSED_LZMA1 0x200u
#define IMAGE_F_COMPRESSED_LZMA2 0x400u
#define IMAGE_F_COMPRESSED_ARM_THUMB 0x800u

#define MCUBOOT_IMAGE_MAGIC 0x96f3b83du
#define MCUBOOT_HDR_LEN 32

/*
 * mcuboot_probe() - is there an MCUboot image header at the start of @fa?
 * Returns 0 if the magic matches, -ENOENT if the area starts erased (no image),
 * -EBADMSG for anything else, or a flash error.
 */
int mcuboot_probe(const struct flash_area *fa);

/*
 * mcuboot_validate() - fully check the image at the start of @fa.
 * Parses header and both TLV areas reading through the flash API (no length from flash is
 * trusted), hashes header + payload + protected TLVs, requires exactly one hash TLV that
 * matches, and accepts only a signature that follows a KEYHASH/PUBKEY naming a key in @kr.
 * Fills @info (always; info->reason/err say why on failure).
 * Refused: NON_BOOTABLE (-EPERM); PIC, encrypted or compressed images, SHA-384/512 hash TLVs,
 * RSA/ECDSA-224/SIG_PURE signatures (-ENOTSUP); a non-allow-listed TLV in the unprotected
 * area or any malformed layout (-EBADMSG, -EFBIG, -EOVERFLOW); more than IMAGE_MAX_DEPS
 * DEPENDENCY TLVs (-ENOMEM: more than this build can track); hash or signature mismatch,
 * or no signature TLV (-EACCES); signatures only by unknown keys (-ENOKEY); an erased
 * slot (-ENOENT); flash errors as returned. Reads in chunks of at most 128 bytes.
 * Returns verdict_ok() only for an image that may boot.
 */
verdict_t mcuboot_validate(const struct flash_area *fa, const struct keyring *kr,
			   struct image_info *info);

/* Room for the longest version string, "255.255.65535+4294967295", and its NUL. */
#define IMAGE_VERSION_STR_MAX 25

/*
 * image_version_str() - "1.2.3+4" into buf, cut short (but NUL-terminated) if len is less
 * than IMAGE_VERSION_STR_MAX. Returns buf.
 */
char *image_version_str(const struct image_version *v, char *buf, size_t len);

/*
 * image_version_cmp() - -1, 0 or 1 as @a is below, equal to or above @b, comparing major,
 * minor, revision, then build number (MCUboot's DEPENDENCY rule).
 */
int image_version_cmp(const struct image_version *a, const struct image_version *b);

/*
 * MCUboot header and TLV walking, shared by mcuboot_validate() and the host tool's dumpinfo
 * (shared/specs/mcuboot-image.md sections 1-3).
 */

/* The 32-byte header, decoded field by field (never overlaid on the bytes). */
struct mcuboot_header {
	uint32_t magic;
	uint32_t load_addr;
	uint16_t hdr_size;
	uint16_t prot_tlv_size;	/* protected area incl. its 4-byte info, 0 if none */
	uint32_t img_size;
	uint32_t flags;
	struct image_version version;
};

/*
 * mcuboot_header_read() - read and decode the header at offset 0 of @fa.
 * Decodes only: no field is checked (mcuboot_validate() does that).
 * Returns 0, -ERANGE if the area is smaller than MCUBOOT_HDR_LEN, or a flash error.
 */
int mcuboot_header_read(const struct flash_area *fa, struct mcuboot_header *hdr);

#define IMAGE_TLV_INFO_MAGIC 0x6907u
#define IMAGE_TLV_PROT_INFO_MAGIC 0x6908u
#define IMAGE_TLV_INFO_LEN 4	/* u16 magic, u16 total incl. this info */
#define IMAGE_TLV_HDR_LEN 4	/* u16 type, u16 length */

#define IMAGE_TLV_KEYHASH 0x01u
#define IMAGE_TLV_PUBKEY 0x02u
#define IMAGE_TLV_SHA256 0x10u
#define IMAGE_TLV_SHA384 0x11u
#define IMAGE_TLV_SHA512 0x12u
#define IMAGE_TLV_RSA2048_PSS 0x20u
#define IMAGE_TLV_ECDSA224 0x21u
#define IMAGE_TLV_ECDSA_SIG 0x22u
#define IMAGE_TLV_RSA3072_PSS 0x23u
#define IMAGE_TLV_ED25519 0x24u
#define IMAGE_TLV_SIG_PURE 0x25u
#define IMAGE_TLV_ENC_RSA2048 0x30u
#define IMAGE_TLV_ENC_KW 0x31u
#define IMAGE_TLV_ENC_EC256 0x32u
#define IMAGE_TLV_ENC_X25519 0x33u
#define IMAGE_TLV_ENC_X25519_SHA512 0x34u
#define IMAGE_TLV_DEPENDENCY 0x40u
#define IMAGE_TLV_SEC_CNT 0x50u
#define IMAGE_TLV_BOOT_RECORD 0x60u

#define IMAGE_TLV_SEC_CNT_LEN 4
#define IMAGE_TLV_DEPENDENCY_LEN 12

/* One TLV found by tlv_iter_next(). */
struct tlv_entry {
	uint16_t type;
	uint16_t len;		/* value bytes */
	uint32_t off;		/* offset of the value in the flash area */
	bool prot;		/* in the protected (hashed) area */
};

/*
 * Iterator over both TLV areas; caller-owned, no heap. After a successful tlv_iter_begin()
 * callers may read tlv_off, prot_end and end (the area layout) and reason; the other fields
 * are private to boot/image/tlv.c.
 */
struct tlv_iter {
	const struct flash_area *fa;
	uint32_t tlv_off;	/* first info: end of the payload */
	uint32_t prot_end;	/* end of the protected area, i.e. the unprotected info */
	uint32_t end;		/* end of the unprotected area: end of the image */
	uint32_t next;		/* offset of the next TLV header */
	int err;		/* sticky error once the walk went wrong */
	const char *reason;	/* short text for err */
};

/*
 * tlv_iter_begin() - locate and check both TLV infos of the image described by @hdr in @fa.
 * Trusts nothing in @hdr: the payload end is an overflow-checked hdr_size + img_size; a
 * protected info (0x6908) must be present exactly when hdr->prot_tlv_size is non-zero and
 * its total must equal it; the unprotected info (0x6907) must follow and its whole area must
 * lie inside @fa.
 * Returns 0, -EOVERFLOW (sizes wrap), -EFBIG (an info or area runs past the end of @fa),
 * -EBADMSG (wrong magic or total), or a flash error. On error it->reason says why.
 */
int tlv_iter_begin(struct tlv_iter *it, const struct flash_area *fa,
		   const struct mcuboot_header *hdr);

/*
 * tlv_iter_next() - the next TLV, protected ones first, skipping the unprotected info.
 * Each header and length is checked against the end of its own area.
 * Returns 0 with *tlv filled, -ENOENT after the last TLV, -EBADMSG if a header or value runs
 * past the end of its area, or a flash error. Errors are sticky (it->reason says why).
 */
int tlv_iter_next(struct tlv_iter *it, struct tlv_entry *tlv);

/* imgtool's name of a TLV type ("SHA256", "KEYHASH", ...), or NULL if unknown. */
const char *tlv_type_name(uint16_t type);

#endif
