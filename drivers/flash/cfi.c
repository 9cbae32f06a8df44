// SPDX-License-Identifier: Apache-2.0
/*
 * CFI NOR flash, Intel/Sharp command set (cfi_flash_ops in include/rampart/flash.h).
 *
 * The bank is memory-mapped: reads are plain loads in read-array mode, and every operation
 * leaves the chips in read-array mode again. Commands go to the bank at full bus width, one
 * copy per interleaved chip (two x16 chips on a 32-bit bus: 0x00ff00ff). Status is checked
 * on every chip. Polling is bounded by CFI_POLL_LIMIT reads, not by time: no timer is needed.
 *
 * The driver must not program or query the bank the CPU executes from.
 */
#include <rampart/console.h>
#include <rampart/errno.h>
#include <rampart/flash.h>
#include <rampart/string.h>

#define CMD_READ_ARRAY 0xff
#define CMD_CFI_QUERY 0x98
#define CMD_READ_STATUS 0x70
#define CMD_CLEAR_STATUS 0x50
#define CMD_WORD_PROGRAM 0x40
#define CMD_BUFFERED_PROGRAM 0xe8
#define CMD_BLOCK_ERASE 0x20
#define CMD_BLOCK_UNLOCK 0x60
#define CMD_CONFIRM 0xd0

#define SR_READY 0x80		/* SR.7: write state machine ready */
#define SR_ERASE_ERR 0x20	/* SR.5 */
#define SR_PROGRAM_ERR 0x10	/* SR.4 */
#define SR_VPP_LOW 0x08		/* SR.3 */
#define SR_LOCKED 0x02		/* SR.1 */
#define SR_ERRORS (SR_ERASE_ERR | SR_PROGRAM_ERR | SR_VPP_LOW | SR_LOCKED)

/* CFI query table offsets (in query words). */
#define CFI_QRY 0x10
#define CFI_CMD_SET 0x13
#define CFI_DEV_SIZE 0x27
#define CFI_WBUF_SIZE 0x2a
#define CFI_NR_REGIONS 0x2c
#define CFI_REGION0 0x2d
#define CFI_QUERY_ADDR 0x55
#define CFI_CMD_SET_INTEL 0x0001

/*
 * Upper bound on status reads per operation. A block erase takes up to ~4 s on real parts;
 * one status read over a parallel bus takes well over 100 ns, so this allows more than that.
 */
#define CFI_POLL_LIMIT 50000000u

static struct cfi_flash *cfi_of(const struct flash_dev *dev)
{
	return dev->priv;
}

static uint32_t bank_read(const struct flash_dev *dev, uint32_t off)
{
	uintptr_t addr = dev->mmap_base + off;

	switch (cfi_of(dev)->bank_width) {
	case 1:
		return *(volatile uint8_t *)addr;
	case 2:
		return *(volatile uint16_t *)addr;
	default:
		return *(volatile uint32_t *)addr;
	}
}

static void bank_write(const struct flash_dev *dev, uint32_t off, uint32_t val)
{
	uintptr_t addr = dev->mmap_base + off;

	switch (cfi_of(dev)->bank_width) {
	case 1:
		*(volatile uint8_t *)addr = (uint8_t)val;
		break;
	case 2:
		*(volatile uint16_t *)addr = (uint16_t)val;
		break;
	default:
		*(volatile uint32_t *)addr = val;
		break;
	}
}

/* @val (a command or a count) once per chip lane of the bank. */
static uint32_t per_chip(const struct cfi_flash *c, uint32_t val)
{
	uint32_t word = 0;

	for (unsigned int i = 0; i < c->bank_width; i += c->chip_width)
		word |= val << (8 * i);
	return word;
}

static void command(const struct flash_dev *dev, uint32_t off, uint8_t cmd)
{
	bank_write(dev, off, per_chip(cfi_of(dev), cmd));
}

static void read_array(const struct flash_dev *dev)
{
	command(dev, 0, CMD_READ_ARRAY);
}

/* Status bytes of all chips in @raw: bits set in every chip (@all) and in any chip (@any). */
static void split_status(const struct cfi_flash *c, uint32_t raw, uint8_t *all, uint8_t *any)
{
	*all = 0xff;
	*any = 0;
	for (unsigned int i = 0; i < c->bank_width; i += c->chip_width) {
		uint8_t sr = (uint8_t)(raw >> (8 * i));

		*all &= sr;
		*any |= sr;
	}
}

/*
 * Read status at @off until every chip reports ready; *sr = the OR of all chips' status.
 * 0 or -ETIMEDOUT.
 */
