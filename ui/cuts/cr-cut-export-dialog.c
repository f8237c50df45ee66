/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut-export-dialog"

#include "config.h"

#include <string.h>


#include "cr-error-words.h"
#include "cr-cut-consent.h"
#include "cr-consent-problems.h"
#include "cr-cut-export-dialog.h"
#include "cr-entity-page.h"
#include "cr-export-override.h"
#include "cr-show-files.h"
#include "cr-store.h"
#include "cr-window.h"
#include "cr-words.h"

struct _CrCutExportDialog
{
  AdwWindow         parent_instance;

  /* template widgets */
  GtkWidget        *export_button;
  GtkLabel         *error_label;
  GtkWidget        *options_page;
  AdwComboRow      *format_row;
  GtkWidget        *names_row;
  GtkSwitch        *names_switch;
  GtkWidget        *burn_tc_row;
  GtkSwitch        *burn_tc_switch;
  GtkWidget        *burn_names_row;
  GtkSwitch        *burn_names_switch;
  AdwComboRow      *channel_row;
  AdwActionRow     *file_row;
  GtkRevealer      *progress_revealer;
  GtkProgressBar   *progress;

  /* owned */
  CrCutsPage       *page;
  gint64            cut;
  char             *path;
  CrCutOutputJob   *job;
  GCancellable     *cancellable;
  guint             progress_id;
  AdwMessageDialog *refusal;
  gboolean          path_chosen;  /* by the user: a change of format keeps it */
};

G_DEFINE_FINAL_TYPE (CrCutExportDialog, cr_cut_export_dialog, ADW_TYPE_WINDOW)

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CrCutOutputKind
kind_of (CrCutExportDialog *self)
{
  return (CrCutOutputKind) adw_combo_row_get_selected (self->format_row);
}

static const char *
channel_of (CrCutExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->channel_row);

  return i == 0 || i == GTK_INVALID_LIST_POSITION ? NULL : cr_consent_channels[i - 1];
}

static void
show_path (CrCutExportDialog *self)
{
  g_autofree char *name = g_path_get_basename (self->path);
  g_autofree char *folder = g_path_get_dirname (self->path);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  adw_action_row_set_subtitle (self->file_row, folder);
}

/* The cut's name with the format's extension, in the folder already chosen. */
static void
default_path (CrCutExportDialog *self)
{
  CrProduction *production = cr_cuts_page_get_production (self->page);
  g_autofree char *cut = cr_store_label (cr_production_get_db (production), &cr_entity_cut, self->cut);
  g_autofree char *folder = self->path ? g_path_get_dirname (self->path)
                                       : g_path_get_dirname (cr_production_get_path (production));
  g_autofree char *base = NULL;
  g_autofree char *stem = NULL;

  if (self->path_chosen && self->path)
    {
      char *dot;
      stem = g_path_get_basename (self->path);
      if ((dot = strrchr (stem, '.')) && dot != stem)
        *dot = '\0';
    }
  else
    stem = g_strdelimit (g_strdup (cut ? cut : "cut"), "/\\", '-');
  base = g_strconcat (stem, cr_cut_output_extension (kind_of (self)), NULL);
  g_free (self->path);
  self->path = g_build_filename (folder, base, NULL);
  show_path (self);
}

static void
format_changed_cb (CrCutExportDialog *self)
{
  CrCutOutputKind kind = kind_of (self);

  gtk_widget_set_visible (self->names_row, kind == CR_CUT_OUTPUT_EDL);
  gtk_widget_set_visible (self->burn_tc_row, kind == CR_CUT_OUTPUT_REVIEW);
  gtk_widget_set_visible (self->burn_names_row, kind == CR_CUT_OUTPUT_REVIEW);
  gtk_button_set_label (GTK_BUTTON (self->export_button), kind == CR_CUT_OUTPUT_REVIEW ? "_Render" : "_Export");
  if (self->page != NULL)
    default_path (self);
}

static void
choose_response_cb (GtkNativeDialog   *chooser,
                    int                response,
                    CrCutExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      g_autofree char *path = g_file_get_path (file);
      if (path != NULL)
        cr_cut_export_dialog_set_path (self, path);
    }
  g_object_unref (chooser);
}

