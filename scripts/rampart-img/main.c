// SPDX-License-Identifier: Apache-2.0
/* rampart-img: the host tool for MCUboot images (see cli.c for the commands). */
#include "rimg.h"

int main(int argc, char **argv)
{
	return rimg_main(argc, argv);
}
