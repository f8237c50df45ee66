/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>
#include <glib/gstdio.h>

#include "cr-thumbnail.h"
#include "cr-timecode.h"
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
  media_test_ffmpeg (P ("clip.mov"), "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-t", "2",
                     X264, "-g", "25", NULL);
  media_test_ffmpeg (P ("ntsc.mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x240:r=30000/1001", "-t", "2",
                     X264, "-g", "30", "-bf", "2", NULL);
  /* Anamorphic: stored 360x240, shown 4:3 wide by its sample aspect ratio 16:9 / 3:2 = 32:27. */
  media_test_ffmpeg (P ("anamorphic.mkv"), "-f", "lavfi", "-i", "testsrc2=s=360x240:r=25", "-t", "1",
                     X264, "-vf", "setsar=32/27", NULL);
  media_test_ffmpeg (P ("stream.ts"), "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-t", "2",
                     "-c:v", "mpeg2video", "-g", "12", NULL);
  /* Sine at FFmpeg's default amplitude, 1/8. */
  media_test_ffmpeg (P ("sine.m4a"), "-f", "lavfi", "-i", "sine=r=44100:f=220", "-t", "2", "-c:a", "aac", NULL);
  media_test_ffmpeg (P ("silence.wav"), "-f", "lavfi", "-i", "anullsrc=r=48000:cl=mono", "-t", "1", NULL);
  media_test_ffmpeg (P ("with space.mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-t", "1",
                     X264, NULL);
#undef P
}

static void
png_size (const char *png,
          int        *width,
          int        *height)
{
  g_autoptr(JsonObject) info = media_test_ffprobe (png);
  JsonObject *s = json_array_get_object_element (json_object_get_array_member (info, "streams"), 0);

  g_assert_cmpstr (json_object_get_string_member (s, "codec_name"), ==, "png");
  *width = json_object_get_int_member (s, "width");
  *height = json_object_get_int_member (s, "height");
}

static char *
save (GBytes     *png,
      const char *name)
{
  char *path = fixture (name);

  g_assert_nonnull (png);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL));
  return path;
}

/* The poster frame is the exact frame shown at the time: closer to ffmpeg's own decode of
 * that frame than to its neighbours, scaled the same way. */
static void
assert_exact_frame (const char *name,
                    CrRate      rate,
                    gint64      frame_no)
{
  g_autofree char *path = fixture (name);
  CrThumbnailOptions options = { cr_frames_to_usec (frame_no, rate), 320 };
  g_autoptr(GError) error = NULL;
  gint64 got = -2;
  g_autoptr(GBytes) png = cr_thumbnail_render (path, &options, &got, NULL, &error);
  g_autofree char *png_path = NULL;
  g_autoptr(GBytes) ours = NULL;
  double same = 0, before = 0, after = 0;

  g_assert_no_error (error);
  g_assert_cmpint (got, ==, cr_frames_to_usec (frame_no, rate));
  png_path = save (png, "exact.png");
  ours = media_test_ffmpeg_rgb (png_path, "null");
  for (int delta = -1; delta <= 1; delta++)
    {
      g_autofree char *filter = g_strdup_printf ("select=eq(n\\,%" G_GINT64_FORMAT ")",
                                                 frame_no + delta);
      g_autoptr(GBytes) ref = media_test_ffmpeg_rgb (path, filter);
      double d = media_test_mean_difference (ours, ref);
      if (delta == -1)
        before = d;
      else if (delta == 0)
        same = d;
      else
        after = d;
    }
  g_assert_cmpfloat (same, <, 2.0);
  g_assert_cmpfloat (same * 3, <, before);
  g_assert_cmpfloat (same * 3, <, after);
}

static void
test_exact_frame (void)
{
  assert_exact_frame ("clip.mov", (CrRate) { 25, 1 }, 37);       /* 12 frames past a keyframe */
  assert_exact_frame ("ntsc.mp4", (CrRate) { 30000, 1001 }, 41); /* a B-frame stream at 29.97 */
}

static void
assert_poster (const char *name,
               int         expect_w,
               int         expect_h)
{
  g_autofree char *path = fixture (name);
  g_autofree char *out = g_strconcat (path, ".png", NULL);
  g_autoptr(GError) error = NULL;
  int w = 0, h = 0;

  g_assert_true (cr_thumbnail_save (path, NULL, out, NULL, &error));
  g_assert_no_error (error);
  png_size (out, &w, &h);
  g_assert_cmpint (w, ==, expect_w);
  g_assert_cmpint (h, ==, expect_h);
}

