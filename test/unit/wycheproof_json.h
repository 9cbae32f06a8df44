/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A reader for Project Wycheproof's JSON test-vector files, shared by the Wycheproof unit tests.
 * It is purpose-built for that file shape, not a general JSON parser: it walks the document in
 * order and reports every string or number value with the key it belongs to, so a test reacts
 * to the few keys it needs (group keys arrive before the group's "tests", and in each test
 * "result" comes last).
 */
#ifndef RAMPART_TEST_WYCHEPROOF_JSON_H
#define RAMPART_TEST_WYCHEPROOF_JSON_H

/*
 * Called once per value: @key is the member name, @val the string (escapes reduced to the
 * escaped character) or the number's text. Strings inside an array (e.g. "flags") are reported
 * one by one under the array's key. Both pointers are valid only during the call.
 */
typedef void wp_field_fn(void *ctx, const char *key, const char *val);

/*
 * wp_walk_json() - report every value of the NUL-terminated document @json to @fn in document
 * order. Fails the running cmocka test if a string is unterminated.
 */
void wp_walk_json(const char *json, wp_field_fn *fn, void *ctx);

/*
 * wp_walk_file() - wp_walk_json() over test/vectors/wycheproof/@name in the source tree.
 * Fails the running cmocka test if the file cannot be read.
 */
void wp_walk_file(const char *name, wp_field_fn *fn, void *ctx);

#endif
