# SPDX-License-Identifier: Apache-2.0
# boot/slots (image trailer, swap-type table) and lib/bootapi, on a NOR flash model.
slots-srcs := boot/slots/trailer.c boot/slots/swap_type.c drivers/flash/core.c \
	test/unit/nor_flash.c

tests += test_trailer test_bootapi
test_trailer-srcs := test/unit/test_trailer.c $(slots-srcs)
test_bootapi-srcs := test/unit/test_bootapi.c lib/bootapi/bootapi.c $(slots-srcs)

# boot/slots core (regions, trailer sectors, status records, dependency resolution); links
# the image parser and crypto through the host tool's sources, as slot.c validates images.
tests += test_slots
test_slots-srcs := test/unit/test_slots.c boot/slots/slot.c boot/slots/status.c \
	boot/slots/boot.c lib/libc/strerror.c lib/libc/printf.c test/unit/host_log.c \
	test/unit/nor_flash.c \
	$(filter-out scripts/rampart-img/main.c,$(rampart-img-srcs))
test_slots-libs := $(rampart-img-libs)
