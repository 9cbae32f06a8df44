# SPDX-License-Identifier: Apache-2.0
#
# Shared by the upgrade tests (update-qemu_virt_arm64.sh, update-bbc_microbit.sh); sourced
# after lib.sh, not run. The sourcing script sets `board`, builds the update demo
# (test/apps/update/) as $v1 and $v2, signed as $work/$v1.bin and $work/$v2.bin (v1 offering
# v2 as its update), and defines
#   run NAME MACHINE SCRIPT   one QEMU run, guest resets allowed, v1 in image0-primary and
#                             SCRIPT as the demo's words; console in $work/NAME/console.log,
#                             exit status in $status
# then calls the scenarios it wants and finish.

v1=1.0.0
v2=2.0.0

# --- the bootloader: its upgrade mode and what it logs; adjust here -----------------------
# loader_config is added to the board's defconfig. Each boot's console starts at the banner;
# the others are fixed strings looked for in the boot that must show them. The last
# "image0-primary: image X.Y.Z+0 verified" line of a boot names the image handed off to.
loader_config=CONFIG_BOOT_SWAP_SCRATCH=y
loader_banner="Rampart "
loader_verified="image0-primary: image "
loader_test_swap="image 0: test exchange complete"
loader_revert="image 0: revert exchange complete"
loader_perm_swap="image 0: permanent exchange complete"
loader_any_swap="exchange"	# a boot after a settled upgrade logs no exchange at all

# build_swap_loader: the board's defconfig plus the upgrade mode, built in $build.
build_swap_loader() {
	log=$work/build.log
	{ make -C "$srctree" O="$build" ${defconfig:-${board}_defconfig} &&
		echo "$loader_config" >>"$build/.config" &&
		make -C "$srctree" O="$build" olddefconfig &&
		make -C "$srctree" O="$build"; } >"$log" 2>&1
	status=$?
	check "build: make ${defconfig:-${board}_defconfig} + $loader_config && make (O=$build)" status_is 0
	check "build: $loader_config kept by Kconfig" grep -qx "$loader_config" "$build/.config"
}

build_tools() {
	log=$work/tools.log
	make -C "$srctree" O="$build" tools >"$log" 2>&1
	status=$?
	check "build: make tools (rampart-img)" status_is 0
	tool=$build/tools/rampart-img
}

# read_flash_map: the board's flash map (board.c, as configured in $build) into
# $work/flash-map, one "NAME OFFSET SIZE" line per area (test/qemu/print-flash-map.c).
read_flash_map() {
	log=$work/flash-map.log
	_dir=$(sed -n 's/^CONFIG_BOARD_DIR="\(.*\)"$/\1/p' "$build/.config")
	${HOSTCC:-gcc} -std=gnu11 -I"$srctree/include" \
		-include "$build/include/generated/autoconf.h" -no-pie \
		-Wl,--unresolved-symbols=ignore-all -o "$work/print-flash-map" \
		"$srctree/boards/$_dir/board.c" "$srctree/test/qemu/print-flash-map.c" \
		>"$log" 2>&1 && "$work/print-flash-map" >"$work/flash-map" 2>>"$log"
	status=$?
	check "flash map of boards/$_dir/board.c read" status_is 0
}

# area_off NAME, area_size NAME: from the flash map read by read_flash_map.
area_off() { awk -v n="$1" '$1 == n { print $2 }' "$work/flash-map"; }
area_size() { awk -v n="$1" '$1 == n { print $3 }' "$work/flash-map"; }

# sign_demo VERSION IN SLOT_SIZE ALIGN: IN signed with the demo ECDSA P-256 key as
# $work/VERSION.bin.
sign_demo() {
	log=$work/sign-$1.log
	"$tool" sign -k "$srctree/keys/demo-ecdsa-p256.pem" -v "$1" -H 0x200 --pad-header \
		-S "$3" --align "$4" "$2" "$work/$1.bin" >"$log" 2>&1
	status=$?
	check "sign: update demo $1 with demo-ecdsa-p256" status_is 0
}

