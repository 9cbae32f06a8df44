// SPDX-License-Identifier: Apache-2.0
/*
 * The test images: real MCUboot images signed by rampart-img (image 0 with the demo P-256
 * key, image 1 with the demo Ed25519 key). Payloads are pseudo-random and differ between
 * every image and version in every byte position, so a sector that lands in the wrong place
 * never compares equal by accident.
 */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <rampart/compiler.h>

#include "sim.h"

extern char **environ;

struct image_spec {
	const char *name;
	unsigned int image_num;		/* its pair; also the key */
	unsigned int slot;		/* where the scenarios write it: 0 primary, 1 secondary */
	const char *version;
	struct image_version v;
	const char *deps;	/* rampart-img -d, or NULL */
};

static const struct image_spec specs[SIM_NR_IMAGES] = {
	[SIM_IMG_A1] = { "a1", 0, 0, "1.0.0", { 1, 0, 0, 0 }, NULL },
	[SIM_IMG_A2] = { "a2", 0, 1, "2.0.0", { 2, 0, 0, 0 }, NULL },
	[SIM_IMG_A2_DEP] = { "a2dep", 0, 1, "2.0.0", { 2, 0, 0, 0 }, "(1,2.0.0)" },
	[SIM_IMG_B1] = { "b1", 1, 0, "1.0.0", { 1, 0, 0, 0 }, NULL },
	[SIM_IMG_B2_DEP] = { "b2dep", 1, 1, "2.0.0", { 2, 0, 0, 0 }, "(0,2.0.0)" },
};

static const char *const keys[] = { "keys/demo-ecdsa-p256.pem", "keys/demo-ed25519.pem" };

const char *sim_image_name(enum sim_image_id id)
{
	return specs[id].name;
}

static const char *const variant_suffix[SIM_NR_VARIANTS] = { "", "-ram", "-xip" };

static void image_path(char *buf, size_t len, const char *dir, const struct sim_layout *l,
		       enum sim_image_id id, enum sim_variant v, const char *ext)
{
	snprintf(buf, len, "%s/%s-%s%s.%s", dir, l->name, specs[id].name, variant_suffix[v],
		 ext);
}

static uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ull;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

/* Payload bytes of image @id: a stream keyed by the image and its version. */
static int write_payload(const char *path, uint32_t len, enum sim_image_id id)
{
	FILE *fp = fopen(path, "wb");
	uint32_t i;

	if (!fp) {
		perror(path);
		return -1;
	}
	for (i = 0; i < len; i++)
		fputc((int)(mix((uint64_t)id << 32 | i) >> 24) & 0xff, fp);
	if (fclose(fp)) {
		perror(path);
		return -1;
	}
	return 0;
}

/* Run rampart-img with @argv (NULL-terminated, @out the last argument). 0 or -1. */
static int run_tool(char *const argv[], const char *out)
{
	pid_t pid;
	int status;

	if (posix_spawn(&pid, argv[0], NULL, NULL, argv, environ)) {
		perror(argv[0]);
		return -1;
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "sim: %s sign ... %s failed\n", argv[0], out);
		return -1;
	}
	return 0;
}

static int sign(const char *dir, const char *tool, const char *srctree,
		const struct sim_layout *l, enum sim_image_id id, enum sim_variant v)
{
	const struct image_spec *sp = &specs[id];
	char payload[512], out[512], key[512], slot[16], align[8], maxsec[16], addr[16];
	char *argv[24];
	unsigned int n = 0;

	image_path(payload, sizeof(payload), dir, l, id, SIM_VAR_PLAIN, "payload");
	image_path(out, sizeof(out), dir, l, id, v, "bin");
	snprintf(key, sizeof(key), "%s/%s", srctree, keys[sp->image_num]);
	snprintf(slot, sizeof(slot), "0x%x", l->slot[0][0].size);
	snprintf(align, sizeof(align), "%u", l->write_size);
	snprintf(maxsec, sizeof(maxsec), "%u", l->max_sectors);
	if (v == SIM_VAR_PLAIN && write_payload(payload, l->payload, id))
		return -1;
	argv[n++] = (char *)tool;
	argv[n++] = "sign";
	argv[n++] = "-k";
	argv[n++] = key;
	argv[n++] = "-v";
	argv[n++] = (char *)sp->version;
	argv[n++] = "-H";
	argv[n++] = "0x200";
	argv[n++] = "--pad-header";
	argv[n++] = "-S";
	argv[n++] = slot;
	argv[n++] = "--align";
	argv[n++] = align;
	argv[n++] = "-M";
	argv[n++] = maxsec;
	if (sp->deps) {
		argv[n++] = "-d";
		argv[n++] = (char *)sp->deps;
	}
	if (v == SIM_VAR_RAM) {
		snprintf(addr, sizeof(addr), "0x%x", SIM_RAM_ADDR);
		argv[n++] = "--load-addr";
		argv[n++] = addr;
	}
	if (v == SIM_VAR_XIP) {
		if (!l->slot[sp->image_num][sp->slot].size)
			return 0;	/* the layout has no such slot (bench) */
		snprintf(addr, sizeof(addr), "0x%x",
			 SIM_FLASH_ADDR + l->slot[sp->image_num][sp->slot].off);
		argv[n++] = "--rom-fixed";
		argv[n++] = addr;
	}
	argv[n++] = payload;
	argv[n++] = out;
	argv[n] = NULL;
	return run_tool(argv, out);
}

int sim_images_make(const char *dir, const char *tool, const char *srctree)
{
	for (unsigned int i = 0; i < sim_nr_layouts; i++)
		for (int v = 0; v < SIM_NR_VARIANTS; v++)
			for (int id = 0; id < SIM_NR_IMAGES; id++)
				if (sign(dir, tool, srctree, &sim_layouts[i], id, v))
					return -1;
	return 0;
}

static int load(const char *path, struct sim_image *img)
{
	FILE *fp = fopen(path, "rb");
	long len;

	if (!fp || fseek(fp, 0, SEEK_END) || (len = ftell(fp)) <= 0 || fseek(fp, 0, SEEK_SET)) {
		fprintf(stderr, "sim: cannot read %s (make builds the images; see "
			"Documentation/simulator.md)\n", path);
		if (fp)
			fclose(fp);
		return -1;
	}
	img->data = malloc((size_t)len);
	img->len = (uint32_t)len;
	if (!img->data || fread(img->data, 1, (size_t)len, fp) != (size_t)len) {
		fprintf(stderr, "sim: cannot read %s\n", path);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	return 0;
}

int sim_images_load(const char *dir, const struct sim_layout *l, struct sim_image_set *s)
{
	char path[512];

	memset(s, 0, sizeof(*s));
	for (int v = 0; v < SIM_NR_VARIANTS; v++)
		for (int id = 0; id < SIM_NR_IMAGES; id++) {
			if (v == SIM_VAR_XIP && !l->slot[specs[id].image_num][specs[id].slot].size)
				continue;
			image_path(path, sizeof(path), dir, l, id, v, "bin");
			if (load(path, &s->img[v][id])) {
				sim_images_free(s);
				return -1;
			}
			s->img[v][id].version = specs[id].v;
		}
	return 0;
}

void sim_images_free(struct sim_image_set *s)
{
	for (int v = 0; v < SIM_NR_VARIANTS; v++)
		for (int id = 0; id < SIM_NR_IMAGES; id++) {
			free(s->img[v][id].data);
			s->img[v][id].data = NULL;
		}
}
