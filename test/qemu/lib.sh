# SPDX-License-Identifier: Apache-2.0
#
# Shared by every test/qemu/*.sh; sourced, not run. Sets srctree, counts results and owns the
# build and work directories:
#   setup_build "$@"       build = BUILD_DIR ($1) or a fresh directory; work = scratch space.
#                          Both are removed at exit, except a BUILD_DIR given by the caller.
#   check NAME COMMAND...  one result line for COMMAND's exit status ("PASS NAME"/"FAIL NAME");
#                          a failure also shows the end of $log unless log=/dev/null.
#   finish                 prints "N passed, M failed" as the last line and exits non-zero if
#                          any check failed.
# Predicates for check read $log (console or build output) and $status (its exit status).

srctree=$(cd "$(dirname "$0")/../.." && pwd)
passed=0 failed=0
log=/dev/null

# show_log FILE: the end of FILE, indented under the result line.
show_log() {
	tail -n 20 "$1" | sed 's/^/    | /'
}

pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() {
	failed=$((failed + 1))
	echo "FAIL $1"
	[ "$log" = /dev/null ] || show_log "$log"
}

check() {
	_name=$1
	shift
	if "$@"; then pass "$_name"; else fail "$_name"; fi
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit $?
}

# stop_if_failed: end the run now, for checks whose outputs everything after depends on.
stop_if_failed() {
	[ "$failed" -eq 0 ] || finish
}

has() { grep -qF -- "$1" "$log"; }
lacks() { ! grep -qF -- "$1" "$log"; }
have() { command -v "$1" >/dev/null; }
status_is() { [ "$status" -eq "$1" ]; }
ran_with() { status_is 0 && has "$1"; }

# check_tools TOOL...: one check per tool; missing ones fail loudly (see stop_if_missing).
check_tools() {
	for _tool; do
		check "tool available: $_tool" have "$_tool"
	done
}

stop_if_missing() {
	[ "$failed" -eq 0 ] || { echo "install them with scripts/install-deps"; finish; }
}

setup_build() {
	if [ -n "${1:-}" ]; then
		mkdir -p "$1" && build=$(cd "$1" && pwd) || exit 2
		own_build=
	else
		build=$(mktemp -d)
		own_build=1
	fi
	work=$(mktemp -d)
	trap 'rm -rf "$work"; [ -z "$own_build" ] || rm -rf "$build"' EXIT
}

# firmware_results PREFIX LABEL: a test firmware's "PREFIX: PASS|FAIL NAME" lines in $log
# become checks "LABEL: NAME"; then it must have reported something and exited 0.
firmware_results() {
	tr -d '\r' <"$log" | sed -n "s/^$1: \(PASS\|FAIL\) /\1 /p" >"$work/results"
	while read -r _verdict _name; do
		if [ "$_verdict" = PASS ]; then pass "$2: $_name"; else fail "$2: $_name"; fi
	done <"$work/results"
	check "$2: firmware reported checks" test -s "$work/results"
	check "$2: exit status 0" status_is 0
}

# byte FILE OFF: the byte at OFF, in decimal.
byte() {
	od -An -tu1 -j"$2" -N1 "$1" | tr -d ' '
}

# poke FILE OFF VALUE: overwrite one byte.
poke() {
	printf "\\$(printf %03o "$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

# poke32 FILE OFF VALUE: overwrite a little-endian word.
poke32() {
	for _i in 0 1 2 3; do
		poke "$1" $(($2 + _i)) $((($3 >> (8 * _i)) & 255))
	done
}

# flip_bits FILE OFF MASK: invert the bits of MASK in one byte.
flip_bits() {
	poke "$1" "$2" $(($(byte "$1" "$2") ^ $3))
}