static void
test_aspect (void)
{
  g_autofree char *real = g_build_filename (cr_test_fixtures (),
                                            "VideoAndTimecodeTrack_29_97i_Start-00-00-00-00.mov", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = cr_thumbnail_render (real, NULL, NULL, NULL, &error);
  g_autofree char *png_path = save (png, "ntsc-dv.png");
  int w, h;

  assert_poster ("clip.mov", 256, 192);
  assert_poster ("anamorphic.mkv", 256, 144);  /* 360x240 at 32:27 shows 16:9 */
  assert_poster ("stream.ts", 256, 192);       /* no index: seeks by timestamp, then earlier */
  /* 720x480 at 10:11 (DV NTSC) shows 15:11. */
  png_size (png_path, &w, &h);
  g_assert_cmpint (w, ==, 256);
  g_assert_cmpint (h, ==, 188);
}

static void
test_rotation (void)
{
  g_autofree char *src = fixture ("clip.mov");
  g_autofree char *phone = fixture ("phone.mov");
  g_autofree char *data = NULL;
  static const guint8 portrait[36] = {
    0, 0, 0, 0,  0, 1, 0, 0,  0, 0, 0, 0,
    0xff, 0xff, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,
    0, 0, 0, 0,  0, 0, 0, 0,  0x40, 0, 0, 0,
  };
  g_autoptr(GBytes) ours = NULL, ref = NULL;
  g_autofree char *png_path = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  CrThumbnailOptions options = { 400000, 320 };
  gsize len;

  /* A phone held upright: the display matrix turns the 320x240 picture 90° clockwise. */
  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  for (gsize i = 0; i + 80 <= len; i++)
    if (memcmp (data + i, "tkhd", 4) == 0)
      {
        memcpy (data + i + 44, portrait, 36);
        break;
      }
  g_assert_true (g_file_set_contents (phone, data, len, NULL));

  png = cr_thumbnail_render (phone, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  png_path = save (png, "phone.png");
  ours = media_test_ffmpeg_rgb (png_path, "null");
  /* ffmpeg turns it the same way by itself (autorotate), at frame 10. */
  ref = media_test_ffmpeg_rgb (phone, "select=eq(n\\,10)");
  g_assert_cmpfloat (media_test_mean_difference (ours, ref), <, 2.0);
  assert_poster ("phone.mov", 192, 256);
}

static void
test_strip (void)
{
  g_autofree char *path = fixture ("clip.mov");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = cr_thumbnail_render_strip (path, 5, 60, NULL, &error);
  g_autofree char *out = save (png, "strip.png");
  int w, h;

  g_assert_no_error (error);
  png_size (out, &w, &h);
  g_assert_cmpint (w, ==, 5 * 80);
  g_assert_cmpint (h, ==, 60);

  g_assert_null (cr_thumbnail_render_strip (path, 0, 60, NULL, &error));
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID);
}

static void
test_strip_of_sound (void)
{
  g_autofree char *path = fixture ("sine.m4a");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = cr_thumbnail_render_strip (path, 4, 45, NULL, &error);
  g_autofree char *out = save (png, "sound-strip.png");
  int w, h;

  g_assert_no_error (error);
  png_size (out, &w, &h);
  g_assert_cmpint (w, ==, 4 * 80);
  g_assert_cmpint (h, ==, 45);
}

/* Rows lit in one column of a waveform, decoded by ffmpeg. */
static int
lit_rows (GBytes *rgb,
          int     width,
          int     height,
          int     column)
{
  const guint8 *p = g_bytes_get_data (rgb, NULL);
  int n = 0;

  for (int y = 0; y < height; y++)
    if (p[((gsize) y * width + column) * 3 + 2] > 0x80)
      n++;
  return n;
}

static void
test_waveform (void)
{
  g_autofree char *sine = fixture ("sine.m4a");
  g_autofree char *silence = fixture ("silence.wav");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) a = cr_thumbnail_render (sine, NULL, NULL, NULL, &error);
  g_autoptr(GBytes) b = cr_thumbnail_render (silence, NULL, NULL, NULL, &error);
  g_autofree char *pa = save (a, "sine.png"), *pb = save (b, "silence.png");
  g_autoptr(GBytes) ra = media_test_ffmpeg_rgb (pa, "null"), rb = media_test_ffmpeg_rgb (pb, "null");
  int w, h;

  g_assert_no_error (error);
  png_size (pa, &w, &h);
  g_assert_cmpint (w, ==, 256);
  g_assert_cmpint (h, ==, 128);
  /* Peak 1/8 of full scale reaches 1/8 of the half height (63 px) each way: 8 + 1 + 8 rows. */
  g_assert_cmpint (lit_rows (ra, w, h, w / 2), >=, 15);
  g_assert_cmpint (lit_rows (ra, w, h, w / 2), <=, 19);
  /* Silence: the centre line only. */
  g_assert_cmpint (lit_rows (rb, w, h, w / 2), ==, 1);
}

