# SPDX-License-Identifier: Apache-2.0
# boot/slots (image trailer, swap-type table) and lib/bootapi, on a NOR flash model.
slots-srcs := boot/slots/trailer.c boot/slots/swap_type.c drivers/flash/core.c \
	test/unit/nor_flash.c

tests += test_trailer test_bootapi
test_trailer-srcs := test/unit/test_trailer.c $(slots-srcs)
test_bootapi-srcs := test/unit/test_bootapi.c lib/bootapi/bootapi.c $(slots-srcs)
