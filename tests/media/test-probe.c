/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "cr-probe.h"
#include "media-test-util.h"

/* Fixtures made once per run with the ffmpeg command-line tool. */
static char *dir;

static const char *const generated[] = {
  "tc.mov", "df.mp4", "matroska.mkv", "web.webm", "mpeg2.ts", "broadcast.mxf", "old.avi",
  "phone.mp4", "song.m4a", "song.mp3", "plain.wav", "speed.wav", "still.png", "fullrange.mp4",
};

static char *
fixture (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

/* FFmpeg 5.1's muxer has no option for a display matrix, so write the one a phone held
 * upright writes (turn 90° clockwise to view) into the first track header. */
static void
rotate_first_track (const char *path)
{
  static const guint8 identity[36] = {
    0, 1, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,
    0, 0, 0, 0,  0, 1, 0, 0,  0, 0, 0, 0,
    0, 0, 0, 0,  0, 0, 0, 0,  0x40, 0, 0, 0,
  };
  static const guint8 portrait[36] = {
    0, 0, 0, 0,  0, 1, 0, 0,  0, 0, 0, 0,
    0xff, 0xff, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,
    0, 0, 0, 0,  0, 0, 0, 0,  0x40, 0, 0, 0,
  };
  g_autofree char *data = NULL;
  gsize len;
  char *tkhd = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  for (gsize i = 0; i + 80 <= len && tkhd == NULL; i++)
    if (memcmp (data + i, "tkhd", 4) == 0)
      tkhd = data + i;
  g_assert_nonnull (tkhd);
  /* Version 0 tkhd: the matrix follows 40 bytes of times, ids, layer and volume. */
  g_assert_cmpmem (tkhd + 44, 36, identity, 36);
  memcpy (tkhd + 44, portrait, 36);
  g_assert_true (g_file_set_contents (path, data, len, NULL));
}

static void
make_fixtures (void)
{
  g_autofree char *path = NULL;
  guint8 noise[65536];
  GRand *rand = g_rand_new_with_seed (3);

#define P(name) (g_free (path), path = fixture (name))
#define V25 "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25"
#define V2997 "-f", "lavfi", "-i", "testsrc2=s=320x240:r=30000/1001"
#define A48 "-f", "lavfi", "-i", "sine=r=48000:f=440"
#define X264 "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"
  media_test_ffmpeg (P ("tc.mov"), V25, A48, "-t", "1", X264, "-c:a", "pcm_s16le",
                     "-timecode", "01:02:03:04", NULL);
  media_test_ffmpeg (P ("df.mp4"), V2997, A48, "-t", "1", X264, "-c:a", "aac",
                     "-timecode", "00:59:59;28", NULL);
  media_test_ffmpeg (P ("matroska.mkv"), V25, A48, "-t", "1", X264, "-c:a", "flac", NULL);
  media_test_ffmpeg (P ("web.webm"), V25, A48, "-t", "1", "-c:v", "libvpx", "-deadline", "realtime",
                     "-b:v", "200k", "-c:a", "libopus", NULL);
  media_test_ffmpeg (P ("mpeg2.ts"), V2997, A48, "-t", "1", "-c:v", "mpeg2video", "-c:a", "mp2",
                     "-timecode", "01:00:00;02", NULL);
  media_test_ffmpeg (P ("broadcast.mxf"), V25, A48, "-t", "1", "-c:v", "mpeg2video",
                     "-c:a", "pcm_s16le", "-timecode", "10:00:00:00", NULL);
  media_test_ffmpeg (P ("old.avi"), V25, A48, "-t", "1", "-c:v", "mpeg4", "-c:a", "libmp3lame", NULL);
  /* A phone: camera named in QuickTime keys, portrait by its display matrix (set below). */
  media_test_ffmpeg (P ("phone.mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x240:r=30",
                     "-f", "lavfi", "-i", "sine=r=44100", "-t", "1", X264, "-c:a", "aac",
                     "-movflags", "use_metadata_tags",
                     "-metadata", "com.apple.quicktime.make=Apple",
                     "-metadata", "com.apple.quicktime.model=iPhone 12", NULL);
  rotate_first_track (path);
  media_test_ffmpeg (P ("song.m4a"), "-f", "lavfi", "-i", "sine=r=44100", "-t", "1", "-c:a", "aac", NULL);
  media_test_ffmpeg (P ("song.mp3"), "-f", "lavfi", "-i", "sine=r=44100", "-t", "1",
                     "-c:a", "libmp3lame", NULL);
  /* Broadcast Wave at one hour past midnight (172800000 samples at 48 kHz), first with no
   * rate of its own, then with a Sound Devices style SPEED in the bext description. */
  media_test_ffmpeg (P ("plain.wav"), A48, "-t", "1", "-c:a", "pcm_s24le", "-write_bext", "1",
                     "-metadata", "time_reference=172800000", NULL);
  media_test_ffmpeg (P ("speed.wav"), A48, "-t", "1", "-c:a", "pcm_s24le", "-write_bext", "1",
                     "-metadata", "time_reference=172800000",
                     "-metadata", "description=sSPEED=023.976-ND\r\nsSCENE=12A\r\nsTAKE=3\r\nsTAPE=Day2\r\nsTRK1=Boom\r\nsTRK2=Lav\r\n",
                     NULL);
  /* Full range said only in the H.264 SPS (no colr atom). */
  media_test_ffmpeg (P ("fullrange.mp4"), V25, "-t", "1", X264, "-color_range", "pc",
                     "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709",
                     "-movflags", "-write_colr", NULL);
  media_test_ffmpeg (P ("still.png"), "-f", "lavfi", "-i", "testsrc2=s=320x240", "-frames:v", "1", NULL);
  media_test_ffmpeg (P ("faststart.mp4"), V25, "-t", "2", X264, "-movflags", "+faststart", NULL);

  /* Bad files. */
  g_assert_true (g_file_set_contents (P ("zero.mp4"), "", 0, NULL));
  g_assert_true (g_file_set_contents (P ("notes.mp4"), "Interview notes, not a video.\n", -1, NULL));
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = g_rand_int (rand) & 0xff;
  g_assert_true (g_file_set_contents (P ("noise.mov"), (char *) noise, sizeof noise, NULL));
  {
    g_autofree char *tc = fixture ("tc.mov"), *fast = fixture ("faststart.mp4");
    g_autofree char *data = NULL;
    gsize len;

    /* Cut short: the first loses its index (at the end), the second keeps it. */
    g_assert_true (g_file_get_contents (tc, &data, &len, NULL));
    g_assert_true (g_file_set_contents (P ("cut.mov"), data, len / 2, NULL));
    g_clear_pointer (&data, g_free);
    g_assert_true (g_file_get_contents (fast, &data, &len, NULL));
    g_assert_true (g_file_set_contents (P ("cut-faststart.mp4"), data, len / 2, NULL));
  }
  g_rand_free (rand);
#undef P
}

/* ffprobe's JSON: numbers come as strings or integers depending on the field. */
static gint64
int_member (JsonObject *o,
            const char *member)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node == NULL)
    return -1;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (node), NULL, 10);
  return json_node_get_int (node);
}

