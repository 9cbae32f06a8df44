/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rampart-img internals: the host tool that signs, verifies and dumps MCUboot images with the
 * bootloader's own parser (boot/image) and crypto (lib/crypto). Host code: it may use stdio
 * and malloc. Functions that fail print one message to stderr and return -1 (or an exit code
 * where documented).
 */
#ifndef RAMPART_IMG_RIMG_H
#define RAMPART_IMG_RIMG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <rampart/compiler.h>
#include <rampart/crypto.h>
#include <rampart/flash.h>
#include <rampart/image.h>
#include <rampart/keys.h>
#include <rampart/trailer.h>

#define RIMG_EXIT_OK 0
#define RIMG_EXIT_FAIL 1
#define RIMG_EXIT_USAGE 2

/* Largest input file the tool reads (flash areas are 32-bit). */
#define RIMG_FILE_MAX (256u << 20)

/* --- cli.c ---------------------------------------------------------------------------- */

/* The whole tool: argv[1] is the subcommand. Returns the process exit code. */
int rimg_main(int argc, char **argv);

/* "rampart-img: " + message + newline on stderr. */
void rimg_err(const char *fmt, ...) __printf(1, 2);

/*
 * rimg_parse_u32() - a decimal or 0x-prefixed number that fills the whole string.
 * Returns 0, or -1 after printing "invalid value for OPT" (the caller exits with 2).
 */
int rimg_parse_u32(const char *s, const char *opt, uint32_t *out);

/* Print "(rampart-img CMD --help lists the options)" on stderr; returns RIMG_EXIT_USAGE. */
int rimg_usage_hint(const char *cmd);

/* Call before getopt_long() in a subcommand: resets glibc's getopt state. */
void rimg_getopt_reset(void);

/* --- subcommands (cmd_*.c): argc/argv start at the subcommand name. Return exit codes. --- */

int cmd_keygen(int argc, char **argv);
int cmd_getpub(int argc, char **argv);
int cmd_sign(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_dumpinfo(int argc, char **argv);

/* --- fileio.c ------------------------------------------------------------------------- */

/* Read all of @path into a malloc'd buffer (+1 NUL byte not counted in *len). 0 or -1. */
int rimg_read_file(const char *path, uint8_t **buf, size_t *len);
/* Write @len bytes to @path; with @excl refuse an existing file. 0 or -1. */
int rimg_write_file(const char *path, const void *buf, size_t len, bool excl);

/* --- memflash.c: a flash device over a memory buffer, for the parser ------------------- */

struct rimg_flash {
	struct flash_dev dev;
	struct flash_area area;
	const uint8_t *buf;
	uint8_t *wbuf;		/* NULL: read-only */
	uint32_t len;
};

/* Make f->area a read-only area over buf[0..len) (erased value 0xff, write size 1). */
void rimg_flash_init(struct rimg_flash *f, const uint8_t *buf, uint32_t len);
/* The same, writable: writes copy into buf (no NOR rules: the tool writes erased padding). */
void rimg_flash_init_rw(struct rimg_flash *f, uint8_t *buf, uint32_t len);

/* --- keyfile.c: PEM keys (mbedtls for ECDSA P-256, OpenSSL for Ed25519) ---------------- */

#define RIMG_DER_MAX 128
#define RIMG_SIG_MAX 80

struct rimg_key {
	char name[64];		/* file base name without .pem, as the bootloader logs it */
	enum sig_alg alg;
	bool has_private;
	uint8_t der[RIMG_DER_MAX];	/* SubjectPublicKeyInfo: what KEYHASH covers */
	size_t der_len;
	uint8_t sha256[SHA256_LEN];	/* SHA-256 of der */
	const uint8_t *pub;	/* raw key inside der (crypto_spki_parse) */
	size_t pub_len;
	void *backend;		/* mbedtls_pk_context * or EVP_PKEY * */
};

/* Load a private or public PEM key. 0 or -1 (message printed). */
int rimg_key_load(struct rimg_key *k, const char *path);
void rimg_key_free(struct rimg_key *k);

/*
 * rimg_key_sign() - sign a 32-byte image digest as MCUboot expects: ECDSA P-256 gives a DER
 * signature (no padding), Ed25519 signs the digest bytes as its message.
 * @sig has room for RIMG_SIG_MAX bytes. 0 or -1.
 */
int rimg_key_sign(const struct rimg_key *k, const uint8_t digest[SHA256_LEN], uint8_t *sig,
		  size_t *sig_len);

/* The public key as PEM ("BEGIN PUBLIC KEY") into a malloc'd string, or NULL. */
char *rimg_key_pub_pem(const struct rimg_key *k);

/* Generate a key of @alg and write it to @path as PKCS#8 PEM (refuses to overwrite). 0/-1. */
int rimg_keygen(enum sig_alg alg, const char *path);

/* The trusted_key view of @k, as a bootloader keyring entry. */
void rimg_key_trusted(const struct rimg_key *k, struct trusted_key *tk);

#endif
