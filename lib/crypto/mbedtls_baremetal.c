// SPDX-License-Identifier: Apache-2.0
/*
 * What Debian's libmbedcrypto.a (built for Linux) needs from a C library, for bare-metal
 * images that link it (CONFIG_CRYPTO_MBEDTLS_BAREMETAL). Each symbol is either a minimal
 * correct implementation or a stub that fails safely; the table with the reason for each is
 * in Documentation/crypto-mbedtls-baremetal.md. Architecture-neutral.
 *
 * calloc/free serve mbedtls's bignums from a fixed arena of CONFIG_CRYPTO_MBEDTLS_HEAP_SIZE
 * bytes: first fit over an address-ordered free list, blocks split on allocation and merged
 * with both neighbours on release. Nothing else in Rampart allocates. Memory is wiped when
 * freed. Rampart is single-threaded: the pthread mutexes are no-ops.
 *
 * Symbols that only mbedtls's self-tests, file I/O or time code reach are present because
 * Debian's objects are not split per function: the linker takes a whole object (say
 * sha256.c.o, self-test included) when the backend needs one function of it.
 */
#include <rampart/arch.h>
#include <rampart/compiler.h>
#include <rampart/console.h>
#include <rampart/string.h>

/* The C library interface Debian's objects were compiled against (glibc, C11 and LSB). */
struct file;
struct tm;
void *calloc(size_t n, size_t size);
void free(void *p);
char *strstr(const char *haystack, const char *needle);
int puts(const char *s);
int putchar(int c);
int snprintf(char *buf, size_t len, const char *fmt, ...);
int rand(void);
struct tm *gmtime_r(const void *t, struct tm *out);
struct file *fopen(const char *path, const char *mode);
int fclose(struct file *f);
size_t fread(void *p, size_t size, size_t n, struct file *f);
size_t fwrite(const void *p, size_t size, size_t n, struct file *f);
int ferror(struct file *f);
char *fgets(char *s, int size, struct file *f);
int fseek(struct file *f, long off, int whence);
long ftell(struct file *f);
int pthread_mutex_init(void *mutex, const void *attr);
int pthread_mutex_destroy(void *mutex);
int pthread_mutex_lock(void *mutex);
int pthread_mutex_unlock(void *mutex);
int __printf_chk(int flag, const char *fmt, ...);
int __snprintf_chk(char *buf, size_t maxlen, int flag, size_t buflen, const char *fmt, ...);
void *__memcpy_chk(void *dst, const void *src, size_t n, size_t dstlen);
void *__memset_chk(void *dst, int c, size_t n, size_t dstlen);
__noreturn void __stack_chk_fail(void);

/*
 * Stop for good: memory the library owns is corrupt, or code that must never run did. The
 * bootloader then boots nothing, which is the safe outcome of a verification in progress.
 */
static __noreturn void shim_fatal(const char *what)
{
	log_err("mbedtls: %s: halting", what);
	arch_halt(BOOT_STATUS_NO_IMAGE);
}

/* ---- the arena ---------------------------------------------------------------------- */

/* Every block starts with this header, padded to HEAP_ALIGN so payloads stay aligned. */
struct blk {
	size_t size;		/* whole block, header included; a multiple of HEAP_ALIGN */
	struct blk *next;	/* free: next free block by address; allocated: tag(self) */
};

#define HEAP_ALIGN 16u
#define HDR HEAP_ALIGN
#define MIN_BLOCK (HDR + HEAP_ALIGN)
#define ARENA_SIZE ALIGN_DOWN((size_t)CONFIG_CRYPTO_MBEDTLS_HEAP_SIZE, HEAP_ALIGN)
/* An allocated block's next field: a value no free-list link (NULL or in the arena) has. */
#define ALLOC_KEY ((uintptr_t)0xa110c8eda110c8edull)

_Static_assert(sizeof(struct blk) <= HDR, "block header larger than its slot");
_Static_assert(ARENA_SIZE >= MIN_BLOCK, "CONFIG_CRYPTO_MBEDTLS_HEAP_SIZE too small");

