/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clip-card.h"
#include "cr-clip-detail.h"
#include "cr-clips-page.h"
#include "cr-store.h"

struct _CrClipsPage
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *kind_filter;
  GtkDropDown        *status_filter;
  GtkDropDown        *interview_filter;
  GtkDropDown        *participant_filter;
  GtkDropDown        *shot_filter;
  GtkDropDown        *rating_filter;
  GtkLabel           *count_label;
  GtkStack           *grid_stack;
  GtkGridView        *grid;
  AdwStatusPage      *empty_page;
  GtkBox             *detail;
  GtkBox             *player_box;
  GtkLabel           *player_title;

  /* owned */
  CrProduction       *production;
  CrClipModel        *model;
  GtkSingleSelection *selection;
  CrPlayer           *player;
  GArray             *interview_ids;   /* dropdown position -> id, 0 for "any" */
  GArray             *participant_ids;
  GArray             *shot_ids;
  gboolean            filling;
};

G_DEFINE_FINAL_TYPE (CrClipsPage, cr_clips_page, GTK_TYPE_WIDGET)

static const char * const statuses[] = { NULL, "online", "offline", "failed" };

static gint64
chosen (GtkDropDown *dropdown,
        GArray      *ids)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i != GTK_INVALID_LIST_POSITION && i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

static void
update_empty (CrClipsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  gint64 total = cr_store_count (cr_production_get_db (self->production), &cr_entity_clip, NULL, NULL);
  g_autofree char *count = total ? g_strdup_printf (n == total ? "%u clips" : "%u of %" G_GINT64_FORMAT, n, total)
                                 : g_strdup ("");

  gtk_label_set_text (self->count_label, count);
  if (n == 0 && total > 0)
    {
      adw_status_page_set_title (self->empty_page, "No Matching Clips");
      adw_status_page_set_description (self->empty_page, "Change the search or the filters to see more.");
      gtk_widget_set_visible (adw_status_page_get_child (self->empty_page), FALSE);
    }
  else
    {
      adw_status_page_set_title (self->empty_page, "No Footage Yet");
      adw_status_page_set_description (self->empty_page,
                                       "Add the folder of a camera card or a sound recorder: its clips appear here as they are catalogued.");
      gtk_widget_set_visible (adw_status_page_get_child (self->empty_page), TRUE);
    }
  gtk_stack_set_visible_child_name (self->grid_stack, n > 0 ? "grid" : "empty");
}

static void
filter_changed_cb (CrClipsPage *self)
{
  guint status = gtk_drop_down_get_selected (self->status_filter);
  CrClipFilter filter = {
    .search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
    .status = status < G_N_ELEMENTS (statuses) ? statuses[status] : NULL,
    .kind = (CrClipKind) MIN (gtk_drop_down_get_selected (self->kind_filter), CR_CLIP_KIND_AUDIO_ONLY),
    .interview = chosen (self->interview_filter, self->interview_ids),
    .participant = chosen (self->participant_filter, self->participant_ids),
    .shot = chosen (self->shot_filter, self->shot_ids),
    .min_rating = (int) MIN (gtk_drop_down_get_selected (self->rating_filter), 5),
  };

  if (self->filling || self->model == NULL)
    return;
  cr_clip_model_set_filter (self->model, &filter);
}

/* A drop-down of an entity's rows after "any": keeps the chosen row when it is still there. */
static void
fill_dropdown (CrClipsPage    *self,
               GtkDropDown    *dropdown,
               GArray         *ids,
               const CrEntity *entity,
               const char     *any)
{
  gint64 was = chosen (dropdown, ids);
  g_autoptr(GPtrArray) rows = cr_store_list (cr_production_get_db (self->production), entity, NULL, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint keep = 0;

  self->filling = TRUE;
  g_array_set_size (ids, 0);
  gtk_string_list_append (names, any);
  g_array_append_val (ids, none);
  for (guint i = 0; rows && i < rows->len; i++)
    {
      CrRecord *r = g_ptr_array_index (rows, i);
      g_autofree char *label = cr_record_describe (r);
      gtk_string_list_append (names, label);
      g_array_append_val (ids, r->id);
      if (r->id == was)
        keep = ids->len - 1;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, keep);
  gtk_widget_set_visible (GTK_WIDGET (dropdown), ids->len > 1);
  self->filling = FALSE;
}

static void
fill_filters (CrClipsPage *self)
{
  fill_dropdown (self, self->interview_filter, self->interview_ids, &cr_entity_interview, "Any interview");
  fill_dropdown (self, self->participant_filter, self->participant_ids, &cr_entity_participant, "Anyone");
  fill_dropdown (self, self->shot_filter, self->shot_ids, &cr_entity_shot, "Any shot");
}

static void
production_changed_cb (CrClipsPage    *self,
                       const CrEntity *entity)
{
  if (entity == &cr_entity_interview || entity == &cr_entity_participant || entity == &cr_entity_shot)
    {
      fill_filters (self);
      filter_changed_cb (self);
    }
}

static void
items_changed_cb (CrClipsPage *self)
{
  update_empty (self);
}

static void
selected_cb (CrClipsPage *self)
{
  CrRow *row = gtk_single_selection_get_selected_item (self->selection);

  cr_clip_detail_fill (self->detail, self->production, row);
}

static void
grid_activate_cb (CrClipsPage *self,
                  guint        position)
{
  g_autoptr(CrRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  g_autoptr(GError) error = NULL;

  if (row == NULL)
    return;
  if (!cr_clips_page_open_clip (self, cr_row_get_id (row), 0, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                  "Could Not Open the Clip", error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", "_Close");
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
back_clicked_cb (CrClipsPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "browse");
  gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   data)
{
  CrClipsPage *self = CR_CLIPS_PAGE (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "player"))
    return FALSE;
  back_clicked_cb (self);
  return TRUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  data)
{
  gtk_list_item_set_child (item, GTK_WIDGET (cr_clip_card_new ()));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         CrClipsPage              *self)
{
  cr_clip_card_bind (CR_CLIP_CARD (gtk_list_item_get_child (item)), self->production,
                     gtk_list_item_get_item (item));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CrClipsPage              *self)
{
  cr_clip_card_bind (CR_CLIP_CARD (gtk_list_item_get_child (item)), self->production, NULL);
}

static void
cr_clips_page_dispose (GObject *object)
{
  CrClipsPage *self = CR_CLIPS_PAGE (object);

  if (self->production)
    g_signal_handlers_disconnect_by_data (self->production, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_CLIPS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->production);
  g_clear_pointer (&self->interview_ids, g_array_unref);
  g_clear_pointer (&self->participant_ids, g_array_unref);
  g_clear_pointer (&self->shot_ids, g_array_unref);
  G_OBJECT_CLASS (cr_clips_page_parent_class)->dispose (object);
}

static void
cr_clips_page_class_init (CrClipsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cr_clips_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-clips-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, interview_filter);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, participant_filter);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, shot_filter);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, rating_filter);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, grid_stack);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, grid);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, detail);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, player_box);
  gtk_widget_class_bind_template_child (widget_class, CrClipsPage, player_title);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, grid_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

