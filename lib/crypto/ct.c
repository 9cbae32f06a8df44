// SPDX-License-Identifier: Apache-2.0
/*
 * Constant-time comparison, for secrets and for digests an attacker must not learn byte by byte.
 */
#include <rampart/crypto.h>

/*
 * crypto_ct_equal() - compare len bytes at a and b.
 * Returns true if they are equal (also for len 0). Constant-time: the time depends on len only,
 * never on the contents or on where the first difference is.
 */
bool crypto_ct_equal(const void *a, const void *b, size_t len)
{
	const volatile uint8_t *x = a;
	const volatile uint8_t *y = b;
	uint32_t diff = 0;
	size_t i;

	for (i = 0; i < len; i++)
		diff |= (uint32_t)(x[i] ^ y[i]);
	/* Map 0 to 1 and 1..255 to 0 without a data-dependent branch. */
	return (bool)(1 & ((diff - 1) >> 8));
}
