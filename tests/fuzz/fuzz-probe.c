/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer: the probe, on a whole file in memory. What it reports must be usable as it is:
 * a timecode that can be written, rates that are rates, one-line errors. */
#include "config.h"

#include "cr-probe.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* FFmpeg's own log goes to g_debug; our warnings and CRITICALs are bugs. */
  fuzz_fatal_logs ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* A bound of its own, well inside libFuzzer's -timeout. */
  CrProbeOptions options = { { { 25, 1 }, FALSE }, 2 * G_USEC_PER_SEC };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrProbe) probe = cr_probe_bytes (data, size, "fuzz.bin", &options, &error);

  fuzz_check_one_line (probe, error);
  if (probe == NULL)
    return 0;
  if (probe->timecode.source != CR_TIMECODE_SOURCE_NONE)
    {
      g_autofree char *label = NULL;

      FUZZ_ASSERT (cr_timecode_format_check (&probe->timecode.format, NULL));
      label = cr_timecode_to_string (probe->timecode.frames, &probe->timecode.format);
      FUZZ_ASSERT (label != NULL);
    }
  for (guint i = 0; i < probe->streams->len; i++)
    {
      const CrProbeStream *s = g_ptr_array_index (probe->streams, i);

      FUZZ_ASSERT (s->frame_rate.num >= 0 && s->frame_rate.den >= 0);
    }
  {
    g_autoptr(JsonNode) node = cr_probe_to_json (probe);
    g_autofree char *json = json_to_string (node, FALSE);

    FUZZ_ASSERT (g_utf8_validate (json, -1, NULL));
  }
  return 0;
}
