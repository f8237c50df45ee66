/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "../cr-test-support.h"

#include <libavutil/log.h>
#include <libavutil/timecode.h>
#include <string.h>

#include "cr-timecode.h"

typedef struct
{
  const char *name;
  CrTimecodeFormat fmt;
} NamedFormat;

/* Every rate the brief lists, drop and non-drop where both exist. */
static const NamedFormat formats[] = {
  { "23.976",    { { 24000, 1001 }, FALSE } },
  { "24",        { { 24, 1 }, FALSE } },
  { "25",        { { 25, 1 }, FALSE } },
  { "29.97-df",  { { 30000, 1001 }, TRUE } },
  { "29.97-ndf", { { 30000, 1001 }, FALSE } },
  { "30",        { { 30, 1 }, FALSE } },
  { "48",        { { 48, 1 }, FALSE } },
  { "50",        { { 50, 1 }, FALSE } },
  { "59.94-df",  { { 60000, 1001 }, TRUE } },
  { "59.94-ndf", { { 60000, 1001 }, FALSE } },
  { "60",        { { 60, 1 }, FALSE } },
};

static const CrTimecodeFormat df30 = { { 30000, 1001 }, TRUE };
static const CrTimecodeFormat df60 = { { 60000, 1001 }, TRUE };
static const CrTimecodeFormat ndf25 = { { 25, 1 }, FALSE };

static void
test_rate_parse (void)
{
  static const struct { const char *text; int num, den; } good[] = {
    { "25", 25, 1 }, { "25/1", 25, 1 }, { "50/2", 25, 1 }, { "24", 24, 1 },
    { "29.97", 30000, 1001 }, { "29.970", 30000, 1001 }, { "30000/1001", 30000, 1001 },
    { "23.976", 24000, 1001 }, { "23.98", 24000, 1001 }, { "23.97", 24000, 1001 },
    { "24000/1001", 24000, 1001 }, { "59.94", 60000, 1001 }, { "60000/1001", 60000, 1001 },
    { "47.952", 48000, 1001 }, { "119.88", 120000, 1001 }, { "25.00", 25, 1 },
    { "12.5", 25, 2 }, { "60", 60, 1 },
  };
  static const char *bad[] = {
    "0", "-25", "abc", "", "25/0", "0/1", "25/", "/1", "-30000/1001", "29.97.1", "1e3",
    " 25", "25 ", "+25", "0.0", "-29.97", "29.", ".5", "99999999999", "25fps", "25/1/1",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      CrRate rate = { 0, 0 };

      g_test_message ("rate %s", good[i].text);
      g_assert_true (cr_rate_parse (good[i].text, &rate, &error));
      g_assert_no_error (error);
      g_assert_cmpint (rate.num, ==, good[i].num);
      g_assert_cmpint (rate.den, ==, good[i].den);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      CrRate rate = { 7, 7 };
      g_autofree char *quoted = g_strdup_printf ("“%s”", bad[i]);

      g_test_message ("bad rate '%s'", bad[i]);
      g_assert_false (cr_rate_parse (bad[i], &rate, &error));
      g_assert_error (error, CR_TIMECODE_ERROR, CR_TIMECODE_ERROR_RATE);
      g_assert_nonnull (strstr (error->message, quoted));
      g_assert_null (strchr (error->message, '\n'));
      g_assert_cmpint (rate.num, ==, 7);
    }
}

static void
test_rate_misc (void)
{
  g_autofree char *text = cr_rate_to_string ((CrRate) { 30000, 1001 });

  g_assert_cmpstr (text, ==, "30000/1001");
  g_assert_cmpint (cr_rate_nominal_fps ((CrRate) { 24000, 1001 }), ==, 24);
  g_assert_cmpint (cr_rate_nominal_fps ((CrRate) { 30000, 1001 }), ==, 30);
  g_assert_cmpint (cr_rate_nominal_fps ((CrRate) { 60000, 1001 }), ==, 60);
  g_assert_cmpint (cr_rate_nominal_fps ((CrRate) { 25, 1 }), ==, 25);
  g_assert_true (cr_rate_equal ((CrRate) { 60000, 2002 }, (CrRate) { 30000, 1001 }));
  g_assert_false (cr_rate_equal ((CrRate) { 30, 1 }, (CrRate) { 30000, 1001 }));
}