static void
choose_clicked_cb (CrCutExportDialog *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new ("Save Cut As", GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, "_Save", "_Cancel");
  g_autofree char *name = g_path_get_basename (self->path);
  g_autofree char *folder = g_path_get_dirname (self->path);
  g_autoptr(GFile) dir = g_file_new_for_path (folder);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (choose_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- running ---- */

static gboolean
progress_tick_cb (gpointer data)
{
  CrCutExportDialog *self = data;
  double fraction = self->job ? cr_cut_output_job_get_fraction (self->job) : -1;

  if (fraction < 0)
    gtk_progress_bar_pulse (self->progress);
  else
    {
      g_autofree char *text = g_strdup_printf ("%.0f %%", fraction * 100);
      gtk_progress_bar_set_fraction (self->progress, fraction);
      gtk_progress_bar_set_text (self->progress, text);
    }
  return G_SOURCE_CONTINUE;
}

static void
set_running (CrCutExportDialog *self,
             gboolean           running)
{
  gtk_revealer_set_reveal_child (self->progress_revealer, running);
  gtk_widget_set_sensitive (self->options_page, !running);
  gtk_widget_set_sensitive (self->export_button, !running);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (running)
    {
      gtk_progress_bar_set_fraction (self->progress, 0);
      gtk_progress_bar_set_text (self->progress, kind_of (self) == CR_CUT_OUTPUT_REVIEW ? "Rendering…" : "Exporting…");
      self->progress_id = g_timeout_add (100, progress_tick_cb, self);
    }
}

/* The folder, with the file written selected where the file manager can. */
static void
open_folder_cb (AdwToast *toast,
                GtkWidget *window)
{
  cr_show_in_files (GTK_IS_WINDOW (window) ? GTK_WINDOW (window) : NULL,
                    g_object_get_data (G_OBJECT (toast), "cr-path"));
}

static void
announce (CrCutExportDialog *self,
          guint              overridden)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self->page), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *name = g_path_get_basename (self->job->path);
  g_autofree char *title = overridden
    ? g_strdup_printf ("%s “%s” with %u consent %s", self->job->kind == CR_CUT_OUTPUT_REVIEW ? "Rendered" : "Exported",
                       name, overridden, overridden == 1 ? "problem" : "problems")
    : g_strdup_printf ("%s “%s”", self->job->kind == CR_CUT_OUTPUT_REVIEW ? "Rendered" : "Exported", name);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, "Open _Folder");
  g_object_set_data_full (G_OBJECT (toast), "cr-path", g_strdup (self->job->path), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_folder_cb),
                           gtk_widget_get_root (GTK_WIDGET (self->page)), 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void run (CrCutExportDialog *self, gboolean allow_unconsented);

static gboolean
destroy_later (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* After the refusal and this dialog have gone (not inside the refusal's own signal, which
 * would leave it pointing at a freed parent): the window shows People, or one person. */
typedef struct
{
  GtkWidget *root;
  gint64     participant;
} ShowPeople;

static gboolean
show_people_later (gpointer data)
{
  ShowPeople *show = data;

  if (CR_IS_WINDOW (show->root))
    cr_window_show_record (CR_WINDOW (show->root), "participants", show->participant);
  g_object_unref (show->root);
  g_free (show);
  return G_SOURCE_REMOVE;
}

static void
show_people (CrCutExportDialog *self,
             gint64             participant)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->page));
  ShowPeople *show;

  if (root == NULL)
    return;
  show = g_new0 (ShowPeople, 1);
  show->root = g_object_ref (GTK_WIDGET (root));
  show->participant = participant;
  if (self->refusal != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->refusal), FALSE);
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_later, g_object_ref (self->refusal), g_object_unref);
      self->refusal = NULL;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add (show_people_later, show);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_later, g_object_ref (self), g_object_unref);
}

static void
refusal_response_cb (AdwMessageDialog  *refusal,
                     const char        *response,
                     CrCutExportDialog *self)
{
  if (g_str_equal (response, "anyway"))
    {
      self->refusal = NULL;
      run (self, TRUE);
    }
  else if (g_str_equal (response, "people"))
    show_people (self, 0);
  else
    self->refusal = NULL;
}