# split_boots NAME: cut $work/NAME/console.log into boot-1.log, boot-2.log, ... at each
# banner; sets boots.
split_boots() {
	awk -v dir="$work/$1" -v banner="$loader_banner" '
		index($0, banner) { n++ }
		{ print > (dir "/boot-" (n ? n : 0) ".log") }' "$work/$1/console.log"
	boots=$(grep -cF -- "$loader_banner" "$work/$1/console.log")
}

# run_ended NAME BOOTS: the run went through BOOTS boots and the demo ended it with status 0.
run_ended() {
	log=$work/$1/console.log
	check "$1: QEMU exit status 0 (the demo's last word was exit)" status_is 0
	check "$1: $2 boots" test "$boots" -eq "$2"
}

handed_off() {
	grep -F -- "$loader_verified" "$1" | tail -n 1 | grep -qF -- "$loader_verified$2+0 verified"
}

show_boot() {
	echo "    | console of this boot:"
	sed 's/^/    | /' "$1"
}

# expect NAME N WHAT VERSION LINE...: in boot N of run NAME the loader handed off to VERSION
# (its last image0-primary verified line), which printed its version, and every LINE was
# printed. Any failure shows that boot's console once, after the last of its checks.
expect() {
	_boot=$work/$1/boot-$2.log
	_what="$1 boot $2: $3" _version=$4 _before=$failed
	log=/dev/null
	if [ ! -f "$_boot" ]; then
		check "$_what: happened (the run had $boots boots)" false
		return
	fi
	shift 4
	check "$_what: loader hands off $_version" handed_off "$_boot" "$_version"
	for _line in "app: version $_version running" "$@"; do
		check "$_what: console shows \"$_line\"" grep -qF -- "$_line" "$_boot"
	done
	[ "$failed" -eq "$_before" ] || show_boot "$_boot"
}

lacks_in() { ! grep -qF -- "$1" "$2"; }

# expect_not NAME N WHAT LINE: boot N of run NAME did not print LINE.
expect_not() {
	_boot=$work/$1/boot-$2.log
	log=/dev/null
	[ -f "$_boot" ] || return
	check "$1 boot $2: $3: console lacks \"$4\"" lacks_in "$4" "$_boot" || show_boot "$_boot"
}

# updown MACHINE: v1 requests a test upgrade; the loader swaps; v2 does not confirm; the loader
# reverts; v1 requests a permanent upgrade; v2 runs, and still runs after one more reset.
updown() {
	_size=$(wc -c <"$work/$v2.bin")
	run updown "$1" "test none perm none exit"
	split_boots updown
	run_ended updown 5
	expect updown 1 "factory image" $v1 "app: next boot: none" "app: boot 0: test" \
		"app: image0-secondary: $_size of $_size bytes written" \
		"app: test upgrade requested" "app: resetting"
	expect updown 2 "test swap, not confirmed" $v2 "$loader_test_swap" \
		"app: next boot: revert" "app: boot 1: none" "app: not confirming" "app: resetting"
	expect updown 3 "revert" $v1 "$loader_revert" "app: next boot: none" "app: boot 2: perm" \
		"app: permanent upgrade requested" "app: resetting"
	expect updown 4 "permanent swap" $v2 "$loader_perm_swap" "app: next boot: none" \
		"app: boot 3: none" "app: resetting"
	expect updown 5 "permanent upgrade sticks" $v2 "app: next boot: none" \
		"app: boot 4: exit" "app: script done"
	expect_not updown 5 "permanent upgrade sticks" "$loader_any_swap"
}

# confirm MACHINE: v1 requests a test upgrade; v2 confirms itself and stays after a reset.
confirm() {
	run confirm "$1" "test confirm none exit"
	split_boots confirm
	run_ended confirm 4
	expect confirm 1 "factory image" $v1 "app: test upgrade requested"
	expect confirm 2 "test swap, confirmed" $v2 "$loader_test_swap" \
		"app: next boot: revert" "app: confirm image0-primary: ok"
	expect confirm 3 "confirmed image stays" $v2 "app: next boot: none" \
		"app: image0-primary: magic good, image_ok set, copy_done set"
	expect_not confirm 3 "confirmed image stays" "$loader_any_swap"
	expect confirm 4 "confirmed image stays" $v2 "app: script done"
}