static void
test_format_check (void)
{
  static const struct { CrTimecodeFormat fmt; const char *needle; } bad[] = {
    { { { 25, 1 }, TRUE }, "Drop-frame" },
    { { { 30, 1 }, TRUE }, "Drop-frame" },
    { { { 24000, 1001 }, TRUE }, "Drop-frame" },
    { { { 120000, 1001 }, TRUE }, "Drop-frame" },
    { { { 25, 2 }, FALSE }, "25/2" },
    { { { 0, 1 }, FALSE }, "0/1" },
    { { { 25, 0 }, FALSE }, "25/0" },
    { { { -25, 1 }, FALSE }, "-25/1" },
    { { { 1000, 1 }, FALSE }, "1000" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (cr_timecode_format_check (&formats[i].fmt, &error));
      g_assert_no_error (error);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (cr_timecode_format_check (&bad[i].fmt, &error));
      g_assert_error (error, CR_TIMECODE_ERROR, CR_TIMECODE_ERROR_RATE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, bad[i].needle));
      g_assert_null (strchr (error->message, '\n'));
    }

  /* The drop-frame message says where drop-frame is valid. */
  {
    g_autoptr(GError) error = NULL;
    CrTimecodeFormat fmt = { { 25, 1 }, TRUE };

    g_assert_false (cr_timecode_format_check (&fmt, &error));
    g_assert_nonnull (strstr (error->message, "30000/1001"));
    g_assert_nonnull (strstr (error->message, "60000/1001"));
    g_assert_nonnull (strstr (error->message, "not at 25"));
  }
}