static void
cr_clips_page_init (CrClipsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->interview_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->participant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->shot_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

CrClipsPage *
cr_clips_page_new (CrProduction *production)
{
  CrClipsPage *self = g_object_new (CR_TYPE_CLIPS_PAGE, NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->production = g_object_ref (production);
  self->model = cr_clip_model_new (production);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_grid_view_set_factory (self->grid, factory);
  gtk_grid_view_set_model (self->grid, GTK_SELECTION_MODEL (self->selection));
  g_object_set_data (G_OBJECT (self), "cr-grid", self->grid);   /* for the benchmark's scrolling */
  g_signal_connect_object (production, "changed", G_CALLBACK (production_changed_cb), self, G_CONNECT_SWAPPED);

  self->player = cr_player_new (production);
  gtk_widget_set_vexpand (GTK_WIDGET (self->player), TRUE);
  gtk_box_append (self->player_box, GTK_WIDGET (self->player));

  fill_filters (self);
  update_empty (self);
  selected_cb (self);
  return self;
}

CrClipModel *
cr_clips_page_get_model (CrClipsPage *self)
{
  return self->model;
}

void
cr_clips_page_set_search (CrClipsPage *self,
                          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  filter_changed_cb (self);   /* now, not after the entry's delay */
}

void
cr_clips_page_set_status (CrClipsPage *self,
                          const char  *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      gtk_drop_down_set_selected (self->status_filter, i);
}

void
cr_clips_page_set_interview (CrClipsPage *self,
                             gint64       interview)
{
  for (guint i = 0; i < self->interview_ids->len; i++)
    if (g_array_index (self->interview_ids, gint64, i) == interview)
      gtk_drop_down_set_selected (self->interview_filter, i);
}

void
cr_clips_page_select (CrClipsPage *self,
                      gint64       clip)
{
  gint64 position = cr_clip_model_find (self->model, clip);

  if (position >= 0)
    gtk_single_selection_set_selected (self->selection, (guint) position);
}

gboolean
cr_clips_page_open_clip (CrClipsPage  *self,
                         gint64        clip,
                         gint64        frame,
                         GError      **error)
{
  g_autofree char *name = cr_store_label (cr_production_get_db (self->production), &cr_entity_clip, clip);

  if (!cr_player_open_clip (self->player, clip, error))
    return FALSE;
  gtk_label_set_text (self->player_title, name ? name : "");
  cr_player_seek (self->player, frame);
  gtk_stack_set_visible_child_name (self->stack, "player");
  gtk_widget_grab_focus (GTK_WIDGET (self->player));
  return TRUE;
}

CrPlayer *
cr_clips_page_get_player (CrClipsPage *self)
{
  return self->player;
}

char *
cr_clips_page_describe_detail (CrClipsPage *self)
{
  GString *s = g_string_new (NULL);
  GtkWidget *w = GTK_WIDGET (self->detail);
  GtkWidget *next;

  /* Depth-first over the pane: every label's text, in order. */
  while (w != NULL)
    {
      if (GTK_IS_LABEL (w) && gtk_widget_get_visible (w) && *gtk_label_get_text (GTK_LABEL (w)))
        g_string_append_printf (s, "%s\n", gtk_label_get_text (GTK_LABEL (w)));
      if ((next = gtk_widget_get_first_child (w)))
        {
          w = next;
          continue;
        }
      while (w != NULL && w != GTK_WIDGET (self->detail) && !gtk_widget_get_next_sibling (w))
        w = gtk_widget_get_parent (w);
      if (w == NULL || w == GTK_WIDGET (self->detail))
        break;
      w = gtk_widget_get_next_sibling (w);
    }
  return g_string_free (s, FALSE);
}