static const char *
str_member (JsonObject *o,
            const char *member)
{
  return json_object_has_member (o, member) ? json_object_get_string_member (o, member) : NULL;
}

static char *
rate_text (CrRate rate,
           char   separator)
{
  return g_strdup_printf ("%d%c%d", rate.num, separator, rate.den);
}

static void
assert_same_text (const char *ours,
                  const char *ffprobe,
                  const char *file,
                  const char *what)
{
  if (g_strcmp0 (ours, ffprobe) != 0)
    g_error ("%s: %s is “%s”, ffprobe says “%s”", file, what, ours ? ours : "(none)",
             ffprobe ? ffprobe : "(none)");
}

static void
assert_same_int (gint64      ours,
                 gint64      ffprobe,
                 const char *file,
                 const char *what)
{
  if (ours != ffprobe)
    g_error ("%s: %s is %" G_GINT64_FORMAT ", ffprobe says %" G_GINT64_FORMAT, file, what, ours, ffprobe);
}

static gint64
start_or_unknown (JsonObject *o)
{
  return json_object_has_member (o, "start_time") ? media_test_seconds_us (o, "start_time") : CR_TIME_UNKNOWN;
}

static void
compare_video (const CrProbeStream *s,
               JsonObject          *r,
               const char          *file)
{
  g_autofree char *r_rate = rate_text (s->frame_rate, '/');
  g_autofree char *avg_rate = rate_text (s->average_frame_rate, '/');
  g_autofree char *sar = s->sample_aspect.num ? rate_text (s->sample_aspect, ':') : NULL;
  g_autofree char *dar = s->display_aspect.num ? rate_text (s->display_aspect, ':') : NULL;
  const char *field_order = str_member (r, "field_order");
  int rotation = 0;

  assert_same_int (s->width, int_member (r, "width"), file, "width");
  assert_same_int (s->height, int_member (r, "height"), file, "height");
  assert_same_text (s->pixel_format, str_member (r, "pix_fmt"), file, "pixel format");
  if (g_strcmp0 (field_order, "unknown") == 0)
    field_order = NULL;
  assert_same_text (s->field_order, field_order, file, "field order");
  assert_same_text (r_rate, str_member (r, "r_frame_rate"), file, "nominal frame rate");
  assert_same_text (avg_rate, str_member (r, "avg_frame_rate"), file, "average frame rate");
  g_assert_cmpint (s->variable_frame_rate, ==, g_strcmp0 (r_rate, avg_rate) != 0);
  if (g_strcmp0 (str_member (r, "sample_aspect_ratio"), "0:1") != 0)
    {
      assert_same_text (sar, str_member (r, "sample_aspect_ratio"), file, "sample aspect ratio");
      assert_same_text (dar, str_member (r, "display_aspect_ratio"), file, "display aspect ratio");
    }
  assert_same_text (s->color_primaries, str_member (r, "color_primaries"), file, "colour primaries");
  assert_same_text (s->color_transfer, str_member (r, "color_transfer"), file, "colour transfer");
  assert_same_text (s->color_matrix, str_member (r, "color_space"), file, "colour matrix");
  /* The range: ffprobe decodes a frame and sees the VUI flags; we read H.264's SPS ourselves
   * but not HEVC's, so an HEVC range may be missing. What we do report must agree. */
  if (s->color_range != NULL || g_strcmp0 (s->codec, "hevc") != 0)
    assert_same_text (s->color_range, str_member (r, "color_range"), file, "colour range");

  if (json_object_has_member (r, "side_data_list"))
    {
      JsonArray *list = json_object_get_array_member (r, "side_data_list");
      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonObject *sd = json_array_get_object_element (list, i);
          if (json_object_has_member (sd, "rotation"))
            rotation = (int) ((360 - json_object_get_int_member (sd, "rotation")) % 360);
        }
    }
  assert_same_int (s->rotation, rotation, file, "rotation (clockwise)");
}

