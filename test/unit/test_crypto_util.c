// SPDX-License-Identifier: Apache-2.0
/*
 * crypto_ct_equal() and crypto_sig_name().
 */
#include <string.h>
#include "crypto_test.h"

static void test_ct_equal_detects_any_difference_at_any_position(void **state)
{
	uint8_t a[67], b[67];
	size_t i;
	int v;

	(void)state;
	for (i = 0; i < sizeof(a); i++)
		a[i] = (uint8_t)(i * 13 + 7);
	memcpy(b, a, sizeof(a));
	assert_true(crypto_ct_equal(a, b, sizeof(a)));
	assert_true(crypto_ct_equal(a, b, 0));
	assert_true(crypto_ct_equal(NULL, NULL, 0));
	for (i = 0; i < sizeof(a); i++) {
		for (v = 1; v < 256; v++) {
			b[i] = (uint8_t)(a[i] ^ v);
			assert_false(crypto_ct_equal(a, b, sizeof(a)));
			/* A difference beyond len does not count. */
			assert_true(crypto_ct_equal(a, b, i));
		}
		b[i] = a[i];
	}
}

static void test_sig_name_gives_log_names(void **state)
{
	(void)state;
	assert_string_equal(crypto_sig_name(SIG_ECDSA_P256), "ecdsa-p256");
	assert_string_equal(crypto_sig_name(SIG_ED25519), "ed25519");
	assert_string_equal(crypto_sig_name(SIG_NONE), "none");
	assert_string_equal(crypto_sig_name((enum sig_alg)42), "unknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ct_equal_detects_any_difference_at_any_position),
		cmocka_unit_test(test_sig_name_gives_log_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
