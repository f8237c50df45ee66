/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Clips as the indexer would have stored them (rate, length, start timecode), without
 * footage: transcripts only need the clip's clock. */

#include <glib/gstdio.h>

#include "cr-clips.h"

/* rate: "num/den"; start_tc NULL for a clip without timecode, else its label and
 * start_frames the same as frames since midnight. */
static inline gint64
transcript_fixture_clip (CrDb       *db,
                         const char *name,
                         const char *rate,
                         const char *start_tc,
                         gint64      start_frames,
                         gboolean    drop,
                         gint64      duration_us)
{
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_clip_info_free);
  g_autoptr(GError) error = NULL;
  CrClipInfo *info = g_new0 (CrClipInfo, 1);
  gint64 id = 0;

  info->path = g_strdup_printf ("/media/card/%s", name);
  info->name = g_strdup (name);
  info->size = 1000;
  info->mtime_us = 1;
  info->format = g_strdup ("mov,mp4,m4a,3gp,3g2,mj2");
  info->duration_us = duration_us;
  info->has_video = info->has_audio = TRUE;
  info->width = 1920;
  info->height = 1080;
  info->video_codec = g_strdup ("h264");
  info->frame_rate = g_strdup (rate);
  if (start_tc)
    {
      info->tc_start = g_strdup (start_tc);
      info->tc_frames = start_frames;
      info->tc_rate = g_strdup (rate);
      info->tc_drop = drop;
      info->tc_source = g_strdup ("tmcd");
    }
  g_ptr_array_add (infos, info);
  g_assert_true (cr_clips_write_batch (db, infos, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cr_store_resolve (db, &cr_entity_clip, name, &id, &error));
  g_assert_no_error (error);
  return id;
}

/* Removes a test's folder and what is in it (one level: tests write no sub-folders). */
static inline void
transcript_fixture_rmdir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}
