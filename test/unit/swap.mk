# SPDX-License-Identifier: Apache-2.0
# boot/slots swap-move and swap-offset (and the sector_swap.c they share) on the NOR model:
# exact contents, resume after a cut or torn operation anywhere, layout refusals. The engines
# reference the shared steps of upgrade.c and slot.c, which validate images: the parser and
# crypto come in through the host tool's sources, as for test_slots.
tests += test_swap_engines
test_swap_engines-srcs := test/unit/test_swap_engines.c boot/slots/swap_move.c \
	boot/slots/swap_offset.c boot/slots/sector_swap.c boot/slots/upgrade.c \
	boot/slots/slot.c boot/slots/status.c lib/libc/strerror.c lib/libc/printf.c \
	test/unit/nor_flash.c \
	$(filter-out scripts/rampart-img/main.c,$(rampart-img-srcs))
test_swap_engines-libs := $(rampart-img-libs)
