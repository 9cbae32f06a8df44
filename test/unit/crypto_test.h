/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Shared helpers of the crypto unit tests (test/unit/test_crypto_*.c).
 */
#ifndef RAMPART_TEST_CRYPTO_TEST_H
#define RAMPART_TEST_CRYPTO_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <rampart/compiler.h>
#include <rampart/crypto.h>

/* The built-in backend under its renamed entry points (crypto_builtin_alias.c). */
int builtin_crypto_hash_init(struct crypto_hash *h, enum hash_alg alg);
void builtin_crypto_hash_update(struct crypto_hash *h, const void *data, size_t len);
void builtin_crypto_hash_final(struct crypto_hash *h, uint8_t *out);
size_t builtin_crypto_hash_len(enum hash_alg alg);
verdict_t builtin_crypto_verify(enum sig_alg alg, const uint8_t *pub, size_t pub_len,
				const uint8_t *msg, size_t msg_len, const uint8_t *sig,
				size_t sig_len);

/*
 * Run crypto_verify() of both backends on private heap copies of the inputs (so ASan sees any
 * read past a length), fail the test unless both return exactly the same well-formed verdict,
 * and return true for "accepted".
 */
bool verify_both(enum sig_alg alg, const uint8_t *pub, size_t pub_len, const uint8_t *msg,
		 size_t msg_len, const uint8_t *sig, size_t sig_len);

/* Decode a hex string into a new heap buffer (free() it); fails the test on bad hex. */
uint8_t *hex_alloc(const char *hex, size_t *len);

/* Decode exactly len bytes of hex into out; fails the test on bad hex or a wrong length. */
void hex_to(const char *hex, uint8_t *out, size_t len);

/* Read a whole file into a new NUL-terminated heap buffer; fails the test if it cannot. */
char *read_file(const char *path, size_t *len);

/* Run a shell command and collect its stdout (heap, free() it); fails the test on error. */
uint8_t *run_capture(const char *cmd, size_t *len);

/* Deterministic test PRNG (xorshift64*), so every run checks the same inputs. */
uint64_t test_rand(uint64_t *state);
void test_rand_bytes(uint64_t *state, uint8_t *out, size_t len);

#endif
