// SPDX-License-Identifier: Apache-2.0
/*
 * The simulator's command line (Documentation/simulator.md):
 *
 *   sim sweep [--full] [--jobs N] [--mode M] [--geometry G] [--scenario S]
 *   sim replay MODE GEOMETRY SCENARIO [CUT[,CUT]] [-v | -vv]
 *   sim bench
 *   sim list
 *   sim make-images DIR RAMPART-IMG
 *
 * --images DIR (any command) reads the images from DIR instead of the build's directory.
 * A CUT is OPb (before operation OP), OPa (after it) or OPtSEED (torn, SEED picks how).
 * Exit status: 0 all passed, 1 a failure, 2 usage or set-up error.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim.h"

#ifndef SIM_IMAGES_DIR
#define SIM_IMAGES_DIR "sim-images"
#endif

const char *sim_prog = "sim";

static const char usage[] =
	"Usage: sim sweep [--full] [--jobs N] [--mode M] [--geometry G] [--scenario S]\n"
	"       sim replay MODE GEOMETRY SCENARIO [CUT[,CUT...]|none] [-v|-vv]\n"
	"       sim bench\n"
	"       sim list\n"
	"       sim make-images DIR RAMPART-IMG\n"
	"Common option: --images DIR (default " SIM_IMAGES_DIR ")\n"
	"CUT: OPb (power fails before flash operation OP), OPa (after it), OPtSEED (torn)\n";

static int list(void)
{
	printf("modes:");
	for (unsigned int i = 0; i < sim_nr_modes; i++)
		printf(" %s", sim_modes[i].engine->name);
	printf("\ngeometries:\n");
	for (unsigned int i = 0; i < sim_nr_layouts; i++)
		printf("  %-18s %s%s\n", sim_layouts[i].name, sim_layouts[i].what,
		       sim_layouts[i].sweep ? "" : " (bench only)");
	printf("scenarios:");
	for (unsigned int i = 0; i < sim_nr_scenarios; i++)
		printf(" %s", sim_scenarios[i].name);
	printf("\n");
	return 0;
}

static int parse_cuts(char *arg, struct sim_cut *cuts, unsigned int *n)
{
	*n = 0;
	if (!strcmp(arg, "none"))
		return 0;
	for (char *tok = strtok(arg, ","); tok; tok = strtok(NULL, ",")) {
		if (*n == SIMFLASH_MAX_CUTS || sim_cut_parse(tok, &cuts[*n]) ||
		    (*n && cuts[*n].op <= cuts[*n - 1].op)) {
			fprintf(stderr, "sim: bad cut list (ascending OPb, OPa or OPtSEED): %s\n",
				tok);
			return -1;
		}
		(*n)++;
	}
	return 0;
}

static void print_map(const struct sim_system *sys)
{
	const struct flash_area *fa[] = {
		&sys->area[0][0], &sys->area[0][1], &sys->area[1][0], &sys->area[1][1],
		&sys->scratch,
	};

	printf("%s on %s: %s\n", sys->mode->engine->name, sys->layout->name, sys->layout->what);
	for (unsigned int i = 0; i < sizeof(fa) / sizeof(fa[0]); i++)
		if (fa[i]->size)
			printf("  %-17s 0x%07x..0x%07x\n", fa[i]->name, fa[i]->off,
			       fa[i]->off + fa[i]->size);
}

static int replay(int argc, char **argv, const char *images, int verbose)
{
	const struct sim_mode *m;
	const struct sim_layout *l;
	const struct sim_scenario *s;
	struct sim_cut cuts[SIMFLASH_MAX_CUTS];
	unsigned int n = 0;
	struct sim_image_set imgs;
	struct sim_system *sys;
	struct sim_result res;

	if (argc < 3 || argc > 4) {
		fputs(usage, stderr);
		return 2;
	}
	m = sim_mode_find(argv[0]);
	l = sim_layout_find(argv[1]);
	s = sim_scenario_find(argv[2]);
	if (!m || !l || !s) {
		fprintf(stderr, "sim: unknown %s (sim list names them)\n",
			!m ? "mode" : !l ? "geometry" : "scenario");
		return 2;
	}
	if ((argc == 4 && parse_cuts(argv[3], cuts, &n)) || sim_images_load(images, l, &imgs))
		return 2;
	sys = calloc(1, sizeof(*sys));
	if (!sys || sim_system_init(sys, m, l, &imgs))
		return 2;
	if (verbose)
		print_map(sys);
	sim_run(sys, s, cuts, n, false, verbose, &res);
	printf("%s: %u operations, %u boots\n%s", res.failed ? "FAIL" : "ok", res.ops, res.boots,
	       res.failed ? res.why : "");
	sim_system_free(sys);
	free(sys);
	sim_images_free(&imgs);
	return res.failed;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "full", no_argument, NULL, 'f' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "mode", required_argument, NULL, 'm' },
		{ "geometry", required_argument, NULL, 'g' },
		{ "scenario", required_argument, NULL, 's' },
		{ "images", required_argument, NULL, 'i' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct sim_sweep_opts o = { .images = SIM_IMAGES_DIR };
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int c, verbose = 0;

	sim_prog = argv[0];
	o.jobs = cpus > 0 ? (unsigned int)cpus : 1;
	while ((c = getopt_long(argc, argv, "fj:m:g:s:i:vh", opts, NULL)) != -1) {
		switch (c) {
		case 'f': o.full = true; break;
		case 'j': o.jobs = (unsigned int)atoi(optarg); break;
		case 'm': o.only_mode = optarg; break;
		case 'g': o.only_layout = optarg; break;
		case 's': o.only_scenario = optarg; break;
		case 'i': o.images = optarg; break;
		case 'v': verbose++; break;
		case 'h': fputs(usage, stdout); return 0;
		default: fputs(usage, stderr); return 2;
		}
	}
	argc -= optind;
	argv += optind;
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 1 && !strcmp(argv[0], "sweep") && argc == 1)
		return sim_sweep(&o);
	if (argc >= 1 && !strcmp(argv[0], "replay"))
		return replay(argc - 1, argv + 1, o.images, verbose);
	if (argc == 1 && !strcmp(argv[0], "bench"))
		return sim_bench(o.images);
	if (argc == 1 && !strcmp(argv[0], "list"))
		return list();
	if (argc == 3 && !strcmp(argv[0], "make-images"))
		return sim_images_make(argv[1], argv[2], SRCTREE) ? 2 : 0;
	fputs(usage, stderr);
	return 2;
}