static int wait_ready(const struct flash_dev *dev, uint32_t off, uint8_t *sr)
{
	uint8_t all, any;

	for (uint32_t n = 0; n < CFI_POLL_LIMIT; n++) {
		split_status(cfi_of(dev), bank_read(dev, off), &all, &any);
		if (all & SR_READY) {
			*sr = any;
			return 0;
		}
	}
	return -ETIMEDOUT;
}

static const char *status_text(uint8_t sr)
{
	if (sr & SR_LOCKED)
		return "block locked";
	if (sr & SR_VPP_LOW)
		return "VPP low";
	if ((sr & (SR_ERASE_ERR | SR_PROGRAM_ERR)) == (SR_ERASE_ERR | SR_PROGRAM_ERR))
		return "command sequence error";
	if (sr & SR_ERASE_ERR)
		return "erase failed";
	return "program failed";
}

/*
 * Wait for the operation started at @off to end and check its status. Error bits are cleared
 * for the next operation. Returns 0, -EIO (status error, logged) or -ETIMEDOUT (logged).
 */
static int finish(const struct flash_dev *dev, uint32_t off, const char *op)
{
	uint8_t sr;
	int rc;

	command(dev, off, CMD_READ_STATUS);
	rc = wait_ready(dev, off, &sr);
	if (rc) {
		log_err("%s: %s at 0x%x: no ready status (timeout)", dev->name, op, (unsigned)off);
		return rc;
	}
	if (!(sr & SR_ERRORS))
		return 0;
	command(dev, off, CMD_CLEAR_STATUS);
	log_err("%s: %s at 0x%x: %s (status 0x%02x)", dev->name, op, (unsigned)off,
		status_text(sr), sr);
	return -EIO;
}

/* Clear the lock bit of the block at @off: some parts power up with every block locked. */
static int unlock_block(const struct flash_dev *dev, uint32_t off)
{
	command(dev, off, CMD_BLOCK_UNLOCK);
	command(dev, off, CMD_CONFIRM);
	return finish(dev, off, "unlock");
}

/* Unlock every block that [off, off + len) touches. */
static int unlock_range(const struct flash_dev *dev, uint32_t off, size_t len)
{
	uint32_t ss = dev->geo.sector_size;
	uint64_t end = (uint64_t)off + len;
	int rc = 0;

	for (uint64_t blk = off - off % ss; rc == 0 && blk < end; blk += ss)
		rc = unlock_block(dev, (uint32_t)blk);
	return rc;
}

static uint32_t word_from_bytes(const uint8_t *p, unsigned int width)
{
	uint32_t w = 0;

	for (unsigned int i = 0; i < width; i++)
		w |= (uint32_t)p[i] << (8 * i);
	return w;
}

static int program_word(const struct flash_dev *dev, uint32_t off, uint32_t word)
{
	command(dev, off, CMD_WORD_PROGRAM);
	bank_write(dev, off, word);
	return finish(dev, off, "program");
}

/*
 * Program @n bytes (1 .. bank_width - 1, not crossing a bank word) at unaligned @off: the
 * other bytes of the bank word are programmed with what they hold now (erased bytes stay
 * erased), so neighbours written earlier survive on flash that can also set bits.
 */
static int program_partial(const struct flash_dev *dev, uint32_t off, const uint8_t *src,
			   size_t n)
{
	unsigned int bw = cfi_of(dev)->bank_width;
	uint32_t word_off = off - off % bw;
	uint8_t bytes[4];

	read_array(dev);
	put_le32(bytes, bank_read(dev, word_off));
	memcpy(bytes + off % bw, src, n);
	return program_word(dev, word_off, word_from_bytes(bytes, bw));
}

/* Wait until the chips accept a buffered program at @off (Intel: re-issue 0xE8). */
static int start_buffer(const struct flash_dev *dev, uint32_t off)
{
	uint8_t all, any;

	for (uint32_t n = 0; n < CFI_POLL_LIMIT; n++) {
		command(dev, off, CMD_BUFFERED_PROGRAM);
		split_status(cfi_of(dev), bank_read(dev, off), &all, &any);
		if (all & SR_READY)
			return 0;
	}
	log_err("%s: write buffer at 0x%x never became ready", dev->name, (unsigned)off);
	return -ETIMEDOUT;
}

/* Program @n bytes, whole bank words within one write-buffer window, at aligned @off. */
static int program_buffer(const struct flash_dev *dev, uint32_t off, const uint8_t *src,
			  size_t n)
{
	const struct cfi_flash *c = cfi_of(dev);
	uint32_t words = (uint32_t)(n / c->bank_width);
	int rc = start_buffer(dev, off);

	if (rc)
		return rc;
	/* The count is in words per chip, minus one; each chip gets its own copy. */
	bank_write(dev, off, per_chip(c, words - 1));
	for (uint32_t i = 0; i < words; i++)
		bank_write(dev, off + i * c->bank_width,
			   word_from_bytes(src + i * c->bank_width, c->bank_width));
	command(dev, off, CMD_CONFIRM);
	return finish(dev, off, "buffered program");
}

