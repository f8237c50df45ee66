/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The readers against inputs that once crashed them or set off UBSan (tests/hostile/, kept
 * from mutation fuzzing and libFuzzer): each must give one line of error, or a clean result,
 * and never a crash, a CRITICAL or undefined behaviour (the sanitize run checks the last). */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>

#include "cr-bwf.h"
#include "cr-edl.h"
#include "cr-otio.h"
#include "cr-probe.h"
#include "cr-timeline.h"

static char *
hostile_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "hostile", name, NULL);
}

static char *
hostile_read (const char *name,
              gsize      *len)
{
  g_autofree char *path = hostile_path (name);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  if (!g_file_get_contents (path, &text, len, &error))
    g_error ("%s (the kept inputs are in tests/hostile/)", error->message);
  return text;
}

/* One line, not empty, and containing `needle`. */
static void
assert_one_line (const GError *error,
                 const char   *needle)
{
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_null (strchr (error->message, '\n'));
  if (strstr (error->message, needle) == NULL)
    g_error ("expected “%s” in “%s”", needle, error->message);
}

static void
otio_refused (const char *name,
              const char *needle)
{
  gsize len = 0;
  g_autofree char *text = hostile_read (name, &len);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_otio_read (text, len, &error);

  g_assert_null (timeline);
  g_assert_error (error, CR_TIMELINE_ERROR, CR_TIMELINE_ERROR_PARSE);
  assert_one_line (error, needle);
}

static void
test_otio_tiny_rate (void)
{
  otio_refused ("otio-rate-1e-10-sigfpe.otio", "source_range.duration: rate 1e-10 is not a whole number");
}

static void
test_otio_deep (void)
{
  otio_refused ("otio-deep-100000.otio", "nested more than 1000 levels");
}

static void
test_otio_huge_values (void)
{
  otio_refused ("otio-value-1e300.otio", "global_start_time: value 1.0000000000000001e+300 is out of range");
  /* 1e999 parses as infinity. */
  otio_refused ("otio-value-1e999.otio", "value inf is out of range");
}

static void
test_otio_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_otio_read ("", 0, &error);

  g_assert_null (timeline);
  assert_one_line (error, "OTIO: the file is empty");
}

/* Elements and metadata of the wrong JSON type: json-glib's getters would warn or misread. */
static void
test_otio_wrong_types (void)
{
  static const char *texts[] = {
    "{\"OTIO_SCHEMA\": \"Timeline.1\", \"tracks\": {\"OTIO_SCHEMA\": \"Stack.1\", \"children\": [1, \"x\", null]}}",
    "{\"OTIO_SCHEMA\": \"Timeline.1\", \"metadata\": {\"casereel\": {\"drop_frame\": {}, \"width\": [], "
    "\"height\": \"x\"}}, \"global_start_time\": {\"OTIO_SCHEMA\": \"RationalTime.1\", \"rate\": \"25\", "
    "\"value\": 0}, \"tracks\": {\"OTIO_SCHEMA\": \"Stack.1\", \"children\": [{\"OTIO_SCHEMA\": \"Track.1\", "
    "\"kind\": \"Video\", \"children\": []}]}}",
  };
  static const char *needles[] = { "tracks: no video or audio track", "global_start_time: not a RationalTime" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrTimeline) timeline = cr_otio_read (texts[i], -1, &error);

      g_assert_null (timeline);
      assert_one_line (error, needles[i]);
    }
}

/* The depth guard counts brackets, not brackets inside strings: a deep-looking name is fine. */
static void
test_otio_brackets_in_strings (void)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = NULL;
  g_autofree char *text = NULL;

  for (int i = 0; i < 5000; i++)
    g_string_append (name, "[{\\\"");
  text = g_strdup_printf ("{\"OTIO_SCHEMA\": \"Timeline.1\", \"name\": \"%s\", \"tracks\": "
                          "{\"OTIO_SCHEMA\": \"Stack.1\", \"children\": []}}", name->str);
  timeline = cr_otio_read (text, -1, &error);
  g_assert_null (timeline);
  /* Past the guard: refused for what it lacks, not for its depth. */
  assert_one_line (error, "tracks: no video or audio track");
}

