// SPDX-License-Identifier: Apache-2.0
/* The sample application's console on bbc_microbit: nRF51 UART0 on P0.24/P0.25, 115200. */
#include <rampart/serial.h>

static const struct nrf51_uart_pins pins = { .txd = 24, .rxd = 25 };

const struct serial_dev app_uart = {
	.name = "uart0",
	.ops = &nrf51_uart_ops,
	.base = 0x40002000,
	.baud = 115200,
	.priv = (void *)&pins,
};
