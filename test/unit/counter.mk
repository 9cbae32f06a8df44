# SPDX-License-Identifier: Apache-2.0
# drivers/otp (flash-log and OTP security counters) on the NOR/OTP model with power cuts,
# and the sandbox's file-backed OTP device.
tests += test_counter
test_counter-srcs := test/unit/test_counter.c drivers/otp/flash_counter.c \
	drivers/otp/otp_counter.c drivers/flash/core.c test/unit/nor_flash.c \
	arch/sandbox/otp.c arch/sandbox/flash.c
test_counter-cflags := -I$(srctree)/arch/sandbox/include
