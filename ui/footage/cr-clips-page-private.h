/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The Clips page's state, shared by its files: cr-clips-page.c (browsing, the player,
 * indexing), cr-clips-filters.c (the Filters popover and the chips that say which are on)
 * and cr-clips-list.c (the list view's columns and their sorting). */

#include "cr-clips-page.h"

G_BEGIN_DECLS

struct _CrClipsPage
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filters_button;
  GtkLabel           *filters_label;
  GtkDropDown        *kind_filter;
  GtkDropDown        *status_filter;
  GtkDropDown        *interview_filter;
  GtkDropDown        *participant_filter;
  GtkDropDown        *shot_filter;
  GtkDropDown        *tag_filter;
  GtkDropDown        *rating_filter;
  GtkRevealer        *chips_bar;
  GtkFlowBox         *chips;
  GtkToggleButton    *grid_button;
  GtkToggleButton    *list_button;
  GtkLabel           *count_label;
  GtkStack           *grid_stack;
  GtkGridView        *grid;
  GtkColumnView      *list;
  AdwStatusPage      *empty_page;
  GtkBox             *detail;
  GtkBox             *player_box;
  GtkLabel           *player_title;
  GtkRevealer        *index_bar;
  GtkLabel           *index_label;
  GtkProgressBar     *index_progress;
  GtkRevealer        *failed_bar;
  GtkLabel           *failed_label;

  /* owned */
  CrProduction       *production;
  CrClipModel        *model;
  GtkSingleSelection *selection;
  CrPlayer           *player;
  CrTranscriptPane   *transcript;
  GCancellable       *indexing;
  GArray             *interview_ids;   /* dropdown position -> id, 0 for "any" */
  GArray             *participant_ids;
  GArray             *shot_ids;
  GStrv               tags;            /* dropdown position - 1 -> tag */
  CrClipOrder         order;           /* the list view's sort */
  gboolean            descending;
  int                 probed;          /* see cr-clips-list.c */
  gint64              keep_selected;   /* the clip selected before the model changed */
  gboolean            reselecting;
  gboolean            filling;
  guint               columns_idle;    /* sets the grid's max-columns to what fits */
  guint               columns;
  guint               focus_idle;      /* gives the player the keyboard after a double-click */
};

/* cr-clips-filters.c */
void cr_clips_page_filters_init    (CrClipsPage *self);
void cr_clips_page_fill_filters    (CrClipsPage *self);
/* TRUE when the tag chosen is no longer there. */
gboolean cr_clips_page_fill_tags (CrClipsPage *self);
void cr_clips_page_filter_changed  (CrClipsPage *self);
/* The chips and the Filters button as the drop-downs stand, without filtering again. */
void cr_clips_page_show_chips      (CrClipsPage *self);
void cr_clips_page_clear_filters   (CrClipsPage *self);

/* cr-clips-list.c */
void cr_clips_page_list_init       (CrClipsPage *self);

/* cr-clips-page.c: how the page names items in the grid and list (and the detail pane). */
void cr_clips_page_update_empty    (CrClipsPage *self);

G_END_DECLS
