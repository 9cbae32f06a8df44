#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# test/qemu/bbc_microbit.sh [BUILD_DIR]: build Rampart for bbc_microbit (in BUILD_DIR, default
# a fresh temporary directory), the sample application and rampart-img; check the 16 KiB
# flash budget; boot in QEMU: an ECDSA-P256 signed image runs; a tampered image, an Ed25519
# image (algorithm not in this build), an empty slot and hostile vector tables are refused
# (exit 3); and the NVMC driver passes its test firmware (test/qemu/nvmc-test/).
# Prints one line per check and a total.
set -u
board=bbc_microbit
slot_size=0x1e000
align=4
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/cortex-m-common.sh"

fits_boot_area() {
	[ "$(wc -c <"$build/rampart.bin")" -le $((0x4000)) ]
}

ed25519_refused() {
	sign keys/demo-ed25519.pem "$build/app/app.bin" "$work/signed-ed25519.bin" || return 1
	boot ed25519 "$work/signed-ed25519.bin"
	exited_with ed25519 3 && console_has ed25519 "image refused"
}

# The NVMC test firmware reports one line per check; each becomes a check here.
nvmc_test() {
	quietly build-nvmc-test.log make -f "$srctree/test/qemu/nvmc-test/Makefile" \
		O="$build" || { check "NVMC test firmware builds" false; return; }
	timeout "$QEMU_TIMEOUT" qemu-system-arm -M microbit -display none -serial stdio \
		-monitor none -semihosting-config enable=on,target=native \
		-kernel "$build/nvmc-test.elf" >"$work/nvmc.raw" 2>&1
	echo $? >"$work/nvmc.rc"
	tr -d '\r' <"$work/nvmc.raw" >"$work/nvmc.log"
	sed -nE 's/^nvmc: (ok|FAIL) - /\1 /p' "$work/nvmc.log" >"$work/nvmc.results"
	check "NVMC: test firmware reports its checks" test -s "$work/nvmc.results"
	while read -r _result _name; do
		check "NVMC: $_name" test "$_result" = ok
	done <"$work/nvmc.results"
	expect nvmc "NVMC test firmware" 0 ", 0 failed"
}

cm_setup "$@"
cm_build
check "rampart.bin fits the 16 KiB boot area" fits_boot_area
cm_boot_signed keys/demo-ecdsa-p256.pem ecdsa-p256 demo-ecdsa-p256
check "Ed25519-signed image refused (not enabled for this board)" ed25519_refused
cm_tampered
cm_empty
cm_hostile_vectors 0x4200
nvmc_test
finish