static void
compare_audio (const CrProbeStream *s,
               JsonObject          *r,
               const char          *file)
{
  assert_same_int (s->sample_rate, int_member (r, "sample_rate"), file, "sample rate");
  assert_same_int (s->channels, int_member (r, "channels"), file, "channels");
  assert_same_text (s->channel_layout, str_member (r, "channel_layout"), file, "channel layout");
  assert_same_text (s->sample_format, str_member (r, "sample_fmt"), file, "sample format");
  if (int_member (r, "bits_per_sample") > 0)
    assert_same_int (s->bits_per_sample, int_member (r, "bits_per_sample"), file, "bits per sample");
}

/* Every field that ffprobe also reports must agree with it. */
static void
compare_with_ffprobe (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrProbe) probe = cr_probe_file (path, NULL, NULL, &error);
  g_autoptr(JsonObject) ref = media_test_ffprobe (path);
  g_autofree char *file = g_path_get_basename (path);
  JsonObject *format = json_object_get_object_member (ref, "format");
  JsonArray *streams = json_object_get_array_member (ref, "streams");

  g_assert_no_error (error);
  assert_same_text (probe->format, str_member (format, "format_name"), file, "format");
  assert_same_text (probe->format_long, str_member (format, "format_long_name"), file, "format name");
  assert_same_int (probe->duration_us, media_test_seconds_us (format, "duration"), file, "duration");
  assert_same_int (probe->start_us, start_or_unknown (format), file, "start");
  assert_same_int (probe->bit_rate, int_member (format, "bit_rate"), file, "bit rate");
  assert_same_int (probe->size, int_member (format, "size"), file, "size");
  g_assert_cmpuint (probe->streams->len, ==, json_array_get_length (streams));
  {
    JsonObject *tags = json_object_has_member (format, "tags") ? json_object_get_object_member (format, "tags") : NULL;
    const char *created = tags ? str_member (tags, "creation_time") : NULL;
    const char *date = tags ? str_member (tags, "date") : NULL;

    /* Broadcast Wave: FFmpeg gives the date and the time of day apart; we join them. */
    if (created != NULL && date != NULL && strchr (created, '-') == NULL)
      {
        g_autofree char *joined = g_strdup_printf ("%sT%s", date, created);
        /* Metacorder writes the date as 2019:01:01. */
        if (joined[4] == ':' && joined[7] == ':')
          joined[4] = joined[7] = '-';
        assert_same_text (probe->creation_time, joined, file, "creation time");
      }
    else
      assert_same_text (probe->creation_time, created, file, "creation time");
  }

  for (guint i = 0; i < probe->streams->len; i++)
    {
      const CrProbeStream *s = g_ptr_array_index (probe->streams, i);
      JsonObject *r = json_array_get_object_element (streams, i);
      JsonObject *tags = json_object_has_member (r, "tags") ? json_object_get_object_member (r, "tags") : NULL;
      g_autofree char *what = g_strdup_printf ("%s #%u", file, i);

      assert_same_text (cr_stream_type_to_string (s->type), str_member (r, "codec_type"), what, "type");
      assert_same_text (s->codec, str_member (r, "codec_name"), what, "codec");
      /* ffprobe writes unprintable tags as [1][0][0][0]; we leave those out. */
      if (strchr (str_member (r, "codec_tag_string"), '[') != NULL)
        g_assert_null (s->codec_tag);
      else
        assert_same_text (s->codec_tag, str_member (r, "codec_tag_string"), what, "codec tag");
      assert_same_text (s->profile, str_member (r, "profile"), what, "profile");
      assert_same_int (s->bit_rate, int_member (r, "bit_rate"), what, "bit rate");
      assert_same_int (s->start_us, start_or_unknown (r), what, "start");
      assert_same_int (s->duration_us, media_test_seconds_us (r, "duration"), what, "duration");
      assert_same_int (s->frame_count, int_member (r, "nb_frames"), what, "frame count");
      assert_same_text (s->timecode, tags ? str_member (tags, "timecode") : NULL, what, "timecode tag");
      assert_same_text (s->language, tags ? str_member (tags, "language") : NULL, what, "language");
      if (s->type == CR_STREAM_VIDEO)
        compare_video (s, r, what);
      else if (s->type == CR_STREAM_AUDIO)
        compare_audio (s, r, what);
    }
}