static void
test_rate_conversion_guard (void)
{
  CrTimeline timeline = { .rate = { 25, 1 } };
  CrTimelineSource zero = { .rate = { 0, 1 } };
  CrTimelineSource ntsc = { .rate = { 30000, 1001 } };

  /* A rate of 0/1 gives no frames rather than a division by zero. */
  g_assert_cmpint (cr_timeline_source_to_record (&timeline, &zero, 100), ==, 0);
  /* 30 frames at 29.97 last 1.001 s: 25.025 frames at 25, rounded to 25. */
  g_assert_cmpint (cr_timeline_source_to_record (&timeline, &ntsc, 30), ==, 25);
}

static void
test_decimal_rate_overflow (void)
{
  static const char *refused[] = {
    "1.22222222222222222222", "1.20999999999999999999", "1777777777777777777.10",
    "444444444444444444444444444444444444444444444444444444441.4", "1234567890.5", "1.1234567",
  };
  CrRate rate = { 0, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (cr_rate_parse (refused[i], &rate, &error));
      assert_one_line (error, refused[i]);
    }
  /* The longest numbers still read: nine digits, six after the point. */
  g_assert_true (cr_rate_parse ("29.97", &rate, NULL));
  g_assert_cmpint (rate.num, ==, 30000);
  g_assert_cmpint (rate.den, ==, 1001);
  g_assert_true (cr_rate_parse ("23.976024", &rate, NULL));
  g_assert_cmpint (rate.num, ==, 24000);
  g_assert_true (cr_rate_parse ("123.456789", &rate, NULL));
  g_assert_cmpint (rate.num, ==, 123456789);
  g_assert_cmpint (rate.den, ==, 1000000);
}

static void
test_edl_rate_overflow (void)
{
  gsize len = 0;
  g_autofree char *text = hostile_read ("edl-rate-overflow.edl", &len);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_edl_read (text, len, NULL, &error);

  g_assert_null (timeline);
  assert_one_line (error, "EDL line 3: frame rate");
}

/* Every libFuzzer crash input of a reader: refused in one line, or read as a valid timeline
 * that the writer of the same format writes and the reader reads back event for event. */
static void
libfuzzer_inputs (const char *reader)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "hostile", "libfuzzer", reader, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CrTimeline) timeline = NULL;
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &text, &len, NULL));
      if (g_str_equal (reader, "edl"))
        timeline = cr_edl_read (text, len, NULL, &error);
      else
        timeline = cr_otio_read (text, len, &error);
      if (timeline != NULL)
        {
          g_autoptr(GString) out = g_string_new (NULL);
          g_autoptr(CrTimeline) again = NULL;

          g_test_message ("%s: a timeline of %u events", name, timeline->events->len);
          g_assert_true (cr_timeline_validate (timeline, NULL));
          if (g_str_equal (reader, "edl"))
            {
              g_assert_true (cr_edl_write (timeline, NULL, out, &error));
              again = cr_edl_read (out->str, out->len, NULL, &error);
            }
          else
            {
              g_assert_true (cr_otio_write (timeline, NULL, out, &error));
              again = cr_otio_read (out->str, out->len, &error);
            }
          g_assert_no_error (error);
          g_assert_cmpuint (again->events->len, ==, timeline->events->len);
        }
      else
        assert_one_line (error, g_str_equal (reader, "edl") ? "EDL" : "OTIO");
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_libfuzzer_edl (void)
{
  libfuzzer_inputs ("edl");
}

static void
test_libfuzzer_otio (void)
{
  libfuzzer_inputs ("otio");
}

/* The file and the memory readers must agree. */
static void
read_both (const char *name,
           CrBwfInfo  *info)
{
  g_autofree char *path = hostile_path (name);
  g_autofree char *data = NULL;
  g_auto(CrBwfInfo) copy = { 0 };
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  g_assert_true (cr_bwf_read (path, info, &error));
  g_assert_no_error (error);
  data = hostile_read (name, &len);
  g_assert_true (cr_bwf_read_bytes ((const guint8 *) data, len, &copy));
  g_assert_cmpint (copy.time_reference, ==, info->time_reference);
  g_assert_cmpint (copy.sample_rate, ==, info->sample_rate);
  g_assert_cmpint (copy.has_rate, ==, info->has_rate);
  g_assert_cmpstr (copy.rate_warning, ==, info->rate_warning);
  g_assert_cmpstr (copy.originator, ==, info->originator);
}

