/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The power-cut simulator (test/sim, Documentation/simulator.md): drives boot_go() and
 * lib/bootapi over simflash through every upgrade scenario, cutting power at chosen flash
 * operations, and checks each boot against a model of what the state machine promises.
 *
 *   modes.c      the engines under test: one table, one line per engine
 *   layouts.c    device geometries and flash maps
 *   images.c     the signed test images (made by rampart-img) and their payloads
 *   system.c     a simulated system: flash, RAM, flash map, boot_env; the DFU client
 *   run.c        one case: a scenario under one cut plan, and the oracle
 *   simflash.c   the flash device: NOR rules, wear, power cuts
 *   log.c        the loader's log
 *   sweep.c      cut-point sampling, parallel workers, the table
 *   bench.c      make bench-update: wear and operations per upgrade
 *   main.c       command line
 */
#ifndef SIM_SIM_H
#define SIM_SIM_H

#include <stdbool.h>
#include <stdint.h>

#include <rampart/slots.h>

#include "simflash.h"

#define SIM_MAX_PAIRS 2

/* --- modes.c ---------------------------------------------------------------------------- */

/* How a mode runs images, which decides where the oracle looks for them. */
enum sim_kind {
	SIM_KIND_SWAP,		/* exchange into the primary (scratch, move, offset) */
	SIM_KIND_OVERWRITE,	/* copy over the primary; the old image is not kept */
	SIM_KIND_XIP,		/* run in place from either slot */
	SIM_KIND_RAM,		/* copy either slot to RAM and run there */
};

struct sim_mode {
	const struct upgrade_engine *engine;
	enum sim_kind kind;
	unsigned int mcuboot_ops;	/* MCUboot's published figure for bench-update, 0: none */
};

extern const struct sim_mode sim_modes[];
extern const unsigned int sim_nr_modes;

const struct sim_mode *sim_mode_find(const char *name);

/* --- layouts.c -------------------------------------------------------------------------- */

struct sim_range {
	uint32_t off, size;
};

struct sim_layout {
	const char *name;		/* "nrf52-4k-w4": the table's geometry column */
	const char *what;		/* one line: what part it models */
	uint32_t dev_size;
	uint32_t sector_size;		/* uniform sectors, or 0 with runs */
	const struct flash_sector_run *runs;
	uint8_t nr_runs;
	uint8_t write_size;
	uint8_t erased;
	bool ecc;			/* torn units read back as -EIO */
	struct sim_range slot[SIM_MAX_PAIRS][2];	/* [pair][primary, secondary] */
	struct sim_range scratch;
	uint32_t max_sectors;		/* env->max_sectors and rampart-img -M */
	uint32_t payload;		/* payload bytes of each test image */
	uint32_t buf_len;		/* env->buf_len: the engines' copy buffer */
	bool sweep;			/* part of the sweep (the bench layout is not) */
};

extern const struct sim_layout sim_layouts[];
extern const unsigned int sim_nr_layouts;

const struct sim_layout *sim_layout_find(const char *name);

/* --- images.c --------------------------------------------------------------------------- */

/* The test images of a layout. A and B are image numbers 0 and 1. */
enum sim_image_id {
	SIM_IMG_A1,		/* image 0, 1.0.0 */
	SIM_IMG_A2,		/* image 0, 2.0.0 */
	SIM_IMG_A2_DEP,		/* image 0, 2.0.0, needs image 1 >= 2.0.0 */
	SIM_IMG_B1,		/* image 1, 1.0.0 */
	SIM_IMG_B2_DEP,		/* image 1, 2.0.0, needs image 0 >= 2.0.0 */
	SIM_NR_IMAGES
};

struct sim_image {
	uint8_t *data;
	uint32_t len;
	struct image_version version;
};

/* How an image is built: for the copying modes, for RAM-load, or linked for its slot. */
enum sim_variant {
	SIM_VAR_PLAIN,
	SIM_VAR_RAM,		/* RAM_LOAD flag, load address SIM_RAM_ADDR */
	SIM_VAR_XIP,		/* ROM_FIXED flag, the CPU address of the slot it is written to */
	SIM_NR_VARIANTS
};

struct sim_image_set {
	struct sim_image img[SIM_NR_VARIANTS][SIM_NR_IMAGES];
};

#define SIM_RAM_ADDR 0x20000000u	/* RAM-load window (RAM of one slot's size) */
#define SIM_FLASH_ADDR 0x10000000u	/* where the flash device is mapped for XIP */

/*
 * sim_images_make() - write every layout's payloads and sign them with @tool (rampart-img)
 * into @dir, as make does at build time. Returns 0 or -1 (message printed).
 */
int sim_images_make(const char *dir, const char *tool, const char *srctree);

/* sim_images_load() - read @layout's images from @dir. 0 or -1 (message printed). */
int sim_images_load(const char *dir, const struct sim_layout *layout, struct sim_image_set *s);
void sim_images_free(struct sim_image_set *s);

const char *sim_image_name(enum sim_image_id id);

/* --- run.c ------------------------------------------------------------------------------ */

struct sim_scenario {
	const char *name;
	unsigned int nr_pairs;
	struct {
		enum sim_image_id old_img, new_img;
		bool permanent;		/* request a permanent upgrade, else a test */
		bool confirm;		/* the new image confirms itself when it runs */
		bool needs_other;	/* the new image needs the other pair's new image */
	} pair[SIM_MAX_PAIRS];
};

