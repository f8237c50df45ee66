/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cues"

#include "config.h"

#include <string.h>

#include "cr-cues.h"
#include "cr-db.h"

void
cr_cue_free (CrCue *cue)
{
  if (cue == NULL)
    return;
  g_free (cue->speaker);
  g_free (cue->text);
  g_free (cue);
}

CrCuesFormat
cr_cues_format_for_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".srt"))
    return CR_CUES_SRT;
  if (g_str_has_suffix (lower, ".vtt"))
    return CR_CUES_VTT;
  if (g_str_has_suffix (lower, ".txt"))
    return CR_CUES_STAMPED;
  return CR_CUES_AUTO;
}

char *
cr_cues_format_time (gint64   usec,
                     gboolean comma)
{
  gint64 ms = MAX (usec, 0) / 1000;

  return g_strdup_printf ("%02" G_GINT64_FORMAT ":%02d:%02d%c%03d", ms / 3600000, (int) (ms / 60000 % 60),
                          (int) (ms / 1000 % 60), comma ? ',' : '.', (int) (ms % 1000));
}

static gboolean
invalid (GError     **error,
         guint        line,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError     **error,
         guint        line,
         const char  *format,
         ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "transcript line %u: %s", line, msg);
  return FALSE;
}

/* The file as lines, without a byte-order mark, whatever the line ends. */
static GPtrArray *
split_lines (const char  *data,
             gsize        len,
             GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *bad = NULL;
  const char *p, *end = data + len;

  if (!g_utf8_validate_len (data, len, &bad))
    {
      guint line = 1;
      for (p = data; p < bad; p++)
        line += *p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n'));
      invalid (error, line, "not UTF-8 text (save the transcript as UTF-8)");
      return NULL;
    }
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3;
  for (p = data; p <= end;)
    {
      const char *e = p;
      while (e < end && *e != '\n' && *e != '\r')
        e++;
      if (e == end && e == p)
        break;
      g_ptr_array_add (lines, g_strndup (p, e - p));
      if (e < end && *e == '\r' && e + 1 < end && e[1] == '\n')
        e++;
      if (e >= end)
        break;
      p = e + 1;
    }
  return g_steal_pointer (&lines);
}

static gboolean
is_blank (const char *line)
{
  for (; *line; line++)
    if (!g_ascii_isspace (*line))
      return FALSE;
  return TRUE;
}

static int
read_digits (const char **p,
             int         max_digits,
             int        *n_digits)
{
  int value = 0, n = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      value = value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  *n_digits = n;
  return value;
}

/* [H…:]MM:SS[.,fff]. Advances *p past the time on success. */
static gboolean
read_time (const char **p,
           gboolean     fraction_required,
           gint64      *usec)
{
  const char *s = *p;
  int fields[3], n_fields = 0, digits, ms = 0;

  while (n_fields < 3)
    {
      fields[n_fields] = read_digits (&s, n_fields == 0 ? 3 : 2, &digits);
      n_fields++;
      if (digits == 0 || (n_fields > 1 && digits != 2))
        return FALSE;
      if (*s != ':')
        break;
      s++;
    }
  if (n_fields < 2)
    return FALSE;
  if (*s == ',' || *s == '.')
    {
      int scale;
      s++;
      ms = read_digits (&s, 3, &digits);
      if (digits == 0)
        return FALSE;
      for (scale = digits; scale < 3; scale++)
        ms *= 10;
    }
  else if (fraction_required)
    return FALSE;
  if (n_fields == 2)
    {
      fields[2] = fields[1];
      fields[1] = fields[0];
      fields[0] = 0;
    }
  if (fields[1] > 59 || fields[2] > 59)
    return FALSE;
  *usec = ((gint64) fields[0] * 3600 + fields[1] * 60 + fields[2]) * G_USEC_PER_SEC + (gint64) ms * 1000;
  *p = s;
  return TRUE;
}

