// SPDX-License-Identifier: Apache-2.0
/*
 * SHA-256 test firmware for QEMU virt (run by test/qemu/sha2-armv8.sh).
 *
 * Two SHA-256 paths are linked: the real lib/crypto/sha256.c, whose block function first tries
 * arch_sha256_blocks() (arch/arm64/sha256_armv8.c, CONFIG_CRYPTO_SHA256_ARCH), and a second
 * build of the same file with that option off and its functions renamed portable_sha256_*.
 * The firmware reads ID_AA64ISAR0_EL1.SHA2, checks that arch_sha256_blocks() works exactly
 * when the CPU reports the instructions, runs FIPS 180-4 known answers through both paths,
 * compares them on random lengths, alignments and update splits, and times 8 MiB through
 * each. It prints one "sha2-test: PASS|FAIL name" line per check and "sha2-test: INFO ..."
 * lines for the figures, then exits QEMU with 0 only if every check passed.
 */
#include <rampart/arch.h>
#include <rampart/console.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include <rampart/serial.h>
#include <rampart/string.h>

void portable_sha256_init(struct sha256_ctx *ctx);
void portable_sha256_update(struct sha256_ctx *ctx, const void *data, size_t len);
void portable_sha256_final(struct sha256_ctx *ctx, uint8_t out[SHA256_LEN]);

#define BENCH_BASE 0x40200000u	/* 8 MiB of guest RAM above the firmware's; reads as zero */
#define BENCH_LEN 0x800000u
#define RANDOM_MESSAGES 300
#define RANDOM_BLOCK_RUNS 100

static const struct serial_dev console = {
	.name = "pl011",
	.ops = &pl011_ops,
	.base = 0x09000000,
};

struct path {
	const char *name;
	void (*init)(struct sha256_ctx *ctx);
	void (*update)(struct sha256_ctx *ctx, const void *data, size_t len);
	void (*final)(struct sha256_ctx *ctx, uint8_t out[SHA256_LEN]);
};

static const struct path arch_path = { "arch", sha256_init, sha256_update, sha256_final };
static const struct path sw_path = {
	"portable", portable_sha256_init, portable_sha256_update, portable_sha256_final,
};

/* FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf"), repeated @repeat times. */
#define A10 "aaaaaaaaaa"
#define A100 A10 A10 A10 A10 A10 A10 A10 A10 A10 A10

struct kat {
	const char *name;
	const char *msg;
	uint32_t repeat;
	const char *digest;
};

