/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Broadcast Wave and iXML chunks, read straight from the RIFF file: FFmpeg's wav demuxer
 * gives bext's time_reference but not iXML, and not the recorder's frame rate. Private to
 * media/. */

#include <glib.h>

#include "cr-timecode.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean          has_bext;
  gboolean          has_ixml;
  gint64            time_reference;   /* samples since midnight, -1 if none */
  int               sample_rate;      /* from the fmt chunk, 0 if none */
  gboolean          has_rate;         /* the file names the rate its timecode counts at */
  CrTimecodeFormat  timecode_format;
  char             *originator;
  char             *scene;
  char             *take;
  char             *tape;
  char             *project;
  char             *note;
  char            **track_names;      /* NULL-terminated, or NULL */
  /* Why the file's timecode rate was ignored (25 drop-frame, 1000 fps), or NULL. */
  char             *rate_warning;
  GBytes           *ixml;             /* the first iXML chunk's body as stored, or NULL */
} CrBwfInfo;

/* Reads the chunks of a RIFF/RF64 WAVE file. Returns FALSE without an error when the file
 * is not WAVE; sizes are bounded, so a damaged file cannot make it read much. */
gboolean cr_bwf_read       (const char  *path,
                            CrBwfInfo   *info,
                            GError     **error);
/* The same from a whole file in memory (for the fuzzer and tests). */
gboolean cr_bwf_read_bytes (const guint8 *data,
                            gsize         len,
                            CrBwfInfo    *info);
void     cr_bwf_info_clear (CrBwfInfo   *info);

/* The recorder's rate notations: "24000/1001", "25", "023.976-ND", "29.97DF". */
gboolean cr_bwf_parse_speed (const char      *text,
                             CrTimecodeFormat *out);

/* The iXML text with its copies of the time reference (TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_HI
 * and _LO, BWF_TIME_REFERENCE_HIGH and _LOW) set to `reference`, each written the way the
 * recorder wrote it (zero-padded, or signed). */
GBytes  *cr_bwf_ixml_at_reference (GBytes *ixml,
                                   gint64  reference);
/* Appends an iXML chunk to a finished RIFF WAVE file (FFmpeg's muxer writes no iXML) and
 * updates the RIFF size. Refuses an RF64 file or one that would pass 4 GiB. */
gboolean cr_bwf_append_ixml       (const char  *path,
                                   GBytes      *ixml,
                                   GError     **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrBwfInfo, cr_bwf_info_clear)

G_END_DECLS
