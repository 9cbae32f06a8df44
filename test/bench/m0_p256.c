// SPDX-License-Identifier: Apache-2.0
/*
 * A freestanding program that hashes and verifies one ECDSA P-256 signature, linked for the
 * Cortex-M0 with --gc-sections by scripts/bench-crypto: its code size is what "SHA-256 +
 * ECDSA-P256 verify" costs a bootloader (the memcpy/memset it needs included).
 */
#include <rampart/crypto.h>

volatile uint8_t inputs[65 + 72 + 64];

int main(void)
{
	struct crypto_hash h;
	uint8_t digest[32];
	const uint8_t *in = (const uint8_t *)inputs;

	crypto_hash_init(&h, HASH_SHA256);
	crypto_hash_update(&h, in, 64);
	crypto_hash_final(&h, digest);
	return verdict_is_ok(crypto_verify(SIG_ECDSA_P256, in + 64, 65, digest, 32, in + 129, 72));
}

void _start(void)
{
	main();
	for (;;)
		;
}
