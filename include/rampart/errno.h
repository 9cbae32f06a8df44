/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The one error list of Rampart. Every function that can fail returns 0 or one of these,
 * negated. The numbers are Linux's, so a sandbox build that also sees the host's <errno.h>
 * gets identical definitions.
 */
#ifndef RAMPART_ERRNO_H
#define RAMPART_ERRNO_H

#ifndef EPERM
#define EPERM 1		/* operation refused by policy */
#endif
#ifndef ENOENT
#define ENOENT 2	/* no such area, TLV, key or image */
#endif
#ifndef EIO
#define EIO 5		/* device failed */
#endif
#ifndef EAGAIN
#define EAGAIN 11	/* nothing available yet; try again */
#endif
#ifndef ENOMEM
#define ENOMEM 12	/* a fixed-size buffer is too small */
#endif
#ifndef EACCES
#define EACCES 13	/* signature or hash check failed */
#endif
#ifndef EFAULT
#define EFAULT 14	/* address outside a permitted window */
#endif
#ifndef ENODEV
#define ENODEV 19	/* no such device */
#endif
#ifndef EINVAL
#define EINVAL 22	/* bad argument from the caller */
#endif
#ifndef EFBIG
#define EFBIG 27	/* image does not fit its slot */
#endif
#ifndef ENOSPC
#define ENOSPC 28	/* destination full */
#endif
#ifndef ERANGE
#define ERANGE 34	/* offset or length out of range */
#endif
#ifndef ENOSYS
#define ENOSYS 38	/* optional operation not provided */
#endif
#ifndef EBADMSG
#define EBADMSG 74	/* malformed input bytes */
#endif
#ifndef EOVERFLOW
#define EOVERFLOW 75	/* arithmetic on input lengths would overflow */
#endif
#ifndef ENOTSUP
#define ENOTSUP 95	/* well-formed but unsupported (algorithm, flag) */
#endif
#ifndef ETIMEDOUT
#define ETIMEDOUT 110	/* device did not answer in time */
#endif
#ifndef ENOKEY
#define ENOKEY 126	/* no trusted key matches */
#endif

/* Short English text for an error code (positive or negative); never NULL. */
const char *strerror_short(int err);

#endif
