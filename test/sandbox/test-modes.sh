#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# test-modes.sh SRCTREE BUILD_DIR RAMPART_IMG
#
# The upgrade modes that do not swap, on the sandbox board: for each of overwrite,
# overwrite-fast, direct-xip, direct-xip-revert, ram-load and ram-load-revert, build
# sandbox_defconfig plus that mode's CONFIG line (olddefconfig, make) in BUILD_DIR/<mode>,
# then boot images signed by rampart-img, one bootloader run per reset, and check the log and
# exit status of each boot:
#   overwrite: a test request is installed for good, a tampered one cleared, nothing pending;
#   direct XIP: the newer image runs from the secondary in place; ROM_FIXED in an unmapped
#     sandbox slot is refused;
#   revert modes: a test runs once on trial and is erased at the next boot, unless the
#     application confirmed it;
#   RAM load: the image runs from its RAM copy; a load range outside the window is refused.
set -u

src=$1 build=$2 tool=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
key=$src/keys/demo-ecdsa-p256.pem
slot=0x40000

ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; [ -f "$tmp/log" ] && sed 's/^/     | /' "$tmp/log"; }

# build MODE: the sandbox with CONFIG_BOOT_<MODE>=y in $build/<mode>; sets $rampart.
build() {
	dir=$build/$1
	rampart=$dir/rampart
	{
		make -C "$src" O="$dir" sandbox_defconfig &&
		echo "CONFIG_BOOT_$1=y" >> "$dir/.config" &&
		make -C "$src" O="$dir" olddefconfig &&
		grep -q "^CONFIG_BOOT_$1=y" "$dir/.config" &&
		make -C "$src" O="$dir"
	} > "$tmp/build.log" 2>&1
	if [ $? -eq 0 ]; then
		ok "sandbox builds with CONFIG_BOOT_$1"
		return 0
	fi
	cp "$tmp/build.log" "$tmp/log"
	bad "sandbox build with CONFIG_BOOT_$1"
	return 1
}

# sign NAME VERSION [rampart-img options]: a signed image of random payload.
sign() {
	name=$1 ver=$2
	shift 2
	head -c 40000 /dev/urandom > "$tmp/$name.raw"
	"$tool" sign -k "$key" -v "$ver" -H 0x200 --pad-header -S $slot --align 8 "$@" \
		"$tmp/$name.raw" "$tmp/$name.bin" > /dev/null || { echo "FAIL sign $name"; exit 1; }
}
sign v1 1.0.0
sign v1-confirmed 1.0.0 --confirm
sign v2 2.0.0
sign v2-test 2.0.0 --pad
sign v2-rom-fixed 2.0.0 --rom-fixed 0x60000
sign r1-confirmed 1.0.0 --load-addr 0x20000000 --confirm
sign r2-test 2.0.0 --load-addr 0x20010000 --pad
sign r3-outside 3.0.0 --load-addr 0x2003f000
cp "$tmp/v2-test.bin" "$tmp/v2-test-tampered.bin"
printf 'X' | dd of="$tmp/v2-test-tampered.bin" bs=1 seek=1000 conv=notrunc 2>/dev/null

# boot [rampart options]: one reset on $tmp/flash.img; the log in $tmp/log, status in $rc.
boot() {
	"$rampart" --flash "$tmp/flash.img" "$@" > "$tmp/log" 2>&1
	rc=$?
}

# provision PRIMARY [SECONDARY]: a blank device with these images, then the first boot.
provision() {
	rm -f "$tmp/flash.img"
	boot --write image0-primary="$tmp/$1.bin" ${2:+--write image0-secondary="$tmp/$2.bin"}
}

# expect NAME HANDOFF [PATTERN...]: exit 0, the log has "handoff: HANDOFF" and each PATTERN;
# a PATTERN starting with ! must be absent.
expect() {
	name=$1 handoff=$2
	shift 2
	if [ $rc -ne 0 ] || ! grep -q "handoff: $handoff" "$tmp/log"; then
		bad "$name: expected 'handoff: $handoff', exit $rc"
		return
	fi
	for p in "$@"; do
		case $p in
		!*) grep -q -- "${p#!}" "$tmp/log" && { bad "$name: log has '${p#!}'"; return; } ;;
		*) grep -q -- "$p" "$tmp/log" || { bad "$name: log lacks '$p'"; return; } ;;
		esac
	done
	ok "$name"
}

