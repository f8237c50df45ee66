/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut-output"

#include "config.h"

#include "cr-cut-output.h"
#include "cr-export-override.h"

typedef struct
{
  GPtrArray *clearance;
  GError    *error;
} Outcome;

static void
outcome_free (Outcome *outcome)
{
  g_clear_pointer (&outcome->clearance, g_ptr_array_unref);
  g_clear_error (&outcome->error);
  g_free (outcome);
}

CrCutOutputJob *
cr_cut_output_job_new (const char      *production,
                       gint64           cut,
                       CrCutOutputKind  kind,
                       const char      *path,
                       const char      *channel)
{
  CrCutOutputJob *job = g_new0 (CrCutOutputJob, 1);

  job->production = g_strdup (production);
  job->cut = cut;
  job->kind = kind;
  job->clip_names = TRUE;
  job->path = g_strdup (path);
  job->channel = g_strdup (channel);
  return job;
}

void
cr_cut_output_job_free (CrCutOutputJob *job)
{
  if (job == NULL)
    return;
  g_free (job->production);
  g_free (job->path);
  g_free (job->channel);
  g_free (job);
}

const char *
cr_cut_output_extension (CrCutOutputKind kind)
{
  static const char * const extensions[] = { ".edl", ".fcpxml", ".fcpxml", ".fcpxml", ".otio", ".mlt", ".csv",
                                             ".txt", ".mp4" };

  return kind < G_N_ELEMENTS (extensions) ? extensions[kind] : "";
}

double
cr_cut_output_job_get_fraction (CrCutOutputJob *job)
{
  int total = g_atomic_int_get (&job->total);

  return total > 0 ? CLAMP ((double) g_atomic_int_get (&job->done) / total, 0.0, 1.0) : -1.0;
}

static void
progress_cb (gint64   done,
             gint64   total,
             gpointer user_data)
{
  CrCutOutputJob *job = user_data;

  g_atomic_int_set (&job->total, (gint) MIN (total, G_MAXINT));
  g_atomic_int_set (&job->done, (gint) MIN (done, G_MAXINT));
}

typedef struct
{
  CrDb           *db;
  CrCutOutputJob *job;
} Placing;

/* "Export Anyway" is a choice kept with the production: it is recorded, on the worker's
 * connection, once the file is whole and before it goes in place. A file out with people
 * who have not consented and no record of the choice would be an override nobody can see;
 * when the record cannot be written the file is not placed, and an earlier one stays. */
static gboolean
record_override (GPtrArray *clearance,
                 gpointer   data,
                 GError   **error)
{
  Placing *placing = data;
  guint problems = cr_clearance_count_problems (clearance);

  if (problems == 0 || cr_export_override_record (placing->db, placing->job->cut, placing->job->path,
                                                  placing->job->channel, problems, error))
    return TRUE;
  placing->job->unrecorded = TRUE;
  return FALSE;
}

static gboolean
run_export (CrDb            *db,
            CrCutOutputJob  *job,
            GPtrArray      **clearance,
            GError         **error)
{
  CrEdlOptions edl = { .no_clip_names = !job->clip_names };
  CrFcpxmlOptions fcpxml = { 0 };
  CrPapereditOptions paper = { 0 };
  CrOtioOptions otio = { 0 };
  CrMltOptions mlt = { 0 };
  CrExportFormat format;
  gconstpointer options;

  switch (job->kind)
    {
    case CR_CUT_OUTPUT_EDL: format = CR_EXPORT_EDL; options = &edl; break;
    case CR_CUT_OUTPUT_FCPXML_1_9: format = CR_EXPORT_FCPXML; fcpxml.version = CR_FCPXML_1_9; options = &fcpxml; break;
    case CR_CUT_OUTPUT_FCPXML_1_10: format = CR_EXPORT_FCPXML; fcpxml.version = CR_FCPXML_1_10; options = &fcpxml; break;
    case CR_CUT_OUTPUT_FCPXML_1_11: format = CR_EXPORT_FCPXML; fcpxml.version = CR_FCPXML_1_11; options = &fcpxml; break;
    case CR_CUT_OUTPUT_OTIO: format = CR_EXPORT_OTIO; options = &otio; break;
    case CR_CUT_OUTPUT_MLT: format = CR_EXPORT_MLT; options = &mlt; break;
    case CR_CUT_OUTPUT_PAPER_CSV: format = CR_EXPORT_PAPEREDIT_CSV; options = &paper; break;
    case CR_CUT_OUTPUT_PAPER_TEXT: format = CR_EXPORT_PAPEREDIT_TEXT; options = &paper; break;
    default: g_assert_not_reached ();
    }
  Placing placing = { db, job };

  return cr_cut_export_placing (db, job->cut, format, options, job->path, job->channel, job->allow_unconsented,
                                job->allow_unconsented ? record_override : NULL, &placing, clearance, error);
}

static void
output_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CrCutOutputJob *job = task_data;
  Outcome *outcome = g_new0 (Outcome, 1);
  g_autoptr(CrDb) db = cr_db_open (job->production, &outcome->error);

  job->unrecorded = FALSE;
  if (db != NULL && job->kind == CR_CUT_OUTPUT_REVIEW)
    {
      Placing placing = { db, job };
      CrCutRenderOptions options = { .channel = job->channel, .allow_unconsented = job->allow_unconsented,
                                     .burn_timecode = job->burn_timecode, .burn_names = job->burn_names,
                                     .placing = job->allow_unconsented ? record_override : NULL,
                                     .placing_data = &placing };
      cr_cut_render (db, job->cut, job->path, &options, progress_cb, job, cancellable, &outcome->clearance,
                     &outcome->error);
    }
  else if (db != NULL)
    run_export (db, job, &outcome->clearance, &outcome->error);
  g_task_return_pointer (task, outcome, (GDestroyNotify) outcome_free);
}

void
cr_cut_output_run_async (CrCutOutputJob      *job,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_task_data (task, job, NULL);
  /* The outcome says what happened: an export that ran to its end wrote its file even if Stop
   * came late, and must not be reported as stopped (nor its override left unrecorded). */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, output_thread);
}

gboolean
cr_cut_output_finish (GAsyncResult  *result,
                      GPtrArray    **clearance,
                      GError       **error)
{
  Outcome *outcome = g_task_propagate_pointer (G_TASK (result), error);
  gboolean ok;

  if (outcome == NULL)
    return FALSE;
  if (clearance != NULL)
    *clearance = g_steal_pointer (&outcome->clearance);
  ok = outcome->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&outcome->error));
  outcome_free (outcome);
  return ok;
}
