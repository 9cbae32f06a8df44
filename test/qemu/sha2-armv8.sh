#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# sha2-armv8.sh [BUILD_DIR] : SHA-256 on the ARMv8 SHA2 instructions gives the same results as
# the portable code. Builds Rampart for qemu_virt_arm64 (O=BUILD_DIR, default a fresh
# temporary directory; CONFIG_CRYPTO_SHA256_ARCH is on by default) and the test firmware
# test/qemu/sha2-test/, then runs the firmware in QEMU:
#   - on cortex-a53, whose ID_AA64ISAR0_EL1 reports SHA2: the instructions are used, and known
#     answers, multi-block calls and random messages agree with the portable code;
#   - on cortex-a53 with vfp=off,neon=off, which QEMU models without SHA2: arch_sha256_blocks()
#     declines (-ENOSYS) and sha256.c falls back, with the same known answers;
#   - on cortex-a53 under -icount shift=0: guest instructions to hash 8 MiB on each path.
# Prints one line per check, the speed figures, and "N passed, M failed"; exits non-zero if
# any check failed. QEMU_TIMEOUT (seconds, default 60) bounds every QEMU run.
set -u

timeout=${QEMU_TIMEOUT:-60}
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/virt-arm64-common.sh"
setup_build "$@"

check_tools qemu-system-aarch64 aarch64-linux-gnu-gcc aarch64-linux-gnu-nm kconfig-conf timeout
stop_if_missing

# --- build --------------------------------------------------------------------------------
build_loader
check "build: CONFIG_CRYPTO_SHA256_ARCH=y by default" \
	grep -qx 'CONFIG_CRYPTO_SHA256_ARCH=y' "$build/.config"
check "build: the bootloader links arch_sha256_blocks" \
	sh -c "aarch64-linux-gnu-nm '$build/rampart.elf' | grep -q ' T arch_sha256_blocks$'"

build_firmware sha2-test SHA-256
fw=$build/test/sha2-test
stop_if_failed

# --- runs ---------------------------------------------------------------------------------
# run NAME CPU [QEMU_OPTS]: the firmware on `-cpu CPU`; echoes its checks as NAME: ...
run() {
	log=$work/run-$1.log
	virt_qemu virt "$2" ${3:-} -bios "$fw/rampart.bin" >"$log" 2>&1
	status=$?
	firmware_results sha2-test "$1"
}

# info_ns PATH: the firmware's virtual-time figure for hashing 8 MiB on PATH (arch|portable).
info_ns() {
	tr -d '\r' <"$log" | sed -n "s/^sha2-test: INFO 8 MiB: .*$1[a-z ]* \([0-9]*\) ns.*/\1/p"
}

run a53 cortex-a53
check "a53: ID_AA64ISAR0_EL1 reports SHA2" has "ID_AA64ISAR0_EL1.SHA2 = 1"
wall_arch=$(info_ns arch) wall_sw=$(info_ns portable)

run no-sha2 cortex-a53,vfp=off,neon=off
check "no-sha2: ID_AA64ISAR0_EL1 reports no SHA2" has "ID_AA64ISAR0_EL1.SHA2 = 0"

run icount cortex-a53 "-icount shift=0"
ins_arch=$(info_ns arch) ins_sw=$(info_ns portable)
check "icount: instruction counts reported" test -n "$ins_arch" -a -n "$ins_sw"
if [ -n "$ins_arch" ] && [ -n "$ins_sw" ] && [ -n "$wall_arch" ] && [ -n "$wall_sw" ]; then
	check "icount: the instructions path retires at least 4x fewer instructions" \
		test $((ins_arch * 4)) -lt "$ins_sw"
	awk -v ia="$ins_arch" -v is="$ins_sw" -v wa="$wall_arch" -v ws="$wall_sw" 'BEGIN {
		printf "speed: SHA-256 of 8 MiB on cortex-a53: %.1f M instructions with SHA2 vs " \
			"%.1f M portable (%.1fx); TCG time %.0f ms vs %.0f ms (%.1fx)\n",
			ia / 1e6, is / 1e6, is / ia, wa / 1e6, ws / 1e6, ws / wa }'
fi

log=/dev/null
finish
