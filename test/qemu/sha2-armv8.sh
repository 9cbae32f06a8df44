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

srctree=$(cd "$(dirname "$0")/../.." && pwd)
board=qemu_virt_arm64
timeout=${QEMU_TIMEOUT:-60}

if [ -n "${1:-}" ]; then
	mkdir -p "$1" && build=$(cd "$1" && pwd) || exit 2
	own_build=
else
	build=$(mktemp -d)
	own_build=1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -z "$own_build" ] || rm -rf "$build"' EXIT

passed=0 failed=0
log=/dev/null

pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() {
	failed=$((failed + 1))
	echo "FAIL $1"
	[ "$log" = /dev/null ] || tail -n 20 "$log" | sed 's/^/    | /'
}
check() {
	name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name"; fi
}
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit $?
}
has() { grep -qF "$1" "$log"; }
have() { command -v "$1" >/dev/null; }
status_is() { [ "$status" -eq "$1" ]; }

for t in qemu-system-aarch64 aarch64-linux-gnu-gcc aarch64-linux-gnu-nm kconfig-conf timeout; do
	check "tool available: $t" have "$t"
done
[ "$failed" -eq 0 ] || { echo "install them with scripts/install-deps"; finish; }

# --- build --------------------------------------------------------------------------------
log=$work/build.log
make -C "$srctree" O="$build" ${board}_defconfig >"$log" 2>&1 &&
	make -C "$srctree" O="$build" >>"$log" 2>&1
status=$?
check "build: make ${board}_defconfig && make (O=$build)" status_is 0
check "build: CONFIG_CRYPTO_SHA256_ARCH=y by default" \
	grep -qx 'CONFIG_CRYPTO_SHA256_ARCH=y' "$build/.config"
check "build: the bootloader links arch_sha256_blocks" \
	sh -c "aarch64-linux-gnu-nm '$build/rampart.elf' | grep -q ' T arch_sha256_blocks$'"

log=$work/fw-build.log
fw=$build/test/sha2-test
make -f "$srctree/test/qemu/sha2-test/Makefile" BUILD="$build" O="$fw" >"$log" 2>&1
status=$?
check "build: SHA-256 test firmware (test/qemu/sha2-test)" status_is 0
[ "$failed" -eq 0 ] || finish

# --- runs ---------------------------------------------------------------------------------
# run NAME CPU [QEMU_OPTS]: the firmware on `-cpu CPU`; echoes its checks as NAME: ...
run() {
	log=$work/run-$1.log
	timeout "$timeout" qemu-system-aarch64 -M virt -cpu "$2" -m 256 -nic none \
		-display none -serial stdio -monitor none \
		-semihosting-config enable=on,target=native ${3:-} -bios "$fw/rampart.bin" \
		>"$log" 2>&1
	status=$?
	tr -d '\r' <"$log" | sed -n 's/^sha2-test: \(PASS\|FAIL\) /\1 /p' >"$work/$1.res"
	while read -r verdict name; do
		if [ "$verdict" = PASS ]; then pass "$1: $name"; else fail "$1: $name"; fi
	done <"$work/$1.res"
	check "$1: firmware reported checks" test -s "$work/$1.res"
	check "$1: exit status 0" status_is 0
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
