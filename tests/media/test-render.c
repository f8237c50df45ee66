/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-test"

#include "config.h"
#include "../cr-test-support.h"

#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cr-media.h"
#include "cr-render.h"
#include "cut-fixture.h"

/* Tiny real sources, made once with the ffmpeg program: three frame rates, two sizes, an
 * audio-only WAV and a phone clip stored landscape with a 90° display rotation. */
static char *folder;

#define SECONDS "3"

static const CrRate rate_23976 = { 24000, 1001 };
static const CrRate rate_25 = { 25, 1 };
static const CrRate rate_2997 = { 30000, 1001 };

static char *
source_path (const char *name)
{
  return g_build_filename (folder, name, NULL);
}

static void
ffmpeg (const char *first,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, "ffmpeg");
  g_ptr_array_add (argv, "-v");
  g_ptr_array_add (argv, "error");
  g_ptr_array_add (argv, "-y");
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  out = cut_fixture_run ((const char * const *) argv->pdata);
}

static void
make_sources (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *flat = NULL, *e = NULL;
  g_autofree char *sync = NULL, *wide = NULL;

  folder = cr_test_make_tmp ("casereel-render-XXXXXX", &error);
  g_assert_no_error (error);
  a = source_path ("a 23.976.mov");
  b = source_path ("b-25.mp4");
  c = source_path ("c 29.97.mov");
  d = source_path ("d.wav");
  flat = source_path ("flat.mp4");
  e = source_path ("phone.mp4");
  sync = source_path ("sync.mov");
  wide = source_path ("anamorphic.mp4");

  /* Long GOPs, so that the in points need a seek to a keyframe and decoding forward. */
  ffmpeg ("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=24000/1001",
          "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-ac", "2", "-t", SECONDS,
          "-c:v", "libx264", "-preset", "ultrafast", "-g", "12", "-pix_fmt", "yuv420p",
          "-c:a", "pcm_s16le", a, NULL);
  ffmpeg ("-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25",
          "-f", "lavfi", "-i", "sine=frequency=660:sample_rate=44100", "-ac", "1", "-t", SECONDS,
          "-c:v", "libx264", "-preset", "ultrafast", "-g", "10", "-pix_fmt", "yuv420p",
          "-c:a", "aac", b, NULL);
  ffmpeg ("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30000/1001",
          "-f", "lavfi", "-i", "sine=frequency=880:sample_rate=48000", "-ac", "2", "-t", SECONDS,
          "-c:v", "mpeg4", "-g", "15", "-c:a", "pcm_s16le", c, NULL);
  ffmpeg ("-f", "lavfi", "-i", "sine=frequency=330:sample_rate=44100", "-ac", "2", "-t", SECONDS,
          "-c:a", "pcm_s16le", d, NULL);
  /* Anamorphic: 240x180 stored, shown 320x180 (4:3 pixels). */
  ffmpeg ("-f", "lavfi", "-i", "testsrc2=size=240x180:rate=25,setsar=4/3", "-t", SECONDS,
          "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", wide, NULL);
  /* Black with one white frame (50) and a 40 ms beep at the same instant (2 s). */
  ffmpeg ("-f", "lavfi", "-i", "color=c=black:s=160x90:r=25,drawbox=enable='eq(n\\,50)':color=white:t=fill",
          "-f", "lavfi", "-i", "aevalsrc=if(between(t\\,2\\,2.04)\\,0.5*sin(2*PI*1000*t)\\,0):s=48000",
          "-t", SECONDS, "-c:v", "mpeg4", "-g", "12", "-c:a", "pcm_s16le", sync, NULL);
  /* FFmpeg 5.1 writes a rotation only when copying a stream, hence two steps. No audio. */
  ffmpeg ("-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25", "-t", SECONDS,
          "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", flat, NULL);
  ffmpeg ("-i", flat, "-c", "copy", "-metadata:s:v:0", "rotate=90", e, NULL);
  g_assert_cmpint (g_remove (flat), ==, 0);
}

