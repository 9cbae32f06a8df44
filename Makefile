# SPDX-License-Identifier: Apache-2.0
#
# Rampart top-level Makefile, kbuild style.
#
#   make <board>_defconfig     configure for a board (configs/)
#   make menuconfig            edit the configuration
#   make                       build the bootloader for the configured board
#   make O=DIR ...             put every output in DIR (the source tree stays clean)
#   make help                  everything else

RAMPART_VERSION := 0.1.0

MAKEFLAGS += -rR --no-print-directory
.SUFFIXES:

srctree := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
# Like kbuild, O= counts only on the command line: a make that runs tests (make check O=...)
# exports it to its children, whose builds choose their own.
ifeq ($(origin O),command line)
objtree := $(abspath $(O))
$(shell mkdir -p $(objtree))
else
objtree := $(srctree)
endif
export srctree objtree

ifeq ($(V),1)
Q :=
quiet = @:
else
Q := @
quiet = @echo
endif
export Q

KCONFIG_CONFIG := $(objtree)/.config
export KCONFIG_CONFIG
CONF := kconfig-conf
MCONF := kconfig-mconf
# kconfig-conf reads Kconfig from the source tree and writes include/config and
# include/generated relative to its working directory: run it in the object tree.
kconfig = cd $(objtree) && mkdir -p include/config include/generated && \
	srctree=$(srctree) $(1) $(srctree)/Kconfig

HOSTCC ?= gcc
HOST_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -I$(srctree)/include -I$(srctree) \
	-include $(srctree)/scripts/host-config.h
# make tools HOST_SANITIZE=1: the host tool with ASan and UBSan (make check uses this).
ifeq ($(HOST_SANITIZE),1)
HOST_CFLAGS += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
endif

# Targets that need no configuration.
no-config-targets := %_defconfig menuconfig help clean distclean mrproper tools check \
	check-unit check-ct fuzz fuzz-build fuzz-clean check-tools install-deps demo randconfig savedefconfig olddefconfig \
	oldconfig allnoconfig alldefconfig size-report bench bench-crypto sim sim-full sim-build bench-update

config-targets := $(filter %config,$(MAKECMDGOALS))

.PHONY: all
all: rampart

# ---------------------------------------------------------------------------------------
# Configuration

%_defconfig: $(srctree)/configs/%_defconfig
	$(Q)$(call kconfig,$(CONF) --defconfig=$<)
	$(Q)$(call kconfig,$(CONF) --silentoldconfig) >/dev/null
	@echo "  CONFIG  $(notdir $<) -> $(KCONFIG_CONFIG)"

$(srctree)/configs/%_defconfig:
	@echo "no such board configuration: configs/$*_defconfig (see 'make help')" >&2; exit 1

.PHONY: menuconfig olddefconfig oldconfig savedefconfig randconfig allnoconfig alldefconfig
menuconfig:
	$(Q)$(call kconfig,$(MCONF))

olddefconfig oldconfig:
	$(Q)$(call kconfig,$(CONF) --olddefconfig)

savedefconfig:
	$(Q)$(call kconfig,$(CONF) --savedefconfig=$(objtree)/defconfig)
	@echo "  SAVE    $(objtree)/defconfig"

randconfig allnoconfig alldefconfig:
	$(Q)$(call kconfig,$(CONF) --$@)

# ---------------------------------------------------------------------------------------
# Build (needs a configuration)

ifeq ($(filter $(no-config-targets),$(MAKECMDGOALS)),)
need-config := 1
endif
ifeq ($(MAKECMDGOALS),)
need-config := 1
endif

ifeq ($(need-config),1)
ifeq ($(wildcard $(KCONFIG_CONFIG)),)
$(error $(KCONFIG_CONFIG) not found: run 'make <board>_defconfig' first (see 'make help'))
endif
-include $(objtree)/include/config/auto.conf
endif

autoconf := $(objtree)/include/generated/autoconf.h
# A changed Kconfig file (new options after a git pull) brings .config up to date with the
# new defaults before the headers are regenerated, as kbuild's syncconfig does.
kconfig-files := $(wildcard $(srctree)/Kconfig $(srctree)/*/Kconfig $(srctree)/*/*/Kconfig \
	$(srctree)/boards/*/*/Kconfig)
