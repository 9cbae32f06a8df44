#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# test-rampart-img.sh RAMPART_IMG: the host tool end to end. Round trips (keygen, sign,
# verify) for both algorithms, getpub in both encodings, dumpinfo of every vector against
# imgtool's, byte-identical Ed25519 and unsigned output, padded trailers, every hostile image
# refused with its reason, and signatures cross-checked by openssl. One line per check, then
# "N passed, M failed"; exits non-zero on any failure.
set -u

tool=$1
src=$(cd "$(dirname "$0")/../.." && pwd)
vec=$src/test/vectors/imgtool
keys=$vec/keys
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; [ -s "$tmp/out" ] && sed 's/^/     | /' "$tmp/out"; }

# run CMD...: run the tool, output in $tmp/out, exit status in $rc.
run() { "$tool" "$@" > "$tmp/out" 2>&1; rc=$?; }

# expect NAME STATUS PATTERN CMD...: exit STATUS and output matching PATTERN (grep -i).
expect() {
	name=$1 want=$2 pat=$3
	shift 3
	run "$@"
	if [ "$rc" -eq "$want" ] && { [ -z "$pat" ] || grep -qi -- "$pat" "$tmp/out"; }; then
		ok "$name"
	else
		bad "$name (exit $rc, wanted $want and /$pat/)"
	fi
}

common="-H 0x200 --pad-header --align 8 -S 0x40000"
both_keys="-k $keys/ecdsa-p256.pem -k $keys/ed25519.pem"

# Python helpers: the signed range (header + payload + protected TLVs) and one TLV value.
signed_part() {
	python3 -c 'import struct,sys
d=open(sys.argv[1],"rb").read(); h,p,i=struct.unpack_from("<HHI",d,8)
sys.stdout.buffer.write(d[:h+i+p])' "$1"
}
tlv_value() {
	python3 -c 'import struct,sys
d=open(sys.argv[1],"rb").read(); h,p,i=struct.unpack_from("<HHI",d,8)
o=h+i+p; m,t=struct.unpack_from("<HH",d,o); e=o+t; o+=4
while o<e:
    ty,n=struct.unpack_from("<HH",d,o)
    if ty==int(sys.argv[2],0): sys.stdout.buffer.write(d[o+4:o+4+n]); break
    o+=4+n' "$1" "$2"
}

# --- command line ----------------------------------------------------------------------
expect "--help" 0 "Usage: rampart-img" --help
for c in keygen getpub sign verify dumpinfo; do
	expect "$c --help" 0 "Usage: rampart-img $c" "$c" --help
done
expect "no command: exit 2" 2 "Usage" 
expect "unknown command: exit 2" 2 "unknown command" frobnicate
expect "unknown option: exit 2" 2 "unrecognized option" sign --frobnicate
expect "bad version string: exit 2" 2 "bad version" sign -v 1.2.x $common "$vec/app.bin" "$tmp/x"
expect "bad number: exit 2" 2 "invalid value" sign -v 1.0.0 -H 0x2g0 -S 0x40000 \
	"$vec/app.bin" "$tmp/x"
expect "bad dependency: exit 2" 2 "bad dependencies" sign -v 1.0.0 $common -d "(1;1.0.0)" \
	"$vec/app.bin" "$tmp/x"
expect "missing input file: exit 1" 1 "No such file" sign -v 1.0.0 $common "$tmp/nope.bin" \
	"$tmp/x"
expect "missing key file: exit 1" 1 "No such file" verify -k "$tmp/nope.pem" "$vec/ed25519.bin"
expect "verify without a key: exit 2" 2 "needs at least one -k" verify "$vec/ed25519.bin"
expect "RSA key refused" 1 "unsupported key type" getpub -k "$keys/rsa-2048.pem"
expect "slot too small refused" 1 "does not fit the slot" sign -v 1.0.0 -H 0x200 --pad-header \
	-S 0x5000 "$vec/app.bin" "$tmp/x"
expect "non-zero header refused without --pad-header" 1 "use --pad-header" \
	sign -v 1.0.0 -H 0x200 -S 0x40000 "$vec/app.bin" "$tmp/x"

