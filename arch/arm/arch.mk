# SPDX-License-Identifier: Apache-2.0
#
# Cortex-M (armv6-m, armv7-m): freestanding Thumb code linked by arch/arm/cortex-m.lds.S at
# the board's CONFIG_BOOT_ROM_BASE / CONFIG_BOOT_RAM_BASE, plus .bin and .hex for flashing.

arch-cpu-$(CONFIG_CPU_CORTEX_M0) := -mcpu=cortex-m0
arch-cpu-$(CONFIG_CPU_CORTEX_M3) := -mcpu=cortex-m3

# -fno-tree-loop-distribute-patterns: GCC must not turn lib/libc's memcpy loop into a call to
# memcpy. -fno-delete-null-pointer-checks: address 0 is real memory (the flash, the vectors).
ARCH_CFLAGS := -mthumb $(arch-cpu-y) -Os -ffreestanding -nostdlib -fno-builtin \
	-fno-stack-protector -fno-tree-loop-distribute-patterns -fno-delete-null-pointer-checks
KBUILD_CFLAGS += $(ARCH_CFLAGS) -I$(srctree)/arch/arm/include
KBUILD_LDFLAGS += $(ARCH_CFLAGS) -nostartfiles -Wl,--gc-sections
LIBS += -lgcc

lds := $(objtree)/lds/rampart.lds

# The linker script takes the memory map from autoconf.h.
$(lds): $(srctree)/arch/arm/cortex-m.lds.S $(autoconf)
	@mkdir -p $(@D)
	$(quiet) "  LDS     $(patsubst $(objtree)/%,%,$@)"
	$(Q)$(CPP) -P -undef -x c -D__ASSEMBLY__ -include $(autoconf) -o $@ $<

# The top-level `rampart` target depends on rampart.elf only: the link also writes .bin and .hex.
$(objtree)/rampart.elf: $(lds) $(objs)
	$(quiet) "  LD      rampart.elf"
	$(Q)$(CC) $(KBUILD_LDFLAGS) -T $(lds) -Wl,-Map=$(objtree)/rampart.map -o $@ $(objs) $(LIBS)
	$(quiet) "  OBJCOPY rampart.bin rampart.hex"
	$(Q)$(OBJCOPY) -O binary $@ $(objtree)/rampart.bin
	$(Q)$(OBJCOPY) -O ihex $@ $(objtree)/rampart.hex
