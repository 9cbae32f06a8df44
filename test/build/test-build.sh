#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# test-build.sh WORKDIR: the build system's promises, on a scratch copy of the tree.
#  - every board builds in-tree (make <board>_defconfig && make) and leaves its outputs;
#  - savedefconfig writes a defconfig that reproduces the same .config;
#  - V=1 shows compiler command lines; help lists every board; clean/distclean clean and
#    leave the sources alone;
#  - CROSS_COMPILE on the command line overrides the architecture's default;
#  - a few randconfigs configure and build.
set -u

src=$(cd "$(dirname "$0")/../.." && pwd)
work=$1
rm -rf "$work"
mkdir -p "$work"
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

# A scratch copy of the committed and working files, without build outputs.
tree=$work/tree
mkdir -p "$tree"
(cd "$src" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$tree")
m() { make -C "$tree" "$@"; }
sources() { (cd "$tree" && find . -path ./check -prune -o -type f -print | sort); }
sources > "$work/sources.before"

for board in sandbox qemu_virt_arm64 mps2_an385 bbc_microbit; do
	if m distclean >/dev/null 2>&1 && m "${board}_defconfig" >/dev/null 2>&1 &&
	   m > "$work/$board.log" 2>&1; then
		ok "$board builds in-tree"
		grep -q "SIZE    $board: text" "$work/$board.log" && ok "$board: size summary printed" ||
			bad "$board: no size summary"
		"$src/test/build/check-outputs.sh" "$board" "$tree" > "$work/out.log" 2>&1 &&
			ok "$board: in-tree outputs present" || { bad "$board: outputs"; cat "$work/out.log"; }
	else
		bad "$board in-tree build"; tail -20 "$work/$board.log" 2>/dev/null
	fi
	rm -f "$work/config.orig" "$tree/defconfig"
	cp "$tree/.config" "$work/config.orig" &&
	m savedefconfig >/dev/null 2>&1 && cp "$tree/defconfig" "$tree/configs/rt_defconfig" &&
		m rt_defconfig >/dev/null 2>&1
	if [ -s "$work/config.orig" ] && [ -s "$tree/defconfig" ] &&
	   cmp -s <(grep -v '^#' "$work/config.orig") <(grep -v '^#' "$tree/.config"); then
		ok "$board: savedefconfig round-trips"
	else
		bad "$board: savedefconfig does not reproduce .config"
	fi
	rm -f "$tree/configs/rt_defconfig"
done

m help > "$work/help" 2>&1
missing=""
for board in sandbox qemu_virt_arm64 mps2_an385 bbc_microbit; do
	grep -q "${board}_defconfig" "$work/help" || missing="$missing $board"
done
[ -z "$missing" ] && grep -q menuconfig "$work/help" && ok "make help lists boards and targets" ||
	bad "make help (missing:$missing)"

m distclean >/dev/null 2>&1
m mps2_an385_defconfig >/dev/null 2>&1
m V=1 > "$work/v1.log" 2>&1
grep -q "arm-none-eabi-gcc .*-Werror" "$work/v1.log" && ok "V=1 shows compiler commands" ||
	bad "V=1"
m clean >/dev/null 2>&1
[ ! -e "$tree/rampart.elf" ] && [ -e "$tree/.config" ] && ok "clean keeps .config, drops outputs" ||
	bad "clean"
m CROSS_COMPILE=no-such-prefix- > "$work/cc.log" 2>&1
grep -q "no-such-prefix-gcc" "$work/cc.log" && ok "CROSS_COMPILE overrides the default" ||
	bad "CROSS_COMPILE override"
m distclean >/dev/null 2>&1
[ ! -e "$tree/.config" ] && [ ! -e "$tree/include/generated/autoconf.h" ] &&
	ok "distclean removes the configuration" || bad "distclean"
sources > "$work/sources.after"
if cmp -s "$work/sources.before" "$work/sources.after"; then
	ok "builds and distclean leave exactly the source files"
else
	bad "source tree changed by build + distclean:"; diff "$work/sources.before" "$work/sources.after" | head
fi

# menuconfig, driven through tmux as a user would: open Architecture, turn the sandbox
# sanitizers off, leave, answer Yes to "save?"; the next make must build without them.
menuconfig_test() {
	m distclean >/dev/null 2>&1
	m sandbox_defconfig >/dev/null 2>&1 || return 1
	tmux kill-session -t rampart-mc 2>/dev/null
	tmux new-session -d -s rampart-mc -x 100 -y 30 "make -C '$tree' menuconfig" || return 1
	screen_has() {
		for _ in $(seq 50); do
			tmux capture-pane -t rampart-mc -p 2>/dev/null | grep -q "$1" && return 0
			sleep 0.1
		done
		return 1
	}
	screen_has "Architecture  --->" && tmux send-keys -t rampart-mc Enter &&
	screen_has "AddressSanitizer" && tmux send-keys -t rampart-mc Down Down n &&
	screen_has "\[ \] Build the sandbox with AddressSanitizer" &&
	tmux send-keys -t rampart-mc Escape Escape && sleep 0.5 &&
	tmux send-keys -t rampart-mc Escape Escape &&
	screen_has "save your new configuration" && tmux send-keys -t rampart-mc Enter
	for _ in $(seq 50); do
		tmux has-session -t rampart-mc 2>/dev/null || break
		sleep 0.1
	done
	tmux kill-session -t rampart-mc 2>/dev/null
	grep -q "^# CONFIG_SANDBOX_SANITIZERS is not set" "$tree/.config" &&
		m > "$work/mc.log" 2>&1 &&
		! grep -q "CONFIG_SANDBOX_SANITIZERS" "$tree/include/generated/autoconf.h" &&
		! grep -q "libasan" "$tree/rampart.map"
}
menuconfig_test && ok "menuconfig edits .config and the next make follows it" || bad "menuconfig"

# randconfig: each random configuration must configure and build, or be refused by the
# link because it does not fit the board's boot area (e.g. both signature algorithms on
# the 16 KiB bbc_microbit) -- a clear message, never a compiler warning or undefined symbol.
for seed in 1 2 3 4 5 6 7 8; do
	m distclean >/dev/null 2>&1
	KCONFIG_SEED=$seed m randconfig >/dev/null 2>&1
	b=$(sed -n 's/^CONFIG_BOARD="\(.*\)"/\1/p' "$tree/.config")
	if m > "$work/rand.log" 2>&1; then
		ok "randconfig seed $seed builds ($b)"
	elif grep -q "region .* overflowed" "$work/rand.log" &&
	     ! grep -q "undefined reference\|warning:" "$work/rand.log"; then
		ok "randconfig seed $seed ($b) refused by the link: does not fit the boot area"
	else
		bad "randconfig seed $seed ($b)"
		tail -5 "$work/rand.log"
	fi
done

echo "build system: $pass passed, $fail failed"
[ $fail -eq 0 ]