static char *
python (const char *script,
        const char *arg)
{
  const char *argv[] = { "/usr/bin/python3", "-c", script, arg, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_strstrip (g_steal_pointer (&out));
}

static void
test_cache (void)
{
  g_autofree char *path = fixture ("with space.mp4");
  g_autofree char *expected = NULL, *chunks = NULL, *cached = NULL, *again = NULL;
  g_autofree char *mtime = NULL, *uri = NULL, *want = NULL, *cache_path = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st, first, second;
  int w, h;

  /* The standard's name, worked out by Python: MD5 of the file:// URI. */
  expected = python ("import sys, hashlib, pathlib, os\n"
                     "uri = pathlib.Path(sys.argv[1]).as_uri()\n"
                     "print(os.path.join(os.environ['XDG_CACHE_HOME'], 'thumbnails', 'large',\n"
                     "      hashlib.md5(uri.encode()).hexdigest() + '.png'))", path);
  uri = python ("import sys, pathlib\nprint(pathlib.Path(sys.argv[1]).as_uri())", path);
  cached = cr_thumbnail_cache_write (path, CR_THUMBNAIL_LARGE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cached, ==, expected);
  cache_path = cr_thumbnail_cache_path (path, CR_THUMBNAIL_LARGE);
  g_assert_cmpstr (cache_path, ==, expected);

  /* Every chunk's CRC checks out, and the tEXt keys carry the URI and mtime. */
  chunks = python ("import sys, struct, zlib\n"
                   "d = open(sys.argv[1], 'rb').read(); p = 8; out = []\n"
                   "assert d[:8] == b'\\x89PNG\\r\\n\\x1a\\n'\n"
                   "while p < len(d):\n"
                   "    n, = struct.unpack('>I', d[p:p+4]); t = d[p+4:p+8]; body = d[p+8:p+8+n]\n"
                   "    crc, = struct.unpack('>I', d[p+8+n:p+12+n])\n"
                   "    assert crc == zlib.crc32(t + body), t\n"
                   "    if t == b'tEXt': out.append(body.replace(b'\\0', b'=').decode())\n"
                   "    p += 12 + n\n"
                   "print('\\n'.join(out))", cached);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  mtime = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) st.st_mtime);
  want = g_strdup_printf ("Thumb::URI=%s\nThumb::MTime=%s\nSoftware=Casereel", uri, mtime);
  g_assert_cmpstr (chunks, ==, want);
  png_size (cached, &w, &h);
  g_assert_cmpint (w, ==, 256);
  g_assert_cmpint (h, ==, 192);
  g_assert_cmpint (g_stat (cached, &first), ==, 0);
  g_assert_cmpint (first.st_mode & 0777, ==, 0600);

  {
    g_autofree char *normal = cr_thumbnail_cache_path (path, CR_THUMBNAIL_NORMAL);
    g_autofree char *xl = cr_thumbnail_cache_path (path, CR_THUMBNAIL_X_LARGE);
    g_autofree char *folder = g_path_get_dirname (expected);
    g_autofree char *parent = g_path_get_dirname (folder);
    g_autofree char *want_normal = g_build_filename (parent, "normal", strrchr (expected, '/') + 1, NULL);
    g_autofree char *want_xl = g_build_filename (parent, "x-large", strrchr (expected, '/') + 1, NULL);
    g_assert_cmpstr (normal, ==, want_normal);
    g_assert_cmpstr (xl, ==, want_xl);
  }

  /* Up to date: not written again (a rewrite would be a new file renamed into place). */
  again = cr_thumbnail_cache_write (path, CR_THUMBNAIL_LARGE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (again, &second), ==, 0);
  g_assert_cmpint (first.st_ino, ==, second.st_ino);
}

static void
test_errors (void)
{
  g_autofree char *text = fixture ("notes.mov");
  g_autofree char *tmcd = g_build_filename (cr_test_fixtures (),
                                            "TimecodeTrack_23_976_Start-00-58-40-00.mov", NULL);
  g_autofree char *clip = fixture ("clip.mov");
  g_autofree char *nowhere = fixture ("no-such-folder/out.png");
  g_autofree char *nowhere_dir = fixture ("no-such-folder");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;

  g_assert_true (g_file_set_contents (text, "not a clip", -1, NULL));
  png = cr_thumbnail_render (text, NULL, NULL, NULL, &error);
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NOT_MEDIA);
  g_clear_error (&error);

  /* A timecode track alone has neither picture nor sound. */
  png = cr_thumbnail_render (tmcd, NULL, NULL, NULL, &error);
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NO_STREAM);
  g_clear_error (&error);

  g_assert_false (cr_thumbnail_save (clip, NULL, nowhere, NULL, &error));
  g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_IO);
  g_assert_false (g_file_test (nowhere_dir, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *cache = NULL;
  int status;

  dir = media_test_dir ();
  /* Before anything asks GLib for the cache folder. */
  cache = g_build_filename (dir, "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
  make_fixtures ();

  g_test_add_func ("/thumbnail/exact-frame", test_exact_frame);
  g_test_add_func ("/thumbnail/aspect", test_aspect);
  g_test_add_func ("/thumbnail/rotation", test_rotation);
  g_test_add_func ("/thumbnail/strip", test_strip);
  g_test_add_func ("/thumbnail/waveform", test_waveform);
  g_test_add_func ("/thumbnail/strip-of-sound", test_strip_of_sound);
  g_test_add_func ("/thumbnail/cache", test_cache);
  g_test_add_func ("/thumbnail/errors", test_errors);

  status = g_test_run ();
  if (status == 0)
    {
      const char *argv_rm[] = { "rm", "-rf", dir, NULL };
      media_test_run (argv_rm);
    }
  g_free (dir);
  return status;
}
