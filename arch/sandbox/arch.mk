# SPDX-License-Identifier: Apache-2.0
# The sandbox "CPU" is the host: host compiler, host libc, a normal Linux program.
KBUILD_CFLAGS += -g -O1 -fno-omit-frame-pointer -I$(srctree)/arch/sandbox/include
ifeq ($(CONFIG_SANDBOX_SANITIZERS),y)
KBUILD_CFLAGS += -fsanitize=address,undefined -fno-sanitize-recover=all
KBUILD_LDFLAGS += -fsanitize=address,undefined
endif
ifeq ($(CONFIG_CRYPTO_MBEDTLS),y)
LIBS += -lmbedcrypto
endif

# The sandbox runs on the host, so there is no rampart.bin: rampart.elf is the program and
# ./rampart a copy of it under the name users type.
$(objtree)/rampart.elf: $(objs)
	$(quiet) "  LD      rampart.elf"
	$(Q)$(CC) $(KBUILD_LDFLAGS) -Wl,--gc-sections -Wl,-Map=$(objtree)/rampart.map -o $@ $(objs) $(LIBS)
	$(Q)cp $@ $(objtree)/rampart
