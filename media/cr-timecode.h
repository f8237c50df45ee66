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

/* Frames since 00:00:00:00 <-> label. Negative frames and frames past 24 h wrap like a clock.
 * The format decides how labels count: a drop-frame format also reads "00:01:00:02" (CMX3600
 * EDLs write colons and say DROP FRAME in an FCM line), but ';' or '.' in text read at a
 * non-drop format is an error rather than a silent miscount. */
char    *cr_timecode_to_string       (gint64 frames, const CrTimecodeFormat *fmt);
gboolean cr_timecode_parse           (const char *text, const CrTimecodeFormat *fmt,
                                      gint64 *out_frames, GError **error);
/* The longest label cr_timecode_format_into writes, with its NUL ("23:59:59;29"; up to 3 frame digits). */
#define CR_TIMECODE_MAX_LEN 16

/* Like cr_timecode_to_string, into a caller's buffer: for loops that label many frames. */
void     cr_timecode_format_into     (gint64 frames, const CrTimecodeFormat *fmt,
                                      char buf[CR_TIMECODE_MAX_LEN]);
/* How many frames one 24-hour day of labels holds (2589408 at 29.97 DF, 2592000 at 30). */
gint64   cr_timecode_frames_per_day  (const CrTimecodeFormat *fmt);
/* Whether text uses ';' (or '.') before the frames, i.e. is written as drop-frame. */
gboolean cr_timecode_text_is_drop    (const char *text);

/* Exact conversions between frames and time (rounded to the nearest frame). */
gint64   cr_frames_to_usec           (gint64 frames, CrRate rate);
gint64   cr_usec_to_frames           (gint64 usec, CrRate rate);

G_END_DECLS