pri="slot image0-primary, image"
sec="slot image0-secondary, image"

for mode in OVERWRITE OVERWRITE_FAST; do
	build $mode || continue
	provision v1 v2-test
	expect "$mode: a test request is installed" "$pri 2.0.0" \
		"test upgrade requested: carried out as permanent" "overwrite complete"
	boot
	expect "$mode: and stays, nothing pending" "$pri 2.0.0" "!requested" "!overwrite"
	provision v1 v2-test-tampered
	expect "$mode: a tampered request is cleared" "$pri 1.0.0" "image refused" \
		"upgrade request cleared"
	boot
	expect "$mode: the cleared request is gone" "$pri 1.0.0" "!requested"
done

if build DIRECT_XIP; then
	provision v1 v2
	expect "DIRECT_XIP: the newer image runs in place from the secondary" "$sec 2.0.0"
	provision v1 v2-rom-fixed
	expect "DIRECT_XIP: ROM_FIXED in an unmapped slot is refused" "$pri 1.0.0" \
		"not memory-mapped"
fi

if build DIRECT_XIP_REVERT; then
	provision v1-confirmed v2-test
	expect "DIRECT_XIP_REVERT: a test runs on trial" "$sec 2.0.0" "on trial"
	boot
	expect "DIRECT_XIP_REVERT: unconfirmed, it is erased" "$pri 1.0.0" \
		"image0-secondary: image 2.0.0+0 was tried and not confirmed"
	boot
	expect "DIRECT_XIP_REVERT: v1 stays" "$pri 1.0.0" "image0-secondary: empty"
	# A trial in the primary, confirmed by the application (--app confirm: the primary).
	provision v2-test v1-confirmed
	expect "DIRECT_XIP_REVERT: a test in the primary runs on trial" "$pri 2.0.0" "on trial"
	boot --app confirm
	expect "DIRECT_XIP_REVERT: confirmed, it stays" "$pri 2.0.0" "!on trial" "!erasing"
	boot
	expect "DIRECT_XIP_REVERT: the previous image is kept" "$pri 2.0.0" \
		"image0-secondary: image 1.0.0+0 verified"
	provision v1
	boot
	expect "DIRECT_XIP_REVERT: an image without a trailer is never erased" "$pri 1.0.0" \
		"!erasing"
fi

if build RAM_LOAD; then
	provision r1-confirmed r2-test
	expect "RAM_LOAD: the newer image runs from RAM" \
		"RAM at 0x20010200, image 2.0.0+0, loaded from slot image0-secondary" \
		"ram-load: image 2.0.0+0 verified"
	provision r1-confirmed r3-outside
	expect "RAM_LOAD: a load range outside the window is refused" \
		"RAM at 0x20000200, image 1.0.0+0, loaded from slot image0-primary" \
		"do not fit the RAM-load window"
	provision v1
	[ $rc -eq 3 ] && grep -q "no RAM_LOAD flag" "$tmp/log" &&
		ok "RAM_LOAD: an image without RAM_LOAD is refused (exit 3)" ||
		bad "RAM_LOAD: an image without RAM_LOAD: expected exit 3, got $rc"
fi

if build RAM_LOAD_REVERT; then
	provision r1-confirmed r2-test
	expect "RAM_LOAD_REVERT: a test runs from RAM on trial" \
		"RAM at 0x20010200, image 2.0.0+0" "on trial"
	boot
	expect "RAM_LOAD_REVERT: unconfirmed, it is erased" \
		"RAM at 0x20000200, image 1.0.0+0" "was tried and not confirmed"
fi

echo "sandbox upgrade modes: $pass passed, $fail failed"
[ $fail -eq 0 ]
