/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Helpers for constant-time tests run under valgrind's memcheck (test/ct/Makefile).
 * ct_secret() marks bytes undefined: from then on memcheck reports any conditional branch or
 * address computed from them. ct_public() marks a result defined again once it may be looked
 * at (an output the caller is entitled to see), so checking it does not count as a leak.
 */
#ifndef RAMPART_TEST_CT_H
#define RAMPART_TEST_CT_H

#include <stdio.h>
#include <valgrind/memcheck.h>

#define ct_secret(p, n) VALGRIND_MAKE_MEM_UNDEFINED((p), (n))
#define ct_public(p, n) VALGRIND_MAKE_MEM_DEFINED((p), (n))

/* True when running under valgrind (the tests refuse to pass vacuously outside it). */
#define ct_under_valgrind() (RUNNING_ON_VALGRIND != 0)

#define ct_ok(name) printf("ok   %s\n", (name))

#endif
