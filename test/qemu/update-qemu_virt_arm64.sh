#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# update-qemu_virt_arm64.sh [BUILD_DIR] : the application side of upgrades, end to end, on
# qemu_virt_arm64. Builds Rampart (swap using scratch), rampart-img and the update demo
# (test/apps/update/, port in test/apps/arm64/update/) as versions 1.0.0 and 2.0.0, signs both
# with the demo ECDSA P-256 key and runs QEMU with the slots in a pflash file, which keeps
# every guest write across the guest resets of one run:
#
#   updown   v1 writes v2 into image0-secondary through lib/bootapi and requests a test
#            upgrade, resets; the loader swaps; v2 runs and does not confirm, resets; the loader
#            reverts; v1 requests a permanent upgrade, resets; v2 runs; after one more reset v2
#            still runs. Afterwards the host file holds v2 in image0-primary, v1 in the other.
#   confirm  v1 requests a test upgrade; v2 confirms itself; after a reset v2 still runs.
#   el2      the demo resets itself at EL2 too (PSCI through SMC instead of HVC).
#
# The demo takes one script word per boot from RAM that QEMU's -device loader fills at every
# reset; v2 is staged in RAM the same way. Each run's console is cut into boots at the
# bootloader's banner and checked boot by boot (test/qemu/update-common.sh, where the
# bootloader's log strings are). Prints one line per check and "N passed, M failed".
# QEMU_TIMEOUT (seconds, default 30) bounds every QEMU run.
set -u

timeout=${QEMU_TIMEOUT:-30}
export QEMU_TIMEOUT="$timeout"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/virt-arm64-common.sh"
. "$(dirname "$0")/update-common.sh"
setup_build "$@"

check_tools qemu-system-aarch64 aarch64-linux-gnu-gcc aarch64-linux-gnu-nm kconfig-conf \
	timeout cmp
stop_if_missing

build_swap_loader
build_tools
read_flash_map
stop_if_failed
# Both slots are in pflash bank 1, at these offsets.
pri_off=$(area_off image0-primary) sec_off=$(area_off image0-secondary)

# build_demo VERSION: the update demo in $build/update-VERSION, signed as $work/VERSION.bin.
build_demo() {
	log=$work/update-$1.log
	make -f "$srctree/test/apps/arm64/update/Makefile" BUILD="$build" \
		O="$build/update-$1" VERSION="$1" >"$log" 2>&1
	status=$?
	check "build: update demo $1 (test/apps/arm64/update)" status_is 0
	sign_demo "$1" "$build/update-$1/update.bin" "$(area_size image0-primary)" 8
}

build_demo $v1
build_demo $v2
stop_if_failed

# The RAM addresses the demo reads its script and staged image from (update.lds).
sym() {
	aarch64-linux-gnu-nm "$build/update-$v1/update.elf" |
		awk -v s="$1" '$3 == s { print "0x" $1 }'
}
script_addr=$(sym update_script)
stage_len_addr=$(sym update_stage_len)
stage_addr=$(sym update_stage)
check "update demo: script and stage addresses in its ELF" \
	test -n "$script_addr" -a -n "$stage_len_addr" -a -n "$stage_addr"
stop_if_failed

# run NAME MACHINE SCRIPT (see update-common.sh): a fresh erased bank 1 with v1 in
# image0-primary, v2 staged in RAM.
run() {
	mkdir -p "$work/$1"
	flash=$work/$1/flash1.img
	head -c 67108864 /dev/zero | tr '\0' '\377' >"$flash"
	dd if="$work/$v1.bin" of="$flash" bs=1024 seek=$((pri_off / 1024)) conv=notrunc \
		status=none
	printf '%s\0' "$3" >"$work/$1/script"
	virt_qemu "$2" cortex-a53 -bios "$build/rampart.bin" \
		-drive if=pflash,format=raw,file="$flash",index=1 \
		-device loader,file="$work/$1/script",addr="$script_addr",force-raw=on \
		-device loader,addr="$stage_len_addr",data="$(wc -c <"$work/$v2.bin")",data-len=4 \
		-device loader,file="$work/$v2.bin",addr="$stage_addr",force-raw=on \
		>"$work/$1/console.raw" 2>&1
	status=$?
	tr -d '\r' <"$work/$1/console.raw" >"$work/$1/console.log"
}

# slot_holds NAME OFFSET VERSION: bank 1 at OFFSET starts with the signed image VERSION.
slot_holds() {
	_len=$(wc -c <"$work/$3.bin")
	head -c $(($2 + _len)) "$work/$1/flash1.img" | tail -c "$_len" | cmp -s - "$work/$3.bin"
}

updown virt
log=/dev/null
check "updown: host file: image0-primary holds $v2" slot_holds updown $((pri_off)) $v2
check "updown: host file: image0-secondary holds $v1" slot_holds updown $((sec_off)) $v1

confirm virt

run el2 virt,virtualization=on "none exit"
split_boots el2
run_ended el2 2
expect el2 1 "reset at EL2" $v1 "app: boot 0: none" "app: resetting"
expect el2 2 "after the reset" $v1 "app: boot 1: exit"

log=/dev/null
finish