extern const struct sim_scenario sim_scenarios[];
extern const unsigned int sim_nr_scenarios;

const struct sim_scenario *sim_scenario_find(const char *name);

/* One simulated system: the flash, RAM, flash map and boot environment of a layout. */
struct sim_system {
	const struct sim_mode *mode;
	const struct sim_layout *layout;
	const struct sim_image_set *images;
	struct simflash flash;
	struct simflash ram;
	struct flash_area area[SIM_MAX_PAIRS][2];
	struct flash_area scratch;
	struct flash_area ram_area;
	struct boot_pair pairs[SIM_MAX_PAIRS];
	struct boot_env env;
	uint32_t op_limit;		/* operations before a run is a runaway (0: default) */
	uint8_t buf[4096];
};

/* sim_system_init() - build @sys for @mode on @layout. 0 or -1 (message printed). */
int sim_system_init(struct sim_system *sys, const struct sim_mode *mode,
		    const struct sim_layout *layout, const struct sim_image_set *images);
void sim_system_free(struct sim_system *sys);

/* sim_image_of() - image @id as @sys's mode needs it built (plain, RAM-load or XIP). */
const struct sim_image *sim_image_of(const struct sim_system *sys, enum sim_image_id id);

/* sim_dfu_offset() - where a DFU client writes pair @pair's update: S for swap-offset. */
uint32_t sim_dfu_offset(const struct sim_system *sys, unsigned int pair);

/* sim_holds() - does @fa hold @img bit for bit at @off? */
bool sim_holds(const struct flash_area *fa, uint32_t off, const struct sim_image *img);

/* sim_install() - erase @fa and write @img at @off, as a programmer does. 0 or -errno. */
int sim_install(const struct flash_area *fa, uint32_t off, const struct sim_image *img);

/*
 * sim_dfu_write() - the DFU client's download of @img into pair @p's secondary:
 * bootapi_write_image() (offset 0), or for swap-offset an erase and a write one sector in,
 * which lib/bootapi cannot do. 0 or -errno.
 */
int sim_dfu_write(const struct sim_system *sys, unsigned int p, const struct sim_image *img);

/* sim_trailer_str() - "NAME: magic good, image_ok set (0x01), ..." for logs and failures. */
void sim_trailer_str(const struct flash_area *fa, char *buf, size_t len);

/*
 * sim_system_usable() - can @sys run @scn at all? NULL if so, else why not ("layout refused
 * by the engine", set in @why): a mode's documented constraint, shown as n/a in the table.
 * A test image that does not fit the engine's capacity is the simulator's own error and is
 * reported as a failure by sim_run().
 */
const char *sim_system_usable(struct sim_system *sys, const struct sim_scenario *scn,
			      char *why, unsigned int len);

#define SIM_VERBOSE_BOOTS 1	/* each boot, its log, trailers after it */
#define SIM_VERBOSE_OPS 2	/* and every flash operation */

#define SIM_BOOT_LIMIT 16		/* boots before a run counts as never settling */

struct sim_result {
	uint32_t ops;			/* operations of the whole run (cut ones included) */
	unsigned int boots;		/* boot_go() calls, cut ones included */
	uint32_t boot_op0[SIM_BOOT_LIMIT + 1];	/* operations done before each boot ... */
	uint32_t app_op0[SIM_BOOT_LIMIT + 1];	/* ... and before its application ran */
	uint32_t recovery_ops;		/* operations after the first cut */
	bool failed;
	char why[1536];			/* what was expected and what was seen */
};

/*
 * sim_run() - run @scn on @sys from a fresh device (old images confirmed in the primaries,
 * new ones written and requested as a DFU client would, outside the cut window), cutting
 * power as @cuts say, rebooting until the bootloader settles, and checking every boot.
 * @trace: record every operation of the window into sys->flash.trace. Returns with @res
 * filled (res->failed and res->why on any failure).
 */
void sim_run(struct sim_system *sys, const struct sim_scenario *scn, const struct sim_cut *cuts,
	     unsigned int nr_cuts, bool trace, int verbose, struct sim_result *res);

/* --- sweep.c / bench.c / main.c --------------------------------------------------------- */

/* How this program was started (argv[0]), for the replay commands in failure reports. */
extern const char *sim_prog;

struct sim_sweep_opts {
	bool full;			/* every cut point, else a deterministic sample */
	unsigned int jobs;		/* worker processes */
	const char *images;		/* image directory */
	const char *only_mode, *only_layout, *only_scenario;
};

/* Run the sweep and print the table. Returns the process exit code. */
int sim_sweep(const struct sim_sweep_opts *o);

/* make bench-update: the table of wear and operations per upgrade. Exit code. */
int sim_bench(const char *images);

/* --- log.c ------------------------------------------------------------------------------ */

/* The bootloader's log: kept for failure reports, printed live when @echo is set. */
void sim_log_reset(bool echo);
/* Call @hook(@arg) once more than @max_lines lines were logged (a loader stuck in a loop). */
void sim_log_watch(unsigned long max_lines, void (*hook)(void *arg), void *arg);
/* The last lines logged (oldest first) into @buf. */
void sim_log_tail(char *buf, unsigned int len, unsigned int lines);

#endif
