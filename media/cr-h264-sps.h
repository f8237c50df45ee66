/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The colour description in an H.264 sequence parameter set (its VUI), read without a
 * decoder: FFmpeg's parser does not report it and its decoder would cost a frame. Private to
 * media/. */

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gboolean signal_type;   /* video_signal_type_present_flag */
  gboolean full_range;
  gboolean colour;        /* colour_description_present_flag */
  int      primaries;     /* ISO/IEC 23091-4 codes, as FFmpeg's AVColor* enums */
  int      transfer;
  int      matrix;
} CrH264Colour;

/* From avcC (MP4/MOV) or Annex B (MPEG-TS) extradata. FALSE when no SPS parses. */
gboolean cr_h264_sps_colour (const guint8 *extradata,
                             gsize         size,
                             CrH264Colour *out);

G_END_DECLS
