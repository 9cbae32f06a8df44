# SPDX-License-Identifier: Apache-2.0
#
# Shared by the Cortex-M board tests (test/qemu/mps2_an385.sh, bbc_microbit.sh); sourced after
# lib.sh, not run. The sourcing script sets `board`, `slot_size` and `align`, then calls
# cm_setup "$@", cm_build, the cm_* checks it wants, and finish. Every QEMU run is bounded by
# QEMU_TIMEOUT (default 20 s; scripts/qemu-run exits 124 on a hang).

QEMU_TIMEOUT=${QEMU_TIMEOUT:-20}
export QEMU_TIMEOUT
version=1.2.3+4

# cm_setup [BUILD_DIR]: the build directory (see setup_build).
cm_setup() {
	setup_build "$@"
	echo "# $board: build in $build"
}

# quietly LOG COMMAND...: run COMMAND with its output in $work/LOG; show the end on failure.
quietly() {
	_log=$work/$1
	shift
	if "$@" >"$_log" 2>&1; then
		return 0
	fi
	show_log "$_log"
	return 1
}

built() {
	for _f in "$@"; do
		[ -s "$_f" ] || { echo "    | missing $_f"; return 1; }
	done
}

build_loader() {
	quietly build-loader.log sh -c "cd '$srctree' && make O='$build' ${board}_defconfig &&
		make O='$build'" &&
	built "$build/rampart.elf" "$build/rampart.bin" "$build/rampart.hex" "$build/rampart.map"
}

build_app() {
	quietly build-app.log make -C "$srctree/test/apps/cortex-m" BOARD="$board" \
		O="$build/app" && built "$build/app/app.bin"
}

build_tools() {
	quietly build-tools.log sh -c "cd '$srctree' && make O='$build' tools" &&
	built "$build/tools/rampart-img"
}

# cm_build: bootloader, sample application and host tool; stops the test if one fails.
cm_build() {
	check "build: make ${board}_defconfig && make (elf, bin, hex, map)" build_loader
	grep -h '^  SIZE\|^          flash' "$work/build-loader.log" 2>/dev/null | sed 's/^ */# /'
	check "build: sample application (test/apps/cortex-m)" build_app
	check "build: make tools (rampart-img)" build_tools
	stop_if_failed
}

# sign KEY IN OUT: sign IN for this board's primary slot.
sign() {
	quietly "sign-$(basename "$3").log" "$build/tools/rampart-img" sign \
		-k "$srctree/$1" -v "$version" -H 0x200 --pad-header -S "$slot_size" \
		--align "$align" "$2" "$3"
}

# boot TAG [IMAGE]: boot in QEMU; console in $work/TAG.log, exit status in $work/TAG.rc.
boot() {
	"$srctree/scripts/qemu-run" "$board" "$build" ${2:+"$2"} >"$work/$1.log" 2>&1
	echo $? >"$work/$1.rc"
}

# exited_with TAG STATUS: the run TAG exited with STATUS.
exited_with() {
	[ "$(cat "$work/$1.rc")" = "$2" ]
}

console_has() {
	grep -qF -- "$2" "$work/$1.log"
}

# expect TAG WHAT STATUS [LINE...]: the run TAG exited with STATUS and printed each LINE.
expect() {
	_tag=$1 _what=$2 _status=$3
	shift 3
	_before=$failed
	check "$_what: exit status $_status" exited_with "$_tag" "$_status"
	for _line; do
		check "$_what: console shows \"$_line\"" console_has "$_tag" "$_line"
	done
	if [ "$failed" -ne "$_before" ]; then
		echo "    | exit status $(cat "$work/$_tag.rc"); console:"
		sed 's/^/    | /' "$work/$_tag.log"
	fi
}

# cm_boot_signed KEY ALG KEYNAME: a correctly signed application boots and runs.
cm_boot_signed() {
	_img=$work/signed-$2.bin
	check "sign the application ($2)" sign "$1" "$build/app/app.bin" "$_img" || return
	boot "$2" "$_img"
	expect "$2" "$2-signed image" 0 \
		"image0-primary: image $version verified" "$2 key '$3'" \
		"app: hello from image0-primary, version $version"
}

# cm_tampered: one payload byte flipped after signing is refused.
cm_tampered() {
	_img=$work/tampered.bin
	cp "$work/signed-ecdsa-p256.bin" "$_img"
	flip_bits "$_img" $((0x240)) 0xff
	boot tampered "$_img"
	expect tampered "tampered image" 3 "image0-primary: image refused" "no bootable image"
}

cm_empty() {
	boot empty
	expect empty "empty slot" 3 "no bootable image"
}

# cm_hostile_vectors PAYLOAD_ADDR: correctly signed images whose vector table breaks the
# handoff rules are refused by arch_handoff_prepare() (the signature is not enough).
cm_hostile_vectors() {
	_app=$build/app/app.bin
	cp "$_app" "$work/vt-outside.bin"
	poke32 "$work/vt-outside.bin" 4 $(($1 - 0x100 + 1))
	cp "$_app" "$work/vt-arm.bin"
	poke "$work/vt-arm.bin" 4 $(($(byte "$_app" 4) & 0xfe))
	cp "$_app" "$work/vt-sp.bin"
	poke "$work/vt-sp.bin" 0 $(($(byte "$_app" 0) | 2))
	for _case in outside:"reset vector outside the payload" arm:"reset vector without \
the Thumb bit" sp:"misaligned initial SP"; do
		_tag=vt-${_case%%:*}
		sign keys/demo-ecdsa-p256.pem "$work/$_tag.bin" "$work/$_tag-signed.bin" || {
			check "${_case#*:}: sign" false
			continue
		}
		boot "$_tag" "$work/$_tag-signed.bin"
		expect "$_tag" "${_case#*:}" 3 "cannot hand off"
	done
}
