#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# qemu_virt_arm64.sh [BUILD_DIR] : build Rampart for qemu_virt_arm64 (O=BUILD_DIR, default a
# fresh temporary directory), the sample app and rampart-img, then boot in QEMU:
#   - the app signed with the demo ECDSA P-256 key and with the demo Ed25519 key: exit 0,
#     the bootloader names slot and version, the app says hello;
#   - the same image with Rampart entered at EL2 and at EL3 (2 CPUs): the app runs at that level
#     with x0 = 0;
#   - a copy with one payload bit flipped: exit 3, "image refused";
#   - a validly signed image whose entry is not 4-byte aligned: exit 3, "cannot hand off";
#   - an empty slot: exit 3;
# and run the CFI flash driver test firmware (test/qemu/cfi-test/) on a read-write and on a
# read-only pflash bank, then check the host-side flash file.
# Prints one line per check and "N passed, M failed"; exits non-zero if any check failed.
# QEMU_TIMEOUT (seconds, default 30) bounds every QEMU run.
set -u

timeout=${QEMU_TIMEOUT:-30}
export QEMU_TIMEOUT="$timeout"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/virt-arm64-common.sh"
setup_build "$@"

# --- tools: missing ones fail loudly (scripts/install-deps installs them) -----------------
check_tools qemu-system-aarch64 aarch64-linux-gnu-gcc kconfig-conf timeout od awk
stop_if_missing

# --- build --------------------------------------------------------------------------------
build_loader
check "build: rampart.elf, rampart.bin, rampart.map" \
	test -s "$build/rampart.elf" -a -s "$build/rampart.bin" -a -s "$build/rampart.map"
check "build: size summary printed" has "SIZE    $board: text"

build_tools_and_app
build_firmware cfi-test CFI
cfi=$build/test/cfi-test

# Everything below needs these outputs: stop here rather than cascade.
stop_if_failed

# --- signed images -----------------------------------------------------------------------
# sign KEY VERSION OUT [HEADER_SIZE]: the sample app as an MCUboot image for image0-primary.
sign() {
	sign_app "$@"
	check "sign: app with $1 as $2 (header ${4:-0x200})" status_is 0
}

sign demo-ecdsa-p256.pem 1.2.3+4 "$work/p256.bin"
sign demo-ed25519.pem 2.0.1+7 "$work/ed25519.bin"

boot p256 "$build" "$work/p256.bin"
app_booted p256 1.2.3+4
check "boot p256: app entered at EL1 with x0 = 0" has "app: entered at EL1 with x0 = 0x0"

boot ed25519 "$build" "$work/ed25519.bin"
app_booted ed25519 2.0.1+7

boot_on el2 virt,virtualization=on "$work/p256.bin"
check "boot at EL2 (virtualization=on): exit 0, app entered at EL2 with x0 = 0" \
	ran_with "app: entered at EL2 with x0 = 0x0"
# At EL3 every CPU starts at 0: the secondary must be parked, not run the bootloader too.
boot_on el3 virt,secure=on "$work/p256.bin" "-smp 2"
check "boot at EL3 (secure=on, 2 CPUs): exit 0, app entered at EL3 with x0 = 0" \
	ran_with "app: entered at EL3 with x0 = 0x0"

cp "$work/p256.bin" "$work/tampered.bin"
flip_bits "$work/tampered.bin" $((0x200 + 0x40)) 1
boot tampered "$build" "$work/tampered.bin"
check "boot tampered: exit status 3" status_is 3
check "boot tampered: console says image refused" has "image0-primary: image refused"
check "boot tampered: app did not run" lacks "app: hello"

# A valid signature does not make a misaligned entry point acceptable.
sign demo-ecdsa-p256.pem 1.2.3+4 "$work/misaligned.bin" 0x202
boot misaligned "$build" "$work/misaligned.bin"
check "boot entry at 0x04000202: exit status 3" status_is 3
check "boot entry at 0x04000202: console says cannot hand off" \
	has "image0-primary: cannot hand off"
check "boot entry at 0x04000202: app did not run" lacks "app: hello"

boot empty "$build"
check "boot empty slot: exit status 3" status_is 3
check "boot empty slot: console says empty" has "image0-primary: empty"

# --- CFI flash driver --------------------------------------------------------------------
# cfi_run NAME FLASH_FILE [DRIVE_OPTS]: the test firmware on bank 1; echoes its checks.
cfi_run() {
	log=$work/cfi-$1.log
	virt_qemu virt cortex-a53 -bios "$cfi/rampart.bin" \
		-drive if=pflash,format=raw,file="$2",index=1${3:-} >"$log" 2>&1
	status=$?
	firmware_results cfi-test "cfi $1"
}

# file_pattern FILE OFF LEN: does the host file hold cfi-test.c's pattern() there?
file_pattern() {
	od -An -v -tu1 -j "$2" -N "$3" "$1" | awk -v off="$2" -v len="$3" '
		{ for (i = 1; i <= NF; i++) { if ($i != (off * 13 + int(off / 256)) % 256) bad++; off++; n++ } }
		END { exit !(n == len && bad == 0) }'
}

# file_bytes FILE OFF LEN VALUE...: LEN bytes equal to VALUE, or to the list of values.
file_bytes() {
	f=$1 off=$2 len=$3
	shift 3
	od -An -v -tu1 -j "$off" -N "$len" "$f" | awk -v len="$len" -v want="$*" '
		BEGIN { nw = split(want, w, " ") }
		{ for (i = 1; i <= NF; i++) { n++; if ($i != w[nw == 1 ? 1 : n]) bad++ } }
		END { exit !(n == len && bad == 0) }'
}

flash=$work/cfi-rw.img
head -c 67108864 /dev/zero >"$flash"
cfi_run rw "$flash"
check "cfi host file: sector 0 untouched" file_bytes "$flash" 0 $((0x40000)) 0
check "cfi host file: sector 1 start erased" file_bytes "$flash" $((0x40000)) $((0xf00)) 255
check "cfi host file: buffered write bytes" file_pattern "$flash" $((0x40f00)) $((0x2010))
check "cfi host file: unaligned write bytes" file_pattern "$flash" $((0x44001)) 13
check "cfi host file: merged bank word 11 22 a5 33" \
	file_bytes "$flash" $((0x45000)) 4 17 34 165 51
check "cfi host file: word-program bytes" file_pattern "$flash" $((0x46000)) 64
check "cfi host file: sector 2 untouched" file_bytes "$flash" $((0x80000)) $((0x40000)) 0
check "cfi host file: last 16 bytes" file_pattern "$flash" $((0x4000000 - 16)) 16

flash=$work/cfi-ro.img
head -c 67108864 /dev/zero >"$flash"
printf 'CFI-RO-TEST\0' | dd of="$flash" conv=notrunc status=none
before=$(cksum <"$flash")
cfi_run ro "$flash" ",readonly=on"
check "cfi host file: read-only bank unchanged" test "$(cksum <"$flash")" = "$before"

log=/dev/null
finish
