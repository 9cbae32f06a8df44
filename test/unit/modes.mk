# SPDX-License-Identifier: Apache-2.0
# boot/slots engines that do not swap: overwrite (+fast), direct-XIP (+revert), RAM-load
# (+revert), through boot_go() on the NOR model with power cuts. The images are signed at
# set-up time by the host tool's own code, linked in (everything but its main()).
include $(srctree)/scripts/rampart-img/tool.mk

tests += test_upgrade_modes
test_upgrade_modes-srcs := test/unit/test_upgrade_modes.c boot/slots/overwrite.c \
	boot/slots/direct_xip.c boot/slots/ram_load.c boot/slots/choose.c boot/slots/slot.c \
	boot/slots/boot.c lib/bootapi/bootapi.c lib/libc/strerror.c lib/libc/printf.c \
	drivers/flash/ram.c test/unit/nor_flash.c \
	$(filter-out scripts/rampart-img/main.c,$(rampart-img-srcs))
test_upgrade_modes-libs := $(rampart-img-libs)
