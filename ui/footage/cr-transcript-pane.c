/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-footage"

#include "config.h"

#include "cr-error-words.h"
#include "cr-clip-time.h"
#include "cr-clips.h"
#include "cr-cue-item.h"
#include "cr-store.h"
#include "cr-transcript-pane.h"
#include "cr-transcript.h"

struct _CrTranscriptPane
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkWidget         *content;
  GtkLabel          *error_label;
  GtkStack          *stack;
  GtkSearchEntry    *search_entry;
  GtkScrolledWindow *scroller;
  GtkListView       *list;
  GtkLabel          *count_label;

  /* owned */
  CrProduction      *production;
  CrPlayer          *player;
  GPtrArray         *cues;         /* CrTranscriptCue, in order */
  GListStore        *items;        /* CrCueItem, one per cue */
  GtkCustomFilter   *filter;       /* the search */
  GtkFilterListModel *shown;       /* the items the search keeps, as the list shows them */
  gint64             clip;
  CrTimecodeFormat   timecode;     /* how the clip's own timecode counts, from its first frame */
  gint64             first_frame;  /* that timecode's label of the clip's first frame */
  guint              current;      /* 1-based cue under the playhead, 0 none */
  char              *needle;       /* the search, or NULL */
};

G_DEFINE_FINAL_TYPE (CrTranscriptPane, cr_transcript_pane, GTK_TYPE_WIDGET)

static void
say_error (CrTranscriptPane *self,
           const char       *text)
{
  gtk_label_set_text (self->error_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text != NULL);
}

static gboolean
cue_matches (CrTranscriptPane      *self,
             const CrTranscriptCue *cue)
{
  if (self->needle == NULL)
    return TRUE;
  /* Every word searched for begins a word of the cue, accents and case aside. */
  return g_str_match_string (self->needle, cue->text, TRUE) ||
         (cue->participant_name && g_str_match_string (self->needle, cue->participant_name, TRUE)) ||
         (cue->speaker && g_str_match_string (self->needle, cue->speaker, TRUE));
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CrTranscriptPane *self = user_data;
  guint i = cr_cue_item_get_index (CR_CUE_ITEM (item));

  return i < self->cues->len && cue_matches (self, g_ptr_array_index (self->cues, i));
}

static void
update_count (CrTranscriptPane *self)
{
  guint shown = cr_transcript_pane_count_shown (self);
  g_autofree char *text = NULL;

  if (self->needle == NULL)
    text = g_strdup_printf (g_dngettext (NULL, "%u cue", "%u cues", self->cues->len), self->cues->len);
  else if (shown == 0)
    text = g_strdup_printf ("No cue says “%s”", self->needle);
  else
    text = g_strdup_printf (shown == 1 ? "%u of %u cues says “%s” · Enter goes to it"
                                       : "%u of %u cues say “%s” · Enter goes to the next",
                            shown, self->cues->len, self->needle);
  gtk_label_set_text (self->count_label, text);
}

/* ---- following the playhead ---- */

/* The current cue's place among the rows shown, or G_MAXUINT when the search hides it. */
static guint
shown_position (CrTranscriptPane *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  for (guint i = 0; self->current && i < n; i++)
    {
      g_autoptr(CrCueItem) item = g_list_model_get_item (G_LIST_MODEL (self->shown), i);
      if (cr_cue_item_get_index (item) == self->current - 1)
        return i;
    }
  return G_MAXUINT;
}

static void
scroll_to_current (CrTranscriptPane *self)
{
  guint position = shown_position (self);

  /* The list view's own action: it scrolls only when the row is out of sight. */
  if (position != G_MAXUINT)
    gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", position);
}

/* The cue whose [in, out) holds the frame, 1-based; 0 between cues. */
static guint
cue_at (CrTranscriptPane *self,
        gint64            frame)
{
  guint low = 0, high = self->cues->len;

  /* The last cue that starts at or before the frame. */
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      if (((CrTranscriptCue *) g_ptr_array_index (self->cues, mid))->in_frame <= frame)
        low = mid + 1;
      else
        high = mid;
    }
  if (low == 0 || frame >= ((CrTranscriptCue *) g_ptr_array_index (self->cues, low - 1))->out_frame)
    return 0;
  return low;
}

