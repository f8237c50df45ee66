/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-field-input"

#include "config.h"

#include "cr-field-input.h"
#include "cr-row-picker.h"
#include "cr-store-model.h"
#include "cr-store.h"
#include "cr-words.h"

struct _CrFieldInput
{
  /* borrowed */
  const CrField       *field;
  GtkWidget           *row;       /* what is marked when the store names this field */
  GtkWidget           *widget;    /* BOOL: the switch; NOTE: the text view */
  AdwPreferencesGroup *group;     /* NOTE, SET, LINKS: the group of their own */

  /* owned */
  CrProduction        *production;
  GtkWidget           *top;       /* the row or the group, until a parent takes it */
  GListModel          *choices;   /* ENUM, REF, LINKS: what the drop-down offers */
  CrStoreModel        *rows;      /* REF, LINKS: the rows of the other entity */
  GPtrArray           *checks;    /* SET: a check button per choice */
  GArray              *ids;       /* LINKS: the chosen ids, in order */
  GPtrArray           *link_rows; /* LINKS: the rows that show them */
  GtkWidget           *adder;     /* LINKS: the button whose picker adds a row */
  CrRowPicker         *picker;    /* LINKS: a search over the other entity's rows (owned) */
  char                *initial;   /* as remembered: an update sends what changed */
  guint                offset;    /* ENUM, REF: 1 when the first choice is "None" */
};

/* None, then the rows of the other entity, fetched as the drop-down scrolls. */
static GListModel *
rows_with_none (CrStoreModel *rows,
                const char   *none)
{
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListStore) first = g_list_store_new (CR_TYPE_ROW);
  g_autoptr(CrRow) none_row = cr_row_new_none (none);

  g_list_store_append (first, none_row);
  g_list_store_append (parts, first);
  g_list_store_append (parts, rows);
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

/* ---- reading and writing an input as text ---- */

char *
cr_field_input_get_text (CrFieldInput *input)
{
  const CrField *f = input->field;

  switch (f->type)
    {
    case CR_FIELD_NOTE:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input->widget));
        GtkTextIter start, end;
        gtk_text_buffer_get_bounds (buffer, &start, &end);
        return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      }
    case CR_FIELD_BOOL:
      return g_strdup (gtk_switch_get_active (GTK_SWITCH (input->widget)) ? "1" : "0");
    case CR_FIELD_ENUM:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (input->row));
        if (selected == GTK_INVALID_LIST_POSITION || selected < input->offset)
          return g_strdup ("");
        return g_strdup (f->choices[selected - input->offset]);
      }
    case CR_FIELD_REF:
      {
        CrRow *row = adw_combo_row_get_selected_item (ADW_COMBO_ROW (input->row));
        gint64 id = row ? cr_row_get_id (row) : 0;
        return id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : g_strdup ("");
      }
    case CR_FIELD_SET:
      {
        g_autoptr(GString) text = g_string_new (NULL);
        for (guint i = 0; i < input->checks->len; i++)
          if (gtk_check_button_get_active (g_ptr_array_index (input->checks, i)))
            g_string_append_printf (text, "%s%s", text->len ? "," : "", f->choices[i]);
        return g_string_free (g_steal_pointer (&text), FALSE);
      }
    case CR_FIELD_LINKS:
      {
        g_autoptr(GString) text = g_string_new (NULL);
        /* The store reads links one per line. */
        for (guint i = 0; i < input->ids->len; i++)
          g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? "\n" : "", g_array_index (input->ids, gint64, i));
        return g_string_free (g_steal_pointer (&text), FALSE);
      }
    default:
      return g_strdup (gtk_editable_get_text (GTK_EDITABLE (input->row)));
    }
}

static void rebuild_links (CrFieldInput *input);

