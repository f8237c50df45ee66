/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-clip-tags.h"
#include "cr-clips-page-private.h"
#include "cr-store.h"

/* The Filters popover holds one drop-down per condition; the chips under the toolbar say
 * which are on, each with its own ×, so that a filtered page never looks like a short one. */

static const char * const statuses[] = { NULL, "online", "offline", "failed" };

static gint64
chosen (GtkDropDown *dropdown,
        GArray      *ids)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  return i != GTK_INVALID_LIST_POSITION && i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

static const char *
chosen_tag (CrClipsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->tag_filter);

  return i != GTK_INVALID_LIST_POSITION && i > 0 && self->tags && i <= g_strv_length (self->tags)
           ? self->tags[i - 1] : NULL;
}

/* Tags are compared without case, as the store compares them. */
static gboolean
same_tag (const char *a,
          const char *b)
{
  g_autofree char *x = g_utf8_casefold (a, -1);
  g_autofree char *y = g_utf8_casefold (b, -1);

  return g_str_equal (x, y);
}

/* A drop-down names what it shows by the whole name in its list; the button keeps to a
 * line that fits the popover. */
#define DROPDOWN_LABEL(extra) \
  "<interface><template class=\"GtkListItem\"><property name=\"child\"><object class=\"GtkLabel\">" \
  "<property name=\"xalign\">0</property>" extra \
  "<binding name=\"label\"><lookup name=\"string\" type=\"GtkStringObject\">" \
  "<lookup name=\"item\">GtkListItem</lookup></lookup></binding>" \
  "</object></property></template></interface>"

static void
shorten_dropdown (GtkDropDown *dropdown)
{
  static const char shown[] = DROPDOWN_LABEL ("<property name=\"ellipsize\">end</property>"
                                              "<property name=\"max-width-chars\">24</property>");
  static const char listed[] = DROPDOWN_LABEL ("");
  g_autoptr(GBytes) shown_bytes = g_bytes_new_static (shown, sizeof shown - 1);
  g_autoptr(GBytes) listed_bytes = g_bytes_new_static (listed, sizeof listed - 1);
  g_autoptr(GtkListItemFactory) button = gtk_builder_list_item_factory_new_from_bytes (NULL, shown_bytes);
  g_autoptr(GtkListItemFactory) list = gtk_builder_list_item_factory_new_from_bytes (NULL, listed_bytes);

  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

/* "Any …" and then the names; the chosen one stays chosen when it is still there. A filter
 * with nothing to choose is insensitive rather than gone, so the popover keeps its shape. */
static void
fill_names (CrClipsPage  *self,
            GtkDropDown  *dropdown,
            const char   *any,
            GPtrArray    *names,
            guint         keep)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  self->filling = TRUE;
  gtk_string_list_append (list, any);
  for (guint i = 0; i < names->len; i++)
    gtk_string_list_append (list, g_ptr_array_index (names, i));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, keep);
  gtk_widget_set_sensitive (GTK_WIDGET (dropdown), names->len > 0);
  self->filling = FALSE;
}

static void
fill_dropdown (CrClipsPage    *self,
               GtkDropDown    *dropdown,
               GArray         *ids,
               const CrEntity *entity,
               const char     *any)
{
  gint64 was = chosen (dropdown, ids);
  g_autoptr(GPtrArray) rows = cr_store_list (cr_production_get_db (self->production), entity, NULL, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gint64 none = 0;
  guint keep = 0;

  g_array_set_size (ids, 0);
  g_array_append_val (ids, none);
  for (guint i = 0; rows && i < rows->len; i++)
    {
      CrRecord *r = g_ptr_array_index (rows, i);
      g_ptr_array_add (names, cr_record_describe (r));
      g_array_append_val (ids, r->id);
      if (r->id == was)
        keep = ids->len - 1;
    }
  fill_names (self, dropdown, any, names, keep);
}

gboolean
cr_clips_page_fill_tags (CrClipsPage *self)
{
  g_autofree char *was = g_strdup (chosen_tag (self));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint keep = 0;

  g_strfreev (self->tags);
  self->tags = cr_clip_tags_in_use (cr_production_get_db (self->production));
  for (guint i = 0; self->tags[i]; i++)
    {
      g_ptr_array_add (names, self->tags[i]);
      if (was && same_tag (was, self->tags[i]))
        keep = i + 1;
    }
  fill_names (self, self->tag_filter, "Any tag", names, keep);
  return was != NULL && keep == 0;
}

void
cr_clips_page_fill_filters (CrClipsPage *self)
{
  fill_dropdown (self, self->interview_filter, self->interview_ids, &cr_entity_interview, "Any interview");
  fill_dropdown (self, self->participant_filter, self->participant_ids, &cr_entity_participant, "Anyone");
  fill_dropdown (self, self->shot_filter, self->shot_ids, &cr_entity_shot, "Any shot");
  cr_clips_page_fill_tags (self);
}

/* ---- the chips ---- */

static void
chip_clicked_cb (GtkButton   *chip,
                 GtkDropDown *dropdown)
{
  gtk_drop_down_set_selected (dropdown, 0);
}

static void
add_chip (CrClipsPage *self,
          const char  *what,
          GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);
  g_autofree char *text = NULL;
  g_autofree char *tip = NULL;
  GtkWidget *box, *chip, *label;

  if (gtk_drop_down_get_selected (dropdown) == 0 || item == NULL)
    return;
  text = what ? g_strdup_printf ("%s: %s", what, gtk_string_object_get_string (item))
              : g_strdup (gtk_string_object_get_string (item));
  tip = g_strdup_printf ("Show clips whatever their %s", what ? what : "kind");
  label = gtk_label_new (text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  chip = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (chip), box);
  gtk_widget_set_tooltip_text (chip, tip);
  gtk_widget_add_css_class (chip, "filter-chip");
  g_signal_connect (chip, "clicked", G_CALLBACK (chip_clicked_cb), dropdown);
  gtk_flow_box_append (self->chips, chip);
}

