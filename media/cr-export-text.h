/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-timecode.h"

G_BEGIN_DECLS

/* Text helpers shared by the edit-list writers (media/ internal). */

/* XML character data or (attribute = TRUE) an attribute value in double quotes. Tabs and line
 * breaks in attributes become character references so that parsers do not fold them to spaces;
 * control characters that XML 1.0 cannot carry at all become U+FFFD. */
void     cr_xml_append_escaped     (GString    *out,
                                    const char *text,
                                    gboolean    attribute);
/* One RFC 4180 field: quoted when it holds a comma, quote, line break or edge space. */
void     cr_csv_append_field       (GString    *out,
                                    const char *text);
/* Text for line-based formats (EDL comments, the plain paper edit): every control character,
 * line breaks included, becomes one space, so that one value never spans lines. */
void     cr_text_append_one_line   (GString    *out,
                                    const char *text);
/* An exact rational time in seconds as FCPXML writes it: "0s", "25s", "1001/300s". */
void     cr_append_rational_time   (GString    *out,
                                    gint64      num,
                                    gint64      den);
/* `frames` at `rate` as FCPXML rational seconds. */
void     cr_append_frames_time     (GString    *out,
                                    gint64      frames,
                                    CrRate      rate);
/* A timecode label. */
void     cr_append_timecode        (GString                *out,
                                    gint64                  frames,
                                    const CrTimecodeFormat *fmt);
/* The absolute file:// URL of `path` (percent-encoded); the error names the path. */
char    *cr_path_to_file_url       (const char  *path,
                                    GError     **error);
/* A name for a one-line error message: control characters shown as \\n, \\xNN, bytes that are
 * not UTF-8 escaped, a very long name cut (cr_message_text). */
char    *cr_text_for_message       (const char  *text);
/* Rate as a double, as OTIO and JSON want it (30000/1001 -> 29.97002997002997). */
double   cr_rate_to_double         (CrRate      rate);

G_END_DECLS
