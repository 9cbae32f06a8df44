# SPDX-License-Identifier: Apache-2.0
#
# Shared by the QEMU virt AArch64 tests (qemu_virt_arm64.sh, qemu_virt_arm64_mbedtls.sh,
# sha2-armv8.sh); sourced after lib.sh, not run. Uses $timeout, $work and $log.

board=qemu_virt_arm64

# virt_qemu MACHINE CPU QEMU_OPTS...: QEMU `-M MACHINE -cpu CPU` with the console on stdout
# and semihosting on, bounded by $timeout.
virt_qemu() {
	_machine=$1 _cpu=$2
	shift 2
	timeout "$timeout" qemu-system-aarch64 -M "$_machine" -cpu "$_cpu" -m 256 -nic none \
		-display none -serial stdio -monitor none \
		-semihosting-config enable=on,target=native "$@"
}

# boot NAME BUILD [IMAGE]: run BUILD's bootloader with IMAGE in image0-primary; sets log and
# status.
boot() {
	log=$work/boot-$1.log
	"$srctree/scripts/qemu-run" $board "$2" ${3:+"$3"} >"$log" 2>&1
	status=$?
}

# boot_on NAME MACHINE IMAGE [QEMU_OPTS]: as boot with $build, on `-M MACHINE` (qemu-run
# takes no machine options).
boot_on() {
	log=$work/boot-$1.log
	head -c 67108864 /dev/zero | tr '\0' '\377' >"$work/flash1.img"
	dd if="$3" of="$work/flash1.img" conv=notrunc status=none
	virt_qemu "$2" cortex-a53 -bios "$build/rampart.bin" \
		-drive if=pflash,format=raw,file="$work/flash1.img",index=1 ${4:-} >"$log" 2>&1
	status=$?
	rm -f "$work/flash1.img"
}

# build_loader: ${board}_defconfig built in $build.
build_loader() {
	log=$work/build.log
	make -C "$srctree" O="$build" ${board}_defconfig >"$log" 2>&1 &&
		make -C "$srctree" O="$build" >>"$log" 2>&1
	status=$?
	check "build: make ${board}_defconfig && make (O=$build)" status_is 0
}

# build_tools_and_app: rampart-img ($tool) and the sample application ($app/app.bin).
build_tools_and_app() {
	log=$work/tools.log
	make -C "$srctree" O="$build" tools >"$log" 2>&1
	status=$?
	check "build: make tools (rampart-img)" status_is 0
	tool=$build/tools/rampart-img

	log=$work/app.log
	app=$build/test/apps/arm64
	make -C "$srctree/test/apps/arm64" O="$app" >"$log" 2>&1
	status=$?
	check "build: sample app (test/apps/arm64)" status_is 0
}

# build_firmware NAME WHAT: the test firmware test/qemu/NAME/ into $build/test/NAME.
build_firmware() {
	log=$work/$1-build.log
	make -f "$srctree/test/qemu/$1/Makefile" BUILD="$build" O="$build/test/$1" >"$log" 2>&1
	status=$?
	check "build: $2 test firmware (test/qemu/$1)" status_is 0
}

# sign_app KEY VERSION OUT [HEADER_SIZE]: the sample app as an MCUboot image for
# image0-primary; sets log and status.
sign_app() {
	log=$work/sign-$(basename "$3").log
	"$tool" sign -k "$srctree/keys/$1" -v "$2" -H "${4:-0x200}" --pad-header -S 0x800000 \
		--align 8 "$app/app.bin" "$3" >"$log" 2>&1
	status=$?
}

# app_booted NAME VERSION [NOTE]: the boot NAME exited 0, the bootloader verified VERSION and
# the app ran.
app_booted() {
	check "boot $1${3:+ ($3)}: exit status 0" status_is 0
	check "boot $1: bootloader verified image0-primary $2" \
		has "image0-primary: image $2 verified"
	check "boot $1: app line" has "app: hello from image0-primary, version $2"
}
