/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-row-picker"

#include "config.h"

#include <string.h>

#include "cr-row-picker.h"
#include "cr-words.h"

struct _CrRowPicker
{
  GtkPopover      parent_instance;

  /* template widgets */
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListView    *list_view;
  GtkLabel       *none_label;

  /* owned */
  CrStoreModel   *model;
};

G_DEFINE_FINAL_TYPE (CrRowPicker, cr_row_picker, GTK_TYPE_POPOVER)

enum
{
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
item_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *about = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (about), 0);
  gtk_label_set_ellipsize (GTK_LABEL (about), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (about, "caption");
  gtk_widget_add_css_class (about, "dim-label");
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), about);
  gtk_list_item_set_child (item, box);
}

/* What a row's field says under its name; a time as a person reads it ("3 Mar 2026, 10:00"). */
static char *
about_words (CrRow         *row,
             const CrField *field)
{
  const char *display = cr_row_get_display (row, field->name);
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;

  /* A time displays as "YYYY-MM-DD HH:MM". */
  if (field->type != CR_FIELD_DATETIME || strlen (display) < 16)
    return cr_words_value (field, display);
  date = g_strndup (display, 10);
  day = cr_words_date (date);
  return g_strdup_printf ("%s, %s", day, display + 11);
}

/* The name, and under it what tells two rows of one name apart: a person's role and
 * organisation, a shot's description, an interview's time and place. */
static void
item_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const CrEntity           *entity)
{
  CrRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autoptr(GString) about = g_string_new (NULL);

  for (guint i = 0; i < entity->n_fields; i++)
    if (entity->fields[i].flags & CR_FIELD_DESCRIBES)
      {
        g_autofree char *words = about_words (row, &entity->fields[i]);
        if (*words)
          g_string_append_printf (about, "%s%s", about->len ? " · " : "", words);
      }
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), cr_row_get_label (row));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), about->str);
  gtk_widget_set_visible (gtk_widget_get_last_child (box), about->len > 0);
}

/* An empty list in words for its rows: "Nobody by that name", "No shot matches". */
static void
update_state (CrRowPicker *self)
{
  const CrEntity *entity = cr_store_model_get_entity (self->model);
  const char *search = cr_store_model_get_search (self->model);
  gboolean searched = search != NULL && *search != '\0';
  g_autofree char *none = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  if (entity == &cr_entity_participant)
    none = g_strdup (searched ? "Nobody by that name" : "Nobody yet");
  else
    none = searched ? g_strdup_printf ("No %s matches", entity->name) : g_strdup_printf ("No %s yet", entity->plural);
  gtk_label_set_text (self->none_label, none);
  gtk_stack_set_visible_child_name (self->stack, "none");
}

static void
search_changed_cb (CrRowPicker *self)
{
  cr_store_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
search_activate_cb (CrRowPicker *self)
{
  /* Enter does not wait for the entry's pause: search now, take the first found. */
  search_changed_cb (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    cr_row_picker_pick (self, 0);
}

static void
row_activated_cb (CrRowPicker *self,
                  guint        position)
{
  cr_row_picker_pick (self, position);
}

static void
cr_row_picker_show (GtkWidget *widget)
{
  CrRowPicker *self = CR_ROW_PICKER (widget);

  GTK_WIDGET_CLASS (cr_row_picker_parent_class)->show (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
cr_row_picker_dispose (GObject *object)
{
  CrRowPicker *self = CR_ROW_PICKER (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_ROW_PICKER);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (cr_row_picker_parent_class)->dispose (object);
}

static void
cr_row_picker_class_init (CrRowPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cr_row_picker_dispose;
  widget_class->show = cr_row_picker_show;

  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-row-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, CrRowPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrRowPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, CrRowPicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, CrRowPicker, none_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
cr_row_picker_init (CrRowPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CrRowPicker *
cr_row_picker_new (CrProduction   *production,
                   const CrEntity *entity)
{
  CrRowPicker *self = g_object_new (CR_TYPE_ROW_PICKER, NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autofree char *plural = cr_words_entity (entity, TRUE);
  g_autofree char *placeholder = g_strdup_printf ("Search %s", plural);

  self->model = cr_store_model_new (production, entity);
  g_signal_connect (factory, "setup", G_CALLBACK (item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (item_bind_cb), (gpointer) entity);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)))));
  g_object_set (self->search_entry, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  update_state (self);
  return self;
}

CrStoreModel *
cr_row_picker_get_model (CrRowPicker *self)
{
  g_return_val_if_fail (CR_IS_ROW_PICKER (self), NULL);
  return self->model;
}

GtkEditable *
cr_row_picker_get_search (CrRowPicker *self)
{
  g_return_val_if_fail (CR_IS_ROW_PICKER (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

void
cr_row_picker_pick (CrRowPicker *self,
                    guint        position)
{
  g_autoptr(CrRow) row = NULL;

  g_return_if_fail (CR_IS_ROW_PICKER (self));
  row = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (row == NULL || cr_row_get_id (row) <= 0)
    return;
  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_signal_emit (self, signals[PICKED], 0, cr_row_get_id (row));
}
