/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Transcript files as people get them back: SubRip, WebVTT (with <v Speaker> voice tags)
 * and plain text with [hh:mm:ss] stamps and "Speaker:" prefixes. Pure text in, cues out:
 * times are microseconds from the file's start, exactly as written. */

typedef enum
{
  CR_CUES_AUTO,      /* from the text: "WEBVTT" header, "-->" lines, or stamps */
  CR_CUES_SRT,
  CR_CUES_VTT,
  CR_CUES_STAMPED,
} CrCuesFormat;

typedef struct
{
  guint   line;       /* where the cue starts in the file, 1-based */
  gint64  start_us;
  gint64  end_us;     /* -1: not written (stamped text ends a cue where the next starts) */
  char   *speaker;    /* as written, or NULL */
  char   *text;       /* one line: markup removed, lines joined with a space */
} CrCue;

void          cr_cue_free            (CrCue *cue);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCue, cr_cue_free)

/* The format a file name's extension names (.srt .vtt .txt), else CR_CUES_AUTO. */
CrCuesFormat  cr_cues_format_for_path (const char *path);

/* Every cue, in order, or NULL and an error (CR_DB_ERROR_INVALID) naming the line: broken
 * UTF-8, an unreadable time, a cue that ends before it starts or starts before the one
 * before it ends. Accepts a byte-order mark and CRLF, LF or CR line ends. */
GPtrArray    *cr_cues_parse          (const char *data, gsize len, CrCuesFormat format, GError **error);

/* "01:02:03,040" (SubRip) or "01:02:03.040" (WebVTT). */
char         *cr_cues_format_time    (gint64 usec, gboolean comma);

G_END_DECLS
