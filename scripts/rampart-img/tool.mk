# SPDX-License-Identifier: Apache-2.0
# rampart-img: the host tool, built from the bootloader's own image parser and crypto.
include $(srctree)/lib/crypto/host.mk
rampart-img-srcs := scripts/rampart-img/main.c scripts/rampart-img/cli.c scripts/rampart-img/cmd_keys.c scripts/rampart-img/cmd_sign.c scripts/rampart-img/cmd_verify.c scripts/rampart-img/cmd_dumpinfo.c scripts/rampart-img/keyfile.c scripts/rampart-img/fileio.c scripts/rampart-img/memflash.c boot/slots/trailer.c boot/slots/swap_type.c boot/image/mcuboot.c boot/image/tlv.c boot/image/version.c boot/policy/keys.c drivers/flash/core.c $(crypto-builtin-srcs)
rampart-img-libs := -lmbedcrypto -lcrypto
