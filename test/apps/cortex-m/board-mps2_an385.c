// SPDX-License-Identifier: Apache-2.0
/* The sample application's console on mps2_an385: CMSDK UART0, 25 MHz, 115200 baud. */
#include <rampart/serial.h>

const struct serial_dev app_uart = {
	.name = "uart0",
	.ops = &cmsdk_uart_ops,
	.base = 0x40004000,
	.clock_hz = 25000000,
	.baud = 115200,
};
