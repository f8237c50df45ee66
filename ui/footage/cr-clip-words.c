/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include <stdio.h>

#include "cr-clip-words.h"
#include "cr-clips.h"
#include "cr-timecode.h"

char *
cr_clip_words_rate (const CrRecord *clip)
{
  CrRate rate;
  const char *text = cr_record_get (clip, "frame_rate");
  gboolean drop = cr_record_get_int (clip, "tc_drop", 0);
  g_autofree char *number = NULL;

  if (text == NULL && (text = cr_record_get (clip, "tc_rate")) == NULL)
    return NULL;
  if (!cr_rate_parse (text, &rate, NULL) || rate.den == 0)
    return NULL;
  /* 23.976, 29.97, 59.94 as people write them. */
  if (rate.den == 1)
    number = g_strdup_printf ("%d", rate.num);
  else if (rate.den == 1001 && rate.num == 24000)
    number = g_strdup ("23.976");
  else if (rate.den == 1001 && rate.num % 30000 == 0)
    number = g_strdup_printf ("%.2f", (double) rate.num / rate.den);
  else
    number = g_strdup_printf ("%.3f", (double) rate.num / rate.den);
  if (drop && cr_record_get (clip, "tc_start"))
    return g_strdup_printf ("%s DF", number);
  return g_steal_pointer (&number);
}

char *
cr_clip_words_duration (CrDb           *db,
                        const CrRecord *clip)
{
  CrTimecodeFormat fmt = { { 0, 0 }, FALSE };
  const char *rate = cr_record_get (clip, "frame_rate");
  const char *us = cr_record_get (clip, "duration_us");
  gint64 frames;

  if (rate == NULL)
    rate = cr_record_get (clip, "tc_rate");
  /* The record has what a card shows (a card binds on every scrolled frame, so no query);
   * only a clip with no rate of its own needs the production's. */
  if (rate != NULL && us != NULL)
    {
      if (sscanf (rate, "%d/%d", &fmt.rate.num, &fmt.rate.den) != 2 || fmt.rate.num <= 0 || fmt.rate.den <= 0)
        return NULL;
      frames = cr_clip_frames_at (g_ascii_strtoll (us, NULL, 10), fmt.rate.num, fmt.rate.den);
    }
  else if ((frames = cr_clip_length_frames (db, clip->id)) < 0 ||
           !cr_clip_rate (db, clip->id, &fmt.rate.num, &fmt.rate.den))
    return NULL;
  /* A duration counts frames: drop-frame labels only make sense for a time of day. */
  return cr_timecode_to_string (frames, &fmt);
}

char *
cr_clip_words_size (const CrRecord *clip)
{
  gint64 w = cr_record_get_int (clip, "width", 0), h = cr_record_get_int (clip, "height", 0);

  if (!cr_record_get_int (clip, "has_video", 0) || w <= 0 || h <= 0)
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT " × %" G_GINT64_FORMAT, w, h);
}

char *
cr_clip_words_bytes (const CrRecord *clip)
{
  gint64 size = cr_record_get_int (clip, "size", 0);

  if (size >= 1000 * 1000 * 1000)
    return g_strdup_printf ("%.1f GB", size / 1e9);
  if (size >= 1000 * 1000)
    return g_strdup_printf ("%.0f MB", size / 1e6);
  return g_strdup_printf ("%.0f kB", MAX (size, 1) / 1e3);
}

char *
cr_clip_words_recorded (const CrRecord *clip)
{
  const char *text = cr_record_get (clip, "creation_time");
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  /* The zone for a time that names none: the camera's clock is taken for UTC. */
  if (text == NULL || !(utc = g_date_time_new_from_iso8601 (text, zone)))
    return NULL;
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%a %e %b %Y, %H:%M");
}

static const char *
codec_name (const char *codec)
{
  static const struct { const char *ffmpeg, *people; } names[] = {
    { "h264", "H.264" }, { "hevc", "H.265" }, { "prores", "ProRes" }, { "dnxhd", "DNxHD" },
    { "mpeg2video", "MPEG-2" }, { "mjpeg", "Motion JPEG" }, { "aac", "AAC" }, { "mp3", "MP3" },
    { "pcm_s16le", "PCM 16-bit" }, { "pcm_s24le", "PCM 24-bit" }, { "pcm_s32le", "PCM 32-bit" },
    { "opus", "Opus" }, { "vp9", "VP9" }, { "av1", "AV1" }, { "flac", "FLAC" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (codec, names[i].ffmpeg))
      return names[i].people;
  return codec;
}

char *
cr_clip_words_codecs (const CrRecord *clip)
{
  GString *s = g_string_new (NULL);
  const char *video = cr_record_get (clip, "video_codec");
  const char *audio = cr_record_get (clip, "audio_codec");
  gint64 channels = cr_record_get_int (clip, "channels", 0);
  gint64 rate = cr_record_get_int (clip, "sample_rate", 0);

  if (video && cr_record_get_int (clip, "has_video", 0))
    g_string_append (s, codec_name (video));
  if (audio && cr_record_get_int (clip, "has_audio", 0))
    {
      if (s->len)
        g_string_append (s, ", ");
      g_string_append (s, codec_name (audio));
      if (channels == 1)
        g_string_append (s, " mono");
      else if (channels == 2)
        g_string_append (s, " stereo");
      else if (channels > 2)
        g_string_append_printf (s, " %" G_GINT64_FORMAT " channels", channels);
      if (rate > 0)
        g_string_append_printf (s, ", %g kHz", rate / 1000.0);
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}