static void
person_chosen_cb (gint64   participant,
                  gpointer self)
{
  show_people (self, participant);
}

static void
refuse (CrCutExportDialog *self,
        GPtrArray         *clearance)
{
  guint n = cr_cut_consent_count (clearance);
  g_autoptr(GString) body = g_string_new (NULL);
  const char *channel = channel_of (self);
  g_autofree char *where = channel ? cr_words_choice (channel) : g_strdup ("any channel");
  gboolean rendering = self->job->kind == CR_CUT_OUTPUT_REVIEW;
  GtkWidget *dialog;

  g_string_printf (body, "This cut has %u consent %s for %s. Choose a person to see them on the Participants page.",
                   n, n == 1 ? "problem" : "problems", where);
  g_string_append (body, rendering ? "\n\nRendering anyway is recorded in the production with the file’s name."
                                   : "\n\nExporting anyway is recorded in the production with the file’s name.");
  dialog = adw_message_dialog_new (GTK_WINDOW (self), "Consent Does Not Allow This", body->str);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                     cr_consent_problems_new (clearance, 320, person_chosen_cb, self));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", "_Cancel", "people", "Show _Participants",
                                    "anyway", rendering ? "Render _Anyway" : "Export _Anyway", NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "anyway", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (refusal_response_cb), self, 0);
  self->refusal = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The worker records "Export Anyway" with the production before the file goes in place;
 * when it cannot, nothing was placed and an earlier file is as it was: said in one line. */