static uint8_t arena[ARENA_SIZE] __aligned(HEAP_ALIGN);
static struct blk *free_list;
static bool arena_ready;
static size_t in_use, peak, live, allocs;

static struct blk *tag(struct blk *b)
{
	return (struct blk *)((uintptr_t)b ^ ALLOC_KEY);
}

static void *payload(struct blk *b)
{
	return (uint8_t *)b + HDR;
}

static void arena_init(void)
{
	free_list = (struct blk *)(void *)arena;
	free_list->size = ARENA_SIZE;
	free_list->next = NULL;
	arena_ready = true;
}

/* Unlink the first free block of at least @need bytes, split off any usable rest. */
static struct blk *take_first_fit(size_t need)
{
	struct blk **link = &free_list;
	struct blk *b, *rest;

	for (b = free_list; b && b->size < need; b = b->next)
		link = &b->next;
	if (!b)
		return NULL;
	if (b->size - need >= MIN_BLOCK) {
		rest = (struct blk *)(void *)((uint8_t *)b + need);
		rest->size = b->size - need;
		rest->next = b->next;
		b->size = need;
		*link = rest;
	} else {
		*link = b->next;
	}
	return b;
}

/*
 * calloc() - @n * @size zeroed bytes from the arena, aligned to 16; NULL if the product
 * overflows or the arena has no free block that large (mbedtls then fails the operation,
 * e.g. MBEDTLS_ERR_MPI_ALLOC_FAILED, and the signature counts as invalid). A request of 0
 * bytes gets a unique minimal block, as glibc's does.
 */
void *calloc(size_t n, size_t size)
{
	size_t want, need;
	struct blk *b;

	if (!arena_ready)
		arena_init();
	if (__builtin_mul_overflow(n, size, &want) || want > ARENA_SIZE - HDR) {
		log_wrn("mbedtls: allocation of %zu x %zu bytes refused", n, size);
		return NULL;
	}
	need = HDR + ALIGN_UP(MAX(want, (size_t)1), (size_t)HEAP_ALIGN);
	b = take_first_fit(need);
	if (!b) {
		log_wrn("mbedtls: heap exhausted (%zu bytes wanted, %zu of %zu in use): raise "
			"CONFIG_CRYPTO_MBEDTLS_HEAP_SIZE", want, in_use, ARENA_SIZE);
		return NULL;
	}
	b->next = tag(b);
	in_use += b->size;
	peak = MAX(peak, in_use);
	live++;
	allocs++;
	memset(payload(b), 0, b->size - HDR);
	return payload(b);
}

/* The header of the allocated block whose payload is @p; halts if @p is not one. */
static struct blk *owned_block(void *p)
{
	uintptr_t a = (uintptr_t)p, lo = (uintptr_t)arena;
	struct blk *b;

	if (a < lo + HDR || a >= lo + ARENA_SIZE || (a - lo) % HEAP_ALIGN)
		shim_fatal("free() of a pointer outside the heap");
	b = (struct blk *)(a - HDR);
	if (b->next != tag(b) || b->size < MIN_BLOCK || b->size % HEAP_ALIGN ||
	    b->size > lo + ARENA_SIZE - (uintptr_t)b)
		shim_fatal("heap corrupt or block freed twice");
	return b;
}

/* Merge @b with the free block right after it, if that is @b->next. */
static void merge_next(struct blk *b)
{
	struct blk *n = b->next;

	if (n && (uint8_t *)b + b->size == (uint8_t *)n) {
		b->size += n->size;
		b->next = n->next;
		memset(n, 0, HDR);
	}
}

/* With nothing allocated, merging must have rebuilt the single block arena_init() made. */
static void check_idle(void)
{
	if (free_list != (struct blk *)(void *)arena || free_list->size != ARENA_SIZE ||
	    free_list->next)
		shim_fatal("heap corrupt (free list not whole when idle)");
	log_dbg("mbedtls: heap idle, peak %zu of %zu bytes, %zu allocations so far", peak,
		ARENA_SIZE, allocs);
}

