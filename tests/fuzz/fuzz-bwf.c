/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer: the Broadcast Wave bext/iXML reader, on a whole file in memory. What it keeps
 * must be usable as it is: a timecode rate that counts, UTF-8 text. */
#include "config.h"

#include "cr-bwf.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_fatal_logs ();
  return 0;
}

static void
check_text (const char *text)
{
  FUZZ_ASSERT (text == NULL || g_utf8_validate (text, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_auto(CrBwfInfo) info = { 0 };

  if (!cr_bwf_read_bytes (data, size, &info))
    return 0;
  FUZZ_ASSERT (info.time_reference >= -1);
  FUZZ_ASSERT (info.sample_rate >= 0);
  if (info.has_rate)
    FUZZ_ASSERT (cr_timecode_format_check (&info.timecode_format, NULL));
  else
    FUZZ_ASSERT (info.timecode_format.rate.num == 0);
  /* Everything read goes into the catalogue as text. */
  check_text (info.originator);
  check_text (info.scene);
  check_text (info.take);
  check_text (info.tape);
  check_text (info.project);
  check_text (info.note);
  check_text (info.rate_warning);
  for (guint i = 0; info.track_names != NULL && info.track_names[i] != NULL; i++)
    check_text (info.track_names[i]);
  return 0;
}
