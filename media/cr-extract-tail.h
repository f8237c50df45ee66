/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Stream copy of H.264 cut exactly at the out point. A copy cannot end inside a GOP: with
 * B-frames the pictures before `out` refer to pictures after it. So the packets of the GOP
 * being copied are held back until the next GOP starts before `out` (then they are copied as
 * they are); the GOP that holds the out point is decoded and its pictures before `out`
 * re-encoded, with parameter sets of their own so that they join the copied stream. Private
 * to media/. */

#include "cr-av-private.h"

G_BEGIN_DECLS

typedef struct _CrExtractTail CrExtractTail;

/* Writes one packet of the stream, timestamps in the stream's time base; takes it. */
typedef gboolean (*CrExtractTailWrite) (AVPacket  *pkt,
                                        gpointer   user_data,
                                        GError   **error);

/* NULL when the stream's pictures cannot be re-encoded to join it: not H.264, or no libx264. */
CrExtractTail *cr_extract_tail_new    (AVStream            *stream);
void           cr_extract_tail_free   (CrExtractTail       *tail);

/* The stream's next packet in decode order, the first being the keyframe the copy starts at.
 * A keyframe before `out_ts` completes the GOP before it: its packets are moved to `ready`,
 * to be copied. */
void           cr_extract_tail_add    (CrExtractTail       *tail,
                                       const AVPacket      *pkt,
                                       gint64               out_ts,
                                       GPtrArray           *ready);

/* Writes the held pictures that show before `out_ts`: copied when they need none after it,
 * else re-encoded (`reencoded`). `end_ts` is where the last one ends (unchanged when none was
 * held). */
gboolean       cr_extract_tail_finish (CrExtractTail       *tail,
                                       gint64               out_ts,
                                       CrExtractTailWrite   write,
                                       gpointer             user_data,
                                       gint64              *end_ts,
                                       gboolean            *reencoded,
                                       const char          *path,
                                       GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrExtractTail, cr_extract_tail_free)

G_END_DECLS
