# SPDX-License-Identifier: Apache-2.0
#
# The power-cut simulator (test/sim, Documentation/simulator.md): a host program built with
# ASan and UBSan from the loader's own boot/slots, boot/image, lib/bootapi and built-in
# crypto, driving every upgrade engine over a simulated flash. Included by the top-level
# Makefile (which provides the rampart-img rule, $(tool)):
#
#   make sim            reduced sweep, the table; `make check` runs it (SIM_ARGS= adds options)
#   make sim-full       every cut point and many double cuts (long: see the docs)
#   make bench-update   wear and operations of one upgrade per mode, beside MCUboot's figures
#   make sim-build      only build the simulator and its signed test images
#
# Outputs go to $(objtree)/sim/: the binary, objects, the generated keyring and images/.

sim-out := $(objtree)/sim
sim-bin := $(sim-out)/sim
sim-images := $(sim-out)/images
sim-keys := $(srctree)/keys/demo-ecdsa-p256.pem $(srctree)/keys/demo-ed25519.pem

include $(srctree)/lib/crypto/host.mk

SIM_CC ?= gcc
SIM_CFLAGS := -std=gnu11 -g -O2 -Wall -Wextra -Werror -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-I$(srctree)/include -I$(srctree) -include $(srctree)/scripts/host-config.h \
	-DSRCTREE=\"$(srctree)\" -DSIM_IMAGES_DIR=\"$(sim-images)\"
SIM_LDFLAGS := -fsanitize=address,undefined

# Every engine in boot/slots links: the simulator picks one per run (test/sim/modes.c).
sim-srcs := $(sort $(wildcard $(srctree)/test/sim/*.c)) \
	$(sort $(wildcard $(srctree)/boot/slots/*.c)) \
	$(sort $(wildcard $(srctree)/boot/image/*.c)) \
	$(addprefix $(srctree)/,boot/policy/keys.c drivers/flash/core.c lib/bootapi/bootapi.c \
		lib/libc/printf.c lib/libc/strerror.c $(crypto-builtin-srcs))
sim-objs := $(patsubst $(srctree)/%.c,$(sim-out)/obj/%.o,$(sim-srcs)) $(sim-out)/obj/keyring.o

$(sim-out)/obj/%.o: $(srctree)/%.c $(srctree)/scripts/host-config.h
	@mkdir -p $(@D)
	$(quiet) "  HOSTCC  sim/$*.o"
	$(Q)$(SIM_CC) $(SIM_CFLAGS) -MMD -MP -c -o $@ $<

# The trusted keys, generated as a board build does (host-config.h enables both algorithms).
$(sim-out)/keyring.c: $(sim-keys) $(srctree)/scripts/gen-keyring $(srctree)/scripts/host-config.h
	@mkdir -p $(@D)
	$(quiet) "  KEYS    sim/keyring.c"
	$(Q)$(srctree)/scripts/gen-keyring $(srctree)/scripts/host-config.h $(sim-keys) > $@.tmp
	$(Q)mv $@.tmp $@

$(sim-out)/obj/keyring.o: $(sim-out)/keyring.c
	@mkdir -p $(@D)
	$(Q)$(SIM_CC) $(SIM_CFLAGS) -c -o $@ $<

$(sim-bin): $(sim-objs)
	$(quiet) "  HOSTLD  sim/sim"
	$(Q)$(SIM_CC) -o $@ $(sim-objs) $(SIM_LDFLAGS)

-include $(sim-objs:.o=.d)

# Real signed images from rampart-img, one set per geometry (the simulator lists them).
$(sim-images)/stamp: $(sim-bin) $(tool) $(sim-keys)
	$(quiet) "  SIGN    sim/images"
	$(Q)rm -rf $(sim-images) && mkdir -p $(sim-images)
	$(Q)$(sim-bin) make-images $(sim-images) $(tool)
	$(Q)touch $@

.PHONY: sim sim-full sim-build bench-update sim-clean
sim-build: $(sim-bin) $(sim-images)/stamp

sim: sim-build
	$(Q)$(sim-bin) sweep --images $(sim-images) $(SIM_ARGS)

sim-full: sim-build
	$(Q)$(sim-bin) sweep --full --images $(sim-images) $(SIM_ARGS)

bench-update: sim-build
	$(Q)$(sim-bin) bench --images $(sim-images)

# `make clean` removes the simulator's outputs too.
clean: sim-clean
sim-clean:
	$(Q)rm -rf $(sim-out)
