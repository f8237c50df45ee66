/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer: the CMX3600 EDL reader. A timeline it accepts must also be valid and writable
 * (as an EDL and as OTIO), and the EDL it writes must read back. */
#include "config.h"

#include "cr-edl.h"
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
  /* The production's rate, as `cut import` gives it, for EDLs that name none. */
  CrEdlReadOptions options = { { 25, 1 }, FALSE, 0, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrTimeline) timeline = cr_edl_read ((const char *) data, size, &options, &error);

  fuzz_check_one_line (timeline, error);
  if (timeline != NULL)
    {
      g_autoptr(GString) edl = g_string_new (NULL);
      g_autoptr(GString) otio = g_string_new (NULL);
      g_autoptr(CrTimeline) again = NULL;

      FUZZ_ASSERT (cr_timeline_validate (timeline, NULL));
      FUZZ_ASSERT (cr_timeline_get_duration (timeline) > 0);
      if (cr_edl_write (timeline, NULL, edl, NULL))
        {
          again = cr_edl_read (edl->str, edl->len, &options, NULL);
          FUZZ_ASSERT (again != NULL);
          FUZZ_ASSERT (again->events->len == timeline->events->len);
        }
      cr_otio_write (timeline, NULL, otio, NULL);
    }
  return 0;
}