static void
test_generated_vs_ffprobe (gconstpointer data)
{
  g_autofree char *path = fixture (data);

  compare_with_ffprobe (path);
}

static void
test_real_vs_ffprobe (gconstpointer data)
{
  g_autofree char *path = g_build_filename (cr_test_fixtures (), data, NULL);

  compare_with_ffprobe (path);
}

static CrProbe *
probe_ok (const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  CrProbe *probe = cr_probe_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  return probe;
}

static void
assert_timecode (const CrProbe    *probe,
                 CrTimecodeSource  source,
                 const char       *label,
                 const char       *rate)
{
  g_autofree char *ours = NULL, *ours_rate = NULL;

  g_assert_cmpstr (cr_timecode_source_to_string (probe->timecode.source), ==,
                   cr_timecode_source_to_string (source));
  ours = cr_timecode_to_string (probe->timecode.frames, &probe->timecode.format);
  ours_rate = cr_rate_to_string (probe->timecode.format.rate);
  g_assert_cmpstr (ours, ==, label);
  g_assert_cmpstr (ours_rate, ==, rate);
  g_assert_cmpint (probe->timecode.format.drop_frame, ==, strchr (label, ';') != NULL);
}

static void
test_timecode_sources (void)
{
  g_autoptr(CrProbe) mov = probe_ok ("tc.mov");
  g_autoptr(CrProbe) mp4 = probe_ok ("df.mp4");
  g_autoptr(CrProbe) ts = probe_ok ("mpeg2.ts");
  g_autoptr(CrProbe) mxf = probe_ok ("broadcast.mxf");
  g_autoptr(CrProbe) mkv = probe_ok ("matroska.mkv");

  assert_timecode (mov, CR_TIMECODE_SOURCE_TMCD, "01:02:03:04", "25/1");
  g_assert_false (mov->timecode.rate_mismatch);
  assert_timecode (mp4, CR_TIMECODE_SOURCE_TMCD, "00:59:59;28", "30000/1001");
  /* ffprobe does not show MPEG-2 GOP timecode; the value is the one ffmpeg was told to write. */
  assert_timecode (ts, CR_TIMECODE_SOURCE_GOP, "01:00:00;02", "30000/1001");
  g_assert_true (ts->used_stream_info);   /* MPEG-TS has no header worth the name */
  g_assert_cmpint (mxf->timecode.source, !=, CR_TIMECODE_SOURCE_NONE);
  assert_timecode (mxf, mxf->timecode.source, "10:00:00:00", "25/1");
  g_assert_cmpint (mkv->timecode.source, ==, CR_TIMECODE_SOURCE_NONE);
  g_assert_false (mov->used_stream_info); /* MOV: the header is enough */
}

