/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-media.h"
#include "cr-timecode.h"

G_BEGIN_DECLS

/* Cuts [in, out) of a clip into a new file. By default without re-encoding: the video starts
 * at the keyframe at or before `in`, and the range really written is reported. With
 * `reencode`, frame-accurately as H.264 and AAC. Only video and audio are carried: a source
 * timecode track is not copied but rewritten as the output's `timecode`, the source timecode
 * of its first frame. The output is written to a temp file in the same folder and renamed;
 * a failure or a cancel leaves nothing behind. */

/* Called as the work goes on; `done_us` of `total_us` of the range has been written. */
typedef void (*CrExtractProgress) (gint64   done_us,
                                   gint64   total_us,
                                   gpointer user_data);

typedef struct
{
  gint64             in_us;       /* from the clip's first frame */
  gint64             out_us;      /* exclusive; -1 for the end of the clip */
  gboolean           reencode;    /* frame-accurate H.264 + AAC instead of stream copy */
  CrExtractProgress  progress;
  gpointer           progress_data;
  /* The rate a Broadcast WAV's time reference counts at when the file names none (the rule of
   * the catalogue: the production's); {0, 0}: such a file has no timecode. */
  CrTimecodeFormat   timecode_fallback;
} CrExtractOptions;

typedef struct
{
  gint64            in_us;             /* the range really written, from the clip's first frame */
  gint64            out_us;
  gboolean          has_timecode;      /* the source had a start timecode */
  gint64            timecode_frames;   /* the output's start timecode, frames since midnight */
  CrTimecodeFormat  timecode_format;
  char            **notes;             /* streams left out and why; NULL-terminated, or NULL */
} CrExtractResult;

gboolean cr_extract              (const char              *path,
                                  const char              *out_path,
                                  const CrExtractOptions  *options,
                                  CrExtractResult         *result,
                                  GCancellable            *cancellable,
                                  GError                 **error);

void     cr_extract_result_clear (CrExtractResult         *result);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrExtractResult, cr_extract_result_clear)

G_END_DECLS
