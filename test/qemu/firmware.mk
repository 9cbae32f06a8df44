# SPDX-License-Identifier: Apache-2.0
#
# Shared by the QEMU virt test firmware Makefiles (test/qemu/cfi-test/, sha2-test/, and the
# update demo test/apps/arm64/update/), which are run as `make -f DIR/Makefile BUILD=DIR O=OUT`.
# The including Makefile sets `fw` (its name, for the build log) before including this file,
# then lists its objects in `objs` and ends with `-include $(objs:.o=.d)`. BUILD is a
# configured and built qemu_virt_arm64 tree whose autoconf.h is reused; the firmware is linked
# like the bootloader by arch/arm64/arch.mk into OUT/rampart.elf and OUT/rampart.bin (run with
# -bios), unless the including Makefile sets `fw-out` (the file `all` builds, e.g. app.bin) and
# links it itself.

ifeq ($(BUILD)$(O),)
$(error set BUILD=<qemu_virt_arm64 build dir> and O=<output dir>)
endif

MAKEFLAGS += -rR --no-print-directory
srctree := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/../..)
objtree := $(abspath $(O))
build := $(abspath $(BUILD))
autoconf := $(build)/include/generated/autoconf.h
include $(build)/include/config/auto.conf

Q := @
quiet := @echo
unquote = $(patsubst "%",%,$(1))
CROSS_COMPILE ?= $(call unquote,$(CONFIG_CROSS_COMPILE))
CC := $(CROSS_COMPILE)gcc
CPP := $(CC) -E
OBJCOPY := $(CROSS_COMPILE)objcopy

.PHONY: all
all: $(objtree)/$(if $(fw-out),$(fw-out),rampart.elf)

KBUILD_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter \
	-I$(srctree)/include -include $(autoconf) -ffunction-sections -fdata-sections
KBUILD_AFLAGS := -D__ASSEMBLY__ -I$(srctree)/include -include $(autoconf)
KBUILD_LDFLAGS :=
LIBS :=
include $(srctree)/arch/arm64/arch.mk

$(objtree)/%.o: $(srctree)/%.c $(autoconf)
	@mkdir -p $(@D)
	$(quiet) "  CC      $(fw)/$*.o"
	$(Q)$(CC) $(KBUILD_CFLAGS) -MMD -MP -c -o $@ $<

$(objtree)/%.o: $(srctree)/%.S $(autoconf)
	@mkdir -p $(@D)
	$(quiet) "  AS      $(fw)/$*.o"
	$(Q)$(CC) $(KBUILD_CFLAGS) $(KBUILD_AFLAGS) -MMD -MP -c -o $@ $<
