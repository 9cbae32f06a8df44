#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# test-sandbox.sh RAMPART VECTORS_DIR [HOSTILE_DIR HOSTILE_MANIFEST]
#
# Boots the sandbox bootloader RAMPART (built to trust the imgtool vector keys) on a fresh
# flash file for every vector: good images must hand off (exit 0, log names slot and
# version), every bad one must be refused (exit 3) with its reason in the log.
set -u

rampart=$1 vectors=$2 hostile_dir=${3:-} manifest=${4:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; [ -f "$tmp/log" ] && sed 's/^/     | /' "$tmp/log"; }

# boot IMAGE: program IMAGE into image0-primary of a blank flash, boot, keep the log.
boot() {
	rm -f "$tmp/flash.img"
	"$rampart" --flash "$tmp/flash.img" ${1:+--write image0-primary="$1"} > "$tmp/log" 2>&1
}

# expect_boot NAME IMAGE VERSION
expect_boot() {
	boot "$2"; rc=$?
	if [ $rc -eq 0 ] && grep -q "handoff: slot image0-primary, image $3" "$tmp/log"; then
		ok "$1 boots (version $3)"
	else
		bad "$1: expected handoff to version $3, exit $rc"
	fi
}

# expect_refused NAME IMAGE REASON
expect_refused() {
	boot "$2"; rc=$?
	if [ $rc -eq 3 ] && grep -qi -- "$3" "$tmp/log" && ! grep -q "handoff:" "$tmp/log"; then
		ok "$1 refused ($3)"
	else
		bad "$1: expected exit 3 with '$3', got exit $rc"
	fi
}

# Command line behaviour.
"$rampart" --help > "$tmp/log" 2>&1 && grep -q -- "--print-layout" "$tmp/log" &&
	ok "--help documents the options" || bad "--help"
"$rampart" --print-layout > "$tmp/log" 2>&1
if grep -Eq '^boot 0x[0-9a-f]+ 0x[0-9a-f]+$' "$tmp/log" &&
   grep -Eq '^image0-primary 0x[0-9a-f]+ 0x[0-9a-f]+$' "$tmp/log" &&
   grep -Eq '^image0-secondary 0x[0-9a-f]+ 0x[0-9a-f]+$' "$tmp/log"; then
	ok "--print-layout prints NAME OFFSET SIZE"
else
	bad "--print-layout"
fi
"$rampart" --bogus > "$tmp/log" 2>&1; [ $? -eq 2 ] && ok "unknown option: exit 2" || bad "unknown option"
"$rampart" --flash /nonexistent/dir/flash.img > "$tmp/log" 2>&1
[ $? -eq 1 ] && ok "unopenable flash file: exit 1" || bad "unopenable flash file"

# Good images made by imgtool.
expect_boot "ecdsa-p256.bin" "$vectors/ecdsa-p256.bin" "1.2.3+4"
expect_boot "ed25519.bin" "$vectors/ed25519.bin" "1.2.3+4"
expect_boot "ecdsa-p256-prot-tlvs.bin" "$vectors/ecdsa-p256-prot-tlvs.bin" "2.0.0+0"
expect_boot "ecdsa-p256-confirmed-padded.bin" "$vectors/ecdsa-p256-confirmed-padded.bin" "1.0.0+0"
expect_boot "ecdsa-p256-test-padded.bin" "$vectors/ecdsa-p256-test-padded.bin" "1.0.0+0"

# Bad or unsupported images made by imgtool.
expect_refused "empty flash" "" "no bootable image"
expect_refused "ecdsa-p256-tampered.bin" "$vectors/ecdsa-p256-tampered.bin" "hash"
expect_refused "unsigned-sha256.bin" "$vectors/unsigned-sha256.bin" "unsigned"
expect_refused "rsa-2048.bin (RSA not in this build)" "$vectors/rsa-2048.bin" "not supported\|unsupported"
expect_refused "ed25519-enc-x25519.bin (encryption not in this build)" \
	"$vectors/ed25519-enc-x25519.bin" "encrypt"

# Hostile images generated at test time (one per line: FILE<TAB>REASON).
if [ -n "$manifest" ]; then
	while IFS='	' read -r file reason; do
		case $file in ''|'#'*) continue ;; esac
		expect_refused "hostile $file" "$hostile_dir/$file" "$reason"
	done < "$manifest"
fi

echo "sandbox: $pass passed, $fail failed"
[ $fail -eq 0 ]