/* A tmcd track that counts at 30 while the video runs at 25: the track wins, and says so. */
static void
test_tmcd_rate_mismatch (void)
{
  g_autofree char *src = fixture ("tc.mov");
  g_autofree char *path = fixture ("tc-30.mov");
  g_autofree char *data = NULL;
  g_autoptr(CrProbe) probe = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) ref = NULL;
  g_autofree char *label = NULL;
  gboolean patched = FALSE;
  gsize len;

  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  /* The tmcd sample entry: size, 'tmcd', 6 reserved, data reference 1, 4 reserved, flags,
   * timescale, frame duration, frames per second. */
  for (gsize i = 4; i + 29 <= len; i++)
    if (memcmp (data + i, "tmcd", 4) == 0 && memcmp (data + i + 4, "\0\0\0\0\0\0\0\1", 8) == 0)
      {
        memcpy (data + i + 20, "\0\0\0\x1e\0\0\0\x01", 8);
        data[i + 28] = 30;
        patched = TRUE;
      }
  g_assert_true (patched);
  g_assert_true (g_file_set_contents (path, data, len, NULL));

  probe = cr_probe_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (probe->timecode.source, ==, CR_TIMECODE_SOURCE_TMCD);
  g_assert_cmpint (probe->timecode.format.rate.num, ==, 30);
  g_assert_cmpint (probe->timecode.format.rate.den, ==, 1);
  g_assert_true (probe->timecode.rate_mismatch);
  g_assert_cmpint (probe->timecode.video_rate.num, ==, 25);
  /* The same frame count (01:02:03:04 at 25 is frame 93079) labelled at 30, as ffprobe does. */
  g_assert_cmpint (probe->timecode.frames, ==, 93079);
  label = cr_timecode_to_string (probe->timecode.frames, &probe->timecode.format);
  ref = media_test_ffprobe (path);
  for (guint i = 0; i < json_array_get_length (json_object_get_array_member (ref, "streams")); i++)
    {
      JsonObject *r = json_array_get_object_element (json_object_get_array_member (ref, "streams"), i);
      if (g_strcmp0 (str_member (r, "codec_tag_string"), "tmcd") == 0)
        g_assert_cmpstr (label, ==, str_member (json_object_get_object_member (r, "tags"), "timecode"));
    }
}

