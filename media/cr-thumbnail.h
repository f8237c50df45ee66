/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-media.h"

G_BEGIN_DECLS

/* Poster frames, strips and waveforms as PNG, and the freedesktop thumbnail cache
 * (Thumbnail Managing Standard), so that the file manager shares what we make. */

/* The cache's sizes: the longer side of the picture, in pixels. */
typedef enum
{
  CR_THUMBNAIL_NORMAL = 128,
  CR_THUMBNAIL_LARGE = 256,
  CR_THUMBNAIL_X_LARGE = 512,   /* for high-density screens (standard 0.9) */
  CR_THUMBNAIL_XX_LARGE = 1024,
} CrThumbnailSize;

/* "A tenth into the clip". */
#define CR_THUMBNAIL_DEFAULT_TIME G_MININT64

typedef struct
{
  gint64 at_us;     /* time from the clip's start; CR_THUMBNAIL_DEFAULT_TIME for a tenth in */
  int    max_size;  /* the longer side in pixels; 0 means 256 */
} CrThumbnailOptions;

/* One poster frame: seeks to the keyframe before `at`, decodes forward to the frame shown at
 * `at`, scales it to its display aspect and rotation. A file with no picture gets a waveform
 * of its first audio stream instead. `out_frame_us` (optional) is the frame's own time from
 * the clip's start, or -1 for a waveform. */
GBytes  *cr_thumbnail_render        (const char                *path,
                                     const CrThumbnailOptions  *options,
                                     gint64                    *out_frame_us,
                                     GCancellable              *cancellable,
                                     GError                   **error);

/* The same, written to `out_png` (a temp file renamed into place). */
gboolean cr_thumbnail_save          (const char                *path,
                                     const CrThumbnailOptions  *options,
                                     const char                *out_png,
                                     GCancellable              *cancellable,
                                     GError                   **error);

/* `count` frames spread evenly over the clip, side by side, each `height` pixels high; for a
 * file with no picture, a waveform as wide as that strip would be. */
GBytes  *cr_thumbnail_render_strip  (const char                *path,
                                     int                        count,
                                     int                        height,
                                     GCancellable              *cancellable,
                                     GError                   **error);

/* $XDG_CACHE_HOME/thumbnails/normal|large|x-large|xx-large/MD5(URI).png for a file. */
char    *cr_thumbnail_cache_path    (const char                *path,
                                     CrThumbnailSize            size);

/* Renders the default poster frame into the cache with Thumb::URI and Thumb::MTime, unless a
 * thumbnail for this URI and modification time is already there. Returns the cache path. */
char    *cr_thumbnail_cache_write   (const char                *path,
                                     CrThumbnailSize            size,
                                     GCancellable              *cancellable,
                                     GError                   **error);

/* Whether the cache holds a thumbnail of this size for the file as it is now (Thumb::URI and
 * Thumb::MTime match), made by us or by another program. */
gboolean cr_thumbnail_cache_is_current (const char      *path,
                                        CrThumbnailSize  size);

G_END_DECLS