/* "00:00:01,000 --> 00:00:02,500 [settings]" */
static gboolean
read_timing (const char *line,
             gint64     *start,
             gint64     *end)
{
  const char *p = line;

  while (*p == ' ' || *p == '\t')
    p++;
  if (!read_time (&p, TRUE, start))
    return FALSE;
  while (*p == ' ' || *p == '\t')
    p++;
  if (!g_str_has_prefix (p, "-->"))
    return FALSE;
  p += 3;
  while (*p == ' ' || *p == '\t')
    p++;
  if (!read_time (&p, TRUE, end))
    return FALSE;
  return *p == '\0' || *p == ' ' || *p == '\t';
}

/* Markup out (<i>, <c.x>, {\an8}), WebVTT's character references decoded; the first
 * <v Name> voice kept as the speaker. */
static char *
plain_text (const char  *text,
            gboolean     vtt,
            char       **voice)
{
  static const struct { const char *ref, *text; } refs[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&nbsp;", " " }, { "&quot;", "\"" },
    { "&apos;", "'" }, { "&lrm;", "" }, { "&rlm;", "" },
  };
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '<' || (*p == '{' && p[1] == '\\'))
        {
          const char *close = strchr (p, *p == '<' ? '>' : '}');
          if (close == NULL)
            {
              g_string_append (out, p);
              break;
            }
          if (vtt && *voice == NULL && p[0] == '<' && p[1] == 'v' && (p[2] == ' ' || p[2] == '.'))
            {
              const char *name = strchr (p, ' ');
              if (name && name < close)
                *voice = g_strstrip (g_strndup (name + 1, close - name - 1));
            }
          p = close + 1;
          continue;
        }
      if (*p == '&' && vtt)
        {
          gboolean done = FALSE;
          for (guint i = 0; i < G_N_ELEMENTS (refs) && !done; i++)
            if (g_str_has_prefix (p, refs[i].ref))
              {
                g_string_append (out, refs[i].text);
                p += strlen (refs[i].ref);
                done = TRUE;
              }
          if (done)
            continue;
        }
      g_string_append_c (out, g_ascii_isspace (*p) ? ' ' : *p);
      p++;
    }
  return g_string_free (out, FALSE);
}

/* Collapses runs of spaces; strips the ends. */
static void
squeeze (char *text)
{
  char *w = text;
  gboolean space = TRUE;

  for (char *r = text; *r; r++)
    {
      if (*r == ' ')
        {
          if (!space)
            *w++ = ' ';
          space = TRUE;
        }
      else
        {
          *w++ = *r;
          space = FALSE;
        }
    }
  if (w > text && w[-1] == ' ')
    w--;
  *w = '\0';
}

/* "Ana Silva: text" -> speaker "Ana Silva", text "text". A name is one to four words that
 * start with a letter, without sentence punctuation, so "Note: …" style prose is rarely
 * mistaken but "Speaker 1:" is read. */
static void
take_speaker_prefix (CrCue *cue)
{
  const char *colon = strstr (cue->text, ": ");
  guint words = 1;

  if (colon == NULL || colon == cue->text || colon - cue->text > 40 || !g_unichar_isalpha (g_utf8_get_char (cue->text)))
    return;
  for (const char *p = cue->text; p < colon; p++)
    {
      if (strchr (".,;!?\"()[]", *p))
        return;
      words += *p == ' ';
    }
  if (words > 4)
    return;
  cue->speaker = g_strndup (cue->text, colon - cue->text);
  memmove (cue->text, colon + 2, strlen (colon + 2) + 1);
}

static CrCue *
make_cue (guint        line,
          gint64       start,
          gint64       end,
          GString     *text,
          gboolean     voices)
{
  CrCue *cue = g_new0 (CrCue, 1);
  char *voice = NULL;

  cue->line = line;
  cue->start_us = start;
  cue->end_us = end;
  cue->text = plain_text (text->str, voices, &voice);
  squeeze (cue->text);
  cue->speaker = voice;
  if (cue->speaker == NULL)
    take_speaker_prefix (cue);
  return cue;
}

