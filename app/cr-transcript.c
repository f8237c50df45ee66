/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-transcript"

#include "config.h"

#include <string.h>

#include "cr-clip-time.h"
#include "cr-clips.h"
#include "cr-cut.h"
#include "cr-doc-page.h"
#include "cr-store.h"
#include "cr-transcript.h"

/* How long the last cue of stamped text lasts when the clip's length is unknown. */
#define LAST_STAMPED_CUE_USEC (5 * G_USEC_PER_SEC)

static CrRate
clip_rate (CrDb   *db,
           gint64  clip)
{
  CrRate rate = { 25, 1 };

  cr_clip_rate (db, clip, &rate.num, &rate.den);
  return rate;
}

/* The participant a speaker is, from --speaker or by name; 0 for no one. */
static gboolean
map_speaker (CrDb        *db,
             const char  *speaker,
             GHashTable  *speakers,
             gint64      *participant,
             GError     **error)
{
  const char *given = speakers ? g_hash_table_lookup (speakers, speaker) : NULL;

  *participant = 0;
  if (given)
    {
      if (cr_store_resolve (db, &cr_entity_participant, given, participant, error))
        return TRUE;
      g_prefix_error (error, "--speaker “%s”: ", speaker);
      return FALSE;
    }
  if (!cr_store_resolve (db, &cr_entity_participant, speaker, participant, NULL))
    *participant = 0;
  return TRUE;
}

gboolean
cr_transcript_import_text (CrDb          *db,
                           gint64         clip,
                           const char    *data,
                           gsize          len,
                           CrCuesFormat   format,
                           gint64         offset_us,
                           GHashTable    *speakers,
                           guint         *n_cues,
                           GPtrArray    **unmapped,
                           GError       **error)
{
  g_autoptr(GPtrArray) cues = cr_cues_parse (data, len, format, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_transcript_cue_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) lost = g_ptr_array_new_with_free_func (g_free);
  CrRate rate = clip_rate (db, clip);
  gint64 length = cr_clip_length_frames (db, clip);

  if (cues == NULL)
    return FALSE;
  for (guint i = 0; i < cues->len; i++)
    {
      const CrCue *cue = g_ptr_array_index (cues, i);
      g_autoptr(CrTranscriptCue) row = g_new0 (CrTranscriptCue, 1);
      gint64 start = cue->start_us + offset_us;
      gint64 end = cue->end_us >= 0 ? cue->end_us + offset_us : -1;

      if (start < 0)
        {
          g_autofree char *at = cr_cues_format_time (cue->start_us, TRUE);
          g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID,
                       "transcript line %u: the cue at %s starts before the clip does (check --offset)", cue->line, at);
          return FALSE;
        }
      row->in_frame = cr_usec_to_frames (start, rate);
      if (end < 0)
        end = length > row->in_frame ? cr_frames_to_usec (length, rate) : start + LAST_STAMPED_CUE_USEC;
      /* Snapped to frames a very short cue still lasts one frame. */
      row->out_frame = MAX (cr_usec_to_frames (end, rate), row->in_frame + 1);
      if (length >= 0 && row->out_frame > length)
        {
          g_autofree char *at = cr_cues_format_time (end - offset_us, TRUE);
          g_autofree char *clip_end = cr_cues_format_time (cr_frames_to_usec (length, rate) - offset_us, TRUE);
          g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID,
                       "transcript line %u: the cue ends at %s, past the clip's end (%s)", cue->line, at, clip_end);
          return FALSE;
        }
      row->text = g_strdup (cue->text);
      row->speaker = g_strdup (cue->speaker);
      if (cue->speaker)
        {
          gint64 *known = g_hash_table_lookup (seen, cue->speaker);
          if (known == NULL)
            {
              known = g_new (gint64, 1);
              if (!map_speaker (db, cue->speaker, speakers, known, error))
                {
                  g_free (known);
                  return FALSE;
                }
              g_hash_table_insert (seen, g_strdup (cue->speaker), known);
              if (*known == 0)
                g_ptr_array_add (lost, g_strdup (cue->speaker));
            }
          row->participant = *known;
        }
      g_ptr_array_add (rows, g_steal_pointer (&row));
    }
  if (speakers)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, speakers);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (seen, key))
          {
            g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID,
                         "--speaker: nobody called “%s” speaks in the transcript", (const char *) key);
            return FALSE;
          }
    }
  if (!cr_transcript_replace (db, clip, rows, error))
    return FALSE;
  if (n_cues)
    *n_cues = rows->len;
  if (unmapped)
    *unmapped = g_steal_pointer (&lost);
  return TRUE;
}

