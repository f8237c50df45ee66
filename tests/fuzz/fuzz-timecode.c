/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer: the rate and timecode parsers. The input is "RATE\nTIMECODE"; a rate of "…DF"
 * asks for drop-frame. A timecode that parses must print as the same label and parse back
 * to the same frame; every label of a valid format must parse back to its frame. */
#include "config.h"

#include "cr-timecode.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_fatal_logs ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  char *newline = strchr (text, '\n');
  const char *tc_text = "";
  g_autoptr(GError) error = NULL;
  CrTimecodeFormat fmt = { { 0, 0 }, FALSE };
  gsize n;

  if (newline != NULL)
    {
      *newline = '\0';
      tc_text = newline + 1;
    }
  n = strlen (text);
  if (n >= 2 && g_str_equal (text + n - 2, "DF"))
    {
      fmt.drop_frame = TRUE;
      text[n - 2] = '\0';
    }
  if (!cr_rate_parse (text, &fmt.rate, &error))
    {
      fuzz_check_one_line_error (error);
      return 0;
    }
  FUZZ_ASSERT (fmt.rate.num > 0 && fmt.rate.den > 0);
  if (!cr_timecode_format_check (&fmt, &error))
    {
      fuzz_check_one_line_error (error);
      return 0;
    }

  {
    gint64 frames = 0, again = 0, per_day = cr_timecode_frames_per_day (&fmt);
    char label[CR_TIMECODE_MAX_LEN];

    FUZZ_ASSERT (per_day > 0);
    if (cr_timecode_parse (tc_text, &fmt, &frames, &error))
      {
        FUZZ_ASSERT (frames >= 0 && frames < per_day);
        cr_timecode_format_into (frames, &fmt, label);
        FUZZ_ASSERT (cr_timecode_parse (label, &fmt, &again, NULL));
        FUZZ_ASSERT (again == frames);
      }
    else
      fuzz_check_one_line_error (error);

    /* Any frame number, wrapped like a clock: its label reads back as that frame of the day. */
    if (size >= 8)
      {
        gint64 any;

        memcpy (&any, data + size - 8, 8);
        cr_timecode_format_into (any, &fmt, label);
        FUZZ_ASSERT (cr_timecode_parse (label, &fmt, &again, NULL));
        FUZZ_ASSERT (again == ((any % per_day) + per_day) % per_day);
      }
  }
  return 0;
}
