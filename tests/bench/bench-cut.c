/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Benchmark (not a test): a stringout of 10,000 selects, and exporting the resulting
 * 10,000-event cut in every format, through the same app/ services as the command line
 * (store -> timeline -> consent check -> writer -> file). Target: each under 100 ms.
 *   build/tests/bench/bench-cut */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "cr-clips.h"
#include "cr-cut.h"
#include "cr-store.h"

#define SELECTS 10000

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

int
main (int argc, char **argv)
{
  g_autofree char *dir = g_dir_make_tmp ("casereel-bench-cut-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench.casereel", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrDb) db = cr_db_create (path, "Benchmark", &error);
  g_autoptr(GPtrArray) clips = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_clip_info_free);
  g_autoptr(sqlite3_stmt) sel = NULL, who = NULL;
  g_autoptr(GArray) questions = g_array_new (FALSE, FALSE, sizeof (gint64));
  static const char *rates[] = { "24000/1001", "25/1", "30000/1001" };
  static const struct { CrExportFormat format; const char *ext; } formats[] = {
    { CR_EXPORT_EDL, "edl" }, { CR_EXPORT_FCPXML, "fcpxml" }, { CR_EXPORT_OTIO, "otio" },
    { CR_EXPORT_MLT, "mlt" }, { CR_EXPORT_PAPEREDIT_CSV, "csv" }, { CR_EXPORT_PAPEREDIT_TEXT, "txt" },
  };
  CrStringout what = { .min_rating = -1 };
  gint64 start, cut;

  setlocale (LC_ALL, "");
  check (db != NULL, error);
  /* Three long interview recordings at the three usual rates, and twenty people. */
  for (int i = 0; i < 3; i++)
    {
      CrClipInfo *c = g_new0 (CrClipInfo, 1);
      c->path = g_strdup_printf ("/media/card%d/Interview %d.mov", i, i);
      c->name = g_strdup_printf ("Interview %d.mov", i);
      c->size = 1000000000;
      c->identity = g_strdup_printf ("bench-%d", i);
      c->duration_us = (gint64) 10 * 3600 * G_USEC_PER_SEC;
      c->has_video = c->has_audio = TRUE;
      c->channels = 2;
      c->frame_rate = g_strdup (rates[i]);
      c->tc_rate = g_strdup (rates[i]);
      c->tc_start = g_strdup ("10:00:00:00");
      c->tc_frames = 10 * 3600 * (i == 1 ? 25 : i == 0 ? 24 : 30);
      g_ptr_array_add (clips, c);
    }
  check (cr_clips_write_batch (db, clips, NULL, &error), error);
  for (int q = 0; q < 10; q++)
    {
      g_autoptr(CrRecord) r = cr_record_new (&cr_entity_question);
      g_autofree char *text = g_strdup_printf ("Question %d", q + 1);
      gint64 id;
      cr_record_set (r, "text", text);
      check ((id = cr_store_insert (db, r, &error)) > 0, error);
      g_array_append_val (questions, id);
    }
  for (int p = 0; p < 20; p++)
    {
      g_autoptr(CrRecord) r = cr_record_new (&cr_entity_participant);
      g_autofree char *name = g_strdup_printf ("Person %02d", p);
      cr_record_set (r, "name", name);
      cr_record_set (r, "kind", "interviewee");
      check (cr_store_insert (db, r, &error) > 0, error);
      g_clear_pointer (&r, cr_record_free);
      r = cr_record_new (&cr_entity_consent);
      cr_record_set (r, "participant", name);
      cr_record_set (r, "status", "signed");
      cr_record_set (r, "channels", "all");
      cr_record_set (r, "media", "all");
      cr_record_set (r, "naming", "full-name");
      check (cr_store_insert (db, r, &error) > 0, error);
    }

  /* 10,000 logged selects (written directly: logging speed is not what is measured). */
  check (cr_db_begin (db, &error), error);
  sel = cr_db_prepare (db, "INSERT INTO selection (clip, in_frame, out_frame, label, question) VALUES (?, ?, ?, ?, ?)", &error);
  who = cr_db_prepare (db, "INSERT INTO selection_participant (selection, participant, position) VALUES (?, ?, 1)", &error);
  for (int i = 0; i < SELECTS; i++)
    {
      g_autofree char *label = g_strdup_printf ("Moment %d, with “quotes” & ampersands", i);
      sqlite3_reset (sel);
      sqlite3_bind_int (sel, 1, 1 + i % 3);
      sqlite3_bind_int (sel, 2, i * 40);
      sqlite3_bind_int (sel, 3, i * 40 + 25 + i % 50);
      sqlite3_bind_text (sel, 4, label, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (sel, 5, g_array_index (questions, gint64, i % 10));
      check (cr_db_step_done (db, sel, &error), error);
      sqlite3_reset (who);
      sqlite3_bind_int64 (who, 1, cr_db_last_insert_id (db));
      sqlite3_bind_int (who, 2, 1 + i % 20);
      check (cr_db_step_done (db, who, &error), error);
    }
  check (cr_db_commit (db, &error), error);

  g_print ("%-34s %10s\n", "operation (10,000 events)", "ms");
  what.questions = questions;
  start = g_get_monotonic_time ();
  cut = cr_cut_stringout (db, "All answers", &what, &error);
  check (cut > 0, error);
  g_print ("%-34s %10.1f\n", "stringout", ms_since (start));

  start = g_get_monotonic_time ();
  {
    g_autoptr(CrTimeline) t = cr_cut_build_timeline (db, cut, &error);
    check (t != NULL && t->events->len == SELECTS, error);
  }
  g_print ("%-34s %10.1f\n", "build timeline from the store", ms_since (start));

  start = g_get_monotonic_time ();
  {
    g_autoptr(GPtrArray) rows = cr_cut_check (db, cut, "website", NULL, &error);
    check (rows != NULL, error);
  }
  g_print ("%-34s %10.1f\n", "consent check", ms_since (start));

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *name = g_strdup_printf ("cut.%s", formats[f].ext);
      g_autofree char *out = g_build_filename (dir, name, NULL);
      g_autofree char *label = g_strdup_printf ("export %s (check + write file)", cr_export_format_to_string (formats[f].format));

      start = g_get_monotonic_time ();
      check (cr_cut_export (db, cut, formats[f].format, NULL, out, "website", FALSE, NULL, &error), error);
      g_print ("%-34s %10.1f\n", label, ms_since (start));
    }
  return 0;
}