static const struct kat kats[] = {
	{ "empty", "", 1,
	  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
	{ "abc", "abc", 1,
	  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
	{ "448 bits", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
	  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	{ "896 bits", "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
		      "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 1,
	  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
	{ "one million a", A100, 10000,
	  "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0" },
};

static const char bench_digest[] =	/* 8 MiB of zero bytes */
	"2daeb1f36095b44b318410b3f4e8b5d989dcc7bb023d1426c492dab0a3053e74";

static unsigned int passed, failed;
static uint8_t buf[4096 + 64];

static void check(bool ok, const char *fmt, ...) __printf(2, 3);
static void check(bool ok, const char *fmt, ...)
{
	char name[160];
	va_list ap;

	va_start(ap, fmt);
	fmt_vsnprintf(name, sizeof(name), fmt, ap);
	va_end(ap);
	console_printf("sha2-test: %s %s\n", ok ? "PASS" : "FAIL", name);
	if (ok)
		passed++;
	else
		failed++;
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;

/* xorshift64: reproducible test data, nothing more. */
static uint32_t rnd(uint32_t bound)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 32) % bound;
}

static void to_hex(const uint8_t *d, char out[2 * SHA256_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	int i;

	for (i = 0; i < SHA256_LEN; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[2 * SHA256_LEN] = '\0';
}

static void digest_of(const struct path *p, const uint8_t *msg, size_t len, uint8_t *out)
{
	struct sha256_ctx ctx;

	p->init(&ctx);
	p->update(&ctx, msg, len);
	p->final(&ctx, out);
}

static unsigned int isar0_sha2(void)
{
	uint64_t isar0;

	__asm__ __volatile__("mrs %0, id_aa64isar0_el1" : "=r"(isar0));
	return (unsigned int)(isar0 >> 12) & 0xf;
}

static uint64_t ticks(void)
{
	uint64_t t;

	__asm__ __volatile__("isb; mrs %0, cntvct_el0" : "=r"(t) : : "memory");
	return t;
}

static uint64_t ticks_to_ns(uint64_t t)
{
	uint64_t freq;

	__asm__ __volatile__("mrs %0, cntfrq_el0" : "=r"(freq));
	return freq ? t * 1000000000ull / freq : 0;
}

/* The arch entry point itself: works exactly when the ID register says so. */
static void check_arch_entry(unsigned int sha2)
{
	static const uint32_t iv[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	uint32_t state[8];
	int rc;

	memcpy(state, iv, sizeof(state));
	rc = arch_sha256_blocks(state, buf, 1);
	if (sha2) {
		check(rc == 0, "arch_sha256_blocks() uses the instructions (returned %d)", rc);
		memcpy(state, iv, sizeof(state));
		rc = arch_sha256_blocks(state, buf, 0);
		check(rc == 0 && memcmp(state, iv, sizeof(state)) == 0,
		      "arch_sha256_blocks(): 0 blocks leaves the state alone");
	} else {
		check(rc == -ENOSYS && memcmp(state, iv, sizeof(state)) == 0,
		      "arch_sha256_blocks() returns -ENOSYS, state untouched (returned %d)", rc);
	}
}

static void check_kat(const struct path *p, const struct kat *k)
{
	size_t n = strlen(k->msg);
	char hex[2 * SHA256_LEN + 1];
	uint8_t d[SHA256_LEN];
	struct sha256_ctx ctx;
	uint32_t i;

	p->init(&ctx);
	for (i = 0; i < k->repeat; i++)
		p->update(&ctx, k->msg, n);
	p->final(&ctx, d);
	to_hex(d, hex);
	check(strcmp(hex, k->digest) == 0, "known answer '%s', %s path", k->name, p->name);
}

/* Raw multi-block calls against the portable state after the same whole blocks. */
static void check_blocks(void)
{
	struct sha256_ctx ctx;
	uint32_t state[8];
	size_t off, n;
	int i, bad = 0, rc;

	for (i = 0; i < RANDOM_BLOCK_RUNS && !bad; i++) {
		n = 1 + rnd(sizeof(buf) / 64 - 1);
		off = rnd(64);
		portable_sha256_init(&ctx);
		memcpy(state, ctx.state, sizeof(state));
		portable_sha256_update(&ctx, buf + off, n * 64);
		rc = arch_sha256_blocks(state, buf + off, n);
		if (rc || memcmp(state, ctx.state, sizeof(state))) {
			console_printf("sha2-test: mismatch: %zu blocks at offset %zu (rc %d)\n", n,
				       off, rc);
			bad = 1;
		}
	}
	check(!bad, "%d multi-block arch_sha256_blocks() runs (1-64 blocks, offsets 0-63) "
	      "match the portable state", RANDOM_BLOCK_RUNS);
}

/* Random messages, alignments and update splits: both paths must agree. */
static void check_random(void)
{
	uint8_t d1[SHA256_LEN], d2[SHA256_LEN];
	struct sha256_ctx ctx;
	size_t len, off, done, step;
	int i, bad = 0;

	for (i = 0; i < RANDOM_MESSAGES && !bad; i++) {
		len = rnd(2100);
		off = rnd(16);
		arch_path.init(&ctx);
		for (done = 0; done < len; done += step) {
			step = (size_t)rnd(200) + 1;
			step = MIN(step, len - done);
			arch_path.update(&ctx, buf + off + done, step);
		}
		arch_path.final(&ctx, d1);
		digest_of(&sw_path, buf + off, len, d2);
		if (memcmp(d1, d2, sizeof(d1))) {
			console_printf("sha2-test: mismatch: %zu bytes at offset %zu\n", len, off);
			bad = 1;
		}
	}
	check(!bad, "%d random messages (0-2099 bytes, offsets 0-15, random update splits): "
	      "both paths agree", RANDOM_MESSAGES);
}

/* Hash 8 MiB through @p; returns the counter ticks taken, checks the digest. */
static uint64_t bench(const struct path *p)
{
	char hex[2 * SHA256_LEN + 1];
	uint8_t d[SHA256_LEN];
	uint64_t t0, t1;

	t0 = ticks();
	digest_of(p, (const uint8_t *)(uintptr_t)BENCH_BASE, BENCH_LEN, d);
	t1 = ticks();
	to_hex(d, hex);
	check(strcmp(hex, bench_digest) == 0, "8 MiB of zeros, %s path", p->name);
	return t1 - t0;
}

/*
 * Report, not test: speed is a benchmark's business (the figure is in Documentation/crypto.md);
 * under wall-clock time on a loaded machine a threshold would be flaky.
 */
static void report_speed(void)
{
	uint64_t t_arch = bench(&arch_path), t_sw = bench(&sw_path);
	uint64_t ns_arch = ticks_to_ns(t_arch), ns_sw = ticks_to_ns(t_sw);

	/* Under -icount shift=0 one instruction is one virtual nanosecond. */
	console_printf("sha2-test: INFO 8 MiB: arch path %llu ns, portable %llu ns (virtual time)\n",
		       (unsigned long long)ns_arch, (unsigned long long)ns_sw);
}

void boot_main(void)
{
	unsigned int sha2, i;

	console_init(&console);
	sha2 = isar0_sha2();
	console_printf("sha2-test: INFO ID_AA64ISAR0_EL1.SHA2 = %u\n", sha2);
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)rnd(256);

	check_arch_entry(sha2);
	for (i = 0; i < ARRAY_SIZE(kats); i++) {
		check_kat(&arch_path, &kats[i]);
		check_kat(&sw_path, &kats[i]);
	}
	if (sha2)
		check_blocks();
	check_random();
	report_speed();

	console_printf("sha2-test: %u passed, %u failed\n", passed, failed);
	arch_halt(failed ? 1 : 0);
}