static guint
add_source (CrTimeline *timeline,
            const char *name,
            CrRate      rate,
            gboolean    drop_frame,
            gint64      start_tc,
            gboolean    has_video,
            int         channels)
{
  g_autofree char *path = source_path (name);

  /* A little less than the SECONDS the files hold. */
  return cr_timeline_add_source (timeline, path, NULL, rate, drop_frame, start_tc,
                                 5 * rate.num / (2 * rate.den), has_video, channels);
}

/* The mixed cut, at any timeline rate: six events from six sources with a gap. */
static CrTimeline *
mixed_timeline (CrRate   rate,
                gboolean drop_frame)
{
  CrTimeline *timeline = cr_timeline_new ("review", rate, drop_frame, 320, 180);
  guint a = add_source (timeline, "a 23.976.mov", rate_23976, FALSE, 86400, TRUE, 2);
  guint b = add_source (timeline, "b-25.mp4", rate_25, FALSE, 90000, TRUE, 1);
  guint c = add_source (timeline, "c 29.97.mov", rate_2997, TRUE, 107892, TRUE, 2);
  guint d = add_source (timeline, "d.wav", rate_25, FALSE, 0, FALSE, 2);
  guint e = add_source (timeline, "phone.mp4", rate_25, FALSE, 0, TRUE, 0);
  guint f = add_source (timeline, "anamorphic.mp4", rate_25, FALSE, 0, TRUE, 0);

  cr_timeline_add_event (timeline, a, 13, 40, 0);
  cr_timeline_add_event (timeline, b, 7, 30, cr_timeline_get_duration (timeline));
  /* A gap of ten frames. */
  cr_timeline_add_event (timeline, d, 5, 20, cr_timeline_get_duration (timeline) + 10);
  cr_timeline_add_event (timeline, e, 3, 15, cr_timeline_get_duration (timeline));
  cr_timeline_add_event (timeline, c, 17, 46, cr_timeline_get_duration (timeline));
  cr_timeline_add_event (timeline, f, 0, 8, cr_timeline_get_duration (timeline));
  return timeline;
}

static JsonObject *
find_stream (JsonArray  *streams,
             const char *type)
{
  for (guint i = 0; i < json_array_get_length (streams); i++)
    {
      JsonObject *stream = json_array_get_object_element (streams, i);
      if (g_strcmp0 (json_object_get_string_member (stream, "codec_type"), type) == 0)
        return stream;
    }
  g_error ("no %s stream", type);
  return NULL;
}

static double
member_double (JsonObject *object,
               const char *name)
{
  return g_ascii_strtod (json_object_get_string_member (object, name), NULL);
}

/* Checks with ffprobe: exactly the cut's frames at its size, H.264 + AAC 48 kHz stereo, and
 * the durations within a frame of the cut's. */
static void
check_with_ffprobe (const char       *path,
                    const CrTimeline *timeline)
{
  const char *argv[] = { "ffprobe", "-v", "error", "-count_frames", "-show_streams", "-show_format",
                         "-of", "json", path, NULL };
  g_autofree char *json = cut_fixture_run (argv);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gint64 frames = cr_timeline_get_duration (timeline);
  double seconds = (double) frames * timeline->rate.den / timeline->rate.num;
  double frame = (double) timeline->rate.den / timeline->rate.num;
  JsonObject *root, *video, *audio, *format;
  JsonArray *streams;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  streams = json_object_get_array_member (root, "streams");
  format = json_object_get_object_member (root, "format");
  g_assert_cmpuint (json_array_get_length (streams), ==, 2);
  video = find_stream (streams, "video");
  audio = find_stream (streams, "audio");

  g_assert_cmpstr (json_object_get_string_member (video, "codec_name"), ==, "h264");
  g_assert_cmpstr (json_object_get_string_member (video, "pix_fmt"), ==, "yuv420p");
  g_assert_cmpint (json_object_get_int_member (video, "width"), ==, timeline->width);
  g_assert_cmpint (json_object_get_int_member (video, "height"), ==, timeline->height);
  g_assert_cmpint (g_ascii_strtoll (json_object_get_string_member (video, "nb_read_frames"), NULL, 10),
                   ==, frames);
  {
    g_autofree char *rate = g_strdup_printf ("%d/%d", timeline->rate.num, timeline->rate.den);
    g_assert_cmpstr (json_object_get_string_member (video, "r_frame_rate"), ==, rate);
    g_assert_cmpstr (json_object_get_string_member (video, "avg_frame_rate"), ==, rate);
  }
  g_assert_cmpfloat_with_epsilon (member_double (video, "duration"), seconds, frame / 2);

  g_assert_cmpstr (json_object_get_string_member (audio, "codec_name"), ==, "aac");
  g_assert_cmpstr (json_object_get_string_member (audio, "sample_rate"), ==, "48000");
  g_assert_cmpint (json_object_get_int_member (audio, "channels"), ==, 2);
  g_assert_cmpfloat_with_epsilon (member_double (audio, "duration"), seconds, frame);

  g_assert_cmpstr (json_object_get_string_member (format, "format_name"), ==, "mov,mp4,m4a,3gp,3g2,mj2");
  g_assert_cmpfloat_with_epsilon (member_double (format, "duration"), seconds, frame);
}