void
cr_field_input_set_text (CrFieldInput *input,
                         const char   *text)
{
  const CrField *f = input->field;

  if (text == NULL)
    text = "";
  switch (f->type)
    {
    case CR_FIELD_NOTE:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input->widget)), text, -1);
      break;
    case CR_FIELD_BOOL:
      gtk_switch_set_active (GTK_SWITCH (input->widget),
                             g_ascii_strcasecmp (text, "1") == 0 || g_ascii_strcasecmp (text, "yes") == 0);
      break;
    case CR_FIELD_ENUM:
      {
        guint selected = input->offset ? 0 : GTK_INVALID_LIST_POSITION;
        /* Nothing given (a new row): what the store would give it, shown. */
        const char *want = *text == '\0' && f->preset ? f->preset : text;

        for (guint i = 0; f->choices[i]; i++)
          if (g_ascii_strcasecmp (f->choices[i], want) == 0)
            selected = i + input->offset;
        adw_combo_row_set_selected (ADW_COMBO_ROW (input->row), selected);
        break;
      }
    case CR_FIELD_REF:
      {
        gint64 id = g_ascii_strtoll (text[0] == '#' ? text + 1 : text, NULL, 10);
        gint64 position = id > 0 ? cr_store_model_find (input->rows, id) : -1;
        adw_combo_row_set_selected (ADW_COMBO_ROW (input->row), position >= 0 ? (guint) position + 1 : 0);
        break;
      }
    case CR_FIELD_SET:
      {
        g_auto(GStrv) parts = g_strsplit_set (text, ",\n", -1);
        for (guint i = 0; i < input->checks->len; i++)
          gtk_check_button_set_active (g_ptr_array_index (input->checks, i),
                                       g_strv_contains ((const char * const *) parts, f->choices[i]));
        break;
      }
    case CR_FIELD_LINKS:
      {
        g_auto(GStrv) parts = g_strsplit_set (text, ",\n", -1);
        g_array_set_size (input->ids, 0);
        for (guint i = 0; parts[i]; i++)
          {
            gint64 id = g_ascii_strtoll (g_strstrip (parts[i]), NULL, 10);
            if (id > 0)
              g_array_append_val (input->ids, id);
          }
        rebuild_links (input);
        break;
      }
    default:
      gtk_editable_set_text (GTK_EDITABLE (input->row), text);
      break;
    }
}

/* ---- links ---- */

static void
link_remove_clicked_cb (GtkButton *button,
                        CrFieldInput *input)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "cr-id"));

  for (guint i = 0; i < input->ids->len; i++)
    if (g_array_index (input->ids, gint64, i) == id)
      {
        g_array_remove_index (input->ids, i);
        break;
      }
  rebuild_links (input);
}

static void
rebuild_links (CrFieldInput *input)
{
  CrDb *db = cr_production_get_db (input->production);

  for (guint i = 0; i < input->link_rows->len; i++)
    adw_preferences_group_remove (input->group, g_ptr_array_index (input->link_rows, i));
  g_ptr_array_set_size (input->link_rows, 0);

  for (guint i = 0; i < input->ids->len; i++)
    {
      gint64 id = g_array_index (input->ids, gint64, i);
      g_autofree char *label = cr_store_label (db, input->field->ref, id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label ? label : "?");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, "Remove");
      g_object_set_data (G_OBJECT (remove), "cr-id", GSIZE_TO_POINTER ((gsize) id));
      g_signal_connect (remove, "clicked", G_CALLBACK (link_remove_clicked_cb), input);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (input->group, row);
      g_ptr_array_add (input->link_rows, row);
    }
}

static void
link_picked_cb (CrRowPicker  *picker,
                gint64        id,
                CrFieldInput *input)
{
  gboolean known = FALSE;

  for (guint i = 0; i < input->ids->len; i++)
    known |= g_array_index (input->ids, gint64, i) == id;
  if (!known)
    g_array_append_val (input->ids, id);
  rebuild_links (input);
}

/* ---- building ---- */

