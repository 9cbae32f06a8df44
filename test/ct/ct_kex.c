// SPDX-License-Identifier: Apache-2.0
/*
 * Constant-time checks of the built-in key agreement under valgrind's memcheck
 * (test/ct/Makefile): the secret inputs are marked undefined, each operation runs to its end,
 * and only then are its return value and output declassified with ct_public() and compared
 * with known answers. Any branch or memory index that depends on a secret in between makes
 * memcheck fail the run.
 *
 *   X25519:     scalar and u both secret: the RFC 7748 5.2 vectors, the 6.1 exchange, a
 *               low-order u (all-zero result: -EINVAL decided without a branch), and scalars
 *               with runs of zero and one bits.
 *   P-256 ECDH: the private scalar secret (the public point is validated with branches, as
 *               crypto.h says): Wycheproof-checked answers for scalars 1, 2, n - 1 and a random
 *               one, and the out-of-range scalars 0 and n (refused without a branch on them).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <rampart/crypto.h>
#include <rampart/errno.h>
#include "test/ct/ct.h"

static int failures;

static void check(bool ok, const char *what)
{
	if (!ok) {
		printf("FAILED %s\n", what);
		failures++;
	}
}

static void unhex(const char *hex, uint8_t *out, size_t len)
{
	size_t i;
	unsigned int v;

	for (i = 0; i < len; i++) {
		if (sscanf(hex + 2 * i, "%2x", &v) != 1)
			abort();
		out[i] = (uint8_t)v;
	}
}

/* X25519 with scalar and u secret; declassify, then compare with want (NULL: must fail). */
static void x25519_case(const char *name, const char *k_hex, const char *u_hex,
			const char *want_hex)
{
	uint8_t k[32], u[32], out[32], want[32] = { 0 };
	int rc;

	unhex(k_hex, k, 32);
	unhex(u_hex, u, 32);
	if (want_hex)
		unhex(want_hex, want, 32);
	ct_secret(k, sizeof(k));
	ct_secret(u, sizeof(u));
	rc = crypto_x25519(out, k, u);
	ct_public(&rc, sizeof(rc));
	ct_public(out, sizeof(out));
	check(rc == (want_hex ? 0 : -EINVAL) && !memcmp(out, want, 32), name);
	if (!failures)
		ct_ok(name);
}

static void ct_x25519(void)
{
	x25519_case("x25519 RFC 7748 5.2 #1",
		    "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
		    "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
		    "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
	x25519_case("x25519 RFC 7748 5.2 #2",
		    "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
		    "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
		    "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957");
	x25519_case("x25519 RFC 7748 6.1 shared secret",
		    "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
		    "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f",
		    "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
	x25519_case("x25519 low-order u refused",
		    "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
		    "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800", NULL);
	x25519_case("x25519 scalar of zero bits, u = 9",
		    "0000000000000000000000000000000000000000000000000000000000000000",
		    "0900000000000000000000000000000000000000000000000000000000000000",
		    "2fe57da347cd62431528daac5fbb290730fff684afc4cfc2ed90995f58cb3b74");
	x25519_case("x25519 scalar of one bits, u = 9",
		    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
		    "0900000000000000000000000000000000000000000000000000000000000000",
		    "847c0d2c375234f365e660955187a3735a0f7613d1609d3a6a4d8c53aeaa5a22");
}

/* P-256 ECDH with the private scalar secret; the peer point is the generator G. */
static void ecdh_case(const char *name, const char *d_hex, const char *want_hex)
{
	static const char g_hex[] =
		"046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"
		"4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5";
	uint8_t d[32], g[65], out[32], want[32] = { 0 };
	int rc;

	unhex(d_hex, d, 32);
	unhex(g_hex, g, 65);
	if (want_hex)
		unhex(want_hex, want, 32);
	ct_secret(d, sizeof(d));
	rc = crypto_ecdh_p256(out, d, g, sizeof(g));
	ct_public(&rc, sizeof(rc));
	ct_public(out, sizeof(out));
	check(rc == (want_hex ? 0 : -EINVAL) && !memcmp(out, want, 32), name);
	if (!failures)
		ct_ok(name);
}

static void ct_ecdh(void)
{
	ecdh_case("ecdh-p256 d = 1",
		  "0000000000000000000000000000000000000000000000000000000000000001",
		  "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296");
	ecdh_case("ecdh-p256 d = 2",
		  "0000000000000000000000000000000000000000000000000000000000000002",
		  "7cf27b188d034f7e8a52380304b51ac3c08969e277f21b35a60b48fc47669978");
	ecdh_case("ecdh-p256 d = n - 1",
		  "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632550",
		  "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296");
	ecdh_case("ecdh-p256 random d",
		  "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721",
		  "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6");
	ecdh_case("ecdh-p256 d = 0 refused",
		  "0000000000000000000000000000000000000000000000000000000000000000", NULL);
	ecdh_case("ecdh-p256 d = n refused",
		  "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", NULL);
}

int main(void)
{
	if (!ct_under_valgrind()) {
		printf("FAILED: run me under valgrind (make check-ct)\n");
		return 1;
	}
	ct_x25519();
	ct_ecdh();
	return failures ? 1 : 0;
}