static void
test_broadcast_wave (void)
{
  g_autofree char *plain = fixture ("plain.wav");
  g_autoptr(CrProbe) speed = probe_ok ("speed.wav");
  g_autoptr(CrProbe) none = probe_ok ("plain.wav");
  g_autoptr(CrProbe) fallback = NULL;
  CrProbeOptions options = { { { 25, 1 }, FALSE }, 0 };
  g_autoptr(GError) error = NULL;
  const char *tracks[] = { "Boom", "Lav", NULL };

  /* 172800000 samples at 48 kHz is 3600 s; at 23.976 that is frame 86313.686 -> 86313. */
  assert_timecode (speed, CR_TIMECODE_SOURCE_BWF, "00:59:56:09", "24000/1001");
  g_assert_false (speed->timecode.rate_from_caller);
  g_assert_cmpstr (speed->recorder.scene, ==, "12A");
  g_assert_cmpstr (speed->recorder.take, ==, "3");
  g_assert_cmpstr (speed->recorder.tape, ==, "Day2");
  g_assert_true (g_strv_equal ((const char *const *) speed->recorder.track_names, tracks));
  g_assert_cmpint (speed->recorder.time_reference, ==, 172800000);

  /* No rate in the file and none from the caller: the samples are kept, no label is made up. */
  g_assert_cmpint (none->timecode.source, ==, CR_TIMECODE_SOURCE_NONE);
  g_assert_cmpint (none->recorder.time_reference, ==, 172800000);
  g_assert_cmpint (none->recorder.time_reference_rate, ==, 48000);

  fallback = cr_probe_file (plain, &options, NULL, &error);
  g_assert_no_error (error);
  assert_timecode (fallback, CR_TIMECODE_SOURCE_BWF, "01:00:00:00", "25/1");
  g_assert_true (fallback->timecode.rate_from_caller);
}

/* A chunk that claims 2 GiB at the end of a WAV: our RIFF walk stops, nothing breaks. */
static void
test_lying_chunk (void)
{
  g_autofree char *src = fixture ("speed.wav");
  g_autofree char *path = fixture ("lying.wav");
  g_autofree char *data = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(CrProbe) probe = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  g_byte_array_append (bytes, (guint8 *) data, len);
  g_byte_array_append (bytes, (const guint8 *) "iXML\xf0\xff\xff\x7f<BWFXML><SPEED>", 23);
  g_assert_true (g_file_set_contents (path, (char *) bytes->data, bytes->len, NULL));
  probe = cr_probe_file (path, NULL, NULL, &error);
  g_assert_no_error (error);
  /* The bext chunk before it still counts. */
  assert_timecode (probe, CR_TIMECODE_SOURCE_BWF, "00:59:56:09", "24000/1001");
}

static void
test_phone (void)
{
  g_autoptr(CrProbe) probe = probe_ok ("phone.mp4");
  const CrProbeStream *video = cr_probe_get_first_stream (probe, CR_STREAM_VIDEO);

  g_assert_cmpint (video->rotation, ==, 90);
  g_assert_cmpstr (probe->recorder.camera_make, ==, "Apple");
  g_assert_cmpstr (probe->recorder.camera_model, ==, "iPhone 12");
}

static void
assert_fails (const char   *name,
              GQuark        domain,
              int           code)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrProbe) probe = cr_probe_file (path, NULL, NULL, &error);

  g_assert_null (probe);
  g_assert_error (error, domain, code);
  /* One line that names the file. */
  g_assert_nonnull (strstr (error->message, name));
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_bad_files (void)
{
  g_autofree char *folder = fixture ("folder.mov");
  g_autofree char *fifo = fixture ("pipe.mov");

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  /* A named pipe with no writer would block open() forever. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_fails ("pipe.mov", CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO);
  assert_fails ("zero.mp4", CR_MEDIA_ERROR, CR_MEDIA_ERROR_NOT_MEDIA);
  assert_fails ("notes.mp4", CR_MEDIA_ERROR, CR_MEDIA_ERROR_NOT_MEDIA);
  assert_fails ("noise.mov", CR_MEDIA_ERROR, CR_MEDIA_ERROR_NOT_MEDIA);
  assert_fails ("cut.mov", CR_MEDIA_ERROR, CR_MEDIA_ERROR_DAMAGED);
  assert_fails ("cut-faststart.mp4", CR_MEDIA_ERROR, CR_MEDIA_ERROR_DAMAGED);
  assert_fails ("missing.mov", CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO);
  assert_fails ("folder.mov", CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO);
}

static void
test_cancel_and_deadline (void)
{
  g_autofree char *path = fixture ("mpeg2.ts");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrProbe) probe = NULL;
  CrProbeOptions options = { { { 0, 0 }, FALSE }, 1 };

  g_cancellable_cancel (cancellable);
  probe = cr_probe_file (path, NULL, cancellable, &error);
  g_assert_null (probe);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* A deadline of 1 µs has passed by the time FFmpeg first reads. */
  probe = cr_probe_file (path, &options, NULL, &error);
  g_assert_null (probe);
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_TIMEOUT);
}

