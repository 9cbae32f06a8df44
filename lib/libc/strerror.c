// SPDX-License-Identifier: Apache-2.0
#include <rampart/errno.h>

static const struct {
	int err;
	const char *text;
} errors[] = {
	{ EPERM, "refused by policy" },
	{ ENOENT, "not found" },
	{ EIO, "I/O error" },
	{ EAGAIN, "try again" },
	{ ENOMEM, "buffer too small" },
	{ EACCES, "verification failed" },
	{ EFAULT, "address outside permitted range" },
	{ ENODEV, "no such device" },
	{ EINVAL, "invalid argument" },
	{ EFBIG, "too big for its slot" },
	{ ENOSPC, "no space" },
	{ ERANGE, "out of range" },
	{ ENOSYS, "not supported by the device" },
	{ EBADMSG, "malformed data" },
	{ EOVERFLOW, "length overflow" },
	{ ENOTSUP, "unsupported" },
	{ ETIMEDOUT, "timed out" },
	{ ENOKEY, "no trusted key" },
};

const char *strerror_short(int err)
{
	if (err < 0)
		err = -err;
	for (unsigned i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		if (errors[i].err == err)
			return errors[i].text;
	}
	return "unknown error";
}
