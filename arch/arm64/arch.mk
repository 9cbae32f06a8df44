# SPDX-License-Identifier: Apache-2.0
#
# AArch64 (Cortex-A): freestanding code that runs in place from the boot ROM (flash) at
# CONFIG_BOOT_ROM_BASE with MMU and caches off; .data, .bss and the stack live in RAM at
# CONFIG_BOOT_RAM_BASE. Outputs rampart.elf, rampart.bin (raw image of the ROM) and rampart.map.

arch-cpu-$(CONFIG_CPU_CORTEX_A53) := -mcpu=cortex-a53

# -mgeneral-regs-only: our C uses no FP/SIMD registers (but see sha256_armv8.o below, and
#   Debian's libmbedcrypto.a, which does: CONFIG_FPSIMD makes start.S enable them).
# -mstrict-align: with the MMU off every access is Device memory, where unaligned accesses fault.
# -fno-tree-loop-distribute-patterns: GCC must not turn lib/libc's memcpy loop into a memcpy call.
# -fno-delete-null-pointer-checks: address 0 is real memory (the boot flash).
ARCH_CFLAGS := $(arch-cpu-y) -Os -ffreestanding -nostdlib -fno-builtin -fno-pie \
	-fno-stack-protector -mgeneral-regs-only -mstrict-align \
	-fno-tree-loop-distribute-patterns -fno-delete-null-pointer-checks \
	-fno-asynchronous-unwind-tables -fno-unwind-tables
KBUILD_CFLAGS += $(ARCH_CFLAGS) -I$(srctree)/arch/arm64/include
KBUILD_LDFLAGS += $(ARCH_CFLAGS) -static -no-pie -nostartfiles -Wl,--gc-sections \
	-Wl,--build-id=none -Wl,--no-warn-rwx-segments
# The mbedtls backend links Debian's arm64 libmbedcrypto.a, built for Linux, against the shim
# lib/crypto/mbedtls_baremetal.c (see Documentation/crypto-mbedtls-baremetal.md).
ifeq ($(CONFIG_CRYPTO_MBEDTLS),y)
mbedtls-lib := /usr/lib/aarch64-linux-gnu/libmbedcrypto.a
LIBS += $(mbedtls-lib)
endif
LIBS += -lgcc

# The ARMv8 SHA-256 code is the one object of ours that uses SIMD registers (start.S enables
# them with CONFIG_FPSIMD): no -mgeneral-regs-only, and the Cryptographic Extension on.
$(objtree)/arch/arm64/sha256_armv8.o: KBUILD_CFLAGS := \
	$(filter-out -mgeneral-regs-only,$(KBUILD_CFLAGS)) -march=armv8-a+crypto

lds := $(objtree)/lds/rampart.lds

# The linker script takes the memory map from autoconf.h.
$(lds): $(srctree)/arch/arm64/rampart.lds.S $(autoconf)
	@mkdir -p $(@D)
	$(quiet) "  LDS     $(patsubst $(objtree)/%,%,$@)"
	$(Q)$(CPP) -P -undef -x c -D__ASSEMBLY__ -include $(autoconf) -o $@ $<

# $$(objs): the object list is collected after this file is included. The elf rule also
# writes rampart.bin, because the top-level `rampart` target depends on rampart.elf only.
.SECONDEXPANSION:
$(objtree)/rampart.elf: $(lds) $$(objs) $(mbedtls-lib)
	$(quiet) "  LD      rampart.elf"
	$(Q)$(CC) $(KBUILD_LDFLAGS) -T $(lds) -Wl,-Map=$(objtree)/rampart.map -o $@ $(objs) $(LIBS)
	$(quiet) "  OBJCOPY rampart.bin"
	$(Q)$(OBJCOPY) -O binary $@ $(objtree)/rampart.bin

$(objtree)/rampart.bin: $(objtree)/rampart.elf

ifneq ($(mbedtls-lib),)
$(mbedtls-lib):
	@echo "$@ is missing: run scripts/install-deps (it installs libmbedtls-dev:arm64)" >&2
	@exit 1
endif
