/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Transcript files as they come back from people and services: SubRip with a byte-order mark,
 * CRLF and multi-line cues; WebVTT with notes, settings and voice tags; text with stamps and
 * speakers; and the faults that must be refused with their line number. */
#include "config.h"
#include "../cr-test-support.h"

#include <string.h>

#include "cr-cues.h"
#include "cr-db.h"

static GPtrArray *
parse (const char   *text,
       CrCuesFormat  format)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cues = cr_cues_parse (text, strlen (text), format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cues);
  return cues;
}

#define CUE(cues, i) ((const CrCue *) g_ptr_array_index ((cues), (i)))

static void
refused (const char   *text,
         gsize         len,
         CrCuesFormat  format,
         const char   *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cues = NULL;

  /* -1: the text up to its NUL. */
  if (len == (gsize) -1)
    len = strlen (text);
  cues = cr_cues_parse (text, len, format, &error);
  g_assert_null (cues);
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  if (!strstr (error->message, needle))
    g_error ("“%s” does not say “%s”", error->message, needle);
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_srt (void)
{
  const char *text =
    "\xEF\xBB\xBF" "1\r\n00:00:01,000 --> 00:00:03,500\r\nAna Silva: We handed out\r\nfood parcels every week.\r\n\r\n"
    "2\r\n00:00:04,000 --> 00:00:06,040 X1:0 X2:10\r\n<i>It changed</i> {\\an8}everything &amp; more.\r\n\r\n\r\n"
    "3\r\n01:02:03,4 --> 01:02:04,05\r\n- Volunteer 2: Yes.\r\n";
  g_autoptr(GPtrArray) cues = parse (text, CR_CUES_AUTO);

  g_assert_cmpuint (cues->len, ==, 3);
  g_assert_cmpuint (CUE (cues, 0)->line, ==, 2);
  g_assert_cmpint (CUE (cues, 0)->start_us, ==, 1000000);
  g_assert_cmpint (CUE (cues, 0)->end_us, ==, 3500000);
  g_assert_cmpstr (CUE (cues, 0)->speaker, ==, "Ana Silva");
  g_assert_cmpstr (CUE (cues, 0)->text, ==, "We handed out food parcels every week.");
  g_assert_cmpuint (CUE (cues, 1)->line, ==, 7);
  g_assert_cmpint (CUE (cues, 1)->end_us, ==, 6040000);
  g_assert_null (CUE (cues, 1)->speaker);
  /* SubRip has no character references: "&amp;" is what the file says. */
  g_assert_cmpstr (CUE (cues, 1)->text, ==, "It changed everything &amp; more.");
  /* One digit of milliseconds is tenths; two are hundredths. */
  g_assert_cmpint (CUE (cues, 2)->start_us, ==, (3723 * G_GINT64_CONSTANT (1000) + 400) * 1000);
  g_assert_cmpint (CUE (cues, 2)->end_us, ==, (3724 * G_GINT64_CONSTANT (1000) + 50) * 1000);
  /* A dialogue dash is not a name. */
  g_assert_null (CUE (cues, 2)->speaker);
  g_assert_cmpstr (CUE (cues, 2)->text, ==, "- Volunteer 2: Yes.");
}

static void
test_vtt (void)
{
  const char *text =
    "WEBVTT - made by Zoom\n\nNOTE\nthis is a note\n--> not a cue\n\nSTYLE\n::cue { color: red }\n\n"
    "1\n00:00:01.000 --> 00:00:02.000 align:start position:10%\n<v Speaker 1>Hello &amp; welcome</v>\n\n"
    "intro-2\n00:02.500 --> 00:04.000\n<v.loud Ben Okafor>Thanks, <b>Ana</b>.\nIt's good &lt;here&gt;.</v>\n\n"
    "00:00:04.000 --> 00:00:05.000\nNo voice: but a prefix\n";
  g_autoptr(GPtrArray) cues = parse (text, CR_CUES_AUTO);

  g_assert_cmpuint (cues->len, ==, 3);
  g_assert_cmpstr (CUE (cues, 0)->speaker, ==, "Speaker 1");
  g_assert_cmpstr (CUE (cues, 0)->text, ==, "Hello & welcome");
  g_assert_cmpuint (CUE (cues, 0)->line, ==, 11);
  g_assert_cmpint (CUE (cues, 1)->start_us, ==, 2500000);
  g_assert_cmpstr (CUE (cues, 1)->speaker, ==, "Ben Okafor");
  g_assert_cmpstr (CUE (cues, 1)->text, ==, "Thanks, Ana. It's good <here>.");
  /* Touching cues do not overlap. */
  g_assert_cmpint (CUE (cues, 2)->start_us, ==, 4000000);
  g_assert_cmpstr (CUE (cues, 2)->speaker, ==, "No voice");
}

static void
test_stamped (void)
{
  const char *text =
    "Interview with Ana, 29 March\r\r[00:00:05] Ana Silva: First thing.\rMore of it.\r"
    "00:00:10 Interviewer: Next? And: then.\r\rSpeaker 1  0:15\rOtter style text\r"
    "[1:02:03.5] - Ana Silva: Last.";
  g_autoptr(GPtrArray) cues = parse (text, CR_CUES_STAMPED);

  g_assert_cmpuint (cues->len, ==, 4);
  g_assert_cmpuint (CUE (cues, 0)->line, ==, 3);
  g_assert_cmpint (CUE (cues, 0)->start_us, ==, 5000000);
  g_assert_cmpint (CUE (cues, 0)->end_us, ==, 10000000);
  g_assert_cmpstr (CUE (cues, 0)->speaker, ==, "Ana Silva");
  g_assert_cmpstr (CUE (cues, 0)->text, ==, "First thing. More of it.");
  g_assert_cmpstr (CUE (cues, 1)->speaker, ==, "Interviewer");
  g_assert_cmpstr (CUE (cues, 1)->text, ==, "Next? And: then.");
  g_assert_cmpint (CUE (cues, 1)->end_us, ==, 15000000);
  g_assert_cmpstr (CUE (cues, 2)->speaker, ==, "Speaker 1");
  g_assert_cmpstr (CUE (cues, 2)->text, ==, "Otter style text");
  g_assert_cmpint (CUE (cues, 3)->start_us, ==, G_GINT64_CONSTANT (3723500000));
  /* The last stamped cue's end is not written: the clip decides it. */
  g_assert_cmpint (CUE (cues, 3)->end_us, ==, -1);
  g_assert_cmpstr (CUE (cues, 3)->speaker, ==, "Ana Silva");
}

static void
test_refused (void)
{
  static const char bad_utf8[] = "1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03,000 --> 00:00:04,000\nbad \xff byte\n";
  static const char nul[] = "1\n00:00:01,000 --> 00:00:02,000\nnul \0 byte\n";

  refused ("1\n00:00:01,000 --> 00:00:03,500\na\n\n2\n00:00:02,000 --> 00:00:04,000\nb\n", (gsize) -1,
           CR_CUES_SRT, "line 6: the cue starts at 00:00:02,000, before the cue on line 2 ends (00:00:03,500)");
  refused ("1\n00:00:05,000 --> 00:00:04,000\nbackwards\n", (gsize) -1, CR_CUES_SRT,
           "line 2: the cue ends (00:00:04,000) before it starts (00:00:05,000)");
  refused (bad_utf8, sizeof bad_utf8 - 1, CR_CUES_SRT, "line 7: not UTF-8");
  refused (nul, sizeof nul - 1, CR_CUES_SRT, "line 3: not UTF-8");
  refused ("1\n00:00:61,000 --> 00:01:02,000\nsixty-one seconds\n", (gsize) -1, CR_CUES_SRT, "line 2: expected a cue time");
  refused ("1\r\n00:00:01,000 --> 00:00:02,000\r\none\r\n00:00:02,000 --> 00:00:03,000\r\ntwo\r\n", (gsize) -1,
           CR_CUES_SRT, "line 4: a cue time inside the text of the cue on line 2");
  refused ("00:00:01.000 --> 00:00:02.000\nno header\n", (gsize) -1, CR_CUES_VTT, "line 1: a WebVTT file starts with");
  refused ("[00:01:00] A: one\n[00:00:30] B: two\n", (gsize) -1, CR_CUES_STAMPED,
           "line 2: the cue starts at 00:00:30,000, before the cue on line 1 starts (00:01:00,000)");
  refused ("Just some words\nwithout any time\n", (gsize) -1, CR_CUES_STAMPED, "no time stamps");
}

static void
test_format_time (void)
{
  g_autofree char *srt = cr_cues_format_time (G_GINT64_CONSTANT (3723456000), TRUE);
  g_autofree char *vtt = cr_cues_format_time (999, FALSE);

  g_assert_cmpstr (srt, ==, "01:02:03,456");
  g_assert_cmpstr (vtt, ==, "00:00:00.000");
  g_assert_cmpint (cr_cues_format_for_path ("/x/A.SRT"), ==, CR_CUES_SRT);
  g_assert_cmpint (cr_cues_format_for_path ("a.vtt"), ==, CR_CUES_VTT);
  g_assert_cmpint (cr_cues_format_for_path ("a.txt"), ==, CR_CUES_STAMPED);
  g_assert_cmpint (cr_cues_format_for_path ("a.doc"), ==, CR_CUES_AUTO);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/transcript/parse/srt", test_srt);
  g_test_add_func ("/transcript/parse/vtt", test_vtt);
  g_test_add_func ("/transcript/parse/stamped", test_stamped);
  g_test_add_func ("/transcript/parse/refused", test_refused);
  g_test_add_func ("/transcript/parse/format-time", test_format_time);
  return g_test_run ();
}
