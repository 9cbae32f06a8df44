#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# test-upgrade.sh SRCTREE BUILD_DIR RAMPART_IMG [MODE]
#
# MODE: the upgrade mode's Kconfig symbol without CONFIG_BOOT_ (SWAP_SCRATCH, the default,
# SWAP_MOVE or SWAP_OFFSET; with swap-offset the updates are written one sector into the
# secondary, as its DFU clients do).
#
# Upgrades on the sandbox board as a user meets them: images signed by rampart-img, the
# application's requests and confirmations made through lib/bootapi (rampart --app), one
# bootloader run per reset. Builds the sandbox (swap using scratch, two image pairs,
# downgrade prevention, security counters in a file-backed OTP) in BUILD_DIR and checks the
# log and exit status of every boot:
#   test upgrade -> runs once -> reverted; test + confirm sticks; permanent sticks;
#   a tampered or downgraded request is refused and cleared (never stuck pending);
#   a garbage secondary trailer never stops a good primary;
#   security counter: raised only once an image is confirmed, older images refused after;
#   two images with DEPENDENCY TLVs: met by an upgrade in the same boot, postponed if not.
set -u

src=$1 build=$2 tool=$3 mode=${4:-SWAP_SCRATCH}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
key=$src/keys/demo-ecdsa-p256.pem

ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; [ -f "$tmp/log" ] && sed 's/^/     | /' "$tmp/log"; }

# Build: sandbox_defconfig plus the options this test needs.
{
	make -C "$src" O="$build" sandbox_defconfig &&
	cat >> "$build/.config" <<-EOC &&
	CONFIG_BOOT_$mode=y
	CONFIG_BOOT_IMAGE_NUMBER=2
	CONFIG_BOOT_DOWNGRADE_PREVENTION=y
	CONFIG_BOOT_HW_ROLLBACK_PROT=y
	EOC
	make -C "$src" O="$build" olddefconfig && make -C "$src" O="$build"
} > "$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; echo "FAIL build"; exit 1; }
rampart=$build/rampart

# sign NAME VERSION SLOT_SIZE [extra rampart-img options]: a signed image of random payload.
sign() {
	name=$1 ver=$2 size=$3
	shift 3
	head -c 40000 /dev/urandom > "$tmp/$name.raw"
	"$tool" sign -k "$key" -v "$ver" -H 0x200 --pad-header -S "$size" --align 8 "$@" \
		"$tmp/$name.raw" "$tmp/$name.bin" > /dev/null || { echo "FAIL sign $name"; exit 1; }
	# what a DFU client puts into a secondary slot
	if [ "$mode" = SWAP_OFFSET ]; then
		{ head -c 4096 /dev/zero | tr '\0' '\377'; cat "$tmp/$name.bin"; } > "$tmp/$name.sec"
	else
		cp "$tmp/$name.bin" "$tmp/$name.sec"
	fi
}
s0=0x40000 s1=0x20000
sign v1 1.0.0 $s0 -s 1
sign v2 2.0.0 $s0 -s 2
sign v0 0.9.0 $s0 -s 1
sign v3-old-counter 3.0.0 $s0 -s 0
cp "$tmp/v2.sec" "$tmp/v2-tampered.sec"
printf 'X' | dd of="$tmp/v2-tampered.sec" bs=1 seek=6000 conv=notrunc 2>/dev/null
sign i1v1 1.0.0 $s1 -s 1
sign i1v2 2.0.0 $s1 -s 1
sign i0v2-needs-i1v2 2.0.0 $s0 -s 2 -d "(1,2.0.0)"
sign i0v2-needs-i1v3 2.0.0 $s0 -s 2 -d "(1,3.0.0)"

# boot [rampart options]: one reset; the log in $tmp/log, status in $rc.
boot() {
	"$rampart" --flash "$tmp/flash.img" --otp "$tmp/otp.img" "$@" > "$tmp/log" 2>&1
	rc=$?
}

fresh() { rm -f "$tmp/flash.img" "$tmp/otp.img"; }

# expect NAME VERSION [PATTERN...]: booted VERSION (image 0) and the log has every PATTERN.
expect() {
	name=$1 ver=$2
	shift 2
	if [ $rc -ne 0 ] || ! grep -q "handoff: slot image0-primary, image $ver" "$tmp/log"; then
		bad "$name: expected version $ver to run, exit $rc"
		return
	fi
	for p in "$@"; do
		if ! grep -q -- "$p" "$tmp/log"; then
			bad "$name: log lacks '$p'"
			return
		fi
	done
	ok "$name"
}