static void
test_bwf_time_reference_max (void)
{
  g_auto(CrBwfInfo) info = { 0 };

  read_both ("bwf-time-reference-ffffffffffffffff.wav", &info);
  g_assert_true (info.has_bext);
  g_assert_cmpint (info.time_reference, ==, -1);
  g_assert_cmpint (info.sample_rate, ==, 48000);
}

static void
bwf_rate_ignored (const char *name,
                  const char *needle)
{
  g_autofree char *path = hostile_path (name);
  g_auto(CrBwfInfo) info = { 0 };
  g_autoptr(CrProbe) probe = NULL;
  g_autoptr(GError) error = NULL;
  CrProbeOptions options = { { { 25, 1 }, FALSE }, 0 };

  read_both (name, &info);
  g_assert_true (info.has_ixml);
  g_assert_false (info.has_rate);
  g_assert_nonnull (info.rate_warning);
  g_assert_null (strchr (info.rate_warning, '\n'));
  if (strstr (info.rate_warning, needle) == NULL)
    g_error ("expected “%s” in “%s”", needle, info.rate_warning);

  /* The probe counts the time reference at the caller's rate instead and says why. */
  probe = cr_probe_file (path, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (probe->warning);
  g_assert_nonnull (strstr (probe->warning, name));
  g_assert_nonnull (strstr (probe->warning, info.rate_warning));
  if (probe->timecode.source == CR_TIMECODE_SOURCE_BWF)
    {
      g_autofree char *label = cr_timecode_to_string (probe->timecode.frames, &probe->timecode.format);

      g_assert_true (probe->timecode.rate_from_caller);
      g_assert_true (cr_rate_equal (probe->timecode.format.rate, (CrRate) { 25, 1 }));
      g_assert_nonnull (label);
    }
  else
    g_assert_cmpint (probe->timecode.source, ==, CR_TIMECODE_SOURCE_NONE);
}

static void
test_bwf_rate_25_df (void)
{
  bwf_rate_ignored ("bwf-ixml-25-DF.wav", "iXML TIMECODE_RATE “25” ignored: Drop-frame timecode exists only at");
}

static void
test_bwf_rate_1000 (void)
{
  bwf_rate_ignored ("bwf-ixml-1000fps.wav", "iXML TIMECODE_RATE “1000” ignored: Frame rate 1000 is too fast");
}

/* Chunks that claim more bytes than the file has, or no header at all. */
static void
test_bwf_truncated (void)
{
  static const guint8 riff[] = "RIFF\xff\xff\xff\xffWAVEbext\xff\xff\x00\x00" "abc";
  g_auto(CrBwfInfo) info = { 0 };

  g_assert_false (cr_bwf_read_bytes ((const guint8 *) "RIFF", 4, &info));
  cr_bwf_info_clear (&info);
  g_assert_true (cr_bwf_read_bytes (riff, sizeof riff - 1, &info));
  g_assert_false (info.has_bext);
  g_assert_cmpint (info.time_reference, ==, -1);
}

/* libFuzzer's finds in the bext/iXML reader: text that is not UTF-8. */
static void
test_libfuzzer_bwf (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "hostile", "libfuzzer", "bwf", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *data = NULL;
      g_auto(CrBwfInfo) info = { 0 };
      gsize len = 0;

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      if (!cr_bwf_read_bytes ((const guint8 *) data, len, &info))
        continue;
      n++;
      {
        const char *texts[] = { info.scene, info.take, info.tape, info.project, info.note, info.originator };

        for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
          g_assert_true (texts[i] == NULL || g_utf8_validate (texts[i], -1, NULL));
      }
      for (guint i = 0; info.track_names && info.track_names[i]; i++)
        g_assert_true (g_utf8_validate (info.track_names[i], -1, NULL));
    }
  g_assert_cmpuint (n, >, 0);
}

