/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-media"

#include "config.h"

#include <string.h>

#include "cr-h264-sps.h"

/* ITU-T H.264 7.3.2.1.1 and E.1.1, as far as the colour description. */

typedef struct
{
  const guint8 *data;
  gsize         size;   /* bytes */
  gsize         pos;    /* bits */
  gboolean      overrun;
} Bits;

static guint
bit (Bits *b)
{
  guint v;

  if (b->pos >= b->size * 8)
    {
      b->overrun = TRUE;
      return 0;
    }
  v = (b->data[b->pos / 8] >> (7 - b->pos % 8)) & 1;
  b->pos++;
  return v;
}

static guint
bits (Bits *b,
      int   n)
{
  guint v = 0;

  while (n-- > 0)
    v = (v << 1) | bit (b);
  return v;
}

/* Exp-Golomb, ue(v). */
static guint
ue (Bits *b)
{
  int zeros = 0;

  while (!bit (b) && !b->overrun && zeros < 32)
    zeros++;
  if (zeros >= 32)
    {
      b->overrun = TRUE;
      return 0;
    }
  return ((1u << zeros) - 1) + bits (b, zeros);
}

static int
se (Bits *b)
{
  guint v = ue (b);

  return v & 1 ? (int) ((v + 1) / 2) : -(int) (v / 2);
}

static void
skip_scaling_list (Bits *b,
                   int   size)
{
  int last = 8, next = 8;

  for (int j = 0; j < size && !b->overrun; j++)
    {
      if (next != 0)
        next = (last + se (b) + 256) % 256;
      last = next == 0 ? last : next;
    }
}

static gboolean
parse_sps (const guint8 *nal,
           gsize         size,
           CrH264Colour *out)
{
  g_autofree guint8 *rbsp = g_malloc (size);
  Bits b = { rbsp, 0, 8, FALSE };   /* past the NAL header byte */
  guint profile;

  /* Emulation prevention: 00 00 03 stands for 00 00. */
  for (gsize i = 0, zeros = 0; i < size; i++)
    {
      if (zeros >= 2 && nal[i] == 3)
        {
          zeros = 0;
          continue;
        }
      zeros = nal[i] == 0 ? zeros + 1 : 0;
      rbsp[b.size++] = nal[i];
    }

  profile = bits (&b, 8);
  bits (&b, 16);            /* constraint flags, level */
  ue (&b);                  /* seq_parameter_set_id */
  if (profile == 100 || profile == 110 || profile == 122 || profile == 244 || profile == 44
      || profile == 83 || profile == 86 || profile == 118 || profile == 128 || profile == 138
      || profile == 139 || profile == 134 || profile == 135)
    {
      guint chroma = ue (&b);
      if (chroma == 3)
        bit (&b);           /* separate_colour_plane_flag */
      ue (&b);              /* bit depths */
      ue (&b);
      bit (&b);             /* qpprime_y_zero_transform_bypass_flag */
      if (bit (&b))         /* seq_scaling_matrix_present_flag */
        for (guint i = 0; i < (chroma != 3 ? 8u : 12u); i++)
          if (bit (&b))
            skip_scaling_list (&b, i < 6 ? 16 : 64);
    }
  ue (&b);                  /* log2_max_frame_num_minus4 */
  switch (ue (&b))          /* pic_order_cnt_type */
    {
    case 0:
      ue (&b);
      break;
    case 1:
      {
        guint n;
        bit (&b);
        se (&b);
        se (&b);
        n = ue (&b);
        for (guint i = 0; i < n && i < 256 && !b.overrun; i++)
          se (&b);
      }
      break;
    default:
      break;
    }
  ue (&b);                  /* max_num_ref_frames */
  bit (&b);                 /* gaps_in_frame_num_value_allowed_flag */
  ue (&b);                  /* pic_width_in_mbs_minus1 */
  ue (&b);                  /* pic_height_in_map_units_minus1 */
  if (!bit (&b))            /* frame_mbs_only_flag */
    bit (&b);
  bit (&b);                 /* direct_8x8_inference_flag */
  if (bit (&b))             /* frame_cropping_flag */
    for (int i = 0; i < 4; i++)
      ue (&b);
  memset (out, 0, sizeof *out);
  if (!bit (&b) || b.overrun)  /* vui_parameters_present_flag */
    return !b.overrun;
  if (bit (&b) && bits (&b, 8) == 255)  /* aspect_ratio_info: Extended_SAR */
    bits (&b, 32);
  if (bit (&b))             /* overscan_info_present_flag */
    bit (&b);
  out->signal_type = bit (&b);
  if (out->signal_type)
    {
      bits (&b, 3);         /* video_format */
      out->full_range = bit (&b);
      out->colour = bit (&b);
      if (out->colour)
        {
          out->primaries = bits (&b, 8);
          out->transfer = bits (&b, 8);
          out->matrix = bits (&b, 8);
        }
    }
  return !b.overrun;
}

gboolean
cr_h264_sps_colour (const guint8 *extradata,
                    gsize         size,
                    CrH264Colour *out)
{
  if (extradata == NULL || size < 4)
    return FALSE;
  if (extradata[0] == 1)
    {
      /* avcC: version, profile, compatibility, level, length size, then SPS count (low 5
       * bits) and each SPS as a 16-bit length and the NAL unit. */
      gsize len;
      if (size < 8 || (extradata[5] & 0x1f) == 0)
        return FALSE;
      len = (extradata[6] << 8) | extradata[7];
      return len >= 2 && 8 + len <= size && (extradata[8] & 0x1f) == 7
             && parse_sps (extradata + 8, len, out);
    }
  /* Annex B: start codes before each NAL unit. */
  for (gsize i = 0; i + 4 < size; i++)
    if (extradata[i] == 0 && extradata[i + 1] == 0 && extradata[i + 2] == 1
        && (extradata[i + 3] & 0x1f) == 7)
      {
        gsize end = i + 3;
        while (end + 3 <= size && !(extradata[end] == 0 && extradata[end + 1] == 0
                                    && (extradata[end + 2] == 1 || extradata[end + 2] == 0)))
          end++;
        if (end + 3 > size)
          end = size;
        return parse_sps (extradata + i + 3, end - i - 3, out);
      }
  return FALSE;
}
