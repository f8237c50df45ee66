/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-print"

#include "config.h"

#include "cr-print-actions.h"
#include "cr-tell.h"

typedef struct
{
  GtkWidget       *page;
  CrDb            *db;
  CrPrintDocument  document;
  char            *name;
} PdfRequest;

static void
pdf_request_free (PdfRequest *request)
{
  g_object_unref (request->page);
  g_free (request->name);
  g_free (request);
}

static GtkWindow *
window_of (GtkWidget *page)
{
  GtkRoot *root = gtk_widget_get_root (page);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
report (GtkWidget    *page,
        const char   *verb,
        const char   *name,
        const GError *error)
{
  g_autofree char *heading = g_strdup_printf ("Could Not %s the %s", verb, name);
  g_autofree char *lower = g_utf8_strdown (name, -1);
  g_autofree char *what = g_strdup_printf ("the %s", lower);
  cr_tell_error (page, heading, error, what);
}

void
cr_print_actions_print (GtkWidget       *page,
                        CrDb            *db,
                        CrPrintDocument  document,
                        const char      *name)
{
  g_autoptr(GError) error = NULL;

  if (!document (window_of (page), db, NULL, &error))
    report (page, "Print", name, error);
}

static void
pdf_response_cb (GtkNativeDialog *chooser,
                 int              response,
                 PdfRequest      *request)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    path = g_file_get_path (file);
  if (path != NULL && request->document (window_of (request->page), request->db, path, &error))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (request->page, ADW_TYPE_TOAST_OVERLAY);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *title = g_strdup_printf ("Saved “%s”", base);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
    }
  else if (path != NULL)
    report (request->page, "Save", request->name, error);
  g_object_unref (chooser);
  pdf_request_free (request);
}

void
cr_print_actions_save_pdf (GtkWidget       *page,
                           CrDb            *db,
                           CrPrintDocument  document,
                           const char      *name,
                           const char      *file_name)
{
  g_autofree char *title = g_strdup_printf ("Save %s as PDF", name);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, window_of (page), GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               "_Save", "_Cancel");
  PdfRequest *request = g_new0 (PdfRequest, 1);

  /* The page keeps the production, and so the database, open while it is alive. */
  request->page = g_object_ref (page);
  request->db = db;
  request->document = document;
  request->name = g_strdup (name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect (chooser, "response", G_CALLBACK (pdf_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
