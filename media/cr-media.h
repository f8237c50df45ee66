/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors from media/. Cancellation is reported as G_IO_ERROR_CANCELLED, so that a caller
 * can tell "the user stopped it" from a file's own fault. */
#define CR_MEDIA_ERROR (cr_media_error_quark ())

typedef enum
{
  CR_MEDIA_ERROR_IO,          /* the file cannot be read: missing, no permission, device error */
  CR_MEDIA_ERROR_NOT_MEDIA,   /* empty, text, random bytes: no media format recognises it */
  CR_MEDIA_ERROR_DAMAGED,     /* a recognised format, but truncated or corrupt */
  CR_MEDIA_ERROR_NO_STREAM,   /* lacks the stream the operation needs (no picture to thumbnail) */
  CR_MEDIA_ERROR_UNSUPPORTED, /* no decoder or encoder for it in this FFmpeg */
  CR_MEDIA_ERROR_TIMEOUT,     /* the deadline passed before the work was done */
  CR_MEDIA_ERROR_INVALID,     /* a bad argument: a range outside the clip, a size of zero */
  CR_MEDIA_ERROR_FAILED,      /* anything else FFmpeg reports, or a failed write */
} CrMediaError;

GQuark cr_media_error_quark        (void);

char  *cr_media_describe_libraries (void);
void   cr_media_init               (void);

G_END_DECLS
