#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# qemu_virt_arm64_mbedtls.sh [BUILD_DIR] : the mbedtls crypto backend on target. Builds
# qemu_virt_arm64_mbedtls_defconfig (Debian's arm64 libmbedcrypto.a linked into the bare-metal
# image through lib/crypto/mbedtls_baremetal.c) in BUILD_DIR (default a fresh temporary
# directory), the sample app and rampart-img, then boots in QEMU:
#   - the app signed with the demo ECDSA P-256 key (verified by mbedtls) and with the demo
#     Ed25519 key (built-in code in this configuration): exit 0, the bootloader names slot and
#     version, the app says hello; the P-256 image also with Rampart entered at EL2 and EL3;
#   - a copy with one payload bit flipped: exit 3, "image refused";
# and, with the same configuration built to trust the imgtool vector keys (at log level 4, to
# read the heap peak), every imgtool vector in test/vectors/imgtool/: the valid ones must be
# verified and handed off to (their payload is random bytes, so the CPU then faults at the
# payload's first instruction: exit 4 with ELR at the entry), the others refused (exit 3) for
# the reason test/vectors/imgtool/README.md gives.
# Prints one line per check, the mbedtls heap peak, and "N passed, M failed"; exits non-zero
# if any check failed. QEMU_TIMEOUT (seconds, default 30) bounds every QEMU run.
set -u

. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/virt-arm64-common.sh"
config=qemu_virt_arm64_mbedtls
timeout=${QEMU_TIMEOUT:-30}
export QEMU_TIMEOUT="$timeout"
vectors=$srctree/test/vectors/imgtool
mbedtls_lib=/usr/lib/aarch64-linux-gnu/libmbedcrypto.a
# image0-primary is pflash bank 1 (0x04000000); imgtool vectors have a 0x200-byte header.
vector_entry=0x4000200
setup_build "$@"

# --- tools and Debian's arm64 library: missing ones fail loudly -------------------------
check_tools qemu-system-aarch64 aarch64-linux-gnu-gcc aarch64-linux-gnu-nm kconfig-conf timeout od
check "Debian's arm64 mbedtls installed (libmbedtls-dev:arm64, $mbedtls_lib)" test -s "$mbedtls_lib"
stop_if_missing

# --- build --------------------------------------------------------------------------------
# build_config DIR [EXTRA_CONFIG_LINES]: configure $config in DIR, add the lines, build.
build_config() {
	make -C "$srctree" O="$1" ${config}_defconfig >"$log" 2>&1 || return 1
	if [ -n "${2:-}" ]; then
		printf '%s\n' "$2" >>"$1/.config"
		make -C "$srctree" O="$1" olddefconfig >>"$log" 2>&1 || return 1
	fi
	make -C "$srctree" O="$1" >>"$log" 2>&1
}

log=$work/build.log
build_config "$build"
status=$?
check "build: make ${config}_defconfig && make (O=$build)" status_is 0
check "build: size summary printed" has "SIZE    $board: text"
check "build: mbedtls backend selected" grep -qx 'CONFIG_CRYPTO_MBEDTLS=y' "$build/.config"
check "build: ECDSA comes from Debian's libmbedcrypto.a" \
	grep -q 'libmbedcrypto\.a(ecdsa\.c\.o)' "$build/rampart.map"
check "build: the shim is linked (calloc from mbedtls_baremetal.o)" \
	sh -c "aarch64-linux-gnu-nm '$build/rampart.elf' | grep -q ' T calloc$'"
check "build: no built-in P-256 code in this configuration" \
	sh -c "! aarch64-linux-gnu-nm '$build/rampart.elf' | grep -q ' p256_verify$'"

build_tools_and_app

vbuild=$build/vectors
log=$work/build-vectors.log
build_config "$vbuild" "CONFIG_BOOT_SIGNATURE_KEY_FILE=\"test/vectors/imgtool/keys/ecdsa-p256.pem test/vectors/imgtool/keys/ed25519.pem\"
CONFIG_LOG_LEVEL=4"
status=$?
check "build: $config trusting the imgtool vector keys, log level 4 (O=$vbuild)" status_is 0

stop_if_failed

