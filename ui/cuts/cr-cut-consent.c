/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut-consent"

#include "config.h"

#include <string.h>

#include "cr-cut-consent.h"
#include "cr-cut-event.h"

/* "consent withdrawn" -> "Withdrawn"; the clearance's words, shortened for a badge. */
static char *
badge_words (const char *problem)
{
  static const char channel[] = "consent does not cover the channel ";
  const char *text = g_str_has_prefix (problem, "consent ") ? problem + strlen ("consent ") : problem;

  /* Short enough for the badge to keep the person's name in view: "Not for social media". */
  if (g_str_has_prefix (problem, channel))
    return g_strdelimit (g_strconcat ("Not for ", problem + strlen (channel), NULL), "-", ' ');
  g_autofree char *first = g_utf8_substring (text, 0, 1);
  g_autofree char *upper = g_utf8_strup (first, -1);

  return g_strconcat (upper, g_utf8_offset_to_pointer (text, 1), NULL);
}

/* "consent does not cover the channel social-media" -> "consent does not cover social media":
 * the channel as the user chose it in the list, not its stored name. */
static char *
reason_words (const char *problem)
{
  static const char channel[] = "consent does not cover the channel ";

  if (g_str_has_prefix (problem, channel))
    return g_strdelimit (g_strconcat ("consent does not cover ", problem + strlen (channel), NULL), "-", ' ');
  return g_strdup (problem);
}

static char *
problem_line (const CrClearance *row)
{
  /* An event with nobody in it (reason CR_CLEARANCE_NOBODY) has no person to name. */
  if (row->participant == NULL)
    return g_strdup_printf ("Event %u (%s, %s): %s", row->event, row->source, row->source_in,
                            row->problem);
  return g_strdup_printf ("Event %u (%s, %s), %s: %s", row->event, row->source, row->source_in,
                          row->participant, row->problem);
}

GPtrArray *
cr_cut_consent_lines (GPtrArray *clearance)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < clearance->len; i++)
    {
      const CrClearance *row = g_ptr_array_index (clearance, i);
      if (row->problem != NULL)
        g_ptr_array_add (lines, problem_line (row));
    }
  return lines;
}

static void
problem_free (CrCutProblem *problem)
{
  g_free (problem->title);
  g_free (problem->where);
  g_free (problem);
}

GPtrArray *
cr_cut_consent_problems (GPtrArray *clearance)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);

  for (guint i = 0; i < clearance->len; i++)
    {
      const CrClearance *row = g_ptr_array_index (clearance, i);
      g_autofree char *reason = NULL;
      CrCutProblem *problem;

      if (row->problem == NULL)
        continue;
      problem = g_new0 (CrCutProblem, 1);
      reason = reason_words (row->problem);
      problem->title = row->participant ? g_strdup_printf ("%s: %s", row->participant, reason)
                                        : g_strdup_printf ("Nobody linked: %s", reason);
      problem->where = g_strdup_printf ("Event %u · %s at %s", row->event, row->source, row->source_in);
      problem->participant = row->participant_id;
      g_ptr_array_add (problems, problem);
    }
  return problems;
}

guint
cr_cut_consent_count (GPtrArray *clearance)
{
  return cr_clearance_count_problems (clearance);
}

GPtrArray *
cr_cut_consent_badge (CrDb             *db,
                      gint64            cut,
                      const CrTimeline *timeline,
                      const char       *channel,
                      GListModel       *events,
                      GError          **error)
{
  g_autoptr(GPtrArray) rows = cr_cut_check_timeline (db, cut, timeline, channel, NULL, error);
  guint n = g_list_model_get_n_items (events);

  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrCutEvent) event = g_list_model_get_item (events, i);
      g_autoptr(GString) words = g_string_new (NULL);
      CrCutBadge badge = CR_CUT_BADGE_CLEARED;
      guint position = cr_cut_event_get_position (event);

      /* A person in several events is named once per event; the first problem leads. */
      for (guint r = 0; r < rows->len; r++)
        {
          const CrClearance *row = g_ptr_array_index (rows, r);
          if (row->event != position)
            continue;
          /* Nobody linked and the clip marked as showing no one: cleared, but worth a look.
           * Nobody linked otherwise is a problem of the event (CR_CLEARANCE_NOBODY). */
          if (row->participant == NULL && row->problem == NULL)
            {
              if (badge == CR_CUT_BADGE_CLEARED)
                badge = CR_CUT_BADGE_NOBODY;
            }
          else if (row->participant == NULL)
            {
              g_autofree char *short_words = badge_words (row->problem);
              if (badge != CR_CUT_BADGE_PROBLEM)
                g_string_truncate (words, 0);
              else
                g_string_append (words, "; ");
              g_string_append (words, short_words);
              badge = CR_CUT_BADGE_PROBLEM;
            }
          else if (row->problem != NULL)
            {
              g_autofree char *short_words = badge_words (row->problem);
              if (badge != CR_CUT_BADGE_PROBLEM)
                g_string_truncate (words, 0);
              else
                g_string_append (words, "; ");
              g_string_append_printf (words, "%s: %s", short_words, row->participant);
              badge = CR_CUT_BADGE_PROBLEM;
            }
        }
      if (badge == CR_CUT_BADGE_CLEARED)
        g_string_assign (words, "Cleared");
      else if (badge == CR_CUT_BADGE_NOBODY)
        g_string_assign (words, "Nobody linked");
      cr_cut_event_set_badge (event, badge, words->str);
    }
  return g_steal_pointer (&rows);
}