/* A relative name with a colon is a file, not an FFmpeg protocol. */
static void
test_colon_in_name (void)
{
  g_autofree char *src = fixture ("tc.mov");
  g_autofree char *copy = fixture ("take:1.mov");
  g_autofree char *here = g_get_current_dir ();
  g_autofree char *data = NULL;
  g_autoptr(CrProbe) probe = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  g_assert_true (g_file_set_contents (copy, data, len, NULL));
  g_assert_cmpint (g_chdir (dir), ==, 0);
  probe = cr_probe_file ("take:1.mov", NULL, NULL, &error);
  g_assert_cmpint (g_chdir (here), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (probe->timecode.source, ==, CR_TIMECODE_SOURCE_TMCD);
}

static void
test_identity (void)
{
  g_autofree char *src = fixture ("tc.mov");
  g_autofree char *moved = fixture ("renamed.mov");
  g_autofree char *edited = fixture ("edited.mov");
  g_autofree char *data = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  g_autoptr(CrProbe) probe = probe_ok ("tc.mov");
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  g_assert_true (g_file_set_contents (moved, data, len, NULL));
  data[len - 1] ^= 1;
  g_assert_true (g_file_set_contents (edited, data, len, NULL));

  a = cr_probe_identity (src, &error);
  b = cr_probe_identity (moved, &error);
  c = cr_probe_identity (edited, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (a), ==, 40);
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpstr (probe->identity, ==, a);
  g_assert_cmpuint (probe->size, ==, len);
}

/* The rows of expected.tsv: what ffprobe, MediaInfo and the recorders' own reports say. */
static void
test_real_recordings (void)
{
  const char *folder = cr_test_fixtures ();
  g_autofree char *table = g_build_filename (folder, "expected.tsv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) rows = NULL;
  int checked = 0;

  g_assert_true (g_file_get_contents (table, &text, NULL, NULL));
  rows = g_strsplit (text, "\n", -1);
  for (guint i = 1; rows[i] != NULL; i++)
    {
      g_auto(GStrv) col = g_strsplit (rows[i], "\t", -1);
      g_autofree char *path = NULL, *video = NULL, *audio = NULL, *tc = NULL, *rate = NULL;
      g_autoptr(CrProbe) probe = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonObject) fake = json_object_new ();
      const CrProbeStream *v, *a;

      if (g_strv_length (col) < 7)
        continue;
      path = g_build_filename (folder, col[0], NULL);
      probe = cr_probe_file (path, NULL, NULL, &error);
      g_assert_no_error (error);

      json_object_set_string_member (fake, "d", col[1]);
      assert_same_int (probe->duration_us, media_test_seconds_us (fake, "d"), col[0], "duration");
      v = cr_probe_get_first_stream (probe, CR_STREAM_VIDEO);
      a = cr_probe_get_first_stream (probe, CR_STREAM_AUDIO);
      video = v ? g_strdup_printf ("%s %dx%d %d/%d", v->codec, v->width, v->height,
                                   v->frame_rate.num, v->frame_rate.den) : g_strdup ("-");
      audio = a ? g_strdup_printf ("%s %d %d", a->codec, a->sample_rate, a->channels) : g_strdup ("-");
      g_assert_cmpstr (video, ==, col[2]);
      g_assert_cmpstr (audio, ==, col[3]);
      if (probe->timecode.source != CR_TIMECODE_SOURCE_NONE)
        {
          tc = cr_timecode_to_string (probe->timecode.frames, &probe->timecode.format);
          rate = cr_rate_to_string (probe->timecode.format.rate);
        }
      g_assert_cmpstr (tc ? tc : "-", ==, col[4]);
      g_assert_cmpstr (rate ? rate : "-", ==, col[5]);
      if (g_str_equal (col[6], "-"))
        g_assert_cmpint (probe->timecode.source, ==, CR_TIMECODE_SOURCE_NONE);
      else
        g_assert_cmpstr (cr_timecode_source_to_string (probe->timecode.source), ==, col[6]);
      checked++;
    }
  g_assert_cmpint (checked, ==, 8);
}

static void
test_recorder_fields (void)
{
  const char *folder = cr_test_fixtures ();
  g_autofree char *path = g_build_filename (folder, "A101_1.WAV", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrProbe) probe = cr_probe_file (path, NULL, NULL, &error);
  const char *tracks[] = { "MKH516 A", "Boom", NULL };

  g_assert_no_error (error);
  g_assert_cmpstr (probe->recorder.scene, ==, "A101");
  g_assert_cmpstr (probe->recorder.take, ==, "1");
  g_assert_cmpstr (probe->recorder.tape, ==, "18Y12M31");
  g_assert_cmpstr (probe->recorder.project, ==, "BMH");
  g_assert_true (g_strv_equal ((const char *const *) probe->recorder.track_names, tracks));
  g_assert_cmpint (probe->recorder.time_reference, ==, 2190940753);
  g_assert_cmpstr (probe->creation_time, ==, "2018-12-31T12:40:00");
}

/* An indexer probes from a pool of workers: every result must match a one-by-one probe. */
static void
probe_in_pool (gpointer data,
               gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrProbe) probe = cr_probe_file (data, NULL, NULL, &error);

  g_assert_no_error (error);
  g_atomic_int_inc ((int *) user_data);
}