# --- keygen, getpub, sign, verify --------------------------------------------------------
for alg in ecdsa-p256 ed25519; do
	k=$tmp/fresh-$alg.pem
	expect "keygen $alg" 0 "" keygen -t "$alg" -k "$k"
	grep -q "BEGIN PRIVATE KEY" "$k" && ok "keygen $alg writes PKCS#8 PEM" ||
		bad "keygen $alg writes PKCS#8 PEM"
	openssl pkey -in "$k" -noout 2>/dev/null && ok "openssl reads the $alg key" ||
		bad "openssl reads the $alg key"
	cp "$k" "$tmp/before"
	expect "keygen $alg refuses to overwrite" 1 "not overwriting" keygen -t "$alg" -k "$k"
	cmp -s "$k" "$tmp/before" && ok "keygen $alg left the file alone" ||
		bad "keygen $alg left the file alone"
	expect "sign $alg" 0 "" sign -k "$k" -v 4.5.6+7 $common "$vec/app.bin" "$tmp/fresh-$alg.bin"
	expect "verify $alg round trip" 0 "OK, version 4.5.6+7, key fresh-$alg" \
		verify -k "$k" "$tmp/fresh-$alg.bin"
	expect "verify $alg with other keys refused" 1 "no signature by a trusted key" \
		verify $both_keys "$tmp/fresh-$alg.bin"
	expect "sign $alg --public-key-format full" 0 "" sign -k "$k" -v 1.0.0 $common \
		--public-key-format full "$vec/app.bin" "$tmp/fresh-$alg-full.bin"
	expect "verify $alg PUBKEY image" 0 "OK, version 1.0.0+0, key fresh-$alg" \
		verify -k "$k" "$tmp/fresh-$alg-full.bin"
done

# getpub: the C array and the PEM carry the DER openssl derives from the private key.
for alg in ecdsa-p256 ed25519; do
	case $alg in ecdsa-p256) sym=ecdsa len=91 ;; ed25519) sym=ed25519 len=44 ;; esac
	openssl pkey -in "$keys/$alg.pem" -pubout -outform DER -out "$tmp/want.der" 2>/dev/null
	run getpub -k "$keys/$alg.pem"
	got=$(grep -o '0x[0-9a-f][0-9a-f]' "$tmp/out" | sed 's/0x//' | tr -d '\n')
	want=$(od -An -v -tx1 "$tmp/want.der" | tr -d ' \n')
	if [ $rc -eq 0 ] && [ "$got" = "$want" ] &&
	   grep -q "const unsigned char ${sym}_pub_key\[\] = {" "$tmp/out" &&
	   grep -q "const unsigned int ${sym}_pub_key_len = $len;" "$tmp/out"; then
		ok "getpub $alg (C array)"
	else
		bad "getpub $alg (C array)"
	fi
	run getpub -k "$keys/$alg.pem" -e pem
	openssl pkey -in "$keys/$alg.pem" -pubout -out "$tmp/want.pem" 2>/dev/null
	cmp -s "$tmp/out" "$tmp/want.pem" && ok "getpub $alg -e pem equals openssl's" ||
		bad "getpub $alg -e pem equals openssl's"
	cp "$tmp/out" "$tmp/$alg.pub"
	expect "getpub from a public key ($alg)" 0 "${sym}_pub_key_len = $len" getpub -k "$tmp/$alg.pub"
	expect "verify with a public PEM ($alg)" 0 "OK, version 1.2.3+4, key $alg" \
		verify -k "$tmp/$alg.pub" "$vec/$alg.bin"
	expect "sign with a public key refused ($alg)" 1 "cannot sign" \
		sign -k "$tmp/$alg.pub" -v 1.0.0 $common "$vec/app.bin" "$tmp/x"
done

# --- byte-identical output ----------------------------------------------------------------
run sign -k "$keys/ed25519.pem" -v 1.2.3+4 $common "$vec/app.bin" "$tmp/ed.bin"
cmp -s "$tmp/ed.bin" "$vec/ed25519.bin" && ok "Ed25519 image byte-identical to imgtool's" ||
	bad "Ed25519 image byte-identical to imgtool's"
run sign -v 1.0.0 $common "$vec/app.bin" "$tmp/unsigned.bin"
cmp -s "$tmp/unsigned.bin" "$vec/unsigned-sha256.bin" &&
	ok "unsigned image byte-identical to imgtool's" ||
	bad "unsigned image byte-identical to imgtool's"
