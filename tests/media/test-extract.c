/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cr-extract.h"
#include "cr-probe.h"
#include "media-test-util.h"

static char *dir;

static char *
fixture (const char *name)
{
  return g_build_filename (dir, name, NULL);
}

static void
make_fixtures (void)
{
  g_autofree char *path = NULL;

#define P(name) (g_free (path), path = fixture (name))
#define X264 "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"
  /* 6 s at 25 fps, a keyframe every second, timecode track from 01:00:00:00. */
  media_test_ffmpeg (P ("source.mov"), "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25",
                     "-f", "lavfi", "-i", "sine=r=48000", "-t", "6", X264, "-g", "25",
                     "-c:a", "aac", "-timecode", "01:00:00:00", NULL);
  /* 29.97 drop-frame, B-frames, starting just before the hour. */
  media_test_ffmpeg (P ("df.mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x240:r=30000/1001",
                     "-f", "lavfi", "-i", "sine=r=48000", "-t", "3", X264, "-g", "30",
                     "-c:a", "aac", "-timecode", "00:59:59;28", NULL);
  /* MPEG-TS: no index, a keyframe every 12 frames (0.48 s). */
  media_test_ffmpeg (P ("stream.ts"), "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25",
                     "-f", "lavfi", "-i", "sine=r=48000", "-t", "3", "-c:v", "mpeg2video", "-g", "12",
                     "-c:a", "mp2", NULL);
  media_test_ffmpeg (P ("take.wav"), "-f", "lavfi", "-i", "sine=r=48000", "-t", "3", "-c:a", "pcm_s24le", NULL);
  /* Broadcast WAV at 10:00:00 (samples since midnight at 48 kHz). */
  media_test_ffmpeg (P ("take-bwf.wav"), "-f", "lavfi", "-i", "sine=r=48000", "-t", "3", "-c:a", "pcm_s24le",
                     "-write_bext", "1", "-metadata", "time_reference=1728000000", NULL);
  /* 8 s at 25 fps, its frame number burnt in as 8 bars (bit 0 at the left: white is 1), with
   * B-frames (3, pyramid) and a keyframe every second: what a camera's H.264 looks like. */
  media_test_ffmpeg (P ("numbered.mp4"), "-f", "lavfi", "-i",
                     "color=c=black:s=320x240:r=25:d=8,format=gray,"
                     "geq=lum='if(bitand(N\\,pow(2\\,floor(X/40)))\\,235\\,16)',format=yuv420p",
                     "-c:v", "libx264", "-preset", "ultrafast", "-bf", "3", "-g", "25", NULL);
  /* The same with open GOPs: each keyframe's first B-frames show before it and refer to the
   * GOP before. */
  media_test_ffmpeg (P ("numbered-open.mp4"), "-f", "lavfi", "-i",
                     "color=c=black:s=320x240:r=25:d=8,format=gray,"
                     "geq=lum='if(bitand(N\\,pow(2\\,floor(X/40)))\\,235\\,16)',format=yuv420p",
                     "-c:v", "libx264", "-preset", "ultrafast", "-bf", "3", "-g", "25",
                     "-x264-params", "open-gop=1:keyint-min=25:scenecut=0", NULL);
#undef P
}

#define BAR_WIDTH 40
#define NUMBERED_W 320
#define NUMBERED_H 240

/* The frame numbers a file shows, in display order, as ffmpeg decodes it. */
static GArray *
frame_numbers (const char *path)
{
  const char *argv[] = { "ffmpeg", "-v", "error", "-nostdin", "-i", path, "-f", "rawvideo", "-pix_fmt", "gray",
                         "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_autoptr(GBytes) bytes = NULL;
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (int));
  const guint8 *data;
  gsize len, frame = NUMBERED_W * NUMBERED_H;

  g_assert_no_error (error);
  g_subprocess_communicate (proc, NULL, NULL, &bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  data = g_bytes_get_data (bytes, &len);
  g_assert_cmpuint (len % frame, ==, 0);
  for (gsize i = 0; i < len / frame; i++)
    {
      int n = 0;

      for (int bit = 0; bit < 8; bit++)
        if (data[i * frame + (NUMBERED_H / 2) * NUMBERED_W + bit * BAR_WIDTH + BAR_WIDTH / 2] > 128)
          n |= 1 << bit;
      g_array_append_val (numbers, n);
    }
  return numbers;
}

typedef struct
{
  JsonObject *format;
  JsonArray  *streams;
  JsonObject *root;
} Probed;

static void
probed_clear (Probed *p)
{
  g_clear_pointer (&p->root, json_object_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Probed, probed_clear)

static void
ffprobe (const char *path,
         Probed     *out)
{
  out->root = media_test_ffprobe (path);
  out->format = json_object_get_object_member (out->root, "format");
  out->streams = json_object_get_array_member (out->root, "streams");
}

static JsonObject *
stream_of_type (Probed     *p,
                const char *type,
                guint      *count)
{
  JsonObject *found = NULL;

  *count = 0;
  for (guint i = 0; i < json_array_get_length (p->streams); i++)
    {
      JsonObject *s = json_array_get_object_element (p->streams, i);
      if (g_str_equal (json_object_get_string_member (s, "codec_type"), type))
        {
          found = found ? found : s;
          (*count)++;
        }
    }
  return found;
}

static const char *
tag (JsonObject *o,
     const char *key)
{
  JsonObject *tags = json_object_has_member (o, "tags") ? json_object_get_object_member (o, "tags") : NULL;

  return tags != NULL && json_object_has_member (tags, key) ? json_object_get_string_member (tags, key) : NULL;
}

/* Stream copy of 2.3 s to 4.0 s: starts at the keyframe at 2.0 s, says so, and the new file's
 * timecode is that frame's: 01:00:02:00. The old timecode track is not carried over. */
static void
test_copy (void)
{
  g_autofree char *src = fixture ("source.mov");
  g_autofree char *out = fixture ("copy.mov");
  CrExtractOptions options = { 2300000, 4000000, FALSE, NULL, NULL };
  g_auto(CrExtractResult) result = { 0 };
  g_auto(Probed) p = { 0 };
  g_autoptr(GError) error = NULL;
  JsonObject *video, *audio, *data;
  guint nv, na, nd;
  g_autofree char *label = NULL;

  g_assert_true (cr_extract (src, out, &options, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.in_us, ==, 2000000);
  g_assert_cmpint (result.out_us, ==, 4000000);
  g_assert_true (result.has_timecode);
  label = cr_timecode_to_string (result.timecode_frames, &result.timecode_format);
  g_assert_cmpstr (label, ==, "01:00:02:00");
  g_assert_nonnull (result.notes);
  g_assert_nonnull (strstr (result.notes[0], "timecode track"));

  ffprobe (out, &p);
  video = stream_of_type (&p, "video", &nv);
  audio = stream_of_type (&p, "audio", &na);
  data = stream_of_type (&p, "data", &nd);
  g_assert_cmpuint (nv, ==, 1);
  g_assert_cmpuint (na, ==, 1);
  /* One timecode track, made anew by the muxer from our tag: not the source's copied. */
  g_assert_cmpuint (nd, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (video, "codec_name"), ==, "h264");
  g_assert_cmpstr (json_object_get_string_member (video, "nb_frames"), ==, "50");
  g_assert_cmpint (media_test_seconds_us (video, "duration"), ==, 2000000);
  g_assert_cmpstr (json_object_get_string_member (audio, "codec_name"), ==, "aac");
  g_assert_cmpstr (tag (data, "timecode"), ==, "01:00:02:00");
  g_assert_cmpstr (tag (video, "timecode"), ==, "01:00:02:00");
  /* A copied tmcd track would stretch the file to the source's 6 s. */
  g_assert_cmpint (media_test_seconds_us (p.format, "duration"), <, 2100000);
}

/* Re-encoded frames 15 to 45 at 29.97 DF: 30 frames exactly, the first being source frame
 * 15, labelled 00:59:59;28 + 15 frames = 01:00:00;13. */
static void
test_reencode (void)
{
  g_autofree char *src = fixture ("df.mp4");
  g_autofree char *out = fixture ("reencoded.mp4");
  CrRate rate = { 30000, 1001 };
  CrExtractOptions options = { cr_frames_to_usec (15, rate), cr_frames_to_usec (45, rate), TRUE, NULL, NULL };
  g_auto(CrExtractResult) result = { 0 };
  g_auto(Probed) p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL, same = NULL, before = NULL, after = NULL;
  JsonObject *video, *audio, *data;
  guint nv, na, nd;
  g_autofree char *label = NULL;

  g_assert_true (cr_extract (src, out, &options, &result, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.in_us, ==, cr_frames_to_usec (15, rate));
  g_assert_cmpint (result.out_us, ==, cr_frames_to_usec (45, rate));
  label = cr_timecode_to_string (result.timecode_frames, &result.timecode_format);
  g_assert_cmpstr (label, ==, "01:00:00;13");

  ffprobe (out, &p);
  video = stream_of_type (&p, "video", &nv);
  audio = stream_of_type (&p, "audio", &na);
  data = stream_of_type (&p, "data", &nd);
  g_assert_cmpuint (nv, ==, 1);
  g_assert_cmpuint (na, ==, 1);
  g_assert_cmpuint (nd, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (video, "codec_name"), ==, "h264");
  g_assert_cmpstr (json_object_get_string_member (video, "nb_frames"), ==, "30");
  g_assert_cmpstr (json_object_get_string_member (video, "r_frame_rate"), ==, "30000/1001");
  g_assert_cmpint (media_test_seconds_us (video, "duration"), ==, 1001000);
  g_assert_cmpstr (json_object_get_string_member (audio, "codec_name"), ==, "aac");
  /* The audio covers the same second, to within one AAC frame. */
  g_assert_cmpint (ABS (media_test_seconds_us (audio, "duration") - 1001000), <=, 21334);
  g_assert_cmpstr (tag (data, "timecode"), ==, "01:00:00;13");

  /* Frame-accurate: closer to the source's frame 15 than to 14 or 16. */
  first = media_test_ffmpeg_rgb (out, "null");
  same = media_test_ffmpeg_rgb (src, "select=eq(n\\,15)");
  before = media_test_ffmpeg_rgb (src, "select=eq(n\\,14)");
  after = media_test_ffmpeg_rgb (src, "select=eq(n\\,16)");
  g_assert_cmpfloat (media_test_mean_difference (first, same) * 3, <, media_test_mean_difference (first, before));
  g_assert_cmpfloat (media_test_mean_difference (first, same) * 3, <, media_test_mean_difference (first, after));
}

/* MPEG-TS has no index: the cut still starts at the keyframe at or before `in`. */
static void
test_copy_without_index (void)
{
  g_autofree char *src = fixture ("stream.ts");
  g_autofree char *out = fixture ("part.ts");
  CrExtractOptions options = { 1200000, 2000000, FALSE, NULL, NULL };
  g_auto(CrExtractResult) result = { 0 };
  g_auto(Probed) p = { 0 };
  g_autoptr(GError) error = NULL;
  JsonObject *video;
  guint nv, na;
  g_autofree char *label = NULL, *data = NULL;
  guint32 gop = G_MAXUINT32;
  gsize len;

  g_assert_true (cr_extract (src, out, &options, &result, NULL, &error));
  g_assert_no_error (error);
  /* Keyframes every 0.48 s: 0.96 s is the last one before 1.2 s. */
  g_assert_cmpint (result.in_us, ==, 960000);
  g_assert_cmpint (result.out_us, >=, 2000000);
  /* MPEG-2 video always has a GOP timecode (here from 00:00:00:00): the output's is that of
   * its first frame, 24 frames in, and the copied GOP header itself says the same. */
  g_assert_true (result.has_timecode);
  label = cr_timecode_to_string (result.timecode_frames, &result.timecode_format);
  g_assert_cmpstr (label, ==, "00:00:00:24");
  g_assert_true (g_file_get_contents (out, &data, &len, NULL));
  for (gsize i = 0; i + 8 <= len && gop == G_MAXUINT32; i++)
    if (memcmp (data + i, "\0\0\1\xb8", 4) == 0)
      gop = ((guint32) (guint8) data[i + 4] << 17) | ((guint8) data[i + 5] << 9)
            | ((guint8) data[i + 6] << 1) | ((guint8) data[i + 7] >> 7);
  g_assert_cmpuint (gop & 0x3f, ==, 24);            /* frames */
  g_assert_cmpuint ((gop >> 6) & 0x3f, ==, 0);      /* seconds */
  ffprobe (out, &p);
  video = stream_of_type (&p, "video", &nv);
  stream_of_type (&p, "audio", &na);
  g_assert_cmpuint (nv, ==, 1);
  g_assert_cmpuint (na, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (video, "codec_name"), ==, "mpeg2video");
  g_assert_cmpint (ABS (media_test_seconds_us (p.format, "duration") - (result.out_us - result.in_us)), <, 50000);
}

static void
test_audio_only (void)
{
  g_autofree char *src = fixture ("take.wav");
  g_autofree char *out = fixture ("take-part.wav");
  CrExtractOptions options = { 1000000, 2000000, FALSE, NULL, NULL };
  g_auto(CrExtractResult) result = { 0 };
  g_auto(Probed) p = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_extract (src, out, &options, &result, NULL, &error));
  g_assert_no_error (error);
  ffprobe (out, &p);
  /* Each end is rounded to the microsecond on its own: the length can be 1 µs off. */
  g_assert_cmpint (ABS (media_test_seconds_us (p.format, "duration") - (result.out_us - result.in_us)), <=, 1);
  g_assert_cmpint (result.in_us, <=, 1000000);
  g_assert_cmpint (result.out_us, >=, 2000000);
  g_assert_cmpint (result.out_us - result.in_us, <, 1200000);
}

/* The extract of a Broadcast WAV is one too, its time reference at its own first sample. */
static void
test_bwf_keeps_time_reference (void)
{
  g_autofree char *src = fixture ("take-bwf.wav");
  g_autofree char *out = fixture ("take-bwf-part.wav");
  CrExtractOptions options = { 1000000, 2000000, FALSE, NULL, NULL };
  g_auto(CrExtractResult) result = { 0 };
  g_auto(Probed) p = { 0 };
  g_autoptr(GError) error = NULL;
  JsonObject *tags;

  g_assert_true (cr_extract (src, out, &options, &result, NULL, &error));
  g_assert_no_error (error);
  ffprobe (out, &p);
  tags = json_object_get_object_member (p.format, "tags");
  g_assert_nonnull (tags);
  g_assert_cmpint (g_ascii_strtoll (json_object_get_string_member (tags, "time_reference"), NULL, 10), ==,
                   1728000000 + result.in_us * 48000 / G_USEC_PER_SEC);
  g_assert_cmpint (result.in_us, ==, 1000000);
}

static char *
riff_chunks (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "media", "riff-chunks.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* A field recorder's file (Sound Devices 702T: bext and iXML, 23.976 ND timecode named only in
 * its iXML) keeps its iXML in the extract, its copies of the time reference moved with bext's,
 * so that the extract has the recorder's timecode rate, scene and take. The chunks are read
 * back by a reader of its own. */
static void
test_bwf_keeps_ixml (void)
{
  g_autofree char *src = g_build_filename (g_getenv ("CASEREEL_FIXTURES"), "A101_1.WAV", NULL);
  g_autofree char *out = fixture ("A101_1-part.wav");
  CrExtractOptions options = { 500000, 1500000, FALSE, NULL, NULL };
  g_auto(CrExtractResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = riff_chunks (src);
  g_autofree char *after = NULL;
  g_autofree char *label = NULL;
  g_autofree char *lo = NULL;
  const char *ixml_before, *ixml_after;
  gint64 reference, moved;

  g_assert_true (cr_extract (src, out, &options, &result, NULL, &error));
  g_assert_no_error (error);
  after = riff_chunks (out);
  g_test_message ("%s", after);
  g_assert_true (g_str_has_prefix (after, "riff-size ok\n"));
  g_assert_nonnull (strstr (after, "\nend ok\n"));
  g_assert_nonnull (strstr (after, "\nbext "));
  g_assert_nonnull (strstr (after, "\niXML "));

  /* bext's reference moved to the extract's first sample (48 kHz), iXML's with it. */
  reference = g_ascii_strtoll (strstr (before, "time_reference ") + strlen ("time_reference "), NULL, 10);
  moved = g_ascii_strtoll (strstr (after, "time_reference ") + strlen ("time_reference "), NULL, 10);
  g_assert_cmpint (moved, ==, reference + result.in_us * 48000 / G_USEC_PER_SEC);
  lo = g_strdup_printf ("<TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_LO>%010" G_GINT64_FORMAT "<", moved);
  g_assert_nonnull (strstr (after, lo));
  g_assert_nonnull (strstr (after, "<TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_HI>0000000000<"));

  /* Everything else of the iXML as the recorder wrote it. */
  ixml_before = strstr (before, "\niXML\n");
  ixml_after = strstr (after, "\niXML\n");
  g_assert_nonnull (ixml_before);
  g_assert_nonnull (ixml_after);
  {
    g_auto(GStrv) a = g_strsplit (ixml_before, "\n", -1);
    g_auto(GStrv) b = g_strsplit (ixml_after, "\n", -1);
    guint changed = 0;

    g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
    for (guint i = 0; a[i] != NULL; i++)
      if (!g_str_equal (a[i], b[i]))
        {
          g_assert_true (strstr (b[i], "TIMESTAMP_SAMPLES_SINCE_MIDNIGHT_LO") != NULL ||
                         strstr (b[i], "BWF_TIME_REFERENCE_LOW") != NULL);
          changed++;
        }
    g_assert_cmpuint (changed, >=, 1);
  }

  /* So the extract counts at the recorder's rate: 23.976 ND, not a caller's. */
  g_assert_true (result.has_timecode);
  label = cr_timecode_to_string (result.timecode_frames, &result.timecode_format);
  g_assert_cmpint (result.timecode_format.rate.num, ==, 24000);
  {
    g_autoptr(CrProbe) probe = cr_probe_file (out, NULL, NULL, &error);
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (probe->timecode.source, ==, CR_TIMECODE_SOURCE_BWF);
    g_assert_false (probe->timecode.rate_from_caller);
    again = cr_timecode_to_string (probe->timecode.frames, &probe->timecode.format);
    g_assert_cmpstr (again, ==, label);
  }
}

/* Stream copy of H.264 with B-frames, for every out point over two GOPs' worth of frames: the
 * picture has every frame from the keyframe at or before `in` to `out` - 1 exactly, once, in
 * order (it used to hold 120 and 122 but not 121, and then frames past `out`), the range
 * printed is those frames, and where B-frames needed pictures past `out` a note says the last
 * pictures were re-encoded. Read from the frame numbers burnt in, as ffmpeg decodes them. */
static void
test_copy_out_point (void)
{
  g_autofree char *src = fixture ("numbered.mp4");
  CrRate rate = { 25, 1 };
  g_autoptr(GArray) all = frame_numbers (src);
  const char *const outs[] = { "numbered-part.mp4", "numbered-part.mkv", "numbered-part.ts" };
  guint reencoded_seen = 0, copied_seen = 0;

  /* The burnt-in numbers read back: the source is 0..199. */
  g_assert_cmpuint (all->len, ==, 200);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (g_array_index (all, int, i), ==, (int) i);

  for (guint o = 0; o < G_N_ELEMENTS (outs); o++)
    for (gint64 end = 112; end <= 126; end++)
      {
        g_autofree char *out = fixture (outs[o]);
        CrExtractOptions options = { cr_frames_to_usec (30, rate), cr_frames_to_usec (end, rate), FALSE, NULL, NULL };
        g_auto(CrExtractResult) result = { 0 };
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) got = NULL;
        g_auto(Probed) p = { 0 };
        JsonObject *video;
        guint nv;
        gboolean reencoded = FALSE;

        g_assert_true (cr_extract (src, out, &options, &result, NULL, &error));
        g_assert_no_error (error);
        got = frame_numbers (out);
        g_test_message ("%s, out %" G_GINT64_FORMAT ": %u frames", outs[o], end, got->len);
        /* From the keyframe at 1 s to `out` - 1: each frame once, in order. */
        g_assert_cmpuint (got->len, ==, end - 25);
        for (guint i = 0; i < got->len; i++)
          g_assert_cmpint (g_array_index (got, int, i), ==, 25 + (int) i);
        /* The range printed is the frames written. */
        g_assert_cmpint (result.in_us, ==, cr_frames_to_usec (25, rate));
        g_assert_cmpint (result.out_us, ==, cr_frames_to_usec (end, rate));
        for (guint i = 0; result.notes != NULL && result.notes[i] != NULL; i++)
          {
            g_assert_null (strstr (result.notes[i], "past the out point"));
            reencoded = reencoded || strstr (result.notes[i], "re-encoded, so that the copy ends there exactly") != NULL;
          }
        reencoded_seen += reencoded;
        copied_seen += !reencoded;
        /* ffprobe counts the same frames in one H.264 stream. */
        ffprobe (out, &p);
        video = stream_of_type (&p, "video", &nv);
        g_assert_cmpuint (nv, ==, 1);
        g_assert_cmpstr (json_object_get_string_member (video, "codec_name"), ==, "h264");
        if (g_str_has_suffix (outs[o], ".mp4"))
          g_assert_cmpint (atoi (json_object_get_string_member (video, "nb_frames")), ==, end - 25);
      }
  /* Both ways are exercised: out points that B-frames cross, and those they do not. */
  g_assert_cmpuint (reencoded_seen, >, 0);
  g_assert_cmpuint (copied_seen, >, 0);
}

/* Open GOPs: the out point's GOP has leading pictures that need the GOP before, which is
 * decoded first for them; the extract still holds exactly 25 to `out` - 1. */
static void
test_copy_out_point_open_gop (void)
{
  g_autofree char *src = fixture ("numbered-open.mp4");
  g_autofree char *out = fixture ("numbered-open-part.mp4");
  CrRate rate = { 25, 1 };
  const gint64 ends[] = { 48, 49, 50, 51, 52, 70, 74, 75, 76 };

  for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
    {
      CrExtractOptions options = { cr_frames_to_usec (30, rate), cr_frames_to_usec (ends[e], rate), FALSE, NULL, NULL };
      g_auto(CrExtractResult) result = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) got = NULL;

      g_assert_true (cr_extract (src, out, &options, &result, NULL, &error));
      g_assert_no_error (error);
      got = frame_numbers (out);
      g_assert_cmpuint (got->len, ==, ends[e] - 25);
      for (guint i = 0; i < got->len; i++)
        g_assert_cmpint (g_array_index (got, int, i), ==, 25 + (int) i);
      g_assert_cmpint (result.out_us, ==, cr_frames_to_usec (ends[e], rate));
    }
}

/* A container that cannot hold the codec is named with the codec, not "Invalid argument";
 * nothing is left behind. */
static void
test_container_refuses_codec (void)
{
  g_autofree char *src = fixture ("source.mov");
  g_autofree char *out = fixture ("part.mxf");
  CrExtractOptions options = { 1000000, 2000000, FALSE, NULL, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_false (cr_extract (src, out, &options, NULL, NULL, &error));
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_UNSUPPORTED);
  {
    g_autofree char *expected = g_strdup_printf ("%s: MXF cannot hold h264 video and aac sound as copied; "
                                                 "use .mov, .mp4 or .mkv, or --reencode", out);
    g_assert_cmpstr (error->message, ==, expected);
  }
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* Refused by the container's codec list (WebM: VP8/9, AV1, Vorbis, Opus; FLV: no 24-bit PCM)
   * rather than "no video or audio stream", and by the muxer itself (FLV's PCM only at 44.1 kHz
   * and below) rather than "Function not implemented" (issue 14). */
  {
    g_autofree char *take = fixture ("take.wav");
    g_autofree char *take16 = fixture ("take16.wav");
    const struct { const char *src, *out, *said; } cases[] = {
      { src, "part.webm", "WEBM cannot hold h264 video and aac sound as copied" },
      { take, "take.flv", "FLV cannot hold pcm_s24le sound as copied" },
      { take16, "take16.flv", "FLV cannot hold pcm_s16le sound as copied" },
    };

    media_test_ffmpeg (take16, "-f", "lavfi", "-i", "sine=r=48000", "-t", "3", "-c:a", "pcm_s16le", NULL);
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = fixture (cases[i].out);
        g_autofree char *expected = g_strdup_printf ("%s: %s; use .mov, .mp4 or .mkv, or --reencode", path,
                                                     cases[i].said);

        g_clear_error (&error);
        g_assert_false (cr_extract (cases[i].src, path, &options, NULL, NULL, &error));
        g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_UNSUPPORTED);
        g_assert_cmpstr (error->message, ==, expected);
        g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
      }
  }
}

typedef struct
{
  GCancellable *cancellable;
  gint64        last;
  gint64        total;
  int           calls;
  gboolean      cancel_midway;
} Progress;

static void
on_progress (gint64   done_us,
             gint64   total_us,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpint (done_us, >=, p->last);
  g_assert_cmpint (done_us, <=, total_us);
  p->last = done_us;
  p->total = total_us;
  p->calls++;
  if (p->cancel_midway && done_us > total_us / 2)
    g_cancellable_cancel (p->cancellable);
}

static guint
count_entries (void)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_progress_and_cancel (void)
{
  g_autofree char *src = fixture ("source.mov");
  g_autofree char *out = fixture ("cancelled.mp4");
  g_autofree char *done = fixture ("whole.mp4");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { cancellable, 0, 0, 0, FALSE };
  CrExtractOptions options = { 0, -1, TRUE, on_progress, &progress };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  guint before;

  g_assert_true (cr_extract (src, done, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (progress.calls, >, 10);
  g_assert_cmpint (progress.last, ==, progress.total);
  g_assert_cmpint (progress.total, ==, 6000000);

  /* Cancelled halfway: the old file at that name is untouched and no temp file is left. */
  g_assert_true (g_file_set_contents (out, "an older cut", -1, NULL));
  before = count_entries ();
  progress = (Progress) { cancellable, 0, 0, 0, TRUE };
  g_assert_false (cr_extract (src, out, &options, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "an older cut");
  g_assert_cmpuint (count_entries (), ==, before);
}

static void
test_bad_requests (void)
{
  g_autofree char *src = fixture ("source.mov");
  g_autofree char *out = fixture ("bad.mov");
  g_autofree char *odd = fixture ("bad.unknownext");
  g_autofree char *nowhere = fixture ("missing/out.mov");
  CrExtractOptions past = { 7000000, -1, FALSE, NULL, NULL };
  CrExtractOptions backwards = { 3000000, 2000000, FALSE, NULL, NULL };
  CrExtractOptions fine = { 1000000, 2000000, FALSE, NULL, NULL };
  g_autoptr(GError) error = NULL;
  guint before = count_entries ();

  g_assert_false (cr_extract (src, out, &past, NULL, NULL, &error));
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cr_extract (src, out, &backwards, NULL, NULL, &error));
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cr_extract (src, odd, &fine, NULL, NULL, &error));
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cr_extract (src, nowhere, &fine, NULL, NULL, &error));
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO);
  g_clear_error (&error);
  /* Never over the source. */
  g_assert_false (cr_extract (src, src, &fine, NULL, NULL, &error));
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID);
  g_assert_cmpuint (count_entries (), ==, before);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = media_test_dir ();
  make_fixtures ();

  g_test_add_func ("/extract/copy", test_copy);
  g_test_add_func ("/extract/reencode", test_reencode);
  g_test_add_func ("/extract/copy-without-index", test_copy_without_index);
  g_test_add_func ("/extract/audio-only", test_audio_only);
  g_test_add_func ("/extract/bwf-time-reference", test_bwf_keeps_time_reference);
  g_test_add_func ("/extract/bwf-keeps-ixml", test_bwf_keeps_ixml);
  g_test_add_func ("/extract/copy-out-point", test_copy_out_point);
  g_test_add_func ("/extract/copy-out-point-open-gop", test_copy_out_point_open_gop);
  g_test_add_func ("/extract/container-refuses-codec", test_container_refuses_codec);
  g_test_add_func ("/extract/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/extract/bad-requests", test_bad_requests);

  status = g_test_run ();
  if (status == 0)
    {
      const char *argv_rm[] = { "rm", "-rf", dir, NULL };
      media_test_run (argv_rm);
    }
  g_free (dir);
  return status;
}
