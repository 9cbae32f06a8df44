# SPDX-License-Identifier: Apache-2.0
#
# AArch64 (Cortex-A): freestanding code that runs in place from the boot ROM (flash) at
# CONFIG_BOOT_ROM_BASE with MMU and caches off; .data, .bss and the stack live in RAM at
# CONFIG_BOOT_RAM_BASE. Outputs rampart.elf, rampart.bin (raw image of the ROM) and rampart.map.

arch-cpu-$(CONFIG_CPU_CORTEX_A53) := -mcpu=cortex-a53

# -mgeneral-regs-only: no FP/SIMD, so nothing needs CPACR set up before C runs.
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
LIBS += -lgcc

lds := $(objtree)/lds/rampart.lds

# The linker script takes the memory map from autoconf.h.
$(lds): $(srctree)/arch/arm64/rampart.lds.S $(autoconf)
	@mkdir -p $(@D)
	$(quiet) "  LDS     $(patsubst $(objtree)/%,%,$@)"
	$(Q)$(CPP) -P -undef -x c -D__ASSEMBLY__ -include $(autoconf) -o $@ $<

# $$(objs): the object list is collected after this file is included. The elf rule also
# writes rampart.bin, because the top-level `rampart` target depends on rampart.elf only.
.SECONDEXPANSION:
$(objtree)/rampart.elf: $(lds) $$(objs)
	$(quiet) "  LD      rampart.elf"
	$(Q)$(CC) $(KBUILD_LDFLAGS) -T $(lds) -Wl,-Map=$(objtree)/rampart.map -o $@ $(objs) $(LIBS)
	$(quiet) "  OBJCOPY rampart.bin"
	$(Q)$(OBJCOPY) -O binary $@ $(objtree)/rampart.bin

$(objtree)/rampart.bin: $(objtree)/rampart.elf