/*
 * Program the next piece of [off, off + len): a partial bank word, one whole word, or as many
 * whole words as fit in the write buffer without crossing a buffer-aligned boundary.
 * *done = bytes consumed. 0 or an error from finish()/start_buffer().
 */
static int program_next(const struct flash_dev *dev, uint32_t off, const uint8_t *src,
			size_t len, size_t *done)
{
	const struct cfi_flash *c = cfi_of(dev);
	unsigned int bw = c->bank_width;
	size_t n;

	if (off % bw || len < bw) {
		*done = MIN(len, (size_t)(bw - off % bw));
		return program_partial(dev, off, src, *done);
	}
	if (c->wbuf_size == 0) {
		*done = bw;
		return program_word(dev, off, word_from_bytes(src, bw));
	}
	n = MIN(len - len % bw, (size_t)(c->wbuf_size - off % c->wbuf_size));
	*done = n;
	return program_buffer(dev, off, src, n);
}

/*
 * cfi_write() - program [off, off + len) from @buf; the range should be erased. Any offset and
 * length work (partial bank words are merged, see program_partial()). Unlocks the blocks first.
 * Returns 0, -ENODEV if init has not accepted the chips, -EIO (status error) or -ETIMEDOUT;
 * the chips are back in read-array mode either way.
 */
static int cfi_write(const struct flash_dev *dev, uint32_t off, const void *buf, size_t len)
{
	const uint8_t *src = buf;
	size_t done;
	int rc;

	if (!cfi_of(dev)->probed)
		return -ENODEV;
	rc = unlock_range(dev, off, len);
	while (rc == 0 && len > 0) {
		rc = program_next(dev, off, src, len, &done);
		off += (uint32_t)done;
		src += done;
		len -= done;
	}
	read_array(dev);
	return rc;
}

static int erase_block(const struct flash_dev *dev, uint32_t off)
{
	int rc = unlock_block(dev, off);

	if (rc)
		return rc;
	command(dev, off, CMD_BLOCK_ERASE);
	command(dev, off, CMD_CONFIRM);
	return finish(dev, off, "erase");
}

/*
 * cfi_erase() - erase the sectors covering [off, off + len); @off and @len are sector
 * multiples (the flash core checks). Returns 0, -ENODEV before a successful init, -EIO or
 * -ETIMEDOUT; the chips are back in read-array mode either way.
 */
static int cfi_erase(const struct flash_dev *dev, uint32_t off, size_t len)
{
	uint32_t ss = dev->geo.sector_size;
	int rc = 0;

	if (!cfi_of(dev)->probed)
		return -ENODEV;
	for (size_t done = 0; rc == 0 && done < len; done += ss)
		rc = erase_block(dev, off + (uint32_t)done);
	read_array(dev);
	return rc;
}

/* Read-array mode is memory: a copy. Always 0. */
static int cfi_read(const struct flash_dev *dev, uint32_t off, void *buf, size_t len)
{
	memcpy(buf, (const void *)(dev->mmap_base + off), len);
	return 0;
}

/* What the CFI query says about the bank (all chips together). */
struct cfi_info {
	uint32_t cmd_set;
	uint32_t size;		/* 0 if it does not fit 32 bits */
	uint32_t sector_size;	/* 0 unless there is exactly one (uniform) erase region */
	uint32_t nr_sectors;
	uint32_t wbuf_size;
};

/* Query byte @idx of the first chip; *agree stays true while every chip answers the same. */
static uint8_t query_byte(const struct flash_dev *dev, uint32_t idx, bool *agree)
{
	const struct cfi_flash *c = cfi_of(dev);
	uint32_t raw = bank_read(dev, idx * c->bank_width);
	uint8_t b = (uint8_t)raw;

	if (per_chip(c, b) != (raw & per_chip(c, 0xff)))
		*agree = false;
	return b;
}

static uint16_t query_le16(const struct flash_dev *dev, uint32_t idx, bool *agree)
{
	return (uint16_t)(query_byte(dev, idx, agree) | query_byte(dev, idx + 1, agree) << 8);
}

/* Total per-bank size from per-chip 2^log2 bytes; 0 if it does not fit 32 bits. */
static uint32_t bank_bytes(uint8_t log2, unsigned int chips)
{
	if (log2 >= 32 || (uint64_t)chips << log2 > UINT32_MAX)
		return 0;
	return (uint32_t)(chips << log2);
}