static gboolean
check_order (GPtrArray  *cues,
             CrCue      *cue,
             GError    **error)
{
  CrCue *prev = cues->len ? g_ptr_array_index (cues, cues->len - 1) : NULL;
  g_autofree char *a = NULL, *b = NULL;

  if (cue->end_us >= 0 && cue->end_us <= cue->start_us)
    {
      a = cr_cues_format_time (cue->start_us, TRUE);
      b = cr_cues_format_time (cue->end_us, TRUE);
      return invalid (error, cue->line, "the cue ends (%s) before it starts (%s)", b, a);
    }
  if (prev && cue->start_us < (prev->end_us >= 0 ? prev->end_us : prev->start_us + 1))
    {
      a = cr_cues_format_time (cue->start_us, TRUE);
      b = cr_cues_format_time (prev->end_us >= 0 ? prev->end_us : prev->start_us, TRUE);
      return invalid (error, cue->line, "the cue starts at %s, before the cue on line %u %s (%s)", a, prev->line,
                      prev->end_us >= 0 ? "ends" : "starts", b);
    }
  return TRUE;
}

/* SubRip and WebVTT: blocks of an optional id, a timing line and text, between blank lines. */
static GPtrArray *
parse_blocks (GPtrArray  *lines,
              gboolean    vtt,
              GError    **error)
{
  g_autoptr(GPtrArray) cues = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_cue_free);
  guint i = 0, n = lines->len;

#define LINE(k) ((const char *) g_ptr_array_index (lines, (k)))
  if (vtt)
    {
      if (n == 0 || !g_str_has_prefix (LINE (0), "WEBVTT") ||
          (LINE (0)[6] != '\0' && LINE (0)[6] != ' ' && LINE (0)[6] != '\t'))
        {
          invalid (error, 1, "a WebVTT file starts with “WEBVTT”");
          return NULL;
        }
      while (i < n && !is_blank (LINE (i)))
        i++;
    }
  while (i < n)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      gint64 start, end;
      guint timing_line;
      CrCue *cue;

      if (is_blank (LINE (i)))
        {
          i++;
          continue;
        }
      if (vtt && (g_str_has_prefix (LINE (i), "NOTE") || g_str_has_prefix (LINE (i), "STYLE") ||
                  g_str_has_prefix (LINE (i), "REGION")))
        {
          while (i < n && !is_blank (LINE (i)))
            i++;
          continue;
        }
      /* A cue id (a number in SubRip, any text in WebVTT) before the timing. */
      if (!strstr (LINE (i), "-->") && i + 1 < n && strstr (LINE (i + 1), "-->"))
        i++;
      timing_line = i + 1;
      if (!read_timing (LINE (i), &start, &end))
        {
          invalid (error, timing_line, "expected a cue time such as “00:00:01%s000 --> 00:00:02%s500”",
                   vtt ? "." : ",", vtt ? "." : ",");
          return NULL;
        }
      for (i++; i < n && !is_blank (LINE (i)); i++)
        {
          gint64 a, b;
          if (strstr (LINE (i), "-->") && read_timing (LINE (i), &a, &b))
            {
              invalid (error, i + 1, "a cue time inside the text of the cue on line %u (a blank line is missing)",
                       timing_line);
              return NULL;
            }
          if (text->len)
            g_string_append_c (text, ' ');
          g_string_append (text, LINE (i));
        }
      cue = make_cue (timing_line, start, end, text, vtt);
      if (!check_order (cues, cue, error))
        {
          cr_cue_free (cue);
          return NULL;
        }
      g_ptr_array_add (cues, cue);
    }
#undef LINE
  return g_steal_pointer (&cues);
}

/* A stamp at the start of a line: "[00:01:02]", "00:01:02", "1:02", "[00:01:02.5]". */
static gboolean
read_stamp (const char **p,
            gint64      *usec)
{
  const char *s = *p;
  gboolean bracket = *s == '[';

  if (bracket)
    s++;
  if (!read_time (&s, FALSE, usec))
    return FALSE;
  if (bracket && *s++ != ']')
    return FALSE;
  if (*s != '\0' && *s != ' ' && *s != '\t')
    return FALSE;
  while (*s == ' ' || *s == '\t' || *s == '-')
    s++;
  *p = s;
  return TRUE;
}

