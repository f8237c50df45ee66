/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent-problems"

#include "config.h"

#include <adwaita.h>

#include "cr-consent-problems.h"
#include "cr-cut-consent.h"

typedef struct
{
  CrConsentProblemChosen chosen;
  gpointer               user_data;
} Chooser;

static void
row_activated_cb (AdwActionRow *row,
                  Chooser      *chooser)
{
  gint64 participant = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "cr-participant"));

  if (participant > 0)
    chooser->chosen (participant, chooser->user_data);
}

GtkWidget *
cr_consent_problems_new (GPtrArray              *clearance,
                         int                     max_height,
                         CrConsentProblemChosen  chosen,
                         gpointer                user_data)
{
  g_autoptr(GPtrArray) problems = cr_cut_consent_problems (clearance);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  Chooser *chooser = g_new0 (Chooser, 1);

  chooser->chosen = chosen;
  chooser->user_data = user_data;
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < problems->len; i++)
    {
      CrCutProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->where);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), problem->participant > 0);
      if (problem->participant > 0)
        {
          g_object_set_data (G_OBJECT (row), "cr-participant", GSIZE_TO_POINTER ((gsize) problem->participant));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_widget_set_tooltip_text (row, "Show this person on the Participants page");
          g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), chooser);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_object_set_data_full (G_OBJECT (list), "cr-chooser", chooser, g_free);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), max_height);
  return scroller;
}
