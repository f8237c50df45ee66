/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer: the FCPXML reader. A timeline it accepts must be valid, and what cr_fcpxml_write
 * makes of it must read back with as many events. */
#include "config.h"

#include "cr-fcpxml.h"
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
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_fcpxml_read ((const char *) data, size, &error);

  fuzz_check_one_line (timeline, error);
  if (timeline != NULL)
    {
      g_autoptr(GString) fcpxml = g_string_new (NULL);

      FUZZ_ASSERT (cr_timeline_validate (timeline, NULL));
      if (cr_fcpxml_write (timeline, NULL, fcpxml, NULL))
        {
          g_autoptr(GError) again_error = NULL;
          g_autoptr(CrTimeline) again = cr_fcpxml_read (fcpxml->str, fcpxml->len, &again_error);

          if (again == NULL)
            g_printerr ("written FCPXML not read back: %s\n%s\n", again_error->message, fcpxml->str);
          FUZZ_ASSERT (again != NULL);
          FUZZ_ASSERT (again->events->len == timeline->events->len);
        }
    }
  return 0;
}
