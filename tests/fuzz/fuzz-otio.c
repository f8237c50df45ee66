/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer: the OpenTimelineIO reader. A timeline it accepts must be valid, and what
 * cr_otio_write makes of it must read back with as many events. */
#include "config.h"

#include "cr-otio.h"
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
  g_autoptr(CrTimeline) timeline = cr_otio_read ((const char *) data, size, &error);

  fuzz_check_one_line (timeline, error);
  if (timeline != NULL)
    {
      g_autoptr(GString) otio = g_string_new (NULL);

      FUZZ_ASSERT (cr_timeline_validate (timeline, NULL));
      if (cr_otio_write (timeline, NULL, otio, NULL))
        {
          g_autoptr(CrTimeline) again = cr_otio_read (otio->str, otio->len, NULL);

          FUZZ_ASSERT (again != NULL);
          FUZZ_ASSERT (again->events->len == timeline->events->len);
        }
    }
  return 0;
}
