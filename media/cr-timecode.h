/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* SMPTE timecode. A timecode is a frame number written as a label, not a clock time:
 * everything here counts frames at a rational rate. */

#define CR_TIMECODE_ERROR (cr_timecode_error_quark ())

typedef enum
{
  CR_TIMECODE_ERROR_SYNTAX,      /* not HH:MM:SS:FF / HH:MM:SS;FF */
  CR_TIMECODE_ERROR_RANGE,       /* a field out of range, or a dropped label (00:01:00;00 at 29.97 DF) */
  CR_TIMECODE_ERROR_RATE,        /* a rate we cannot count timecode at */
} CrTimecodeError;

typedef struct
{
  int num;   /* 30000 */
  int den;   /* 1001 */
} CrRate;

/* How a timecode counts: its rate and whether it drops labels (29.97 and 59.94 only). */
typedef struct
{
  CrRate   rate;
  gboolean drop_frame;
} CrTimecodeFormat;

GQuark   cr_timecode_error_quark     (void);

/* The whole-number frames per "second" the labels count (24 for 23.976, 30 for 29.97). */
int      cr_rate_nominal_fps         (CrRate rate);
gboolean cr_rate_equal               (CrRate a, CrRate b);
/* "25", "25/1", "29.97", "30000/1001", "23.976", "59.94" ... */
gboolean cr_rate_parse               (const char *text, CrRate *out, GError **error);
char    *cr_rate_to_string           (CrRate rate);            /* "30000/1001" */

gboolean cr_timecode_format_check    (const CrTimecodeFormat *fmt, GError **error);

/* Frames since 00:00:00:00 <-> label. Negative frames and frames past 24 h wrap like a clock. */
char    *cr_timecode_to_string       (gint64 frames, const CrTimecodeFormat *fmt);
gboolean cr_timecode_parse           (const char *text, const CrTimecodeFormat *fmt,
                                      gint64 *out_frames, GError **error);
/* Whether text uses ';' (or '.') before the frames, i.e. is written as drop-frame. */
gboolean cr_timecode_text_is_drop    (const char *text);

/* Exact conversions between frames and time (rounded to the nearest frame). */
gint64   cr_frames_to_usec           (gint64 frames, CrRate rate);
gint64   cr_usec_to_frames           (gint64 usec, CrRate rate);

G_END_DECLS
