// SPDX-License-Identifier: Apache-2.0
/*
 * Swap status: one record per completed step of an exchange, in the primary slot's trailer
 * (the area MCUboot reserves: max_sectors x 3 records of one write unit each, below
 * swap_size). Record n holds the state number (n % 3) + 1 followed by erased bytes; the
 * records fill in order, so the first erased one says where to continue.
 */
#include <rampart/errno.h>
#include <rampart/slots.h>
#include <rampart/string.h>

static uint32_t unit(const struct flash_area *fa)
{
	return fa->dev->geo.write_size ? fa->dev->geo.write_size : 1;
}

int swap_status_scan(struct swap_run *sr)
{
	const struct flash_area *pri = sr->pair->primary;
	uint8_t erased = pri->dev->geo.erased_val, b;
	uint32_t n;

	for (n = 0; n < sr->nr_records; n++) {
		/*
		 * Only byte 0 carries data (the rest of the unit is programmed erased). A torn
		 * record reads as anything but erased, and counts: it is written after its step.
		 */
		int rc = flash_area_read(pri, sr->status_off + n * unit(pri), &b, 1);

		/* unreadable: an ECC error on a torn record, which counts as written too */
		if (!rc && b == erased)
			break;
	}
	sr->next = n;
	return 0;
}

int swap_status_step_done(struct swap_run *sr)
{
	const struct flash_area *pri = sr->pair->primary;
	uint8_t rec[TRAILER_ALIGN_MAX];
	uint32_t ws = unit(pri);
	int rc;

	if (sr->next >= sr->nr_records || ws > sizeof(rec))
		return -ENOSPC;
	memset(rec, pri->dev->geo.erased_val, ws);
	rec[0] = (uint8_t)(sr->next % SWAP_STATUS_STATES + 1);
	rc = flash_area_write(pri, sr->status_off + sr->next * ws, rec, ws);
	if (!rc)
		sr->next++;
	return rc;
}
