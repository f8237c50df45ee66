/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-cut.h"

G_BEGIN_DECLS

/* An export or a review render run in a worker on its own connection to the production,
 * so the window stays live. The job's progress is read from the main loop while it runs. */

typedef enum
{
  CR_CUT_OUTPUT_EDL,
  CR_CUT_OUTPUT_FCPXML_1_9,
  CR_CUT_OUTPUT_FCPXML_1_10,
  CR_CUT_OUTPUT_FCPXML_1_11,
  CR_CUT_OUTPUT_OTIO,
  CR_CUT_OUTPUT_MLT,
  CR_CUT_OUTPUT_PAPER_CSV,
  CR_CUT_OUTPUT_PAPER_TEXT,
  CR_CUT_OUTPUT_REVIEW,      /* H.264/AAC MP4 */
} CrCutOutputKind;

typedef struct
{
  char            *production;   /* the production file */
  gint64           cut;
  CrCutOutputKind  kind;
  gboolean         clip_names;   /* EDL */
  gboolean         burn_timecode;
  gboolean         burn_names;
  char            *path;
  char            *channel;      /* NULL: any */
  gboolean         allow_unconsented;   /* and record the choice with the production */
  gboolean         unrecorded;   /* set by the run: the choice could not be recorded, so the
                                  * file was not put in place (the error says why) */
  gint             done;         /* frames rendered, atomically */
  gint             total;
} CrCutOutputJob;

CrCutOutputJob *cr_cut_output_job_new    (const char *production, gint64 cut, CrCutOutputKind kind,
                                          const char *path, const char *channel);
void            cr_cut_output_job_free   (CrCutOutputJob *job);
/* ".edl", ".fcpxml", ".mp4" … */
const char     *cr_cut_output_extension  (CrCutOutputKind kind);
/* 0–1, or -1 while unknown (an export: it has no frames to count). */
double          cr_cut_output_job_get_fraction (CrCutOutputJob *job);

/* The job is borrowed until the callback; cancelling stops a render between frames. */
void            cr_cut_output_run_async  (CrCutOutputJob *job, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data);
/* *clearance: the consent check's rows, also when it refused (CR_CUT_ERROR_UNCONSENTED). */
gboolean        cr_cut_output_finish     (GAsyncResult *result, GPtrArray **clearance, GError **error);

G_END_DECLS