static GtkWidget *
combo_row (const char *title,
           GListModel *model,
           gboolean    rows)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (rows)
    adw_combo_row_set_expression (ADW_COMBO_ROW (row), gtk_property_expression_new (CR_TYPE_ROW, NULL, "label"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  return row;
}


static GtkWidget *
own_group (CrFieldInput *input,
           const char   *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  input->group = ADW_PREFERENCES_GROUP (group);
  return group;
}

static void
build_note (CrFieldInput *input,
            const char   *title)
{
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_add_css_class (view, "note");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  input->top = own_group (input, title);
  adw_preferences_group_add (input->group, view);
  input->row = input->widget = view;
}

static void
build_switch (CrFieldInput *input,
              const char   *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  input->top = input->row = row;
  input->widget = sw;
}

static void
build_choice (CrFieldInput *input,
              const char   *title)
{
  const CrField *field = input->field;
  GtkStringList *words = gtk_string_list_new (NULL);

  /* A column that always holds a value offers no "None": it would only be refused. */
  input->offset = (field->flags & CR_FIELD_REQUIRED) || field->preset ? 0 : 1;
  if (input->offset)
    gtk_string_list_append (words, "None");
  for (guint i = 0; field->choices[i]; i++)
    {
      g_autofree char *word = cr_words_choice (field->choices[i]);
      gtk_string_list_append (words, word);
    }
  input->choices = G_LIST_MODEL (words);
  input->top = input->row = combo_row (title, input->choices, FALSE);
}

static void
build_reference (CrFieldInput *input,
                 const char   *title)
{
  input->rows = cr_store_model_new (input->production, input->field->ref);
  input->choices = rows_with_none (input->rows, "None");
  input->offset = 1;
  input->top = input->row = combo_row (title, input->choices, TRUE);
}

static void
build_set (CrFieldInput *input,
           const char   *title)
{
  const CrField *field = input->field;

  input->top = input->row = own_group (input, title);
  input->checks = g_ptr_array_new ();
  for (guint i = 0; field->choices[i]; i++)
    {
      g_autofree char *word = cr_words_choice (field->choices[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), word);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (input->group, row);
      g_ptr_array_add (input->checks, check);
    }
}

static void
build_links (CrFieldInput *input,
             const char   *title)
{
  const CrField *field = input->field;
  g_autofree char *what = g_ascii_strdown (title, -1);
  /* "Add participant" to participants, "Add to crew" for a list named otherwise. */
  g_autofree char *add = g_str_equal (field->name, field->ref->plural)
                         ? g_strdup_printf ("Add %s", field->ref->name)
                         : g_strdup_printf ("Add to %s", what);

  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *content = adw_button_content_new ();

  input->top = input->row = own_group (input, title);
  /* A search, not a drop-down: there may be 10,000 people to choose from. */
  input->picker = g_object_ref_sink (cr_row_picker_new (input->production, field->ref));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (input->picker));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, add);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, add, -1);
  /* In the group's header, where rebuilding the rows below never takes it away (that
   * would tear its popover down while it closes). */
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), add);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), content);
  adw_preferences_group_set_header_suffix (input->group, button);
  input->adder = g_object_ref (button);
  input->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  input->link_rows = g_ptr_array_new ();
  g_signal_connect (input->picker, "picked", G_CALLBACK (link_picked_cb), input);
}

static void
build_entry (CrFieldInput *input,
             const char   *title)
{
  const CrField *field = input->field;
  GtkWidget *row = adw_entry_row_new ();
  const char *format = cr_words_format (field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (format != NULL)
    {
      GtkWidget *hint = gtk_label_new (format);
      gtk_widget_add_css_class (hint, "dim-label");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), hint);
    }
  if (field->blurb)
    gtk_widget_set_tooltip_text (row, field->blurb);
  if (field->type == CR_FIELD_EMAIL)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_EMAIL);
  else if (field->type == CR_FIELD_PHONE)
    adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_PHONE);
  /* Enter saves, as in any dialog with a default button. */
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  input->top = input->row = row;
}

CrRowPicker *
cr_field_input_get_picker (CrFieldInput *input)
{
  return input->picker;
}

/* ---- public ---- */

CrFieldInput *
cr_field_input_new (CrProduction  *production,
                    const CrField *field)
{
  CrFieldInput *input = g_new0 (CrFieldInput, 1);
  g_autofree char *title = cr_words_field (field);

  input->production = g_object_ref (production);
  input->field = field;
  switch (field->type)
    {
    case CR_FIELD_NOTE:
      build_note (input, title);
      break;
    case CR_FIELD_BOOL:
      build_switch (input, title);
      break;
    case CR_FIELD_ENUM:
      build_choice (input, title);
      break;
    case CR_FIELD_REF:
      build_reference (input, title);
      break;
    case CR_FIELD_SET:
      build_set (input, title);
      break;
    case CR_FIELD_LINKS:
      build_links (input, title);
      break;
    default:
      build_entry (input, title);
      break;
    }
  /* Ours until a group or page takes it. */
  g_object_ref_sink (input->top);
  return input;
}

