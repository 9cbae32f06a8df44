#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# check-outputs.sh BOARD DIR: the build left the outputs the board promises.
set -u
board=$1 dir=$2 pass=0 fail=0
check() { if [ -e "$dir/$1" ]; then pass=$((pass + 1)); echo "ok   $board: $1"; \
	else fail=$((fail + 1)); echo "FAIL $board: $1 missing"; fi; }
check rampart.elf
check rampart.map
check include/generated/autoconf.h
case $board in
sandbox) check rampart ;;
qemu_virt_arm64) check rampart.bin ;;
*) check rampart.bin; check rampart.hex ;;
esac
echo "outputs: $pass passed, $fail failed"
[ $fail -eq 0 ]