/* Decode the query table into @info. 0, or -ENODEV if no CFI answer came back. */
static int parse_query(const struct flash_dev *dev, struct cfi_info *info)
{
	const struct cfi_flash *c = cfi_of(dev);
	unsigned int chips = c->bank_width / c->chip_width;
	bool agree = true;
	uint32_t blk;

	if (query_byte(dev, CFI_QRY, &agree) != 'Q' || query_byte(dev, CFI_QRY + 1, &agree) != 'R' ||
	    query_byte(dev, CFI_QRY + 2, &agree) != 'Y' || !agree)
		return -ENODEV;
	info->cmd_set = query_le16(dev, CFI_CMD_SET, &agree);
	info->size = bank_bytes(query_byte(dev, CFI_DEV_SIZE, &agree), chips);
	info->wbuf_size = bank_bytes(query_byte(dev, CFI_WBUF_SIZE, &agree), chips);
	info->nr_sectors = query_le16(dev, CFI_REGION0, &agree) + 1u;
	/* Block size in units of 256 bytes per chip; 0 means 128 bytes. */
	blk = query_le16(dev, CFI_REGION0 + 2, &agree);
	info->sector_size = (blk ? blk * 256u : 128u) * chips;
	if (query_byte(dev, CFI_NR_REGIONS, &agree) != 1)
		info->sector_size = 0;
	return agree ? 0 : -ENODEV;
}

/* Is the wiring in priv something this driver can drive? */
static bool wiring_ok(const struct flash_dev *dev)
{
	const struct cfi_flash *c = cfi_of(dev);

	if (!dev->mapped || !c)
		return false;
	if (c->bank_width != 1 && c->bank_width != 2 && c->bank_width != 4)
		return false;
	return (c->chip_width == 1 || c->chip_width == 2) && c->bank_width % c->chip_width == 0;
}

/* Refuse a query result that disagrees with the board's geometry. 0 or -EINVAL (logged). */
static int check_geometry(const struct flash_dev *dev, const struct cfi_info *info)
{
	const struct flash_geometry *geo = &dev->geo;

	if (info->cmd_set != CFI_CMD_SET_INTEL) {
		log_err("%s: CFI command set 0x%04x not supported (need Intel/Sharp 0x0001)",
			dev->name, (unsigned)info->cmd_set);
		return -ENOTSUP;
	}
	if (info->size == 0 || info->sector_size == 0 ||
	    (uint64_t)info->sector_size * info->nr_sectors != info->size) {
		log_err("%s: CFI geometry unsupported (size 2^n overflow or non-uniform sectors)",
			dev->name);
		return -ENOTSUP;
	}
	if (info->size != geo->size || info->sector_size != geo->sector_size) {
		log_err("%s: board expects %u bytes in %u-byte sectors, CFI reports %u in %u",
			dev->name, (unsigned)geo->size, (unsigned)geo->sector_size,
			(unsigned)info->size, (unsigned)info->sector_size);
		return -EINVAL;
	}
	return 0;
}

/* Largest buffered program the count field can express: (lane maximum + 1) words. */
static uint32_t usable_wbuf(const struct cfi_flash *c, uint32_t wbuf_size)
{
	uint32_t max = (c->chip_width == 1 ? 0x100u : 0x10000u) * c->bank_width;

	if (c->word_program_only || wbuf_size < c->bank_width)
		return 0;
	return MIN(wbuf_size, max);
}

/*
 * cfi_init() - CFI query: require "QRY" from every chip, command set 0x0001, one uniform erase
 * region, and size and sector size equal to dev->geo; note the write-buffer size.
 * Returns 0, -EINVAL (bad wiring in priv, or geometry mismatch), -ENODEV (no CFI answer) or
 * -ENOTSUP (other command set or geometry). Errors are logged. Leaves read-array mode.
 */
static int cfi_init(const struct flash_dev *dev)
{
	struct cfi_flash *c = cfi_of(dev);
	struct cfi_info info;
	int rc;

	if (!wiring_ok(dev)) {
		log_err("%s: bad CFI wiring (bank/chip width) or not memory-mapped", dev->name);
		return -EINVAL;
	}
	c->probed = false;
	read_array(dev);
	command(dev, CFI_QUERY_ADDR * c->bank_width, CMD_CFI_QUERY);
	rc = parse_query(dev, &info);
	read_array(dev);
	if (rc) {
		log_err("%s: no CFI flash answers at 0x%lx", dev->name,
			(unsigned long)dev->mmap_base);
		return rc;
	}
	rc = check_geometry(dev, &info);
	if (rc)
		return rc;
	c->wbuf_size = usable_wbuf(c, info.wbuf_size);
	c->probed = true;
	command(dev, 0, CMD_CLEAR_STATUS);
	read_array(dev);
	return 0;
}

const struct flash_ops cfi_flash_ops = {
	.read = cfi_read,
	.write = cfi_write,
	.erase = cfi_erase,
	.init = cfi_init,
};

const struct flash_ops cfi_flash_rom_ops = {
	.read = cfi_read,
};
