#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
#
# test/qemu/mps2_an385.sh [BUILD_DIR]: build Rampart for mps2_an385 (in BUILD_DIR, default a
# fresh temporary directory), the sample application and rampart-img; then boot in QEMU:
# ECDSA-P256 and Ed25519 signed images run, a tampered image, an empty slot and images with
# hostile vector tables are refused (exit 3). Prints one line per check and a total.
set -u
board=mps2_an385
slot_size=0x80000
align=8
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/cortex-m-common.sh"

cm_setup "$@"
cm_build
cm_boot_signed keys/demo-ecdsa-p256.pem ecdsa-p256 demo-ecdsa-p256
cm_boot_signed keys/demo-ed25519.pem ed25519 demo-ed25519
cm_tampered
cm_empty
cm_hostile_vectors 0x10200
finish