static void
test_thread_pool (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  int done = 0;
  GThreadPool *pool = g_thread_pool_new (probe_in_pool, &done, 2, FALSE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (generated); i++)
    {
      g_ptr_array_add (paths, fixture (generated[i]));
      g_thread_pool_push (pool, g_ptr_array_index (paths, i), NULL);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  g_assert_cmpint (done, ==, G_N_ELEMENTS (generated));
}

int
main (int    argc,
      char **argv)
{
  const char *real[] = {
    "A101_1.WAV", "Scene_1_2AG-T001_Tr1.WAV", "Sr001-2C-01_01.WAV",
    "TimecodeTrack_23_976_Start-00-58-40-00.mov", "TimecodeTrack_29_97d_Start_00-00-00-00.mov",
    "VideoAndTimecodeTrack_29_97i_Start-00-00-00-00.mov", "VideoTrack_25_VFR_1sec.mov",
    "VideoTrack_29_97_Start-00-00-00-00.mp4",
  };
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = media_test_dir ();
  make_fixtures ();

  for (guint i = 0; i < G_N_ELEMENTS (generated); i++)
    {
      g_autofree char *name = g_strdup_printf ("/probe/ffprobe/%s", generated[i]);
      g_test_add_data_func (name, generated[i], test_generated_vs_ffprobe);
    }
  for (guint i = 0; i < G_N_ELEMENTS (real); i++)
    {
      g_autofree char *name = g_strdup_printf ("/probe/ffprobe/real/%s", real[i]);
      g_test_add_data_func (name, real[i], test_real_vs_ffprobe);
    }
  g_test_add_func ("/probe/timecode/sources", test_timecode_sources);
  g_test_add_func ("/probe/timecode/tmcd-rate-mismatch", test_tmcd_rate_mismatch);
  g_test_add_func ("/probe/timecode/broadcast-wave", test_broadcast_wave);
  g_test_add_func ("/probe/timecode/lying-chunk", test_lying_chunk);
  g_test_add_func ("/probe/real/expected", test_real_recordings);
  g_test_add_func ("/probe/real/recorder", test_recorder_fields);
  g_test_add_func ("/probe/phone", test_phone);
  g_test_add_func ("/probe/errors", test_bad_files);
  g_test_add_func ("/probe/cancel", test_cancel_and_deadline);
  g_test_add_func ("/probe/identity", test_identity);
  g_test_add_func ("/probe/colon-in-name", test_colon_in_name);
  g_test_add_func ("/probe/thread-pool", test_thread_pool);

  status = g_test_run ();
  if (status == 0)
    {
      const char *argv_rm[] = { "rm", "-rf", dir, NULL };
      media_test_run (argv_rm);
    }
  g_free (dir);
  return status;
}