static void
say_unrecorded (CrCutExportDialog *self,
                const GError      *error)
{
  g_autofree char *reason = cr_error_words_reason (error, TRUE);
  g_autofree char *text = NULL;
  gboolean rendering = self->job->kind == CR_CUT_OUTPUT_REVIEW;

  text = g_strdup_printf ("Not %s: the choice to %s anyway could not be recorded (%s).",
                          rendering ? "rendered" : "exported", rendering ? "render" : "export", reason);
  gtk_label_set_text (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CrCutExportDialog) self = user_data;
  g_autoptr(GPtrArray) clearance = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = cr_cut_output_finish (result, &clearance, &error);
  guint problems = clearance ? cr_cut_consent_count (clearance) : 0;

  set_running (self, FALSE);
  if (!ok && g_error_matches (error, CR_CUT_ERROR, CR_CUT_ERROR_UNCONSENTED) && clearance != NULL)
    {
      refuse (self, clearance);
      return;
    }
  if (!ok && self->job->unrecorded)
    {
      say_unrecorded (self, error);
      g_signal_emit (self, signals[FINISHED], 0, FALSE);
      return;
    }
  if (!ok)
    {
      g_autofree char *words = cr_error_words_read (error, "the cut");

      gtk_label_set_text (self->error_label, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                             ? "Stopped; nothing was written." : words);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      g_signal_emit (self, signals[FINISHED], 0, FALSE);
      return;
    }
  announce (self, self->job->allow_unconsented ? problems : 0);
  g_signal_emit (self, signals[FINISHED], 0, TRUE);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
run (CrCutExportDialog *self,
     gboolean           allow_unconsented)
{
  CrProduction *production = cr_cuts_page_get_production (self->page);

  if (gtk_revealer_get_reveal_child (self->progress_revealer))
    return;   /* already running */
  g_clear_pointer (&self->job, cr_cut_output_job_free);
  g_clear_object (&self->cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->job = cr_cut_output_job_new (cr_production_get_path (production), self->cut, kind_of (self), self->path,
                                     channel_of (self));
  self->job->clip_names = gtk_switch_get_active (self->names_switch);
  self->job->burn_timecode = gtk_switch_get_active (self->burn_tc_switch);
  self->job->burn_names = gtk_switch_get_active (self->burn_names_switch);
  self->job->allow_unconsented = allow_unconsented;
  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  cr_cut_output_run_async (self->job, self->cancellable, run_done_cb, g_object_ref (self));
}

static void
export_clicked_cb (CrCutExportDialog *self)
{
  cr_cut_export_dialog_start (self);
}

static void
stop_clicked_cb (CrCutExportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

/* ---- the class ---- */

static gboolean
close_request (GtkWindow *window)
{
  CrCutExportDialog *self = CR_CUT_EXPORT_DIALOG (window);

  /* Closing while it runs stops it; the worker's end finds the dialog still alive (ref). */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (cr_cut_export_dialog_parent_class)->close_request (window);
}

static void
cr_cut_export_dialog_dispose (GObject *object)
{
  CrCutExportDialog *self = CR_CUT_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->page);
  G_OBJECT_CLASS (cr_cut_export_dialog_parent_class)->dispose (object);
}

static void
cr_cut_export_dialog_finalize (GObject *object)
{
  CrCutExportDialog *self = CR_CUT_EXPORT_DIALOG (object);

  g_free (self->path);
  g_clear_pointer (&self->job, cr_cut_output_job_free);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (cr_cut_export_dialog_parent_class)->finalize (object);
}

static void
cr_cut_export_dialog_class_init (CrCutExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_cut_export_dialog_dispose;
  object_class->finalize = cr_cut_export_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = close_request;

  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-cut-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrCutExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, CrCutExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrCutExportDialog, options_page);
  gtk_widget_class_bind_template_child (widget_class, CrCutExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, CrCutExportDialog, names_row);
  gtk_widget_class_bind_template_child (widget_class, CrCutExportDialog, names_switch);
  gtk_widget_class_bind_template_child (widget_class, CrCutExportDialog, burn_tc_row);
  gtk_widget_class_bind_template_child (widget_class, CrCutExportDialog, burn_tc_switch);
  gtk_widget_class_bind_template_child (widget_class, CrCutExportDialog, burn_names_row);
  gtk_widget_class_bind_template_child (widget_class, CrCutExportDialog, burn_names_switch);
  gtk_widget_class_bind_template_child (widget_class, CrCutExportDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, CrCutExportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, CrCutExportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrCutExportDialog, progress);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cr_cut_export_dialog_init (CrCutExportDialog *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (channels, "Any channel");
  for (const char * const *c = cr_consent_channels; *c; c++)
    {
      g_autofree char *words = cr_words_choice (*c);
      gtk_string_list_append (channels, words);
    }
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
}

GtkWindow *
cr_cut_export_dialog_new (CrCutsPage *page,
                          gint64      cut,
                          const char *channel)
{
  CrCutExportDialog *self = g_object_new (CR_TYPE_CUT_EXPORT_DIALOG, NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));

  self->page = g_object_ref (page);
  self->cut = cut;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  for (guint i = 0; channel && cr_consent_channels[i]; i++)
    if (g_str_equal (cr_consent_channels[i], channel))
      adw_combo_row_set_selected (self->channel_row, i + 1);
  format_changed_cb (self);
  return GTK_WINDOW (self);
}

void
cr_cut_export_dialog_set_kind (CrCutExportDialog *self,
                               CrCutOutputKind    kind)
{
  adw_combo_row_set_selected (self->format_row, kind);
}

void
cr_cut_export_dialog_set_path (CrCutExportDialog *self,
                               const char        *path)
{
  g_free (self->path);
  self->path = g_strdup (path);
  self->path_chosen = TRUE;
  show_path (self);
}

const char *
cr_cut_export_dialog_get_path (CrCutExportDialog *self)
{
  return self->path;
}

void
cr_cut_export_dialog_set_clip_names (CrCutExportDialog *self,
                                     gboolean           clip_names)
{
  gtk_switch_set_active (self->names_switch, clip_names);
}

void
cr_cut_export_dialog_start (CrCutExportDialog *self)
{
  run (self, FALSE);
}

gboolean
cr_cut_export_dialog_is_running (CrCutExportDialog *self)
{
  return gtk_revealer_get_reveal_child (self->progress_revealer);
}

AdwMessageDialog *
cr_cut_export_dialog_get_refusal (CrCutExportDialog *self)
{
  return self->refusal;
}

const char *
cr_cut_export_dialog_get_error (CrCutExportDialog *self)
{
  g_return_val_if_fail (CR_IS_CUT_EXPORT_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}
