/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-words"

#include "config.h"

#include <stdio.h>

#include "cr-words.h"

/* Shot sizes are written as crews say them. */
static const char * const abbreviations[] = {
  "ecu", "cu", "mcu", "ms", "mls", "ls", "ws", "ews", "ots", NULL,
};

static char *
sentence_case (const char *word)
{
  char *text = g_strdup (word);

  g_strdelimit (text, "_-", ' ');
  if (g_ascii_islower (text[0]))
    text[0] = g_ascii_toupper (text[0]);
  return text;
}

char *
cr_words_field (const CrField *field)
{
  /* Where a field's name is a programmer's word, the word a person uses. */
  static const struct { const char *name, *words; } spoken[] = {
    { "tc_start", "Timecode" }, { "tc_rate", "Timecode rate" }, { "tc_drop", "Drop-frame" },
    { "tc_source", "Timecode from" }, { "duration_us", "Duration (µs)" }, { "video_codec", "Codec" },
    { "in_frame", "In (frame)" }, { "out_frame", "Out (frame)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (spoken); i++)
    if (g_str_equal (field->name, spoken[i].name))
      return g_strdup (spoken[i].words);
  return sentence_case (field->name);
}

char *
cr_words_choice (const char *choice)
{
  char *text;

  if (g_strv_contains (abbreviations, choice))
    return g_ascii_strup (choice, -1);
  if (g_str_equal (choice, "b-roll") || g_str_equal (choice, "two-shot"))
    {
      text = g_strdup (choice);
      text[0] = g_ascii_toupper (text[0]);
      return text;
    }
  return sentence_case (choice);
}

char *
cr_words_entity (const CrEntity *entity,
                 gboolean        plural)
{
  return sentence_case (plural ? entity->plural : entity->name);
}

char *
cr_words_value (const CrField *field,
                const char    *display)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) text = NULL;

  if (display == NULL || *display == '\0')
    return g_strdup ("");
  if (field->type == CR_FIELD_ENUM)
    return cr_words_choice (display);
  if (field->type != CR_FIELD_SET)
    return g_strdup (display);
  parts = g_strsplit (display, ",", -1);
  text = g_string_new (NULL);
  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *word = cr_words_choice (parts[i]);
      if (i > 0)
        word[0] = g_ascii_tolower (word[0]);
      g_string_append_printf (text, "%s%s", i ? ", " : "", word);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
cr_words_date (const char *date)
{
  int y, m, d;
  g_autoptr(GDateTime) when = NULL;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !(when = g_date_time_new_utc (y, m, d, 0, 0, 0)))
    return g_strdup (date);
  return g_date_time_format (when, "%-d %b %Y");
}

char *
cr_words_day (GDateTime *day)
{
  /* %-d does not pad. */
  return g_date_time_format (day, "%A %-d %B %Y");
}

char *
cr_words_list (const char * const *names,
               guint               n_names)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_names; i++)
    {
      if (i > 0)
        g_string_append (text, i + 1 == n_names ? " and " : ", ");
      g_string_append (text, names[i]);
    }
  return g_string_free (text, FALSE);
}

char *
cr_words_footage (guint    with_footage,
                  guint    shots,
                  gboolean found)
{
  const char *which = found ? " found" : "";

  if (shots == 1)
    return g_strdup_printf (with_footage ? "The shot%s has footage" : "The shot%s has no footage yet", which);
  if (with_footage == shots && shots > 0)
    return g_strdup_printf ("All %u shots%s have footage", shots, which);
  return g_strdup_printf ("%u of %u shots%s have footage", with_footage, shots, which);
}

const char *
cr_words_format (const CrField *field)
{
  switch (field->type)
    {
    case CR_FIELD_DATE:
      return "YYYY-MM-DD";
    case CR_FIELD_DATETIME:
      return "YYYY-MM-DD HH:MM";
    case CR_FIELD_DURATION:
      return "M:SS";
    case CR_FIELD_TIMECODE:
      return "HH:MM:SS:FF";
    default:
      return NULL;
    }
}

char *
cr_words_consent (const CrConsentState  *state,
                  const char            *kind,
                  const char           **style_class)
{
  *style_class = "error";
  switch (state->problem)
    {
    case CR_CONSENT_OK:
      *style_class = state->partly_withdrawn ? "warning" : "success";
      return state->partly_withdrawn ? g_strdup ("Partly withdrawn") : cr_words_choice (state->status);
    case CR_CONSENT_MISSING:
      if (g_strcmp0 (kind, "interviewee") != 0)
        {
          *style_class = NULL;
          return g_strdup ("Not recorded");
        }
      return g_strdup ("Missing");
    case CR_CONSENT_PENDING:
      *style_class = "warning";
      return cr_words_choice (state->status);
    case CR_CONSENT_DECLINED:
      return g_strdup ("Declined");
    case CR_CONSENT_WITHDRAWN:
      return g_strdup ("Withdrawn");
    case CR_CONSENT_EXPIRED:
      return g_strdup ("Expired");
    case CR_CONSENT_NO_GUARDIAN:
      return g_strdup ("Needs a guardian");
    default:
      return g_strdup (cr_consent_problem_to_string (state->problem));
    }
}

char *
cr_words_consent_details (const CrConsentState *state)
{
  const CrField *channels = cr_entity_find_field (&cr_entity_consent, "channels");
  const CrField *media = cr_entity_find_field (&cr_entity_consent, "media");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *channel_words = cr_words_value (channels, state->channels);
  g_autofree char *media_words = cr_words_value (media, state->media);
  g_autofree char *status_words = NULL;
  g_autofree char *date = NULL;
  g_autofree char *expires = NULL;

  if (state->status == NULL)
    return g_strdup ("No consent on record");
  status_words = cr_words_choice (state->status);
  date = cr_words_date (state->date);
  g_string_append_printf (text, "%s on %s", status_words, date);
  /* Mid-sentence, the lists start in lower case: "· website, social media". */
  channel_words[0] = g_ascii_tolower (channel_words[0]);
  media_words[0] = g_ascii_tolower (media_words[0]);
  if (state->problem == CR_CONSENT_OK)
    {
      if (*channel_words)
        g_string_append_printf (text, " · %s", channel_words);
      if (*media_words)
        g_string_append_printf (text, " · %s", media_words);
      if (state->naming)
        g_string_append_printf (text, " · %s", g_str_equal (state->naming, "full-name") ? "full name"
                                               : g_str_equal (state->naming, "first-name") ? "first name only"
                                               : "anonymous");
    }
  /* An end date means something only while the consent stands, or once it has lapsed. */
  if (state->expires && (state->problem == CR_CONSENT_OK || state->problem == CR_CONSENT_EXPIRED))
    {
      expires = cr_words_date (state->expires);
      g_string_append_printf (text, state->problem == CR_CONSENT_EXPIRED ? " · ended %s" : " · until %s", expires);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
cr_words_status_icon (const char *style_class)
{
  if (g_strcmp0 (style_class, "success") == 0)
    return "emblem-ok-symbolic";
  if (g_strcmp0 (style_class, "warning") == 0)
    return "dialog-warning-symbolic";
  if (g_strcmp0 (style_class, "error") == 0)
    return "dialog-error-symbolic";
  return "action-unavailable-symbolic";
}