static void
follow (CrTranscriptPane *self)
{
  guint now = cr_player_get_clip (self->player) == self->clip ? cue_at (self, cr_player_get_position (self->player)) : 0;

  if (now == self->current)
    return;
  if (self->current)
    {
      g_autoptr(CrCueItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), self->current - 1);
      cr_cue_item_set_playing (item, FALSE);
    }
  self->current = now;
  if (now == 0)
    return;
  {
    g_autoptr(CrCueItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), now - 1);
    cr_cue_item_set_playing (item, TRUE);
  }
  scroll_to_current (self);
}

/* ---- the cues ---- */

static void
playing_changed_cb (CrCueItem  *item,
                    GParamSpec *pspec,
                    GtkWidget  *box)
{
  if (cr_cue_item_get_playing (item))
    gtk_widget_add_css_class (box, "playing");
  else
    gtk_widget_remove_css_class (box, "playing");
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *speaker = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "cue");
  gtk_widget_set_valign (time, GTK_ALIGN_START);
  gtk_widget_add_css_class (time, "cue-time");
  gtk_widget_add_css_class (time, "numeric");
  gtk_box_append (GTK_BOX (box), time);
  gtk_label_set_xalign (GTK_LABEL (speaker), 0);
  gtk_label_set_ellipsize (GTK_LABEL (speaker), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (speaker, "caption-heading");
  gtk_box_append (GTK_BOX (words), speaker);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  /* Sizes in characters spare a layout of the text per measure: a list view lays out a
   * couple of hundred rows when it fills (a 2-hour transcript: 0.9 s -> 0.6 s). */
  gtk_label_set_width_chars (GTK_LABEL (text), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
  gtk_box_append (GTK_BOX (words), text);
  gtk_widget_set_hexpand (words, TRUE);
  gtk_box_append (GTK_BOX (box), words);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         CrTranscriptPane         *self)
{
  CrCueItem *item = gtk_list_item_get_item (list_item);
  const CrTranscriptCue *cue = g_ptr_array_index (self->cues, cr_cue_item_get_index (item));
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *time = gtk_widget_get_first_child (box);
  GtkWidget *speaker = gtk_widget_get_first_child (gtk_widget_get_next_sibling (time));
  GtkWidget *text = gtk_widget_get_next_sibling (speaker);
  const char *who = cue->participant_name ? cue->participant_name : cue->speaker;
  char label[CR_TIMECODE_MAX_LEN];

  cr_timecode_format_into (self->first_frame + cue->in_frame, &self->timecode, label);
  gtk_label_set_text (GTK_LABEL (time), label);
  gtk_label_set_text (GTK_LABEL (speaker), who ? who : "");
  gtk_widget_set_visible (speaker, who != NULL);
  gtk_label_set_text (GTK_LABEL (text), cue->text);
  playing_changed_cb (item, NULL, box);
  g_signal_connect_object (item, "notify::playing", G_CALLBACK (playing_changed_cb), box, 0);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), playing_changed_cb,
                                        gtk_list_item_get_child (list_item));
}

static gboolean
same_cues (GPtrArray *a,
           GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const CrTranscriptCue *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);
      if (x->in_frame != y->in_frame || x->out_frame != y->out_frame || g_strcmp0 (x->text, y->text) != 0 ||
          g_strcmp0 (x->speaker, y->speaker) != 0 || g_strcmp0 (x->participant_name, y->participant_name) != 0)
        return FALSE;
    }
  return TRUE;
}

