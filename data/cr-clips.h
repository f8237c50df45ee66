/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-entity.h"

G_BEGIN_DECLS

/* The indexer's side of the catalogue: what a probe found, written in batches. */
typedef struct
{
  char     *path;
  char     *name;
  gint64    size;
  gint64    mtime_us;
  char     *identity;
  char     *error;         /* set: the file failed to probe and is stored as failed */
  gboolean  not_media;     /* not a media file: only remembered, so it is not opened again */
  char     *format;
  gint64    duration_us;   /* -1 unknown */
  gboolean  has_video;
  gboolean  has_audio;
  int       width, height;
  char     *video_codec;
  char     *frame_rate;    /* "num/den" or NULL */
  gboolean  variable_rate;
  char     *audio_codec;
  int       sample_rate;
  int       channels;
  char     *tc_start;      /* label, NULL without timecode */
  gint64    tc_frames;
  char     *tc_rate;
  gboolean  tc_drop;
  char     *tc_source;
  char     *creation_time;
  char     *probe_json;
} CrClipInfo;

/* What the catalogue knew of a path before this run. */
typedef struct
{
  gint64  id;              /* 0: a file known not to be media */
  gint64  size;
  gint64  mtime_us;
  char   *status;
} CrKnownClip;

void        cr_clip_info_free        (CrClipInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrClipInfo, cr_clip_info_free)

/* path -> CrKnownClip for every clip whose path lies under one of the folders. */
GHashTable *cr_clips_known           (CrDb *db, const char * const *folders, GError **error);
/* One transaction: each info updates the clip at its path, or relinks an offline clip with
 * the same content identity (a moved or renamed file keeps its logging), or adds a clip.
 * *relinked counts relinks. */
gboolean    cr_clips_write_batch     (CrDb *db, GPtrArray *infos, guint *relinked, GError **error);
/* One transaction: marks clips offline (ids) or back online (unchanged files that returned). */
gboolean    cr_clips_set_status      (CrDb *db, GArray *ids, const char *status, GError **error);
/* Remembers an indexed folder. */
gboolean    cr_clips_add_folder      (CrDb *db, const char *path, GError **error);

/* The clip's own rate: its video rate, else its timecode rate, else the production's. */
gboolean    cr_clip_rate             (CrDb *db, gint64 clip, int *num, int *den);
/* Its length in frames of that rate, or -1 when the duration is unknown. */
gint64      cr_clip_length_frames    (CrDb *db, gint64 clip);
/* `us` microseconds as whole frames of num/den, to the nearest (as cr_clip_length_frames). */
gint64      cr_clip_frames_at        (gint64 us, int num, int den);

G_END_DECLS