/* Runs argv (no shell) and returns its standard output, which may hold any bytes. */
static GBytes *
run_binary (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return g_steal_pointer (&out);
}

/* Output frame `n` as 8-bit luma, decoded by the ffmpeg program. */
static GBytes *
luma_of_frame (const char *path,
               gint64      n)
{
  g_autofree char *select = g_strdup_printf ("select=eq(n\\,%" G_GINT64_FORMAT ")", n);
  const char *argv[] = { "ffmpeg", "-v", "error", "-i", path, "-vf", select, "-frames:v", "1",
                         "-f", "rawvideo", "-pix_fmt", "gray", "-", NULL };

  return run_binary (argv);
}

/* The RMS level of the output's sound (mixed to mono) over timeline frames [from, to). */
static double
audio_rms (const char       *path,
           const CrTimeline *timeline,
           gint64            from,
           gint64            to)
{
  g_autofree char *start = g_strdup_printf ("%.6f", (double) from * timeline->rate.den / timeline->rate.num);
  g_autofree char *length = g_strdup_printf ("%.6f", (double) (to - from) * timeline->rate.den / timeline->rate.num);
  const char *argv[] = { "ffmpeg", "-v", "error", "-i", path, "-ss", start, "-t", length, "-vn",
                         "-ac", "1", "-f", "f32le", "-", NULL };
  g_autoptr(GBytes) out = run_binary (argv);
  const float *samples;
  gsize n;
  double sum = 0;

  samples = g_bytes_get_data (out, &n);
  n /= sizeof (float);
  /* 48 kHz: the stretch asked for, to within a few samples. */
  g_assert_cmpint (ABS ((gint64) n - (to - from) * 48000 * timeline->rate.den / timeline->rate.num), <, 64);
  for (gsize i = 0; i < n; i++)
    sum += (double) samples[i] * samples[i];
  g_test_message ("rms %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ": %f", from, to, sqrt (sum / n));
  return sqrt (sum / n);
}

/* The mean luma of a rectangle of a 320x180 frame. */
static double
mean_luma (GBytes *luma,
           int     x0,
           int     y0,
           int     x1,
           int     y1)
{
  const guint8 *data = g_bytes_get_data (luma, NULL);
  double sum = 0;

  g_assert_cmpuint (g_bytes_get_size (luma), ==, 320 * 180);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      sum += data[y * 320 + x];
  return sum / ((x1 - x0) * (y1 - y0));
}

typedef struct
{
  gint64        last_done;
  gint64        total;
  guint         calls;
  gint64        cancel_at;      /* 0: never */
  GCancellable *cancellable;
} Progress;

static void
on_progress (gint64   done,
             gint64   total,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpint (done, >, p->last_done);
  g_assert_cmpint (done, <=, total);
  p->last_done = done;
  p->total = total;
  p->calls++;
  if (p->cancel_at > 0 && done >= p->cancel_at)
    g_cancellable_cancel (p->cancellable);
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_render_mixed_25 (void)
{
  g_autoptr(CrTimeline) timeline = mixed_timeline (rate_25, FALSE);
  g_autofree char *out = source_path ("review 25.mp4");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) gap = NULL;
  g_autoptr(GBytes) phone = NULL;
  g_autoptr(GBytes) wav = NULL;
  g_autoptr(GBytes) picture = NULL;
  g_autoptr(GBytes) wide = NULL;
  Progress progress = { 0 };
  const CrTimelineEvent *ev_b = cr_timeline_get_event (timeline, 1);
  const CrTimelineEvent *ev_d = cr_timeline_get_event (timeline, 2);
  const CrTimelineEvent *ev_e = cr_timeline_get_event (timeline, 3);
  guint before = count_files (folder);

  g_assert_true (cr_render_timeline (timeline, NULL, out, on_progress, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (progress.last_done, ==, cr_timeline_get_duration (timeline));
  g_assert_cmpint (progress.total, ==, cr_timeline_get_duration (timeline));
  g_assert_cmpuint (progress.calls, >, 1);
  g_assert_cmpuint (count_files (folder), ==, before + 1);
  check_with_ffprobe (out, timeline);

  /* The gap and the audio-only event are black; a picture is not. */
  gap = luma_of_frame (out, ev_d->record - 5);
  g_assert_cmpfloat (mean_luma (gap, 0, 0, 320, 180), <, 20);
  wav = luma_of_frame (out, ev_d->record + 3);
  g_assert_cmpfloat (mean_luma (wav, 0, 0, 320, 180), <, 20);
  picture = luma_of_frame (out, 5);
  g_assert_cmpfloat (mean_luma (picture, 0, 0, 320, 180), >, 40);

  /* The anamorphic clip fills the frame: its pixels are 4:3, so no pillarbox. */
  wide = luma_of_frame (out, cr_timeline_get_event (timeline, 5)->record + 2);
  g_assert_cmpfloat (mean_luma (wide, 0, 0, 20, 180), >, 20);
  g_assert_cmpfloat (mean_luma (wide, 300, 0, 320, 180), >, 20);

  /* Sound where the sources have it (a mono 44.1 kHz one too), silence in the gap and for the
   * clip without audio; a couple of frames kept clear of each cut for AAC's overlap. */
  g_assert_cmpfloat (audio_rms (out, timeline, 2, 20), >, 0.03);
  g_assert_cmpfloat (audio_rms (out, timeline, ev_b->record + 2, ev_b->record + 18), >, 0.03);
  g_assert_cmpfloat (audio_rms (out, timeline, ev_d->record - 8, ev_d->record - 2), <, 0.001);
  g_assert_cmpfloat (audio_rms (out, timeline, ev_d->record + 2, ev_d->record + 12), >, 0.03);
  g_assert_cmpfloat (audio_rms (out, timeline, ev_e->record + 2, ev_e->record + 9), <, 0.001);

  /* The phone clip is shown upright: a portrait picture, pillarboxed. */
  phone = luma_of_frame (out, ev_e->record + 2);
  g_assert_cmpfloat (mean_luma (phone, 0, 0, 100, 180), <, 20);
  g_assert_cmpfloat (mean_luma (phone, 220, 0, 320, 180), <, 20);
  g_assert_cmpfloat (mean_luma (phone, 115, 0, 205, 180), >, 40);
  {
    /* ... and the right way up: as the ffmpeg program shows it (it rotates by default),
     * scaled to the 102x180 that a 90x160 picture fills at 180 lines, centred at x = 108. */
    g_autofree char *source = source_path ("phone.mp4");
    g_autofree char *select = g_strdup_printf ("select=eq(n\\,%" G_GINT64_FORMAT "),scale=102:180", ev_e->in + 2);
    const char *argv[] = { "ffmpeg", "-v", "error", "-i", source, "-vf", select, "-frames:v", "1",
                           "-f", "rawvideo", "-pix_fmt", "gray", "-", NULL };
    g_autoptr(GBytes) upright = run_binary (argv);
    const guint8 *ours = g_bytes_get_data (phone, NULL);
    const guint8 *theirs = g_bytes_get_data (upright, NULL);
    double difference = 0;

    g_assert_cmpuint (g_bytes_get_size (upright), ==, 102 * 180);
    for (int y = 0; y < 180; y++)
      for (int x = 0; x < 102; x++)
        difference += ABS (ours[y * 320 + 108 + x] - theirs[y * 102 + x]);
    /* About 2 for the same picture through two encoders; about 90 upside down. */
    g_assert_cmpfloat (difference / (102 * 180), <, 10);
  }
}

static void
test_render_mixed_2997 (void)
{
  g_autoptr(CrTimeline) timeline = mixed_timeline (rate_2997, TRUE);
  g_autofree char *out = source_path ("review 29.97.mp4");
  g_autoptr(GError) error = NULL;

  g_assert_true (cr_render_timeline (timeline, NULL, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  check_with_ffprobe (out, timeline);
}

/* The frame mapping and the sound's placement, exactly: a 25 fps source in a 29.97 cut, after
 * a gap. Source frame 50 (white, with the beep) is 13 frames after the in point (37), i.e.
 * 0.52 s; the first 29.97 frame that shows it is ceil (13 × 30000/1001 / 25) = 16, and only
 * that one (frame 17 already shows source frame 51). */
static void
test_render_sync (void)
{
  g_autoptr(CrTimeline) timeline = cr_timeline_new ("sync", rate_2997, TRUE, 320, 180);
  g_autofree char *out = source_path ("sync-review.mp4");
  g_autoptr(GError) error = NULL;
  guint src = add_source (timeline, "sync.mov", rate_25, FALSE, 0, TRUE, 1);
  const gint64 gap = 5, flash = gap + 16;

  cr_timeline_add_event (timeline, src, 37, 60, gap);
  g_assert_true (cr_render_timeline (timeline, NULL, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  check_with_ffprobe (out, timeline);
  g_assert_cmpint (cr_timeline_get_duration (timeline), ==, gap + 28);

  for (gint64 n = flash - 2; n <= flash + 2; n++)
    {
      g_autoptr(GBytes) luma = luma_of_frame (out, n);
      if (n == flash)
        g_assert_cmpfloat (mean_luma (luma, 0, 0, 320, 180), >, 200);
      else
        g_assert_cmpfloat (mean_luma (luma, 0, 0, 320, 180), <, 5);
    }
  /* The beep runs from 0.52 s into the event (timeline frame 15.58) for 40 ms (1.2 frames). */
  g_assert_cmpfloat (audio_rms (out, timeline, flash - 6, flash - 1), <, 0.01);
  g_assert_cmpfloat (audio_rms (out, timeline, flash, flash + 1), >, 0.2);
  g_assert_cmpfloat (audio_rms (out, timeline, flash + 2, flash + 8), <, 0.01);
}

/* Timecode and caption burn-in: drawn over the audio-only event's black, absent from the gap. */
static void
test_render_burn_in (void)
{
  g_autoptr(CrTimeline) timeline = mixed_timeline (rate_25, FALSE);
  g_autofree char *out = source_path ("burnt.mp4");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) gap = NULL;
  g_autoptr(GBytes) wav = NULL;
  const char *captions[] = { "Ann Lee", NULL, "Bo Chen: 100% «sûr» \\ 'quoted' : yes", NULL, "Dee", NULL };
  CrRenderOptions options = { TRUE, captions, G_N_ELEMENTS (captions) };
  const CrTimelineEvent *ev_d = cr_timeline_get_event (timeline, 2);

  g_assert_true (cr_render_timeline (timeline, &options, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  check_with_ffprobe (out, timeline);

  gap = luma_of_frame (out, ev_d->record - 5);
  g_assert_cmpfloat (mean_luma (gap, 0, 0, 320, 180), <, 20);
  wav = luma_of_frame (out, ev_d->record + 3);
  /* Timecode at the top, the caption at the bottom, black between. */
  g_assert_cmpfloat (mean_luma (wav, 115, 0, 205, 20), >, 15);
  g_assert_cmpfloat (mean_luma (wav, 40, 155, 280, 175), >, 15);
  g_assert_cmpfloat (mean_luma (wav, 0, 60, 320, 120), <, 5);

  options.n_captions = 1;
  g_assert_false (cr_render_timeline (timeline, &options, out, NULL, NULL, NULL, &error));
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "1 caption given for 6 events");
}

static void
test_render_cancel (void)
{
  g_autoptr(CrTimeline) timeline = mixed_timeline (rate_25, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *out = source_path ("cancelled.mp4");
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };
  g_autofree char *kept = NULL;
  guint before;

  /* A file already there stays as it was. */
  g_assert_true (g_file_set_contents (out, "previous", -1, &error));
  g_assert_no_error (error);
  before = count_files (folder);
  progress.cancellable = cancellable;
  progress.cancel_at = 30;
  g_assert_false (cr_render_timeline (timeline, NULL, out, on_progress, &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (progress.last_done, <, cr_timeline_get_duration (timeline));
  g_assert_cmpuint (count_files (folder), ==, before);
  g_clear_error (&error);

  /* Cancelled at the very last frame: still nothing. */
  g_cancellable_reset (cancellable);
  progress = (Progress) { 0 };
  progress.cancellable = cancellable;
  progress.cancel_at = cr_timeline_get_duration (timeline);
  g_assert_false (cr_render_timeline (timeline, NULL, out, on_progress, &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (folder), ==, before);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (out, &kept, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, "previous");
  g_assert_cmpint (g_remove (out), ==, 0);

  /* Cancelled before it starts: nothing is made. */
  g_assert_false (cr_render_timeline (timeline, NULL, out, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* MPEG-TS has no index: a seek can land past the in point. Every frame shown must be the
 * source's own, in order, not the first frame found after a late landing held until it comes. */
static void
test_render_ts_in_point (void)
{
  g_autofree char *ts = source_path ("counting.ts");
  g_autofree char *out = source_path ("counting.mp4");
  g_autoptr(CrTimeline) timeline = cr_timeline_new ("ts", rate_25, FALSE, 320, 180);
  g_autoptr(GError) error = NULL;
  double previous = 0;
  guint source;

  /* Each frame 4 levels brighter than the one before; a keyframe every 12 frames. */
  ffmpeg ("-f", "lavfi", "-i", "color=c=black:s=160x90:r=25,format=gray,geq=lum='16+4*N'",
          "-t", "2", "-c:v", "mpeg2video", "-q:v", "2", "-g", "12", "-bf", "0", "-pix_fmt", "yuv420p", ts, NULL);
  source = cr_timeline_add_source (timeline, ts, NULL, rate_25, FALSE, 460700, 50, TRUE, 0);
  cr_timeline_add_event (timeline, source, 29, 41, 0);
  g_assert_true (cr_render_timeline (timeline, NULL, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  for (gint64 n = 0; n < 12; n++)
    {
      g_autoptr(GBytes) frame = luma_of_frame (out, n);
      double luma = mean_luma (frame, 0, 0, 320, 180);

      g_test_message ("frame %" G_GINT64_FORMAT ": %f", n, luma);
      /* Source frame 29 + n; the encoders may shift all levels a little, not the steps. */
      g_assert_cmpfloat (ABS (luma - (16 + 4 * (29 + n))), <, 6);
      if (n > 0)
        g_assert_cmpfloat (ABS (luma - previous - 4), <, 1.5);
      previous = luma;
    }
  g_assert_cmpint (g_remove (ts), ==, 0);
  g_assert_cmpint (g_remove (out), ==, 0);
}

static void
test_render_errors (void)
{
  g_autoptr(CrTimeline) timeline = mixed_timeline (rate_25, FALSE);
  g_autoptr(CrTimeline) missing = cr_timeline_new ("missing", rate_25, FALSE, 320, 180);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = source_path ("error.mp4");
  g_autofree char *file_as_dir = source_path ("d.wav/out.mp4");
  g_autofree char *locked = NULL;
  g_autofree char *locked_out = NULL;
  g_autofree char *base = NULL;
  guint before = count_files (folder);
  guint src;

  /* A folder that cannot be written in: made read-only, or, since root writes anywhere, /proc. */
  if (geteuid () != 0)
    {
      locked = source_path ("locked");
      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      locked_out = g_build_filename (locked, "out.mp4", NULL);
    }
  else
    locked_out = g_strdup ("/proc/casereel-review.mp4");
  g_assert_false (cr_render_timeline (timeline, NULL, locked_out, NULL, NULL, NULL, &error));
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO);
  base = g_path_get_basename (locked_out);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_false (g_file_test (locked_out, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  if (locked != NULL)
    g_assert_cmpint (g_rmdir (locked), ==, 0);

  /* The output is a folder. */
  g_assert_false (cr_render_timeline (timeline, NULL, folder, NULL, NULL, NULL, &error));
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO);
  g_assert_cmpuint (count_files (folder), ==, before);
  g_clear_error (&error);

  /* The output's "folder" is a file. */
  g_assert_false (cr_render_timeline (timeline, NULL, file_as_dir, NULL, NULL, NULL, &error));
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO);
  g_clear_error (&error);

  /* A source gone missing: the error names the event; nothing is left behind. */
  cr_timeline_add_event (missing, add_source (missing, "a 23.976.mov", rate_23976, FALSE, 0, TRUE, 2),
                         0, 10, 0);
  src = cr_timeline_add_source (missing, "/nonexistent/gone.mov", NULL, rate_25, FALSE, 0, 100, TRUE, 2);
  cr_timeline_add_event (missing, src, 0, 10, cr_timeline_get_duration (missing));
  g_assert_false (cr_render_timeline (missing, NULL, out, NULL, NULL, NULL, &error));
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "Event 2 (gone.mov): "));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (folder), ==, before);
  g_clear_error (&error);

  /* An odd frame size cannot be 4:2:0. */
  missing->width = 321;
  g_assert_false (cr_render_timeline (missing, NULL, out, NULL, NULL, NULL, &error));
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID);
}

/* Sound tracks mixed in: a silent picture (no sound at all) for 60 frames, the sync clip's
 * sound on A1 from record frame 10 (its beep, 0.52 s in, lands at frame 23 and nowhere else)
 * and a tone on A2 from frame 40 to 70, past the picture: the render runs to frame 70, black
 * after the picture, and its sound is each track's where the timeline puts it. */
static void
test_render_sound_tracks (void)
{
  g_autoptr(CrTimeline) timeline = cr_timeline_new ("tracks", rate_25, FALSE, 320, 180);
  g_autofree char *out = source_path ("tracks-review.mp4");
  g_autoptr(GError) error = NULL;
  guint picture = add_source (timeline, "phone.mp4", rate_25, FALSE, 0, TRUE, 0);
  guint sync = add_source (timeline, "sync.mov", rate_25, FALSE, 0, TRUE, 1);
  guint tone = add_source (timeline, "d.wav", rate_25, FALSE, 0, FALSE, 2);

  cr_timeline_add_event (timeline, picture, 0, 60, 0);
  cr_timeline_add_sound_event (timeline, 1, sync, 37, 60, 10);
  cr_timeline_add_sound_event (timeline, 2, tone, 0, 30, 40);
  g_assert_true (cr_render_timeline (timeline, NULL, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cr_timeline_get_duration (timeline), ==, 70);
  check_with_ffprobe (out, timeline);

  g_assert_cmpfloat (audio_rms (out, timeline, 0, 9), <, 0.001);
  g_assert_cmpfloat (audio_rms (out, timeline, 17, 22), <, 0.01);
  g_assert_cmpfloat (audio_rms (out, timeline, 23, 24), >, 0.2);
  g_assert_cmpfloat (audio_rms (out, timeline, 25, 39), <, 0.01);
  /* FFmpeg's sine is at an eighth of full scale: RMS 0.088. */
  g_assert_cmpfloat (audio_rms (out, timeline, 42, 68), >, 0.06);
  {
    g_autoptr(GBytes) before = luma_of_frame (out, 55);
    g_autoptr(GBytes) after = luma_of_frame (out, 65);

    g_assert_cmpfloat (mean_luma (before, 0, 0, 320, 180), >, 20);
    g_assert_cmpfloat (mean_luma (after, 0, 0, 320, 180), <, 5);
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  make_sources ();
  g_test_add_func ("/render/mixed-25", test_render_mixed_25);
  g_test_add_func ("/render/mixed-29.97", test_render_mixed_2997);
  g_test_add_func ("/render/sync", test_render_sync);
  g_test_add_func ("/render/burn-in", test_render_burn_in);
  g_test_add_func ("/render/cancel", test_render_cancel);
  g_test_add_func ("/render/errors", test_render_errors);
  g_test_add_func ("/render/ts-in-point", test_render_ts_in_point);
  g_test_add_func ("/render/sound-tracks", test_render_sound_tracks);
  ret = g_test_run ();
  cut_fixture_remove_folder (folder);
  g_free (folder);
  return ret;
}
