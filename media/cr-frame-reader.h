/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-media.h"
#include "cr-timecode.h"

G_BEGIN_DECLS

/* Exact frames of one clip for a player: frame N (counted from the clip's first frame at its
 * nominal rate) decoded as straight RGBA bytes, rows of width * 4. It seeks to the keyframe
 * before N and decodes forward, and keeps its place and the decoded pictures around N, so
 * stepping or seeking near it costs one conversion and no decode. One reader serves one clip;
 * calls are serialised, so the async form can be used from the main loop while a worker
 * decodes. */

typedef struct _CrFrameReader CrFrameReader;

CrFrameReader *cr_frame_reader_open        (const char     *path,
                                            GError        **error);
CrFrameReader *cr_frame_reader_ref         (CrFrameReader  *self);
/* A read still running in a worker holds its own reference. */
void           cr_frame_reader_unref       (CrFrameReader  *self);
int            cr_frame_reader_get_width   (CrFrameReader  *self);
int            cr_frame_reader_get_height  (CrFrameReader  *self);
CrRate         cr_frame_reader_get_rate    (CrFrameReader  *self);
/* Frames in the clip (from its duration), or -1 when unknown. */
gint64         cr_frame_reader_get_n_frames (CrFrameReader *self);

/* Frame `frame` as RGBA. Past the end: the last frame there is. */
GBytes        *cr_frame_reader_read        (CrFrameReader  *self,
                                            gint64          frame,
                                            GCancellable   *cancellable,
                                            GError        **error);
/* Decodes the pictures after the frame last read into the cache, until it is full or a read
 * waits (which then goes first). */
void           cr_frame_reader_decode_ahead (CrFrameReader *self);
/* The same as cr_frame_reader_read in a worker thread, which then decodes ahead. */
void           cr_frame_reader_read_async  (CrFrameReader       *self,
                                            gint64               frame,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GBytes        *cr_frame_reader_read_finish (CrFrameReader  *self,
                                            GAsyncResult   *result,
                                            gint64         *out_frame,
                                            GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrFrameReader, cr_frame_reader_unref)

G_END_DECLS