/* "Speaker 1  0:03" on a line of its own (Otter's export): the name, then the stamp. */
static gboolean
read_name_then_stamp (const char  *line,
                      char       **name,
                      gint64      *usec)
{
  const char *blank = strrchr (line, ' ');
  const char *tab = strrchr (line, '\t');
  const char *space = tab == NULL || (blank != NULL && blank > tab) ? blank : tab;
  const char *p;

  /* Two spaces (or a tab) before the stamp, so that "we left at 10:30" stays text. */
  if (space == NULL || space == line || (space[-1] != ' ' && space[-1] != '\t'))
    return FALSE;
  p = space + 1;
  if (!read_stamp (&p, usec) || *p != '\0')
    return FALSE;
  *name = g_strstrip (g_strndup (line, space - line));
  if (**name == '\0' || g_utf8_strlen (*name, -1) > 40 || strstr (*name, ": "))
    {
      g_clear_pointer (name, g_free);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
parse_stamped (GPtrArray  *lines,
               GError    **error)
{
  g_autoptr(GPtrArray) cues = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_cue_free);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *speaker = NULL;
  guint cue_line = 0;
  gint64 cue_start = -1;

  for (guint i = 0; i <= lines->len; i++)
    {
      const char *line = i < lines->len ? g_ptr_array_index (lines, i) : NULL;
      const char *p = line;
      g_autofree char *name = NULL;
      gint64 stamp = -1;
      gboolean starts = FALSE;

      if (line)
        {
          while (*p == ' ' || *p == '\t')
            p++;
          starts = read_stamp (&p, &stamp) || read_name_then_stamp (p, &name, &stamp);
          if (name)
            p = "";
        }
      if ((starts || line == NULL) && cue_start >= 0)
        {
          CrCue *cue = make_cue (cue_line, cue_start, -1, text, FALSE);
          if (speaker && cue->speaker == NULL)
            cue->speaker = g_steal_pointer (&speaker);
          g_clear_pointer (&speaker, g_free);
          g_string_truncate (text, 0);
          if (!check_order (cues, cue, error))
            {
              cr_cue_free (cue);
              return NULL;
            }
          /* A stamped cue lasts until the next one starts. */
          if (cues->len)
            ((CrCue *) g_ptr_array_index (cues, cues->len - 1))->end_us = cue->start_us;
          g_ptr_array_add (cues, cue);
        }
      if (line == NULL)
        break;
      if (starts)
        {
          cue_line = i + 1;
          cue_start = stamp;
          speaker = g_steal_pointer (&name);
        }
      if (cue_start < 0 || is_blank (p))
        continue;   /* a title or heading before the first stamp */
      if (text->len)
        g_string_append_c (text, ' ');
      g_string_append (text, p);
    }
  if (cues->len == 0)
    {
      invalid (error, 1, "no time stamps such as “[00:01:02]” at the start of a line");
      return NULL;
    }
  return g_steal_pointer (&cues);
}

GPtrArray *
cr_cues_parse (const char    *data,
               gsize          len,
               CrCuesFormat   format,
               GError       **error)
{
  g_autoptr(GPtrArray) lines = split_lines (data, len, error);

  if (lines == NULL)
    return NULL;
  if (format == CR_CUES_AUTO)
    {
      format = CR_CUES_STAMPED;
      if (lines->len && g_str_has_prefix (g_ptr_array_index (lines, 0), "WEBVTT"))
        format = CR_CUES_VTT;
      else
        for (guint i = 0; i < MIN (lines->len, 5); i++)
          if (strstr (g_ptr_array_index (lines, i), "-->"))
            format = CR_CUES_SRT;
    }
  if (format == CR_CUES_STAMPED)
    return parse_stamped (lines, error);
  return parse_blocks (lines, format == CR_CUES_VTT, error);
}
