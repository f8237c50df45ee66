/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-print"

#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "cr-doc-gather.h"
#include "cr-print.h"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                CrDoc             *doc)
{
  /* Points, from the paper's corner: the page engine lays out for the paper chosen. */
  cr_doc_set_page_size (doc, gtk_print_context_get_width (context), gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, (int) cr_doc_paginate (doc));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              CrDoc             *doc)
{
  cr_doc_draw_page (doc, gtk_print_context_get_cairo_context (context), (guint) page);
}

static gboolean
run (GtkWindow   *parent,
     CrDoc       *doc,
     const char  *job,
     const char  *pdf_path,
     GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autofree char *tmp = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), doc);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), doc);
  if (pdf_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (pdf_path);
      g_autofree char *base = g_path_get_basename (pdf_path);
      g_autofree char *name = g_strdup_printf (".%s.%08x.tmp", base, g_random_int ());
      tmp = g_build_filename (dir, name, NULL);
      gtk_print_operation_set_export_filename (operation, tmp);
    }
  result = gtk_print_operation_run (operation, pdf_path ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                        : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      if (tmp)
        g_unlink (tmp);
      g_prefix_error (error, "%s: ", pdf_path ? pdf_path : job);
      return FALSE;
    }
  if (tmp != NULL && g_rename (tmp, pdf_path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", pdf_path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
cr_print_callsheet (GtkWindow   *parent,
                    CrDb        *db,
                    const char  *date,
                    gboolean     hide_phones,
                    const char  *pdf_path,
                    GError     **error)
{
  g_autoptr(CrDocArena) arena = cr_doc_arena_new ();
  CrDocOptions options = { .hide_phones = hide_phones };
  CrCallSheet sheet;
  CrDoc *doc;
  gboolean ok;

  if (!cr_doc_gather_callsheet (db, date, arena, &sheet, error))
    return FALSE;
  doc = cr_doc_callsheet_build (&sheet, &options);
  ok = run (parent, doc, "Call sheet", pdf_path, error);
  cr_doc_free (doc);
  return ok;
}

gboolean
cr_print_shotlist (GtkWindow   *parent,
                   CrDb        *db,
                   const char  *pdf_path,
                   GError     **error)
{
  g_autoptr(CrDocArena) arena = cr_doc_arena_new ();
  CrDocOptions options = { 0 };
  CrShotList list;
  CrDoc *doc;
  gboolean ok;

  if (!cr_doc_gather_shotlist (db, CR_SHOT_GROUP_BY_LOCATION, arena, &list, error))
    return FALSE;
  doc = cr_doc_shotlist_build (&list, &options);
  ok = run (parent, doc, "Shot list", pdf_path, error);
  cr_doc_free (doc);
  return ok;
}

gboolean
cr_print_releases (GtkWindow   *parent,
                   CrDb        *db,
                   const char  *pdf_path,
                   GError     **error)
{
  g_autoptr(CrDocArena) arena = cr_doc_arena_new ();
  CrDocOptions options = { 0 };
  CrReleaseTracker tracker;
  CrDoc *doc;
  gboolean ok;

  if (!cr_doc_gather_releases (db, NULL, arena, &tracker, error))
    return FALSE;
  doc = cr_doc_releases_build (&tracker, &options);
  ok = run (parent, doc, "Release tracker", pdf_path, error);
  cr_doc_free (doc);
  return ok;
}