# --- the sample app -----------------------------------------------------------------------
sign() {
	sign_app "$@"
	check "sign: app with $1 as $2" status_is 0
}

sign demo-ecdsa-p256.pem 1.2.3+4 "$work/p256.bin"
sign demo-ed25519.pem 2.0.1+7 "$work/ed25519.bin"

boot p256 "$build" "$work/p256.bin"
app_booted p256 1.2.3+4 "mbedtls ECDSA"

boot ed25519 "$build" "$work/ed25519.bin"
app_booted ed25519 2.0.1+7 "built-in Ed25519"

# FP/SIMD must be enabled at whatever level Rampart starts (CPTR_EL2 / CPTR_EL3).
boot_on el2 virt,virtualization=on "$work/p256.bin"
check "boot p256 at EL2: exit 0, app entered at EL2" ran_with "app: entered at EL2 with x0 = 0x0"
boot_on el3 virt,secure=on "$work/p256.bin" "-smp 2"
check "boot p256 at EL3: exit 0, app entered at EL3" ran_with "app: entered at EL3 with x0 = 0x0"

cp "$work/p256.bin" "$work/tampered.bin"
flip_bits "$work/tampered.bin" $((0x200 + 0x40)) 1
boot tampered "$build" "$work/tampered.bin"
check "boot tampered: exit status 3" status_is 3
check "boot tampered: console says image refused" has "image0-primary: image refused"
check "boot tampered: app did not run" lacks "app: hello"

# --- imgtool vectors ----------------------------------------------------------------------
# expect_verified FILE VERSION: verified, then handed off to the (unrunnable) payload.
expect_verified() {
	boot "$1" "$vbuild" "$vectors/$1"
	check "vector $1: verified as $2" has "image0-primary: image $2 verified"
	check "vector $1: handed off (CPU fault at the payload entry $vector_entry, exit 4)" \
		sh -c "[ $status -eq 4 ] && tr -d '\r' <'$log' | grep -q 'ELR $vector_entry\$'"
}

# expect_refused FILE REASON: exit 3, REASON in the log, nothing verified.
expect_refused() {
	boot "$1" "$vbuild" "$vectors/$1"
	check "vector $1: refused ($2), exit 3" \
		sh -c "[ $status -eq 3 ] && grep -qi -- '$2' '$log' && ! grep -q ' verified' '$log'"
}

expect_verified ecdsa-p256.bin 1.2.3+4
# The shim checks on every return to idle that the free list merged back into one block.
peak=$(tr -d '\r' <"$log" |
	sed -n 's/.*mbedtls: heap idle, peak \([0-9]*\) of \([0-9]*\) bytes, \([0-9]*\) alloc.*/\1 \2 \3/p' |
	head -n 1)
check "vector ecdsa-p256.bin: mbedtls heap used, all freed, free list merged whole" \
	test -n "$peak"
expect_verified ecdsa-p256-prot-tlvs.bin 2.0.0+0
expect_verified ecdsa-p256-confirmed-padded.bin 1.0.0+0
expect_verified ecdsa-p256-test-padded.bin 1.0.0+0
expect_verified ed25519.bin 1.2.3+4
expect_refused ecdsa-p256-tampered.bin "hash mismatch"
expect_refused unsigned-sha256.bin "unsigned"
expect_refused rsa-2048.bin "not supported"
expect_refused ed25519-enc-x25519.bin "encrypt"

# An arena too small for the verify: the allocation fails and the image is refused.
log=$work/build-smallheap.log
build_config "$build/smallheap" "CONFIG_CRYPTO_MBEDTLS_HEAP_SIZE=4096"
status=$?
check "build: $config with a 4 KiB mbedtls heap" status_is 0
boot smallheap "$build/smallheap" "$work/p256.bin"
check "boot p256 with a 4 KiB heap: refused, exit 3" status_is 3
check "boot p256 with a 4 KiB heap: console says the heap is exhausted" \
	has "mbedtls: heap exhausted"
check "boot p256 with a 4 KiB heap: app did not run" lacks "app: hello"

if [ -n "$peak" ]; then
	set -- $peak
	echo "heap: one ECDSA-P256 verify (mbedtls): peak $1 of $2 bytes (block headers" \
		"included), $3 allocations"
fi
log=/dev/null
finish