void
cr_clips_page_show_chips (CrClipsPage *self)
{
  GtkWidget *child;
  guint n = 0;
  g_autofree char *label = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips))))
    gtk_flow_box_remove (self->chips, child);
  add_chip (self, NULL, self->kind_filter);
  add_chip (self, NULL, self->status_filter);
  add_chip (self, NULL, self->rating_filter);
  add_chip (self, "Interview", self->interview_filter);
  add_chip (self, "Person", self->participant_filter);
  add_chip (self, "Shot", self->shot_filter);
  add_chip (self, "Tag", self->tag_filter);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->chips)); child; child = gtk_widget_get_next_sibling (child))
    n++;
  gtk_revealer_set_reveal_child (self->chips_bar, n > 0);
  label = n ? g_strdup_printf ("Filters (%u)", n) : g_strdup ("Filters");
  gtk_label_set_text (self->filters_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clips.clear-filters", n > 0);
}

void
cr_clips_page_filter_changed (CrClipsPage *self)
{
  guint status;

  if (self->filling || self->model == NULL)
    return;
  status = gtk_drop_down_get_selected (self->status_filter);
  CrClipFilter filter = {
    .search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
    .status = status < G_N_ELEMENTS (statuses) ? statuses[status] : NULL,
    .kind = (CrClipKind) MIN (gtk_drop_down_get_selected (self->kind_filter), CR_CLIP_KIND_AUDIO_ONLY),
    .interview = chosen (self->interview_filter, self->interview_ids),
    .participant = chosen (self->participant_filter, self->participant_ids),
    .shot = chosen (self->shot_filter, self->shot_ids),
    .tag = chosen_tag (self),
    .min_rating = (int) MIN (gtk_drop_down_get_selected (self->rating_filter), 5),
    .order = self->order,
    .descending = self->descending,
  };

  cr_clips_page_show_chips (self);
  cr_clip_model_set_filter (self->model, &filter);
}

void
cr_clips_page_clear_filters (CrClipsPage *self)
{
  GtkDropDown *all[] = { self->kind_filter, self->status_filter, self->rating_filter, self->interview_filter,
                         self->participant_filter, self->shot_filter, self->tag_filter };

  /* One reload for the lot, not one per drop-down. */
  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    gtk_drop_down_set_selected (all[i], 0);
  self->filling = FALSE;
  cr_clips_page_filter_changed (self);
}

void
cr_clips_page_filters_init (CrClipsPage *self)
{
  GtkDropDown *all[] = { self->kind_filter, self->status_filter, self->rating_filter, self->interview_filter,
                         self->participant_filter, self->shot_filter, self->tag_filter };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    shorten_dropdown (all[i]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clips.clear-filters", FALSE);
}

/* ---- as the tests and other pages set them ---- */

void
cr_clips_page_set_search (CrClipsPage *self,
                          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  cr_clips_page_filter_changed (self);   /* now, not after the entry's delay */
}

void
cr_clips_page_set_status (CrClipsPage *self,
                          const char  *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      gtk_drop_down_set_selected (self->status_filter, i);
}

/* The drop-down's entry for this id ("Any …" for 0); an id not listed leaves it alone. */
static void
choose (GtkDropDown *dropdown,
        GArray      *ids,
        gint64       id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      gtk_drop_down_set_selected (dropdown, i);
}

void
cr_clips_page_set_interview (CrClipsPage *self,
                             gint64       interview)
{
  choose (self->interview_filter, self->interview_ids, interview);
}

void
cr_clips_page_set_participant (CrClipsPage *self,
                               gint64       participant)
{
  choose (self->participant_filter, self->participant_ids, participant);
}

void
cr_clips_page_set_shot (CrClipsPage *self,
                        gint64       shot)
{
  choose (self->shot_filter, self->shot_ids, shot);
}

void
cr_clips_page_set_min_rating (CrClipsPage *self,
                              int          stars)
{
  gtk_drop_down_set_selected (self->rating_filter, (guint) CLAMP (stars, 0, 5));
}

void
cr_clips_page_set_kind (CrClipsPage *self,
                        CrClipKind   kind)
{
  gtk_drop_down_set_selected (self->kind_filter, (guint) kind);
}

gboolean
cr_clips_page_set_tag (CrClipsPage *self,
                       const char  *tag)
{
  if (tag == NULL)
    {
      gtk_drop_down_set_selected (self->tag_filter, 0);
      return TRUE;
    }
  for (guint i = 0; self->tags && self->tags[i]; i++)
    if (same_tag (self->tags[i], tag))
      {
        gtk_drop_down_set_selected (self->tag_filter, i + 1);
        return TRUE;
      }
  return FALSE;
}

char *
cr_clips_page_describe_filters (CrClipsPage *self)
{
  GString *s = g_string_new (NULL);

  if (!gtk_revealer_get_reveal_child (self->chips_bar))
    return g_string_free (s, FALSE);
  for (GtkWidget *chip = gtk_widget_get_first_child (GTK_WIDGET (self->chips)); chip;
       chip = gtk_widget_get_next_sibling (chip))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (chip));
      GtkWidget *label = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (button)));
      g_string_append_printf (s, "%s\n", gtk_label_get_text (GTK_LABEL (label)));
    }
  return g_string_free (s, FALSE);
}