# ECDSA signatures are randomised: everything but the signature and its lengths must match.
run sign -k "$keys/ecdsa-p256.pem" -v 1.2.3+4 $common "$vec/app.bin" "$tmp/ec.bin"
if [ $rc -eq 0 ] && cmp -s -n $((0x5020 + 2)) "$tmp/ec.bin" "$vec/ecdsa-p256.bin" &&
   [ "$(tlv_value "$tmp/ec.bin" 0x10 | od -An -tx1)" = \
     "$(tlv_value "$vec/ecdsa-p256.bin" 0x10 | od -An -tx1)" ] &&
   [ "$(tlv_value "$tmp/ec.bin" 0x01 | od -An -tx1)" = \
     "$(tlv_value "$vec/ecdsa-p256.bin" 0x01 | od -An -tx1)" ]; then
	ok "ECDSA image matches imgtool's up to the signature"
else
	bad "ECDSA image matches imgtool's up to the signature"
fi
run sign -k "$keys/ecdsa-p256.pem" -v 2.0.0+0 -s auto -d "(1,1.0.0+0)" $common "$vec/app.bin" \
	"$tmp/prot.bin"
run dumpinfo "$tmp/prot.bin"
if grep -q "SEC_CNT (0x50), 4 bytes" "$tmp/out" && grep -q "DEPENDENCY (0x40), 12 bytes" \
	"$tmp/out" && grep -q "00 00 00 02" "$tmp/out"; then
	ok "sign -s auto -d writes SEC_CNT then DEPENDENCY"
else
	bad "sign -s auto -d writes SEC_CNT then DEPENDENCY"
fi
expect "verify the protected-TLV image" 0 "OK, version 2.0.0+0" verify $both_keys "$tmp/prot.bin"

# --- padding and trailer -----------------------------------------------------------------
for mode in confirm pad; do
	v=ecdsa-p256-test-padded.bin
	[ $mode = confirm ] && v=ecdsa-p256-confirmed-padded.bin
	run sign -k "$keys/ecdsa-p256.pem" -v 1.0.0 $common --$mode "$vec/app.bin" "$tmp/$mode.bin"
	# Past the TLVs: erased bytes and the trailer, identical to imgtool's.
	if [ $rc -eq 0 ] && [ "$(wc -c < "$tmp/$mode.bin")" -eq $((0x40000)) ] &&
	   cmp -s -i 0x6000 "$tmp/$mode.bin" "$vec/$v"; then
		ok "sign --$mode: slot-sized, trailer identical to imgtool's"
	else
		bad "sign --$mode: slot-sized, trailer identical to imgtool's"
	fi
done
expect "dumpinfo shows confirmed trailer" 0 "image_ok   0x01 (set)" dumpinfo "$tmp/confirm.bin"
expect "dumpinfo shows test trailer" 0 "image_ok   0xff (unset)" dumpinfo "$tmp/pad.bin"
run sign -v 1.0.0 $common --max-align 32 --confirm "$vec/app.bin" "$tmp/a32.bin"
expect "--max-align 32 writes the v2 magic" 0 "good (v2), max align 32" dumpinfo "$tmp/a32.bin"
grep -q "image_ok   0x01 (set)" "$tmp/out" && ok "--max-align 32 puts image_ok at -64" ||
	bad "--max-align 32 puts image_ok at -64"

# --- dumpinfo of every vector, against imgtool's own dumpinfo ----------------------------
for f in "$vec"/*.bin; do
	n=$(basename "$f" .bin)
	[ "$n" = app ] && continue
	run dumpinfo "$f"
	ours=$(sed -n 's/^    \([A-Z0-9_]*\) (0x0*\([0-9a-f][0-9a-f]*\)), .*/\1 \2/p' "$tmp/out")
	theirs=$(sed -n 's/^ *type: \([A-Z0-9_]*\) (0x0*\([0-9a-f][0-9a-f]*\))$/\1 \2/p' \
		 "$vec/$n.dumpinfo.txt")
	ver=$(sed -n 's/^version: *//p' "$vec/$n.dumpinfo.txt")
	if [ $rc -eq 0 ] && [ -n "$ours" ] && [ "$ours" = "$theirs" ] &&
	   grep -q "version  *$ver$" "$tmp/out"; then
		ok "dumpinfo $n.bin: version and TLVs as imgtool lists them"
	else
		bad "dumpinfo $n.bin: version and TLVs as imgtool lists them"
	fi
done
head -c 20600 "$vec/ecdsa-p256.bin" > "$tmp/cut.bin"
expect "dumpinfo of a truncated image fails" 1 "TLV area runs past the end" dumpinfo "$tmp/cut.bin"

# --- verify: the vectors ------------------------------------------------------------------
expect "verify ecdsa-p256.bin" 0 "ecdsa-p256.bin: OK, version 1.2.3+4, key ecdsa-p256" \
	verify $both_keys "$vec/ecdsa-p256.bin"
