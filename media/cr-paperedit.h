/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-timeline.h"

G_BEGIN_DECLS

/* A paper edit: the cut for people who read rather than edit. */
typedef enum
{
  CR_PAPEREDIT_CSV = 0,   /* RFC 4180, CRLF line ends, one header row */
  CR_PAPEREDIT_TEXT,      /* plain text, one block per event */
} CrPapereditStyle;

typedef struct
{
  CrPapereditStyle style;
} CrPapereditOptions;

/* Per event: number, label, participants, question, source name, source in/out (the source's own
 * timecode, out exclusive), duration (timeline frames as HH:MM:SS:FF counted non-drop at the
 * timeline's nominal rate), record in, note, markers ("TC note; ...") and keywords. The CSV keeps
 * line breaks inside quoted fields; the text style turns them into spaces. */
gboolean   cr_paperedit_write (const CrTimeline          *timeline,
                               const CrPapereditOptions  *options,
                               GString                   *out,
                               GError                   **error);

G_END_DECLS
