/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-timecode"

#include "config.h"

#include <libavutil/mathematics.h>
#include <string.h>

#include "cr-export-text.h"
#include "cr-timecode.h"

/* Two-digit frame fields cover every common rate; 100-999 fps labels get a third digit. */
#define MAX_NOMINAL_FPS 999

G_DEFINE_QUARK (casereel-timecode-error-quark, cr_timecode_error)

static gint64
gcd64 (gint64 a, gint64 b)
{
  while (b != 0)
    {
      gint64 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

static gboolean
rate_is_valid (CrRate rate)
{
  return rate.num > 0 && rate.den > 0;
}

static gboolean
rate_is_whole (CrRate rate)
{
  return rate.num % rate.den == 0;
}

/* n * 1000/1001, the NTSC family (23.976, 29.97, 59.94 ...). */
static gboolean
rate_is_ntsc (CrRate rate)
{
  return ((gint64) rate.num * 1001) % ((gint64) rate.den * 1000) == 0;
}

/* "25" for whole rates, "30000/1001" otherwise: for messages. */
static char *
rate_describe (CrRate rate)
{
  if (rate_is_valid (rate) && rate_is_whole (rate))
    return g_strdup_printf ("%d", rate.num / rate.den);
  return g_strdup_printf ("%d/%d", rate.num, rate.den);
}

/* Labels skipped at each minute but every tenth: 2 at 29.97, 4 at 59.94. */
static int
drop_count (int fps)
{
  return fps / 15;
}

static gint64
drop_frames_per_10_minutes (int fps)
{
  return (gint64) fps * 600 - 9 * drop_count (fps);
}

int
cr_rate_nominal_fps (CrRate rate)
{
  g_return_val_if_fail (rate_is_valid (rate), 0);

  return (int) (((gint64) rate.num + rate.den / 2) / rate.den);
}

gboolean
cr_rate_equal (CrRate a,
               CrRate b)
{
  return (gint64) a.num * b.den == (gint64) b.num * a.den;
}

static gboolean
set_rate (gint64  num,
          gint64  den,
          CrRate *out)
{
  gint64 g;

  if (num <= 0 || den <= 0)
    return FALSE;
  g = gcd64 (num, den);
  num /= g;
  den /= g;
  if (num > G_MAXINT || den > G_MAXINT)
    return FALSE;
  out->num = (int) num;
  out->den = (int) den;
  return TRUE;
}

/* "29.97" -> 30000/1001 when the decimal is n*1000/1001 rounded or cut to its own digits
 * (at least two), else the exact decimal ("12.5" -> 25/2). */
static gboolean
parse_decimal_rate (const char *text,
                    CrRate     *out)
{
  gint64 mantissa = 0;
  gint64 scale = 1;
  int int_digits = 0;
  int frac_digits = 0;
  const char *p = text;
  gint64 n;

  /* Nine digits keep every product below in gint64: stop before a longer number overflows. */
  for (; g_ascii_isdigit (*p); p++, int_digits++)
    {
      if (int_digits >= 9)
        return FALSE;
      mantissa = mantissa * 10 + (*p - '0');
    }
  if (int_digits == 0 || *p != '.')
    return FALSE;
  for (p++; g_ascii_isdigit (*p); p++, frac_digits++)
    {
      if (int_digits + frac_digits >= 9 || frac_digits >= 6)
        return FALSE;
      mantissa = mantissa * 10 + (*p - '0');
      scale *= 10;
    }
  if (*p != '\0' || frac_digits == 0)
    return FALSE;

  n = (mantissa + scale / 2) / scale;
  if (mantissa % scale != 0 && n > 0 && frac_digits >= 2)
    {
      gint64 cut = n * 1000 * scale / 1001;
      gint64 rounded = (n * 1000 * scale * 2 + 1001) / (2 * 1001);

      if (mantissa == cut || mantissa == rounded)
        return set_rate (n * 1000, 1001, out);
    }
  return set_rate (mantissa, scale, out);
}

static gboolean
parse_whole (const char *text,
             gint64     *out)
{
  guint64 value = 0;

  /* g_ascii_string_to_unsigned rejects signs, spaces and trailing junk. */
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

gboolean
cr_rate_parse (const char  *text,
               CrRate      *out,
               GError     **error)
{
  CrRate rate = { 0, 0 };
  gboolean ok = FALSE;
  const char *slash;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    text = "";

  slash = strchr (text, '/');
  if (slash != NULL)
    {
      g_autofree char *num_text = g_strndup (text, slash - text);
      gint64 num, den;

      ok = parse_whole (num_text, &num) && parse_whole (slash + 1, &den) && set_rate (num, den, &rate);
    }
  else if (strchr (text, '.') != NULL)
    {
      ok = parse_decimal_rate (text, &rate);
    }
  else
    {
      gint64 num;

      ok = parse_whole (text, &num) && set_rate (num, 1, &rate);
    }

  if (!ok)
    {
      g_autofree char *shown = cr_text_for_message (text);

      g_set_error (error, CR_TIMECODE_ERROR, CR_TIMECODE_ERROR_RATE,
                   "Frame rate “%s” is not a positive rate such as 25, 29.97 or 30000/1001", shown);
      return FALSE;
    }
  *out = rate;
  return TRUE;
}

char *
cr_rate_to_string (CrRate rate)
{
  return g_strdup_printf ("%d/%d", rate.num, rate.den);
}

typedef enum
{
  FORMAT_OK,
  FORMAT_NOT_POSITIVE,
  FORMAT_NOT_COUNTABLE,
  FORMAT_TOO_FAST,
  FORMAT_DROP_RATE,
} FormatProblem;

/* Cheap enough to guard every label in a loop: builds no message. */
static FormatProblem
format_problem (const CrTimecodeFormat *fmt)
{
  if (!rate_is_valid (fmt->rate))
    return FORMAT_NOT_POSITIVE;
  if (!rate_is_whole (fmt->rate) && !rate_is_ntsc (fmt->rate))
    return FORMAT_NOT_COUNTABLE;
  if (cr_rate_nominal_fps (fmt->rate) > MAX_NOMINAL_FPS)
    return FORMAT_TOO_FAST;
  if (fmt->drop_frame
      && !cr_rate_equal (fmt->rate, (CrRate) { 30000, 1001 })
      && !cr_rate_equal (fmt->rate, (CrRate) { 60000, 1001 }))
    return FORMAT_DROP_RATE;
  return FORMAT_OK;
}

gboolean
cr_timecode_format_check (const CrTimecodeFormat  *fmt,
                          GError                 **error)
{
  g_autofree char *rate_text = NULL;
  FormatProblem problem;

  g_return_val_if_fail (fmt != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  problem = format_problem (fmt);
  if (problem == FORMAT_OK)
    return TRUE;

  rate_text = rate_describe (fmt->rate);
  switch (problem)
    {
    case FORMAT_NOT_POSITIVE:
      g_set_error (error, CR_TIMECODE_ERROR, CR_TIMECODE_ERROR_RATE,
                   "Frame rate %s is not a positive rate", rate_text);
      break;
    case FORMAT_NOT_COUNTABLE:
      g_set_error (error, CR_TIMECODE_ERROR, CR_TIMECODE_ERROR_RATE,
                   "Frame rate %s has no timecode: labels need a whole number of frames a second "
                   "or a 1000/1001 rate such as 30000/1001", rate_text);
      break;
    case FORMAT_TOO_FAST:
      g_set_error (error, CR_TIMECODE_ERROR, CR_TIMECODE_ERROR_RATE,
                   "Frame rate %s is too fast for timecode (at most %d frames a second)",
                   rate_text, MAX_NOMINAL_FPS);
      break;
    case FORMAT_DROP_RATE:
      g_set_error (error, CR_TIMECODE_ERROR, CR_TIMECODE_ERROR_RATE,
                   "Drop-frame timecode exists only at 29.97 (30000/1001) and 59.94 (60000/1001) "
                   "fps, not at %s", rate_text);
      break;
    case FORMAT_OK:
      g_assert_not_reached ();
    }
  return FALSE;
}

gint64
cr_timecode_frames_per_day (const CrTimecodeFormat *fmt)
{
  int fps;

  g_return_val_if_fail (fmt != NULL && format_problem (fmt) == FORMAT_OK, 0);

  fps = cr_rate_nominal_fps (fmt->rate);
  if (fmt->drop_frame)
    return drop_frames_per_10_minutes (fps) * 6 * 24;
  return (gint64) fps * 60 * 60 * 24;
}

static char *
put_digits (char  *p,
            int    value,
            int    min_digits)
{
  char tmp[8];
  int n = 0;

  do
    {
      tmp[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  while (n < min_digits)
    tmp[n++] = '0';
  while (n > 0)
    *p++ = tmp[--n];
  return p;
}

void
cr_timecode_format_into (gint64                  frames,
                         const CrTimecodeFormat *fmt,
                         char                    buf[CR_TIMECODE_MAX_LEN])
{
  gint64 per_day;
  gint64 label;
  gint64 seconds;
  int fps;
  char *p = buf;

  buf[0] = '\0';
  g_return_if_fail (fmt != NULL && format_problem (fmt) == FORMAT_OK);

  fps = cr_rate_nominal_fps (fmt->rate);
  per_day = cr_timecode_frames_per_day (fmt);
  label = frames % per_day;
  if (label < 0)
    label += per_day;

  if (fmt->drop_frame)
    {
      /* Add back the labels skipped so far: every whole ten minutes skips 9 * drop,
       * and each whole minute into the current ten (after the first) skips drop more. */
      int drop = drop_count (fps);
      gint64 per_10 = drop_frames_per_10_minutes (fps);
      gint64 per_minute = (gint64) fps * 60 - drop;
      gint64 tens = label / per_10;
      gint64 rest = label % per_10;

      label += 9 * drop * tens;
      if (rest >= drop)
        label += drop * ((rest - drop) / per_minute);
    }

  seconds = label / fps;
  p = put_digits (p, (int) (seconds / 3600), 2);
  *p++ = ':';
  p = put_digits (p, (int) (seconds / 60 % 60), 2);
  *p++ = ':';
  p = put_digits (p, (int) (seconds % 60), 2);
  *p++ = fmt->drop_frame ? ';' : ':';
  p = put_digits (p, (int) (label % fps), 2);
  *p = '\0';
}

char *
cr_timecode_to_string (gint64                  frames,
                       const CrTimecodeFormat *fmt)
{
  char buf[CR_TIMECODE_MAX_LEN];

  g_return_val_if_fail (fmt != NULL && format_problem (fmt) == FORMAT_OK, NULL);

  cr_timecode_format_into (frames, fmt, buf);
  return g_strdup (buf);
}

/* Exactly min..max digits at *p; moves *p past them. */
static gboolean
read_field (const char **p,
            int          min_digits,
            int          max_digits,
            int         *out)
{
  int value = 0;
  int n = 0;

  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      value = value * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n < min_digits || g_ascii_isdigit ((*p)[n]))
    return FALSE;
  *p += n;
  *out = value;
  return TRUE;
}

static gboolean
is_drop_separator (char c)
{
  return c == ';' || c == '.';
}

gboolean
cr_timecode_text_is_drop (const char *text)
{
  const char *last = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      last = p;
  return last != NULL && is_drop_separator (*last);
}

gboolean
cr_timecode_parse (const char              *text,
                   const CrTimecodeFormat  *fmt,
                   gint64                  *out_frames,
                   GError                 **error)
{
  const char *p = text;
  int hh = 0, mm = 0, ss = 0, ff = 0;
  char sep1 = 0, sep2 = 0, sep3 = 0;
  int fps;
  gint64 frames;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (fmt != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cr_timecode_format_check (fmt, error))
    return FALSE;
  fps = cr_rate_nominal_fps (fmt->rate);

  /* HH:MM:SS:FF, HH:MM:SS;FF or HH:MM:SS.FF; Premiere also writes HH;MM;SS;FF. */
  if (!read_field (&p, 2, 2, &hh) || (sep1 = *p++) == '\0'
      || !read_field (&p, 2, 2, &mm) || (sep2 = *p++) == '\0'
      || !read_field (&p, 2, 2, &ss) || (sep3 = *p++) == '\0'
      || !read_field (&p, 2, fps > 100 ? 3 : 2, &ff) || *p != '\0'
      || sep1 != sep2
      || !(sep1 == ':' || (sep1 == ';' && sep3 == ';'))
      || !(sep3 == ':' || is_drop_separator (sep3)))
    {
      g_autofree char *shown = cr_text_for_message (text);

      g_set_error (error, CR_TIMECODE_ERROR, CR_TIMECODE_ERROR_SYNTAX,
                   "Timecode “%s” is not HH:MM:SS:FF or HH:MM:SS;FF", shown);
      return FALSE;
    }
  if (is_drop_separator (sep3) && !fmt->drop_frame)
    {
      g_autofree char *rate_text = rate_describe (fmt->rate);

      g_set_error (error, CR_TIMECODE_ERROR, CR_TIMECODE_ERROR_SYNTAX,
                   "Timecode “%s” is written as drop-frame but is read as non-drop at %s fps",
                   text, rate_text);
      return FALSE;
    }
  if (hh > 23 || mm > 59 || ss > 59)
    {
      g_set_error (error, CR_TIMECODE_ERROR, CR_TIMECODE_ERROR_RANGE,
                   "Timecode “%s” is out of range: %s past %d", text,
                   hh > 23 ? "hours" : mm > 59 ? "minutes" : "seconds", hh > 23 ? 23 : 59);
      return FALSE;
    }
  if (ff >= fps)
    {
      g_autofree char *rate_text = rate_describe (fmt->rate);

      g_set_error (error, CR_TIMECODE_ERROR, CR_TIMECODE_ERROR_RANGE,
                   "Timecode “%s” is out of range: frames past %d at %s fps", text, fps - 1, rate_text);
      return FALSE;
    }

  frames = (((gint64) hh * 60 + mm) * 60 + ss) * fps + ff;
  if (fmt->drop_frame)
    {
      int drop = drop_count (fps);
      gint64 minutes = (gint64) hh * 60 + mm;

      if (ss == 0 && ff < drop && mm % 10 != 0)
        {
          g_autofree char *rate_text = rate_describe (fmt->rate);

          g_set_error (error, CR_TIMECODE_ERROR, CR_TIMECODE_ERROR_RANGE,
                       "Timecode “%s” does not exist at %s drop-frame: frames 00 to %02d are "
                       "skipped at each minute except every tenth", text, rate_text, drop - 1);
          return FALSE;
        }
      frames -= drop * (minutes - minutes / 10);
    }

  if (out_frames != NULL)
    *out_frames = frames;
  return TRUE;
}

gint64
cr_frames_to_usec (gint64 frames,
                   CrRate rate)
{
  g_return_val_if_fail (rate_is_valid (rate), 0);

  return av_rescale_rnd (frames, (gint64) G_USEC_PER_SEC * rate.den, rate.num, AV_ROUND_NEAR_INF);
}

gint64
cr_usec_to_frames (gint64 usec,
                   CrRate rate)
{
  g_return_val_if_fail (rate_is_valid (rate), 0);

  return av_rescale_rnd (usec, rate.num, (gint64) G_USEC_PER_SEC * rate.den, AV_ROUND_NEAR_INF);
}
