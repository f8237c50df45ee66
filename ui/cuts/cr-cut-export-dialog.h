/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-cut-output.h"
#include "cr-cuts-page.h"

G_BEGIN_DECLS

/* Export Cut: an edit list (EDL, FCPXML with its version, OTIO, MLT, paper edit; clip names
 * on or off) or a review copy (burn-in choices), for a channel, to a file. It runs in the
 * background with a progress bar and Stop, and ends in a toast with "Open Folder" (the file
 * selected in it). A consent problem refuses it with a dialog listing the problems, where
 * "Export Anyway" is an explicit choice, recorded in the production. ::finished (gboolean
 * written) when it is over. */

#define CR_TYPE_CUT_EXPORT_DIALOG (cr_cut_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrCutExportDialog, cr_cut_export_dialog, CR, CUT_EXPORT_DIALOG, AdwWindow)

GtkWindow     *cr_cut_export_dialog_new         (CrCutsPage        *page,
                                                 gint64             cut,
                                                 const char        *channel);
void           cr_cut_export_dialog_set_kind    (CrCutExportDialog *self,
                                                 CrCutOutputKind    kind);
void           cr_cut_export_dialog_set_path    (CrCutExportDialog *self,
                                                 const char        *path);
const char    *cr_cut_export_dialog_get_path    (CrCutExportDialog *self);
void           cr_cut_export_dialog_set_clip_names (CrCutExportDialog *self,
                                                 gboolean           clip_names);
/* What Export does. */
void           cr_cut_export_dialog_start       (CrCutExportDialog *self);
gboolean       cr_cut_export_dialog_is_running  (CrCutExportDialog *self);
/* The refusal over the dialog while it is shown (responses "cancel", "people", "anyway"). */
AdwMessageDialog *cr_cut_export_dialog_get_refusal (CrCutExportDialog *self);
/* The line the dialog shows for what went wrong, or NULL. */
const char    *cr_cut_export_dialog_get_error   (CrCutExportDialog *self);

G_END_DECLS