void
cr_transcript_pane_reload (CrTranscriptPane *self)
{
  CrDb *db = cr_production_get_db (self->production);
  gint64 clip = cr_player_get_clip (self->player);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cues = clip ? cr_transcript_cues (db, clip, &error) : NULL;

  g_return_if_fail (CR_IS_TRANSCRIPT_PANE (self));
  if (error)
    {
      g_autofree char *words = cr_error_words_read (error, "the transcript");

      say_error (self, words);
    }
  if (cues == NULL)
    cues = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_transcript_cue_free);
  if (clip == self->clip && same_cues (cues, self->cues))
    {
      follow (self);
      return;
    }
  if (clip != self->clip)
    say_error (self, NULL);
  self->clip = clip;
  self->current = 0;
  /* The clip's timecode read once from its first frame's label, so that a row's label is
   * arithmetic rather than a look-up in the file. */
  {
    g_autofree char *first = clip ? cr_clip_format_position (db, clip, 0) : NULL;

    self->timecode.rate = (CrRate) { 25, 1 };
    self->first_frame = 0;
    if (clip)
      cr_clip_rate (db, clip, &self->timecode.rate.num, &self->timecode.rate.den);
    self->timecode.drop_frame = first && cr_timecode_text_is_drop (first);
    if (first && !cr_timecode_parse (first, &self->timecode, &self->first_frame, NULL))
      self->first_frame = 0;
  }
  g_ptr_array_unref (self->cues);
  self->cues = g_steal_pointer (&cues);
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < self->cues->len; i++)
      {
        g_ptr_array_add (items, cr_cue_item_new (i));
      }
    /* One change for the whole transcript, not one per cue. */
    g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                         items->pdata, items->len);
  }
  gtk_stack_set_visible_child_name (self->stack, self->cues->len ? "cues" : "empty");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  update_count (self);
  follow (self);
}

static void
row_activated_cb (CrTranscriptPane *self,
                  guint             position)
{
  g_autoptr(CrCueItem) item = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (item == NULL || cr_cue_item_get_index (item) >= self->cues->len || cr_player_get_clip (self->player) != self->clip)
    return;
  cr_player_seek (self->player, ((CrTranscriptCue *) g_ptr_array_index (self->cues, cr_cue_item_get_index (item)))->in_frame);
}

/* Space on a cue plays from there, as it does in the player: the rows would take it. */
static gboolean
space_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  CrTranscriptPane *self = user_data;

  return gtk_widget_activate_action (GTK_WIDGET (self->player), "player.play-pause", NULL);
}

/* ---- search ---- */

static void
search_changed_cb (CrTranscriptPane *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_clear_pointer (&self->needle, g_free);
  if (*text)
    self->needle = g_steal_pointer (&text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
  if (self->current)
    scroll_to_current (self);
}

/* Enter: the player goes to the next cue that matches, after the playhead; after the last,
 * round to the first. */
static void
search_activate_cb (CrTranscriptPane *self)
{
  gint64 position = cr_player_get_position (self->player);

  if (self->needle == NULL || cr_player_get_clip (self->player) != self->clip)
    return;
  for (int round = 0; round < 2; round++)
    for (guint i = 0; i < self->cues->len; i++)
      {
        const CrTranscriptCue *cue = g_ptr_array_index (self->cues, i);

        if ((round == 1 || cue->in_frame > position) && cue_matches (self, cue))
          {
            cr_player_seek (self->player, cue->in_frame);
            return;
          }
      }
}

static void
search_stop_cb (CrTranscriptPane *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ---- import ---- */

gboolean
cr_transcript_pane_import (CrTranscriptPane  *self,
                           const char        *path,
                           GError           **error)
{
  CrDb *db = cr_production_get_db (self->production);
  g_autoptr(GPtrArray) unmapped = NULL;
  g_autoptr(GError) local = NULL;
  guint n = 0;

  g_return_val_if_fail (CR_IS_TRANSCRIPT_PANE (self), FALSE);
  if (cr_player_get_clip (self->player) == 0)
    {
      g_set_error_literal (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND, "transcript: no clip is open in the player");
      return FALSE;
    }
  if (!cr_transcript_import (db, cr_player_get_clip (self->player), path, 0, NULL, &n, &unmapped, &local))
    {
      g_autofree char *name = g_path_get_basename (path);
      /* The file's own faults ("line 12: …") as the importer says them; the production's in words. */
      g_autofree char *why = cr_error_words_reason (local, TRUE);
      g_autofree char *line = g_strdup_printf ("%s: %s", name, why);
      say_error (self, line);
      g_propagate_prefixed_error (error, g_steal_pointer (&local), "%s: ", name);
      return FALSE;
    }
  say_error (self, NULL);
  cr_production_changed (self->production, &cr_entity_clip);
  cr_transcript_pane_reload (self);
  return TRUE;
}

static void
import_response_cb (GtkNativeDialog  *chooser,
                    int               response,
                    CrTranscriptPane *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path)
        cr_transcript_pane_import (self, path, NULL);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrTranscriptPane *self = CR_TRANSCRIPT_PANE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) transcripts = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) any = gtk_file_filter_new ();

  if (cr_player_get_clip (self->player) == 0)
    return;
  chooser = gtk_file_chooser_native_new ("Import Transcript", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, "_Import", "_Cancel");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (transcripts, "Transcripts (SubRip, WebVTT, text)");
  gtk_file_filter_add_suffix (transcripts, "srt");
  gtk_file_filter_add_suffix (transcripts, "vtt");
  gtk_file_filter_add_suffix (transcripts, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), transcripts);
  gtk_file_filter_set_name (any, "All files");
  gtk_file_filter_add_pattern (any, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), any);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