void
cr_field_input_free (CrFieldInput *input)
{
  if (input == NULL)
    return;
  if (input->picker != NULL)
    g_signal_handlers_disconnect_by_data (input->picker, input);
  g_clear_object (&input->picker);
  g_clear_object (&input->adder);
  g_clear_object (&input->top);
  g_clear_object (&input->choices);
  g_clear_object (&input->rows);
  g_clear_object (&input->production);
  g_clear_pointer (&input->checks, g_ptr_array_unref);
  g_clear_pointer (&input->ids, g_array_unref);
  g_clear_pointer (&input->link_rows, g_ptr_array_unref);
  g_free (input->initial);
  g_free (input);
}

const CrField *
cr_field_input_get_field (CrFieldInput *input)
{
  return input->field;
}

GtkWidget *
cr_field_input_get_widget (CrFieldInput *input)
{
  return input->top;
}

gboolean
cr_field_input_is_group (CrFieldInput *input)
{
  return input->group != NULL;
}

void
cr_field_input_mark_error (CrFieldInput *input,
                           gboolean      error)
{
  if (error)
    gtk_widget_add_css_class (input->row, "error");
  else
    gtk_widget_remove_css_class (input->row, "error");
}

void
cr_field_input_set_error (CrFieldInput *input,
                          gboolean      error)
{
  cr_field_input_mark_error (input, error);
  if (error)
    cr_field_input_focus (input);
}

gboolean
cr_field_input_focus (CrFieldInput *input)
{
  GtkWidget *target = input->widget ? input->widget : input->row;

  /* A group of its own (links, a set) is focused at its first row. */
  if (input->group != NULL && input->widget == NULL)
    target = input->adder ? input->adder : gtk_widget_get_first_child (input->row);
  return target != NULL && gtk_widget_grab_focus (target);
}

void
cr_field_input_connect_changed (CrFieldInput *input,
                                GCallback     callback,
                                gpointer      object)
{
  switch (input->field->type)
    {
    case CR_FIELD_NOTE:
      g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input->widget)), "changed", callback,
                               object, G_CONNECT_SWAPPED);
      break;
    case CR_FIELD_BOOL:
      g_signal_connect_object (input->widget, "notify::active", callback, object, G_CONNECT_SWAPPED);
      break;
    case CR_FIELD_ENUM:
    case CR_FIELD_REF:
      g_signal_connect_object (input->row, "notify::selected", callback, object, G_CONNECT_SWAPPED);
      break;
    case CR_FIELD_SET:
      for (guint i = 0; i < input->checks->len; i++)
        g_signal_connect_object (g_ptr_array_index (input->checks, i), "toggled", callback, object, G_CONNECT_SWAPPED);
      break;
    case CR_FIELD_LINKS:
      /* Rebuilt rather than edited in place: not watched. */
      break;
    default:
      g_signal_connect_object (input->row, "changed", callback, object, G_CONNECT_SWAPPED);
      break;
    }
}

void
cr_field_input_scroll_to (CrFieldInput *input,
                          double        covered)
{
  cr_scroll_into_view (input->top, covered);
}

void
cr_scroll_into_view (GtkWidget *row,
                     double     covered)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double top, page;

  /* Where the row is in the part of the form on show (the page scrolls under it). */
  if (scroller == NULL || !gtk_widget_compute_bounds (row, scroller, &bounds))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  top = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment) - covered;
  if (bounds.origin.y < 0)
    gtk_adjustment_set_value (adjustment, top + bounds.origin.y - 12);
  else if (bounds.origin.y + bounds.size.height > page)
    gtk_adjustment_set_value (adjustment, top + bounds.origin.y + bounds.size.height - page + 12);
}

void
cr_field_input_lock (CrFieldInput *input)
{
  gtk_widget_set_sensitive (input->row, FALSE);
}

void
cr_field_input_remember (CrFieldInput *input)
{
  g_free (input->initial);
  input->initial = cr_field_input_get_text (input);
}

gboolean
cr_field_input_changed (CrFieldInput *input)
{
  g_autofree char *text = cr_field_input_get_text (input);

  return g_strcmp0 (text, input->initial) != 0;
}
