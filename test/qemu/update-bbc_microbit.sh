#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# update-bbc_microbit.sh [BUILD_DIR] : the upgrade flow of update-qemu_virt_arm64.sh on QEMU's
# microbit machine (nRF51 NVMC flash). Builds Rampart (swap using scratch), rampart-img, the
# update demo (test/apps/update/, port in test/apps/cortex-m/update/) as 2.0.0 and then as
# 1.0.0 with the signed 2.0.0 embedded as its update, and the test installer, then runs:
#
#   updown   test upgrade, no confirm, revert, permanent upgrade, still there after a reset
#   confirm  test upgrade confirmed by v2, still there after a reset
#
# The NVMC keeps guest writes across a guest reset (SYSRESETREQ), but QEMU restores every
# image it loaded itself at each reset, so only Rampart is loaded into flash: the installer
# (test/apps/cortex-m/update/installer.c), started from RAM at every reset, programs v1 into
# image0-primary once from the host file $work/NAME/image0-primary.bin (semihosting), then
# starts Rampart. See Documentation/boards/bbc_microbit.md, "Updates under QEMU".
# Slot addresses come from the board's flash map (boards/bbc/bbc_microbit/board.c).
# Prints one line per check and "N passed, M failed". QEMU_TIMEOUT (default 30 s) bounds a run.
set -u

timeout=${QEMU_TIMEOUT:-30}
board=bbc_microbit
defconfig=bbc_microbit_swap_defconfig
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/update-common.sh"
setup_build "$@"

check_tools qemu-system-arm arm-none-eabi-gcc arm-none-eabi-nm kconfig-conf timeout
stop_if_missing

build_swap_loader
build_tools
read_flash_map
stop_if_failed
slot=$(area_off image0-primary)
slot_size=$(area_size image0-primary)

# build_demo VERSION [STAGE]: the update demo (offering the signed image STAGE) and the
# installer in $build/update-VERSION, signed as $work/VERSION.bin.
build_demo() {
	log=$work/update-$1.log
	make -f "$srctree/test/apps/cortex-m/update/Makefile" BUILD="$build" \
		O="$build/update-$1" VERSION="$1" SLOT="$slot" ${2:+STAGE="$2"} >"$log" 2>&1
	status=$?
	check "build: update demo $1${2:+ offering $(basename "$2")} (test/apps/cortex-m/update)" \
		status_is 0
	sign_demo "$1" "$build/update-$1/update.bin" "$slot_size" 4
}

build_demo $v2
build_demo $v1 "$work/$v2.bin"
stop_if_failed
installer=$build/update-$v1/installer.elf
script_addr=0x$(arm-none-eabi-nm "$build/update-$v1/update.elf" |
	awk '$3 == "update_script" { print $1 }')
check "update demo: script address in its ELF" test "$script_addr" != 0x
stop_if_failed

# run NAME MACHINE SCRIPT (see update-common.sh): Rampart in flash, the installer and the
# script in RAM; QEMU runs in $work/NAME, where the installer finds image0-primary.bin.
run() {
	mkdir -p "$work/$1"
	cp "$work/$v1.bin" "$work/$1/image0-primary.bin"
	printf '%s\0' "$3" >"$work/$1/script"
	(cd "$work/$1" && timeout "$timeout" qemu-system-arm -M "$2" -display none \
		-serial stdio -monitor none -semihosting-config enable=on,target=native \
		-kernel "$build/rampart.elf" -device loader,file="$installer",cpu-num=0 \
		-device loader,file=script,addr="$script_addr",force-raw=on) \
		>"$work/$1/console.raw" 2>&1
	status=$?
	tr -d '\r' <"$work/$1/console.raw" >"$work/$1/console.log"
}

updown microbit
log=$work/updown/console.log
check "updown: the installer programmed v1 once" \
	test "$(grep -c '^installer: .* programmed' "$log")" -eq 1
confirm microbit

log=/dev/null
finish
