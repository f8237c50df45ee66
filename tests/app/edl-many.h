/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A long edit list for import tests and benchmarks: one 10-hour 25 fps interview clip in the
 * catalogue, and a CMX 3600 EDL of `n` one-second events cut from it back to back
 * (from every 40th frame, round again after 800,000). */

#include <glib.h>

#include "cr-clips.h"

static inline char *
edl_many_tc (gint64 frames)
{
  return g_strdup_printf ("%02d:%02d:%02d:%02d", (int) (frames / 90000), (int) (frames / 1500 % 60),
                          (int) (frames / 25 % 60), (int) (frames % 25));
}

static inline gboolean
edl_many_add_clip (CrDb    *db,
                   GError **error)
{
  g_autoptr(GPtrArray) clips = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_clip_info_free);
  CrClipInfo *c = g_new0 (CrClipInfo, 1);

  c->path = g_strdup ("/media/card/Interview.mov");
  c->name = g_strdup ("Interview.mov");
  c->size = 1000000000;
  c->identity = g_strdup ("edl-many");
  c->duration_us = (gint64) 10 * 3600 * G_USEC_PER_SEC;
  c->has_video = c->has_audio = TRUE;
  c->channels = 2;
  c->frame_rate = g_strdup ("25/1");
  g_ptr_array_add (clips, c);
  return cr_clips_write_batch (db, clips, NULL, error);
}

static inline char *
edl_many_text (guint n)
{
  GString *edl = g_string_new ("TITLE: Many\nFCM: NON-DROP FRAME\n* FRAME RATE: 25/1 NON-DROP FRAME\n\n");

  for (guint i = 0; i < n; i++)
    {
      gint64 src = (gint64) i * 40 % 800000, rec = 90000 + (gint64) i * 25;
      g_autofree char *a = edl_many_tc (src), *b = edl_many_tc (src + 25);
      g_autofree char *c = edl_many_tc (rec), *d = edl_many_tc (rec + 25);

      g_string_append_printf (edl, "%06u  INTERVIE V     C        %s %s %s %s\n* FROM CLIP NAME: Interview.mov\n\n",
                              i + 1, a, b, c, d);
    }
  return g_string_free (edl, FALSE);
}