production_changed_cb (CrTranscriptPane *self,
                       const CrEntity   *entity)
{
  /* Another connection (the command line), a clip, or a person a speaker is mapped to. */
  if (entity == NULL || entity == &cr_entity_clip || entity == &cr_entity_participant)
    cr_transcript_pane_reload (self);
}

/* ---- the widget ---- */

static void
cr_transcript_pane_dispose (GObject *object)
{
  CrTranscriptPane *self = CR_TRANSCRIPT_PANE (object);

  if (self->player)
    g_signal_handlers_disconnect_by_data (self->player, self);
  if (self->production)
    g_signal_handlers_disconnect_by_data (self->production, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CR_TYPE_TRANSCRIPT_PANE);
  g_clear_object (&self->player);
  g_clear_object (&self->production);
  g_clear_object (&self->shown);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (cr_transcript_pane_parent_class)->dispose (object);
}

static void
cr_transcript_pane_finalize (GObject *object)
{
  CrTranscriptPane *self = CR_TRANSCRIPT_PANE (object);

  g_clear_pointer (&self->cues, g_ptr_array_unref);
  g_free (self->needle);
  G_OBJECT_CLASS (cr_transcript_pane_parent_class)->finalize (object);
}

static void
cr_transcript_pane_class_init (CrTranscriptPaneClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cr_transcript_pane_dispose;
  G_OBJECT_CLASS (klass)->finalize = cr_transcript_pane_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "transcriptpane");
  gtk_widget_class_set_template_from_resource (widget_class, "/org/casereel/ui/cr-transcript-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CrTranscriptPane, content);
  gtk_widget_class_bind_template_child (widget_class, CrTranscriptPane, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrTranscriptPane, stack);
  gtk_widget_class_bind_template_child (widget_class, CrTranscriptPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrTranscriptPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, CrTranscriptPane, list);
  gtk_widget_class_bind_template_child (widget_class, CrTranscriptPane, count_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "transcript.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "transcript.import", NULL);
}

static void
cr_transcript_pane_init (CrTranscriptPane *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cues = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_transcript_cue_free);
  self->items = g_list_store_new (CR_TYPE_CUE_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)), GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                                                            gtk_callback_action_new (space_cb, self, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
  }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

CrTranscriptPane *
cr_transcript_pane_new (CrProduction *production,
                        CrPlayer     *player)
{
  CrTranscriptPane *self = g_object_new (CR_TYPE_TRANSCRIPT_PANE, NULL);

  self->production = g_object_ref (production);
  self->player = g_object_ref (player);
  g_signal_connect_swapped (player, "notify::position", G_CALLBACK (follow), self);
  g_signal_connect_swapped (production, "changed", G_CALLBACK (production_changed_cb), self);
  update_count (self);
  return self;
}

guint
cr_transcript_pane_get_n_cues (CrTranscriptPane *self)
{
  return self->cues->len;
}

guint
cr_transcript_pane_get_current (CrTranscriptPane *self)
{
  return self->current;
}

guint
cr_transcript_pane_count_shown (CrTranscriptPane *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->shown));
}

GtkEditable *
cr_transcript_pane_get_search (CrTranscriptPane *self)
{
  return GTK_EDITABLE (self->search_entry);
}