static void
assert_label (gint64                  frames,
              const CrTimecodeFormat *fmt,
              const char             *label)
{
  g_autofree char *text = cr_timecode_to_string (frames, fmt);
  g_autoptr(GError) error = NULL;
  gint64 back = -1;

  g_assert_cmpstr (text, ==, label);
  g_assert_true (cr_timecode_parse (label, fmt, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back, ==, frames);
}

static void
test_known_values (void)
{
  const CrTimecodeFormat ndf30 = { { 30000, 1001 }, FALSE };
  const CrTimecodeFormat f23 = { { 24000, 1001 }, FALSE };
  const CrTimecodeFormat f60 = { { 60, 1 }, FALSE };

  assert_label (0, &df30, "00:00:00;00");
  assert_label (29, &df30, "00:00:00;29");
  assert_label (1799, &df30, "00:00:59;29");
  assert_label (1800, &df30, "00:01:00;02");
  assert_label (3597, &df30, "00:01:59;29");
  assert_label (3598, &df30, "00:02:00;02");
  assert_label (17981, &df30, "00:09:59;29");
  assert_label (17982, &df30, "00:10:00;00");
  assert_label (17983, &df30, "00:10:00;01");
  assert_label (107892, &df30, "01:00:00;00");
  assert_label (2589407, &df30, "23:59:59;29");

  assert_label (3599, &df60, "00:00:59;59");
  assert_label (3600, &df60, "00:01:00;04");
  assert_label (35964, &df60, "00:10:00;00");
  assert_label (215784, &df60, "01:00:00;00");

  assert_label (1800, &ndf30, "00:01:00:00");
  assert_label (107999, &ndf30, "00:59:59:29");
  assert_label (90000, &ndf25, "01:00:00:00");
  assert_label (86399, &f23, "00:59:59:23");
  assert_label (216000, &f60, "01:00:00:00");

  g_assert_cmpint (cr_timecode_frames_per_day (&df30), ==, 2589408);
  g_assert_cmpint (cr_timecode_frames_per_day (&df60), ==, 5178816);
  g_assert_cmpint (cr_timecode_frames_per_day (&ndf25), ==, 2160000);
}

static void
test_parse_forms (void)
{
  gint64 frames = -1;
  g_autoptr(GError) error = NULL;

  /* '.' as FFmpeg and some cameras print it; colons under a drop-frame format (CMX3600 EDLs
   * say DROP FRAME in an FCM line); Premiere's all-semicolon form. */
  g_assert_true (cr_timecode_parse ("00:01:00.02", &df30, &frames, &error));
  g_assert_no_error (error);
  g_assert_cmpint (frames, ==, 1800);
  g_assert_true (cr_timecode_parse ("00:01:00:02", &df30, &frames, &error));
  g_assert_no_error (error);
  g_assert_cmpint (frames, ==, 1800);
  g_assert_true (cr_timecode_parse ("00;10;00;00", &df30, &frames, &error));
  g_assert_no_error (error);
  g_assert_cmpint (frames, ==, 17982);

  g_assert_true (cr_timecode_text_is_drop ("00:01:00;02"));
  g_assert_true (cr_timecode_text_is_drop ("00:01:00.02"));
  g_assert_true (cr_timecode_text_is_drop ("00;01;00;02"));
  g_assert_false (cr_timecode_text_is_drop ("00:01:00:02"));
  g_assert_false (cr_timecode_text_is_drop (""));
}

static void
test_parse_errors (void)
{
  static const struct { const char *text; const CrTimecodeFormat *fmt; int code; } bad[] = {
    { "", &ndf25, CR_TIMECODE_ERROR_SYNTAX },
    { "junk", &ndf25, CR_TIMECODE_ERROR_SYNTAX },
    { "00:00:00", &ndf25, CR_TIMECODE_ERROR_SYNTAX },
    { "00:00:00:00:00", &ndf25, CR_TIMECODE_ERROR_SYNTAX },
    { "0:00:00:00", &ndf25, CR_TIMECODE_ERROR_SYNTAX },
    { "00:00:00:000", &ndf25, CR_TIMECODE_ERROR_SYNTAX },
    { "00:00:00:0", &ndf25, CR_TIMECODE_ERROR_SYNTAX },
    { "00-00-00-00", &ndf25, CR_TIMECODE_ERROR_SYNTAX },
    { "00:00;00:00", &ndf25, CR_TIMECODE_ERROR_SYNTAX },
    { "00;00;00:00", &df30, CR_TIMECODE_ERROR_SYNTAX },
    { " 00:00:00:00", &ndf25, CR_TIMECODE_ERROR_SYNTAX },
    { "00:00:00:00 ", &ndf25, CR_TIMECODE_ERROR_SYNTAX },
    { "-00:00:00:01", &ndf25, CR_TIMECODE_ERROR_SYNTAX },
    { "00:00:01;00", &ndf25, CR_TIMECODE_ERROR_SYNTAX },
    { "00:00:01.00", &ndf25, CR_TIMECODE_ERROR_SYNTAX },
    { "24:00:00:00", &ndf25, CR_TIMECODE_ERROR_RANGE },
    { "00:60:00:00", &ndf25, CR_TIMECODE_ERROR_RANGE },
    { "00:00:60:00", &ndf25, CR_TIMECODE_ERROR_RANGE },
    { "00:00:00:25", &ndf25, CR_TIMECODE_ERROR_RANGE },
    { "00:00:00;30", &df30, CR_TIMECODE_ERROR_RANGE },
    { "00:00:00;60", &df60, CR_TIMECODE_ERROR_RANGE },
    { "00:01:00;00", &df30, CR_TIMECODE_ERROR_RANGE },
    { "00:01:00;01", &df30, CR_TIMECODE_ERROR_RANGE },
    { "00:01:00:01", &df30, CR_TIMECODE_ERROR_RANGE },
    { "23:59:00;00", &df30, CR_TIMECODE_ERROR_RANGE },
    { "00:01:00;03", &df60, CR_TIMECODE_ERROR_RANGE },
  };
  static const CrTimecodeFormat drop25 = { { 25, 1 }, TRUE };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 frames = -7;

      g_test_message ("bad timecode '%s'", bad[i].text);
      g_assert_false (cr_timecode_parse (bad[i].text, bad[i].fmt, &frames, &error));
      g_assert_error (error, CR_TIMECODE_ERROR, bad[i].code);
      g_assert_cmpint (frames, ==, -7);
      g_assert_null (strchr (error->message, '\n'));
      if (bad[i].text[0] != '\0')
        g_assert_nonnull (strstr (error->message, bad[i].text));
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (cr_timecode_parse ("00:00:00;00", &drop25, NULL, &error));
    g_assert_error (error, CR_TIMECODE_ERROR, CR_TIMECODE_ERROR_RATE);
  }

  /* The tenth minutes keep their ;00 and ;01. */
  g_assert_true (cr_timecode_parse ("00:20:00;00", &df30, NULL, NULL));
  g_assert_true (cr_timecode_parse ("00:01:00;02", &df30, NULL, NULL));
  g_assert_true (cr_timecode_parse ("00:01:01;00", &df30, NULL, NULL));
}

static void
test_wrap (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      const CrTimecodeFormat *fmt = &formats[i].fmt;
      gint64 day = cr_timecode_frames_per_day (fmt);
      g_autofree char *zero = cr_timecode_to_string (0, fmt);
      g_autofree char *next_day = cr_timecode_to_string (day, fmt);
      g_autofree char *last = cr_timecode_to_string (day - 1, fmt);
      g_autofree char *minus_one = cr_timecode_to_string (-1, fmt);
      g_autofree char *far = cr_timecode_to_string (-day * 3 + 5, fmt);
      g_autofree char *five = cr_timecode_to_string (5, fmt);

      g_assert_cmpstr (zero, ==, next_day);
      g_assert_cmpstr (last, ==, minus_one);
      g_assert_cmpstr (far, ==, five);
      g_assert_true (g_str_has_prefix (last, "23:59:59"));
    }
}