gboolean
cr_transcript_import (CrDb        *db,
                      gint64       clip,
                      const char  *path,
                      gint64       offset_us,
                      GHashTable  *speakers,
                      guint       *n_cues,
                      GPtrArray  **unmapped,
                      GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;
  if (!cr_transcript_import_text (db, clip, data, len, cr_cues_format_for_path (path), offset_us, speakers,
                                  n_cues, unmapped, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  return TRUE;
}

static const char *
speaker_of (const CrTranscriptCue *cue)
{
  return cue->participant_name ? cue->participant_name : cue->speaker;
}

char *
cr_transcript_to_text (CrDb          *db,
                       gint64         clip,
                       CrCuesFormat   format,
                       GError       **error)
{
  g_autoptr(GPtrArray) cues = cr_transcript_cues (db, clip, error);
  g_autoptr(GString) out = g_string_new (format == CR_CUES_VTT ? "WEBVTT\n\n" : NULL);
  CrRate rate = clip_rate (db, clip);

  if (cues == NULL)
    return NULL;
  if (cues->len == 0)
    {
      g_autofree char *name = cr_store_label (db, &cr_entity_clip, clip);
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND, "%s has no transcript", name ? name : "the clip");
      return NULL;
    }
  for (guint i = 0; i < cues->len; i++)
    {
      const CrTranscriptCue *cue = g_ptr_array_index (cues, i);
      const char *who = speaker_of (cue);
      g_autofree char *in = NULL, *out_time = NULL;

      if (format == CR_CUES_STAMPED)
        {
          in = cr_clip_format_position (db, clip, cue->in_frame);
          g_string_append_printf (out, "[%s] %s%s%s\n", in, who ? who : "", who ? ": " : "", cue->text);
          continue;
        }
      in = cr_cues_format_time (cr_frames_to_usec (cue->in_frame, rate), format == CR_CUES_SRT);
      out_time = cr_cues_format_time (cr_frames_to_usec (cue->out_frame, rate), format == CR_CUES_SRT);
      if (format == CR_CUES_SRT)
        g_string_append_printf (out, "%u\n%s --> %s\n%s%s%s\n\n", cue->position, in, out_time,
                                who ? who : "", who ? ": " : "", cue->text);
      else
        {
          /* WebVTT text escapes & and <; a voice tag names the speaker. */
          g_autofree char *amp = NULL;
          GString *text = g_string_new (cue->text);
          g_string_replace (text, "&", "&amp;", 0);
          g_string_replace (text, "<", "&lt;", 0);
          amp = g_string_free (text, FALSE);
          g_string_append_printf (out, "%s --> %s\n", in, out_time);
          if (who)
            {
              g_autofree char *name = g_strdelimit (g_strdup (who), "<>&", ' ');
              g_string_append_printf (out, "<v %s>", name);
            }
          g_string_append_printf (out, "%s\n\n", amp);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
cr_transcript_export (CrDb        *db,
                      gint64       clip,
                      const char  *path,
                      GError     **error)
{
  CrCuesFormat format = cr_cues_format_for_path (path);
  g_autofree char *text = NULL;

  if (format == CR_CUES_AUTO)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID,
                   "%s: name the file .srt, .vtt or .txt to say which kind of transcript to write", path);
      return FALSE;
    }
  if (!(text = cr_transcript_to_text (db, clip, format, error)))
    return FALSE;
  return cr_doc_save_bytes (path, text, strlen (text), error);
}

/* Words only: folded case, letters and digits, one space between words. */
static void
append_words (GString    *out,
              const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  gboolean space = out->len == 0 || out->str[out->len - 1] == ' ';

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\'' || c == 0x2019)
        continue;   /* "don't" and "don’t" are the same word */
      if (g_unichar_isalnum (c))
        {
          g_string_append_unichar (out, c);
          space = FALSE;
        }
      else if (!space)
        {
          g_string_append_c (out, ' ');
          space = TRUE;
        }
    }
  if (!space)
    g_string_append_c (out, ' ');
}

gboolean
cr_transcript_find_quote (CrDb        *db,
                          gint64       clip,
                          const char  *quote,
                          guint       *first,
                          guint       *last,
                          GError     **error)
{
  g_autoptr(GPtrArray) cues = cr_transcript_cues (db, clip, error);
  g_autoptr(GString) all = g_string_new (" ");
  g_autoptr(GString) wanted = g_string_new (" ");
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *hit;
  gsize from, to;

  if (cues == NULL)
    return FALSE;
  for (guint i = 0; i < cues->len; i++)
    {
      const CrTranscriptCue *cue = g_ptr_array_index (cues, i);
      g_array_append_val (starts, all->len);
      append_words (all, cue->text);
    }
  append_words (wanted, quote);
  if (wanted->len <= 1 || !(hit = strstr (all->str, wanted->str)))
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_NOT_FOUND, "quote: “%s” is not in the clip's transcript", quote);
      return FALSE;
    }
  /* The match runs from the space before its first word to the space after its last. */
  from = hit - all->str + 1;
  to = from + wanted->len - 2;
  *first = *last = 1;
  for (guint i = 0; i < starts->len; i++)
    {
      gsize s = g_array_index (starts, gsize, i);
      if (s <= from)
        *first = i + 1;
      if (s < to)
        *last = i + 1;
    }
  return TRUE;
}