/* Messages that echo what was typed stay on one line. */
static void
test_messages_one_line (void)
{
  CrTimecodeFormat fmt = { { 120, 1 }, FALSE };
  g_autoptr(GError) tc_error = NULL;
  g_autoptr(GError) rate_error = NULL;
  g_autoptr(GError) otio_error = NULL;
  g_autoptr(CrTimeline) timeline = NULL;
  CrRate rate;

  g_assert_false (cr_timecode_parse ("00:00:0120\n0", &fmt, NULL, &tc_error));
  assert_one_line (tc_error, "Timecode “00:00:0120\\n0” is not HH:MM:SS:FF");
  g_assert_false (cr_rate_parse ("25\r\n\x1b[2J", &rate, &rate_error));
  assert_one_line (rate_error, "Frame rate “25\\r\\n\\x1b[2J” is not");
  timeline = cr_otio_read ("{\"a\",\n}", -1, &otio_error);
  g_assert_null (timeline);
  assert_one_line (otio_error, "OTIO: ");
}

/* The probe from memory (what the fuzzer drives) reports what the probe of the file does. */
static void
test_probe_bytes (void)
{
  static const char *names[] = { "bwf-ixml-25-DF.wav", "bwf-time-reference-ffffffffffffffff.wav" };
  CrProbeOptions options = { { { 25, 1 }, FALSE }, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = hostile_path (names[i]);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CrProbe) file = cr_probe_file (path, &options, NULL, &error);
      g_autoptr(CrProbe) memory = NULL;
      gsize len = 0;

      g_assert_no_error (error);
      data = hostile_read (names[i], &len);
      memory = cr_probe_bytes ((const guint8 *) data, len, names[i], &options, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (memory->format, ==, file->format);
      g_assert_cmpint (memory->duration_us, ==, file->duration_us);
      g_assert_cmpuint (memory->streams->len, ==, file->streams->len);
      g_assert_cmpint (memory->timecode.source, ==, file->timecode.source);
      g_assert_cmpint (memory->timecode.frames, ==, file->timecode.frames);
      g_assert_cmpint (memory->recorder.time_reference, ==, file->recorder.time_reference);
      g_assert_cmpint (memory->warning != NULL, ==, file->warning != NULL);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CrProbe) none = cr_probe_bytes ((const guint8 *) "not media at all", 16, "x.bin", NULL, &error);

    g_assert_null (none);
    g_assert_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_NOT_MEDIA);
    assert_one_line (error, "x.bin: not a media file");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hostile/otio/tiny-rate", test_otio_tiny_rate);
  g_test_add_func ("/hostile/otio/deep", test_otio_deep);
  g_test_add_func ("/hostile/otio/huge-values", test_otio_huge_values);
  g_test_add_func ("/hostile/otio/empty", test_otio_empty);
  g_test_add_func ("/hostile/otio/wrong-types", test_otio_wrong_types);
  g_test_add_func ("/hostile/otio/brackets-in-strings", test_otio_brackets_in_strings);
  g_test_add_func ("/hostile/timeline/rate-guard", test_rate_conversion_guard);
  g_test_add_func ("/hostile/rate/decimal-overflow", test_decimal_rate_overflow);
  g_test_add_func ("/hostile/edl/rate-overflow", test_edl_rate_overflow);
  g_test_add_func ("/hostile/libfuzzer/edl", test_libfuzzer_edl);
  g_test_add_func ("/hostile/libfuzzer/otio", test_libfuzzer_otio);
  g_test_add_func ("/hostile/bwf/time-reference-max", test_bwf_time_reference_max);
  g_test_add_func ("/hostile/bwf/rate-25-df", test_bwf_rate_25_df);
  g_test_add_func ("/hostile/bwf/rate-1000", test_bwf_rate_1000);
  g_test_add_func ("/hostile/bwf/truncated", test_bwf_truncated);
  g_test_add_func ("/hostile/libfuzzer/bwf", test_libfuzzer_bwf);
  g_test_add_func ("/hostile/messages/one-line", test_messages_one_line);
  g_test_add_func ("/hostile/probe/bytes", test_probe_bytes);
  return g_test_run ();
}