expect "verify ed25519.bin" 0 "OK, version 1.2.3+4, key ed25519" verify $both_keys \
	"$vec/ed25519.bin"
expect "verify ecdsa-p256-prot-tlvs.bin" 0 "OK, version 2.0.0+0" verify $both_keys \
	"$vec/ecdsa-p256-prot-tlvs.bin"
expect "verify ecdsa-p256-confirmed-padded.bin" 0 "OK, version 1.0.0+0" verify $both_keys \
	"$vec/ecdsa-p256-confirmed-padded.bin"
expect "verify ecdsa-p256-test-padded.bin" 0 "OK, version 1.0.0+0" verify $both_keys \
	"$vec/ecdsa-p256-test-padded.bin"
expect "verify refuses rsa-2048.bin" 1 "RSA signatures not supported" verify $both_keys \
	"$vec/rsa-2048.bin"
expect "verify refuses ed25519-enc-x25519.bin" 1 "encrypted images not supported" \
	verify $both_keys "$vec/ed25519-enc-x25519.bin"
expect "verify refuses ecdsa-p256-tampered.bin" 1 "refused: hash mismatch" verify $both_keys \
	"$vec/ecdsa-p256-tampered.bin"
expect "verify refuses unsigned-sha256.bin" 1 "unsigned image" verify $both_keys \
	"$vec/unsigned-sha256.bin"
expect "verify refuses a key mismatch" 1 "no signature by a trusted key" \
	verify -k "$keys/ed25519.pem" "$vec/ecdsa-p256.bin"

# --- verify: every hostile image ------------------------------------------------------------
if "$src/test/vectors/gen-hostile.sh" "$tool" "$tmp/hostile" > "$tmp/out" 2>&1; then
	ok "gen-hostile.sh"
	while IFS='	' read -r file reason; do
		case $file in ''|'#'*) continue ;; esac
		expect "verify refuses hostile $file" 1 "refused: .*\($reason\)" \
			verify $both_keys "$tmp/hostile/$file"
	done < "$tmp/hostile/MANIFEST"
else
	bad "gen-hostile.sh"
fi

# --- openssl checks the signatures over the digest ------------------------------------------
for img in "$vec/ecdsa-p256.bin" "$tmp/ec.bin" "$tmp/confirm.bin"; do
	signed_part "$img" | openssl dgst -sha256 -binary > "$tmp/digest"
	tlv_value "$img" 0x10 > "$tmp/tlvhash"
	tlv_value "$img" 0x22 > "$tmp/sig.der"
	if cmp -s "$tmp/digest" "$tmp/tlvhash" &&
	   openssl pkeyutl -verify -pubin -inkey "$tmp/ecdsa-p256.pub" -in "$tmp/digest" \
		-sigfile "$tmp/sig.der" > "$tmp/out" 2>&1; then
		ok "openssl verifies the ECDSA signature of $(basename "$img")"
	else
		bad "openssl verifies the ECDSA signature of $(basename "$img")"
	fi
done
for img in "$vec/ed25519.bin" "$tmp/ed.bin"; do
	signed_part "$img" | openssl dgst -sha256 -binary > "$tmp/digest"
	tlv_value "$img" 0x24 > "$tmp/sig.bin"
	if openssl pkeyutl -verify -pubin -inkey "$tmp/ed25519.pub" -rawin -in "$tmp/digest" \
		-sigfile "$tmp/sig.bin" > "$tmp/out" 2>&1; then
		ok "openssl verifies the Ed25519 signature of $(basename "$img")"
	else
		bad "openssl verifies the Ed25519 signature of $(basename "$img")"
	fi
done
# A signature made by a fresh key of ours, checked by openssl with that key.
signed_part "$tmp/fresh-ecdsa-p256.bin" | openssl dgst -sha256 -binary > "$tmp/digest"
tlv_value "$tmp/fresh-ecdsa-p256.bin" 0x22 > "$tmp/sig.der"
openssl pkeyutl -verify -inkey "$tmp/fresh-ecdsa-p256.pem" -in "$tmp/digest" \
	-sigfile "$tmp/sig.der" \
	> "$tmp/out" 2>&1 && ok "openssl verifies a fresh-key ECDSA image" ||
	bad "openssl verifies a fresh-key ECDSA image"

echo "rampart-img: $pass passed, $fail failed"
[ $fail -eq 0 ]