gboolean
cr_transcript_cue_range (CrDb        *db,
                         gint64       clip,
                         guint        first,
                         guint        last,
                         gint64      *in_frame,
                         gint64      *out_frame,
                         gint64      *participant,
                         char       **words,
                         GError     **error)
{
  g_autoptr(GPtrArray) cues = cr_transcript_cues (db, clip, error);
  g_autoptr(GString) text = g_string_new (NULL);

  if (cues == NULL)
    return FALSE;
  if (first < 1 || last < first || last > cues->len)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID,
                   "cue: the clip's transcript has cues 1 to %u; %u to %u is not among them", cues->len, first, last);
      return FALSE;
    }
  *in_frame = ((CrTranscriptCue *) g_ptr_array_index (cues, first - 1))->in_frame;
  *out_frame = ((CrTranscriptCue *) g_ptr_array_index (cues, last - 1))->out_frame;
  *participant = 0;
  for (guint i = first; i <= last; i++)
    {
      const CrTranscriptCue *cue = g_ptr_array_index (cues, i - 1);
      if (*participant == 0)
        *participant = cue->participant;
      g_string_append_printf (text, "%s%s", text->len ? " " : "", cue->text);
    }
  if (words)
    *words = g_strdup (text->str);
  return TRUE;
}

gint64
cr_transcript_add_select (CrDb        *db,
                          gint64       clip,
                          guint        first,
                          guint        last,
                          const char  *label,
                          GError     **error)
{
  g_autoptr(CrRecord) input = cr_record_new (&cr_entity_select);
  g_autofree char *words = NULL;
  gint64 in, out, participant;

  if (!cr_transcript_cue_range (db, clip, first, last, &in, &out, &participant, &words, error))
    return 0;
  cr_record_take (input, "clip", g_strdup_printf ("%" G_GINT64_FORMAT, clip));
  cr_record_take (input, "in_frame", g_strdup_printf ("%" G_GINT64_FORMAT, in));
  cr_record_take (input, "out_frame", g_strdup_printf ("%" G_GINT64_FORMAT, out));
  cr_record_set (input, "label", label ? label : words);
  if (participant)
    cr_record_take (input, "participants", g_strdup_printf ("%" G_GINT64_FORMAT, participant));
  return cr_store_insert (db, input, error);
}

char *
cr_transcript_search_query (const char *words)
{
  if (strpbrk (words, "\"*():^") == NULL && strstr (words, "NEAR") == NULL && strstr (words, " OR ") == NULL &&
      strstr (words, " AND ") == NULL && strstr (words, "NOT ") == NULL)
    return g_strdup_printf ("\"%s\"", words);
  return g_strdup (words);
}

gint64
cr_transcript_stringout (CrDb        *db,
                         const char  *name,
                         const char  *query,
                         GError     **error)
{
  g_autoptr(GPtrArray) hits = cr_transcript_search (db, query, NULL, NULL, 0, error);
  g_autoptr(CrRecord) input = cr_record_new (&cr_entity_cut);
  gint64 cut;

  if (hits == NULL)
    return 0;
  if (hits->len == 0)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "stringout: no transcript says %s; no cut was made", query);
      return 0;
    }
  cr_record_set (input, "name", name);
  if (!cr_db_begin (db, error))
    return 0;
  if (!(cut = cr_store_insert (db, input, error)))
    goto fail;
  for (guint i = 0; i < hits->len;)
    {
      const CrTranscriptCue *first = g_ptr_array_index (hits, i);
      gint64 out = first->out_frame;
      guint position = first->position;

      /* The next matching cue carries on where this one ends: one passage. */
      for (i++; i < hits->len; i++)
        {
          const CrTranscriptCue *next = g_ptr_array_index (hits, i);
          if (next->clip != first->clip || next->position != position + 1)
            break;
          out = next->out_frame;
          position = next->position;
        }
      if (!cr_cut_add_event (db, cut, 0, first->clip, first->in_frame, out, 0, NULL, 0, error))
        goto fail;
    }
  if (!cr_db_commit (db, error))
    return 0;
  return cut;

fail:
  cr_db_rollback (db);
  return 0;
}
