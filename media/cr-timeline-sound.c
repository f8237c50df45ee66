/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cr-message.h"
#include "cr-timeline.h"

/* Places named in the summary: enough to find them, short enough for one line. */
#define SHOWN_PLACES 3

void
cr_timeline_note_sound (CrTimeline      *timeline,
                        CrTimelineSound  what,
                        const char      *where)
{
  g_return_if_fail ((guint) what < G_N_ELEMENTS (timeline->sound));

  if (timeline->sound[what] == NULL)
    timeline->sound[what] = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (timeline->sound[what], g_strdup (where ? where : ""));
}

static void
append_part (GString    *line,
             GPtrArray  *places,
             const char *one,
             const char *many,
             const char *what)
{
  guint i;

  if (places == NULL || places->len == 0)
    return;
  if (line->len > 0)
    g_string_append (line, "; ");
  g_string_append_printf (line, "%u %s %s (", places->len, places->len == 1 ? one : many, what);
  for (i = 0; i < places->len && i < SHOWN_PLACES; i++)
    {
      g_autofree char *shown = cr_message_text (g_ptr_array_index (places, i), CR_MESSAGE_MAX_VALUE);

      g_string_append_printf (line, "%s%s", i > 0 ? ", " : "", shown);
    }
  if (places->len > SHOWN_PLACES)
    g_string_append_printf (line, " and %u more", places->len - SHOWN_PLACES);
  g_string_append_c (line, ')');
}

void
cr_timeline_add_sound_summary (CrTimeline *timeline,
                               const char *format,
                               const char *item)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *one = g_strdup_printf ("sound %s", item);
  g_autofree char *many = g_strdup_printf ("sound %ss", item);

  append_part (line, timeline->sound[CR_TIMELINE_SOUND_JOINED], one, many,
               "joined the event of the same clip and range");
  append_part (line, timeline->sound[CR_TIMELINE_SOUND_ALONE], "sound-only event", "sound-only events",
               "kept on their sound tracks (A1, A2…)");
  append_part (line, timeline->sound[CR_TIMELINE_SOUND_LEFT_OUT], one, many,
               "left out, at the time of another event: a cut has one track of events");
  if (line->len > 0)
    cr_timeline_add_warning (timeline, "%s split sound: %s", format, line->str);
}