/*
 * free() - return a block from calloc() (NULL is ignored). The bytes are wiped, the block
 * goes back into the address-ordered list and merges with free neighbours. A pointer that
 * calloc() did not return, or a second free, halts the bootloader.
 */
void free(void *p)
{
	struct blk *b, *prev = NULL, *cur;

	if (!p)
		return;
	b = owned_block(p);
	memset(payload(b), 0, b->size - HDR);
	in_use -= b->size;
	live--;
	for (cur = free_list; cur && cur < b; cur = cur->next)
		prev = cur;
	b->next = cur;
	if (prev)
		prev->next = b;
	else
		free_list = b;
	merge_next(b);
	if (prev)
		merge_next(prev);
	if (live == 0)
		check_idle();
}

/* ---- strings and formatted output ---------------------------------------------------- */

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++) {
		if (strncmp(haystack, needle, n) == 0)
			return (char *)haystack;
	}
	return n == 0 ? (char *)haystack : NULL;
}

int puts(const char *s)
{
	console_puts(s);
	console_putc('\n');
	return 1;
}

int putchar(int c)
{
	console_putc((char)c);
	return (unsigned char)c;
}

/* Rampart's formatter (no floating point); only mbedtls's self-tests print. */
int __printf_chk(int flag, const char *fmt, ...)
{
	char line[160];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	console_puts(line);
	return n;
}

int snprintf(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, len, fmt, ap);
	va_end(ap);
	return n;
}

/* ---- fortify and stack protector: a failed check never returns -------------------------- */

int __snprintf_chk(char *buf, size_t maxlen, int flag, size_t buflen, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (maxlen > buflen)
		shim_fatal("snprintf buffer overflow");
	va_start(ap, fmt);
	n = fmt_vsnprintf(buf, maxlen, fmt, ap);
	va_end(ap);
	return n;
}

void *__memcpy_chk(void *dst, const void *src, size_t n, size_t dstlen)
{
	if (n > dstlen)
		shim_fatal("memcpy buffer overflow");
	return memcpy(dst, src, n);
}

void *__memset_chk(void *dst, int c, size_t n, size_t dstlen)
{
	if (n > dstlen)
		shim_fatal("memset buffer overflow");
	return memset(dst, c, n);
}

/*
 * The canary of -fstack-protector-strong code. Fixed (no entropy source exists this early);
 * the zero byte stops string overruns from copying it.
 */
uintptr_t __stack_chk_guard = (uintptr_t)0x2f8a5c00e6b1d94bull;

void __stack_chk_fail(void)
{
	shim_fatal("stack smashing detected");
}

/* ---- reached only by code Rampart never calls: fail safely ------------------------------ */

/* Only mbedtls_rsa_self_test() uses rand(); predictable "randomness" must never leak out. */
int rand(void)
{
	shim_fatal("rand() called");
}

/* No calendar: certificate time checks (X.509, not used) fail. */
struct tm *gmtime_r(const void *t, struct tm *out)
{
	return NULL;
}

/* No file system: mbedtls's *_file() functions report MBEDTLS_ERR_*_FILE_IO_ERROR. */
struct file *fopen(const char *path, const char *mode)
{
	return NULL;
}

int fclose(struct file *f)
{
	return -1;
}

size_t fread(void *p, size_t size, size_t n, struct file *f)
{
	return 0;
}

size_t fwrite(const void *p, size_t size, size_t n, struct file *f)
{
	return 0;
}

int ferror(struct file *f)
{
	return 1;
}

char *fgets(char *s, int size, struct file *f)
{
	return NULL;
}

int fseek(struct file *f, long off, int whence)
{
	return -1;
}

long ftell(struct file *f)
{
	return -1;
}

/* One thread, no interrupt handlers that use mbedtls: locking has nothing to exclude. */
int pthread_mutex_init(void *mutex, const void *attr)
{
	return 0;
}

int pthread_mutex_destroy(void *mutex)
{
	return 0;
}

int pthread_mutex_lock(void *mutex)
{
	return 0;
}

int pthread_mutex_unlock(void *mutex)
{
	return 0;
}
