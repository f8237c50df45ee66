/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-timecode.h"

G_BEGIN_DECLS

/* Made-up camera and sound-recorder files for the demo production: colour bars with the
 * frame's own timecode burnt in and a tone, so that a newcomer can see every feature work
 * without a card of real footage. */

typedef struct
{
  CrTimecodeFormat  format;       /* rate and drop-frame */
  const char       *start;        /* first frame's timecode, as the label */
  gint64            frames;       /* length */
  int               width, height;
  int               tone_hz;      /* 0: silence */
  guint             look;         /* varies the bars and the band, so clips differ at a glance */
  const char       *recorded_at;  /* ISO 8601 UTC, kept as the file's creation time; may be NULL */
} CrTestcardClip;

/* Writes a QuickTime file (video, PCM audio, a timecode track) to path. */
gboolean cr_testcard_write_clip (const char *path, const CrTestcardClip *clip, GError **error);

typedef struct
{
  CrTimecodeFormat  format;       /* the recorder's timecode rate, written in iXML */
  const char       *start;        /* timecode of the first sample */
  double            seconds;
  int               sample_rate;
  int               tone_hz;
  const char       *scene;
  const char       *take;
  const char       *project;
  const char       *originator;   /* the recorder, in bext */
  const char       *date;         /* YYYY-MM-DD */
} CrTestcardSound;

/* Writes a Broadcast WAV (mono PCM with bext time reference and iXML) to path. */
gboolean cr_testcard_write_bwf  (const char *path, const CrTestcardSound *sound, GError **error);

G_END_DECLS
