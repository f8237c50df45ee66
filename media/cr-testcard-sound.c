/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-media"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cr-media.h"
#include "cr-testcard.h"

/* A Broadcast WAV as a field recorder writes it: fmt, bext (with the time reference in
 * samples since midnight), iXML (speed, scene, take) and the data. */

#define BEXT_SIZE 602   /* the fixed part, EBU Tech 3285 */

static void
put_le (GByteArray *out,
        guint64     value,
        guint       bytes)
{
  for (guint i = 0; i < bytes; i++)
    {
      guint8 b = (guint8) (value >> (8 * i));
      g_byte_array_append (out, &b, 1);
    }
}

static void
put_fixed (GByteArray *out,
           const char *text,
           gsize       size)
{
  gsize len = text ? MIN (strlen (text), size) : 0;
  guint8 zero = 0;

  g_byte_array_append (out, (const guint8 *) text, (guint) len);
  for (gsize i = len; i < size; i++)
    g_byte_array_append (out, &zero, 1);
}

static void
put_chunk (GByteArray *out,
           const char *id,
           const void *body,
           gsize       size)
{
  guint8 pad = 0;

  g_byte_array_append (out, (const guint8 *) id, 4);
  put_le (out, size, 4);
  g_byte_array_append (out, body, (guint) size);
  if (size & 1)
    g_byte_array_append (out, &pad, 1);
}

static char *
speed_text (const CrTimecodeFormat *fmt)
{
  g_autofree char *rate = cr_rate_to_string (fmt->rate);

  return g_strdup_printf ("%s%s", rate, fmt->drop_frame ? "-DF" : "-ND");
}

gboolean
cr_testcard_write_bwf (const char             *path,
                       const CrTestcardSound  *sound,
                       GError                **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GByteArray) bext = g_byte_array_new ();
  g_autoptr(GByteArray) fmt = g_byte_array_new ();
  g_autofree char *speed = speed_text (&sound->format);
  g_autofree char *rate = cr_rate_to_string (sound->format.rate);
  g_autofree char *description = NULL, *ixml = NULL;
  gint64 start, n_samples = (gint64) (sound->seconds * sound->sample_rate);
  gint64 time_reference;
  gint16 *samples;

  if (sound->sample_rate <= 0 || n_samples <= 0)
    {
      g_set_error (error, CR_MEDIA_ERROR, CR_MEDIA_ERROR_INVALID, "%s: a recording needs a rate and a length", path);
      return FALSE;
    }
  if (!cr_timecode_parse (sound->start, &sound->format, &start, error))
    return FALSE;
  /* Samples since midnight: the frame count at the real rate. */
  time_reference = start * sound->sample_rate * sound->format.rate.den / sound->format.rate.num;

  put_le (fmt, 1, 2);                           /* PCM */
  put_le (fmt, 1, 2);                           /* mono */
  put_le (fmt, (guint64) sound->sample_rate, 4);
  put_le (fmt, (guint64) sound->sample_rate * 2, 4);
  put_le (fmt, 2, 2);
  put_le (fmt, 16, 2);

  description = g_strdup_printf ("sSPEED=%s\r\nsSCENE=%s\r\nsTAKE=%s\r\nsTRK1=Boom\r\n",
                                 speed, sound->scene, sound->take);
  put_fixed (bext, description, 256);
  put_fixed (bext, sound->originator, 32);
  put_fixed (bext, "CASEREEL-DEMO", 32);
  put_fixed (bext, sound->date, 10);
  put_fixed (bext, sound->start, 8);            /* "HH:MM:SS" of the label */
  put_le (bext, (guint64) time_reference & 0xffffffffu, 4);
  put_le (bext, (guint64) time_reference >> 32, 4);
  put_le (bext, 1, 2);                          /* version */
  put_fixed (bext, NULL, BEXT_SIZE - bext->len);

  ixml = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BWFXML>\n"
                          "<IXML_VERSION>1.61</IXML_VERSION>\n<PROJECT>%s</PROJECT>\n"
                          "<SCENE>%s</SCENE>\n<TAKE>%s</TAKE>\n<SPEED>\n"
                          "<TIMECODE_RATE>%s</TIMECODE_RATE>\n<TIMECODE_FLAG>%s</TIMECODE_FLAG>\n"
                          "</SPEED>\n<TRACK_LIST>\n<TRACK_COUNT>1</TRACK_COUNT>\n<TRACK>\n"
                          "<CHANNEL_INDEX>1</CHANNEL_INDEX>\n<NAME>Boom</NAME>\n</TRACK>\n"
                          "</TRACK_LIST>\n</BWFXML>\n",
                          sound->project, sound->scene, sound->take, rate,
                          sound->format.drop_frame ? "DF" : "NDF");

  g_byte_array_append (out, (const guint8 *) "RIFF\0\0\0\0WAVE", 12);
  put_chunk (out, "fmt ", fmt->data, fmt->len);
  put_chunk (out, "bext", bext->data, bext->len);
  put_chunk (out, "iXML", ixml, strlen (ixml));
  samples = g_new (gint16, n_samples);
  for (gint64 i = 0; i < n_samples; i++)
    samples[i] = GINT16_TO_LE ((gint16) (5000 * sin (2 * G_PI * sound->tone_hz * (double) i / sound->sample_rate)));
  put_chunk (out, "data", samples, (gsize) n_samples * 2);
  g_free (samples);
  out->data[4] = (guint8) (out->len - 8);
  out->data[5] = (guint8) ((out->len - 8) >> 8);
  out->data[6] = (guint8) ((out->len - 8) >> 16);
  out->data[7] = (guint8) ((out->len - 8) >> 24);

  /* g_file_set_contents writes a temporary file and renames it into place. */
  return g_file_set_contents (path, (const char *) out->data, out->len, error);
}