$(objtree)/include/config/auto.conf $(autoconf): $(KCONFIG_CONFIG) $(kconfig-files)
	$(Q)$(call kconfig,$(CONF) --olddefconfig) >/dev/null
	$(Q)$(call kconfig,$(CONF) --silentoldconfig) >/dev/null

unquote = $(subst ",,$(1))
ARCH := $(call unquote,$(CONFIG_ARCH))
BOARD := $(call unquote,$(CONFIG_BOARD))
BOARD_DIR := boards/$(call unquote,$(CONFIG_BOARD_DIR))
ifeq ($(origin CROSS_COMPILE),undefined)
CROSS_COMPILE := $(call unquote,$(CONFIG_CROSS_COMPILE))
endif

CC := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy
SIZE := $(CROSS_COMPILE)size
CPP := $(CC) -E

KBUILD_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter \
	-I$(srctree)/include -I$(objtree)/include -include $(autoconf) \
	-DRAMPART_VERSION=\"$(RAMPART_VERSION)\" -ffunction-sections -fdata-sections
KBUILD_AFLAGS := -D__ASSEMBLY__ -I$(srctree)/include -I$(objtree)/include -include $(autoconf)
KBUILD_LDFLAGS :=
LIBS :=

# kbuild-style object lists: each directory's Makefile appends to obj-y; an entry ending
# in '/' descends into that directory.
define collect
$(eval obj-y :=)
$(eval include $(srctree)/$(1)Makefile)
$(eval _objs := $(obj-y))
$(eval objs += $(addprefix $(1),$(filter-out %/,$(_objs))))
$(foreach d,$(filter %/,$(_objs)),$(call collect,$(1)$(d)))
endef

objs :=
ifneq ($(ARCH),)
$(foreach d,arch/$(ARCH)/ $(BOARD_DIR)/ boot/ lib/ drivers/,$(call collect,$(d)))
endif
# An object several options ask for is linked once (first place wins).
uniq = $(if $(1),$(firstword $(1)) $(call uniq,$(filter-out $(firstword $(1)),$(1))))
objs := $(addprefix $(objtree)/,$(call uniq,$(objs))) $(objtree)/generated/keyring.o

# The architecture adds its flags, linker script and the rule for rampart.elf
# (arch/<arch>/arch.mk); included after `objs` so its link rule can name them.
ifneq ($(ARCH),)
include $(srctree)/arch/$(ARCH)/arch.mk
endif

$(objtree)/%.o: $(srctree)/%.c $(autoconf)
	@mkdir -p $(@D)
	$(quiet) "  CC      $(patsubst $(objtree)/%,%,$@)"
	$(Q)$(CC) $(KBUILD_CFLAGS) -MMD -MP -c -o $@ $<

$(objtree)/%.o: $(srctree)/%.S $(autoconf)
	@mkdir -p $(@D)
	$(quiet) "  AS      $(patsubst $(objtree)/%,%,$@)"
	$(Q)$(CC) $(KBUILD_CFLAGS) $(KBUILD_AFLAGS) -MMD -MP -c -o $@ $<

$(objtree)/generated/%.o: $(objtree)/generated/%.c $(autoconf)
	$(quiet) "  CC      $(patsubst $(objtree)/%,%,$@)"
	$(Q)$(CC) $(KBUILD_CFLAGS) -c -o $@ $<

-include $(objs:.o=.d)

# Trusted keys: only the public halves of the PEM files are embedded.
key-files := $(foreach k,$(call unquote,$(CONFIG_BOOT_SIGNATURE_KEY_FILE)),\
	$(if $(filter /%,$(k)),$(k),$(srctree)/$(k)))
$(objtree)/generated/keyring.c: $(key-files) $(srctree)/scripts/gen-keyring $(KCONFIG_CONFIG)
	@mkdir -p $(@D)
	$(quiet) "  KEYS    $(notdir $(key-files))"
	$(Q)$(srctree)/scripts/gen-keyring $(autoconf) $(key-files) > $@.tmp && mv $@.tmp $@

.PHONY: rampart
rampart: $(objtree)/rampart.elf
	$(Q)$(srctree)/scripts/size-summary "$(SIZE)" $(objtree) $(BOARD)

# ---------------------------------------------------------------------------------------
# Host tool

-include $(srctree)/scripts/rampart-img/tool.mk
tool := $(objtree)/tools/rampart-img

.PHONY: tools
tools: $(tool)

$(tool): $(addprefix $(srctree)/,$(rampart-img-srcs)) $(wildcard $(srctree)/include/rampart/*.h)
	@mkdir -p $(@D)
	$(quiet) "  HOSTCC  tools/rampart-img"
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -o $@ $(addprefix $(srctree)/,$(rampart-img-srcs)) \
		$(rampart-img-libs)

# ---------------------------------------------------------------------------------------
# Tests, demo, housekeeping

include $(srctree)/test/unit/Makefile
include $(srctree)/test/ct/Makefile
include $(srctree)/test/fuzz/Makefile
include $(srctree)/test/sim/sim.mk

.PHONY: install-deps check check-tools demo size-report bench bench-crypto
install-deps:
	$(Q)$(srctree)/scripts/install-deps

check: install-deps
	$(Q)$(srctree)/test/run-all $(objtree)

check-tools: $(tool)
	$(Q)$(srctree)/test/tools/test-rampart-img.sh $(tool)

demo: install-deps
	$(Q)$(srctree)/scripts/demo $(objtree)

size-report:
	$(Q)$(srctree)/scripts/size-report $(objtree)

bench: bench-crypto
bench-crypto:
	$(Q)$(srctree)/scripts/bench-crypto $(objtree) "$(crypto-builtin-srcs)"

.PHONY: clean distclean mrproper
clean:
	$(Q)rm -rf $(objtree)/rampart $(objtree)/rampart.* $(objtree)/generated \
		$(objtree)/tools $(objtree)/unit-tests $(objtree)/lds
	$(Q)find $(objtree)/arch $(objtree)/boards $(objtree)/boot $(objtree)/lib \
		$(objtree)/drivers -name '*.[od]' -delete 2>/dev/null || true

distclean mrproper: clean
	$(Q)rm -rf $(objtree)/.config $(objtree)/.config.old $(objtree)/include/config \
		$(objtree)/include/generated $(objtree)/defconfig $(objtree)/build-*

.PHONY: help
help:
	@echo "Rampart $(RAMPART_VERSION) - build targets"
	@echo ""
	@echo "Configuration:"
	@echo "  <board>_defconfig  - configure for a board; one of:"
	@for f in $(sort $(notdir $(wildcard $(srctree)/configs/*_defconfig))); do \
		echo "                       $$f"; done
	@echo "  menuconfig         - edit the configuration in a menu"
	@echo "  olddefconfig       - update .config, new options at their defaults"
	@echo "  savedefconfig      - write the minimal ./defconfig for this .config"
	@echo "  randconfig         - a random configuration (for build testing)"
	@echo ""
	@echo "Build:"
	@echo "  all (default)      - rampart.elf, rampart.bin (+ rampart.hex on MCUs), map"
	@echo "                       and size summary; sandbox also leaves ./rampart"
	@echo "  tools              - the host tool tools/rampart-img"
	@echo "  clean              - remove build outputs, keep the configuration"
	@echo "  distclean          - remove everything generated"
	@echo ""
	@echo "Test and demo:"
	@echo "  demo               - sign and boot a sample app on qemu_virt_arm64, then show"
	@echo "                       a tampered copy refused (installs Debian packages)"
	@echo "  check              - build every board and run all tests (installs packages)"
	@echo "  check-unit         - host unit tests only (ASan/UBSan)"
	@echo "  check-ct           - constant-time tests of the secret-handling crypto (valgrind)"
	@echo "  fuzz               - run every libFuzzer harness (FUZZ_SECONDS=60 each; see"
	@echo "                       test/fuzz/README.md)"
	@echo "  size-report        - build every board and print the size table"
	@echo "  bench-crypto       - crypto instruction counts (built-in vs mbedtls) and code sizes"
	@echo "  sim                - power-cut simulator, reduced sweep: every upgrade mode x"
	@echo "                       geometry x scenario (see Documentation/simulator.md)"
	@echo "  sim-full           - the simulator's full sweep (every cut point; long)"
	@echo "  bench-update       - flash wear and operations per upgrade and mode, beside"
	@echo "                       MCUboot's figures"
	@echo "  install-deps       - install the Debian packages the build and tests need"
	@echo ""
	@echo "Options: O=DIR (out-of-tree), V=1 (show commands), CROSS_COMPILE=prefix"