# expect_quiet NAME VERSION: VERSION runs and nothing was exchanged.
expect_quiet() {
	if grep -q "exchange\|upgrade" "$tmp/log"; then
		bad "$1: unexpected upgrade activity"
	else
		expect "$1" "$2"
	fi
}

# Pair 1 is always provisioned so images 0 and 1 both have something to run.
provision() {
	fresh
	boot --write image0-primary="$tmp/$1.bin" --write image1-primary="$tmp/i1v1.bin" \
		${2:+--write image0-secondary="$tmp/$2.sec"}
}

# Test upgrade, not confirmed: runs once, then the previous image is back for good.
provision v1 v2
expect "factory image runs" 1.0.0 "image0-primary: image 1.0.0"
boot --app test
expect "test upgrade: v2 runs on trial" 2.0.0 "test upgrade requested" "test exchange complete"
boot
expect "not confirmed: reverted to v1" 1.0.0 "revert exchange complete"
boot
expect_quiet "after the revert: v1 stays, nothing pending" 1.0.0

# Test upgrade, confirmed by the application.
provision v1 v2
boot --app test
expect "test upgrade again" 2.0.0 "test exchange complete"
boot --app confirm
expect_quiet "confirmed: v2 stays" 2.0.0
boot
expect_quiet "confirmed: v2 still there" 2.0.0

# Permanent upgrade.
provision v1 v2
boot --app permanent
expect "permanent upgrade" 2.0.0 "permanent exchange complete"
boot
expect_quiet "permanent: v2 stays without a confirm" 2.0.0

# A request whose image fails is cleared, never left pending.
provision v1 v2-tampered
boot --app test
expect "tampered upgrade refused, v1 runs" 1.0.0 "image0-secondary: image refused" \
	"upgrade request cleared"
boot
expect_quiet "tampered request gone after one boot" 1.0.0

# Downgrade prevention (version rule), also cleared.
provision v1 v0
boot --app permanent
expect "downgrade refused" 1.0.0 "downgrade from 1.0.0+0 to 0.9.0+0 refused" \
	"upgrade request cleared"

# A secondary trailer of garbage asks for nothing; the primary boots.
provision v1
head -c 16 /dev/urandom > "$tmp/junk"
dd if="$tmp/junk" of="$tmp/flash.img" bs=1 seek=$((0xa0000 - 16)) conv=notrunc 2>/dev/null
boot
expect_quiet "garbage secondary trailer: primary boots" 1.0.0

# Security counter: not raised by a test boot, raised once confirmed; older images refused.
provision v1 v2
boot --app test
if grep -q "security counter raised" "$tmp/log"; then
	bad "security counter raised by an unconfirmed test image"
else
	expect "sec counter: test boot of v2 (counter 2) leaves the counter alone" 2.0.0
fi
boot --app confirm
expect "sec counter: raised once v2 is confirmed" 2.0.0 "image 0: security counter raised to 2"
boot --write image0-secondary="$tmp/v3-old-counter.sec" --app permanent
expect "sec counter: image with counter 0 refused after 2" 2.0.0 \
	"security counter 0 is below the device's 2" "upgrade request cleared"
boot --write image0-primary="$tmp/v1.bin"
if [ $rc -eq 3 ] && grep -q "security counter 1 is below the device's 2" "$tmp/log"; then
	ok "sec counter: an old image written straight into the primary does not boot"
else
	bad "sec counter: old image in the primary, exit $rc"
fi

# Two images: a dependency met by the other image's upgrade in the same boot.
provision v1
boot --write image0-secondary="$tmp/i0v2-needs-i1v2.sec" \
	--write image1-secondary="$tmp/i1v2.sec" --app permanent:0 --app permanent:1
expect "dependency met by a same-boot upgrade of image 1" 2.0.0 \
	"image 0: permanent exchange complete" "image 1: permanent exchange complete" \
	"image1-primary: image 2.0.0"

# ... and postponed (not cleared) when it is not met; image 1 upgrades alone.
provision v1
boot --write image0-secondary="$tmp/i0v2-needs-i1v3.sec" \
	--write image1-secondary="$tmp/i1v2.sec" --app permanent:0 --app permanent:1
expect "unmet dependency postpones image 0 only" 1.0.0 \
	"image 0: needs image 1 >= 3.0.0+0" "image 0: upgrade postponed" \
	"image 1: permanent exchange complete"
boot --write image1-secondary="$tmp/i1v1.sec"
expect "postponed request still pending until image 1 qualifies" 1.0.0 \
	"image 0: upgrade postponed"

echo "sandbox upgrades ($mode): $pass passed, $fail failed"
[ $fail -eq 0 ]