static void
test_usec (void)
{
  static const CrRate ntsc = { 30000, 1001 };

  g_assert_cmpint (cr_frames_to_usec (1, ntsc), ==, 33367);
  g_assert_cmpint (cr_frames_to_usec (3, ntsc), ==, 100100);
  g_assert_cmpint (cr_frames_to_usec (-1, ntsc), ==, -33367);
  g_assert_cmpint (cr_frames_to_usec (25, (CrRate) { 25, 1 }), ==, G_USEC_PER_SEC);
  /* One hour of 23.976 labels runs 3.6 s long in real time. */
  g_assert_cmpint (cr_frames_to_usec (86400, (CrRate) { 24000, 1001 }), ==, G_GINT64_CONSTANT (3603600000));
  g_assert_cmpint (cr_usec_to_frames (G_USEC_PER_SEC, (CrRate) { 25, 1 }), ==, 25);
  g_assert_cmpint (cr_usec_to_frames (100100, ntsc), ==, 3);
  /* Nearest frame: 16683 µs is just under half of 33366.67, 16684 just over. */
  g_assert_cmpint (cr_usec_to_frames (16683, ntsc), ==, 0);
  g_assert_cmpint (cr_usec_to_frames (16684, ntsc), ==, 1);
  g_assert_cmpint (cr_usec_to_frames (-16684, ntsc), ==, -1);

  /* Exact both ways for a year of frames, without floating point drift. */
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      CrRate rate = formats[i].fmt.rate;

      for (gint64 f = -100000; f <= G_GINT64_CONSTANT (2000000000); f += 99991)
        g_assert_cmpint (cr_usec_to_frames (cr_frames_to_usec (f, rate), rate), ==, f);
    }
}

/* Every frame of a day reads back to itself, and its label equals FFmpeg's: at every frame for
 * drop-frame, at every 7th for non-drop (7 is prime to every listed rate, so each frame field is
 * still met), since av_timecode_make_string's snprintf dominates the run under ASan. */
static void
test_day_against_ffmpeg (gconstpointer data)
{
  const NamedFormat *named = data;
  const CrTimecodeFormat *fmt = &named->fmt;
  AVRational rate = { fmt->rate.num, fmt->rate.den };
  int flags = AV_TIMECODE_FLAG_24HOURSMAX | (fmt->drop_frame ? AV_TIMECODE_FLAG_DROPFRAME : 0);
  AVTimecode tc;
  gint64 day = cr_timecode_frames_per_day (fmt);
  gint64 checked = 0;
  gint64 compared = 0;
  gint64 stride = fmt->drop_frame ? 1 : 7;

  av_log_set_level (AV_LOG_ERROR);
  g_assert_cmpint (av_timecode_init (&tc, rate, flags, 0, NULL), ==, 0);
  g_assert_cmpint (day, ==, (gint64) cr_rate_nominal_fps (fmt->rate) * 86400
                   - (fmt->drop_frame ? (gint64) cr_rate_nominal_fps (fmt->rate) / 15 * 9 * 144 : 0));

  for (gint64 f = 0; f < day; f++)
    {
      char ours[CR_TIMECODE_MAX_LEN];
      char theirs[AV_TIMECODE_STR_SIZE];
      gint64 back = -1;

      cr_timecode_format_into (f, fmt, ours);
      if (f % stride == 0)
        {
          av_timecode_make_string (&tc, theirs, (int) f);
          if (G_UNLIKELY (strcmp (ours, theirs) != 0))
            g_error ("%s frame %" G_GINT64_FORMAT ": ours %s, FFmpeg %s", named->name, f, ours, theirs);
          compared++;
        }
      if (G_UNLIKELY (!cr_timecode_parse (ours, fmt, &back, NULL) || back != f))
        g_error ("%s frame %" G_GINT64_FORMAT ": %s reads back as %" G_GINT64_FORMAT,
                 named->name, f, ours, back);
      checked++;
    }
  g_assert_cmpint (checked, ==, day);
  g_assert_cmpint (compared, ==, (day + stride - 1) / stride);
  g_test_message ("%s: %" G_GINT64_FORMAT " frames read back, %" G_GINT64_FORMAT " agree with av_timecode",
                  named->name, checked, compared);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/media/timecode/rate-parse", test_rate_parse);
  g_test_add_func ("/media/timecode/rate-misc", test_rate_misc);
  g_test_add_func ("/media/timecode/format-check", test_format_check);
  g_test_add_func ("/media/timecode/known-values", test_known_values);
  g_test_add_func ("/media/timecode/parse-forms", test_parse_forms);
  g_test_add_func ("/media/timecode/parse-errors", test_parse_errors);
  g_test_add_func ("/media/timecode/wrap", test_wrap);
  g_test_add_func ("/media/timecode/usec", test_usec);
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_strdup_printf ("/media/timecode/day/%s", formats[i].name);

      g_test_add_data_func (path, &formats[i], test_day_against_ffmpeg);
    }

  return g_test_run ();
}
