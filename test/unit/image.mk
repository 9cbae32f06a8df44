# SPDX-License-Identifier: Apache-2.0
# boot/image (MCUboot parser), boot/policy/keys.c and the rampart-img tool they share.
# The test binary links the tool's code (everything but its main()) and, when started under
# the name rampart-img, runs as the tool: that is how it drives gen-hostile.sh.
include $(srctree)/scripts/rampart-img/tool.mk

tests += test_mcuboot
test_mcuboot-srcs := test/unit/test_mcuboot.c \
	$(filter-out scripts/rampart-img/main.c,$(rampart-img-srcs))
test_mcuboot-libs := $(rampart-img-libs)
