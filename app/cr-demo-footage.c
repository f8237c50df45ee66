/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-demo"

#include "config.h"

#include <glib/gstdio.h>

#include "cr-cut.h"
#include "cr-clip-tags.h"
#include "cr-demo-private.h"
#include "cr-indexer.h"
#include "cr-store.h"
#include "cr-suggest.h"
#include "cr-testcard.h"

#define ZONE "Europe/London"

typedef struct
{
  const char *folder;    /* under the media folder */
  const char *name;
  int         day;       /* 1 or 2 */
  const char *start;     /* time-of-day timecode, as the camera ran it */
  const char *rate;      /* "25", "29.97", "23.976" */
  double      seconds;
  const char *people;    /* who is in it, one per line */
} DemoClip;

/* Camera A (25 fps) on the interviews; camera B (29.97 drop-frame) on b-roll in folders
 * named after the shot numbers; a drone at 23.976. */
static const DemoClip clips[] = {
  { "card-A", "A001.MOV", 1, "10:05:00:00", "25", 8, "Ana Silva" },
  { "card-A", "A002.MOV", 1, "11:35:00:00", "25", 8, "Tomasz Nowak" },
  { "card-A", "A003.MOV", 1, "14:05:00:00", "25", 8, "Grace Mensah\nLeo Mensah" },
  { "card-A", "A004.MOV", 1, "14:50:00:00", "25", 8, "David Hughes" },
  { "card-A", "A005.MOV", 2, "10:05:00:00", "25", 8, "Fatima Begum" },
  { "card-A", "A006.MOV", 2, "11:35:00:00", "25", 8, "Sam Carter" },
  { "card-A", "A007.MOV", 2, "14:05:00:00", "25", 8, "Hannah Reid" },
  { "card-B/2A", "B001.MOV", 1, "12:20:00;00", "29.97", 5, NULL },
  { "card-B/2B", "B002.MOV", 1, "12:25:00;02", "29.97", 5, NULL },
  { "card-B/5A", "B003.MOV", 1, "15:20:10;00", "29.97", 5, NULL },
  { "drone/1A", "C001.MOV", 1, "09:30:00:00", "23.976", 5, NULL },
  { "drone/3A", "C002.MOV", 2, "10:50:00:00", "23.976", 5, NULL },
};

typedef struct
{
  const DemoClip *clip;
  char           *path;
  char           *recorded_at;
  guint           look;
  GError         *error;
} ClipJob;

static char *
recorded_at (const CrDemoDays *days,
             int               day,
             const char       *start)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);

  int y, mo, d, h, mi, s;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (sscanf (day == 1 ? days->day1 : days->day2, "%d-%d-%d", &y, &mo, &d) != 3
      || sscanf (start, "%d:%d:%d", &h, &mi, &s) != 3)
    return NULL;
  if (zone == NULL)
    zone = g_time_zone_new_utc ();   /* without tzdata the demo is still whole */
  local = g_date_time_new (zone, y, mo, d, h, mi, s);
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000000Z");
}

static void
write_clip (gpointer data,
            gpointer user_data)
{
  ClipJob *job = data;
  CrTestcardClip card = { 0 };

  if (!cr_rate_parse (job->clip->rate, &card.format.rate, &job->error))
    return;
  card.format.drop_frame = cr_timecode_text_is_drop (job->clip->start);
  card.start = job->clip->start;
  card.frames = (gint64) (job->clip->seconds * card.format.rate.num / card.format.rate.den + 0.5);
  card.width = 512;
  card.height = 288;
  card.tone_hz = 440 + 110 * (int) job->look;
  card.look = job->look;
  card.recorded_at = job->recorded_at;
  cr_testcard_write_clip (job->path, &card, &job->error);
}

static gboolean
write_sound (const char        *media,
             const CrDemoDays  *days,
             GError           **error)
{
  g_autofree char *folder = g_build_filename (media, "zoom-f8", NULL);
  g_autofree char *first = g_build_filename (folder, "ZOOM0001.WAV", NULL);
  g_autofree char *second = g_build_filename (folder, "ZOOM0002.WAV", NULL);
  CrTestcardSound sound = {
    .format = { { 25, 1 }, FALSE }, .start = "10:05:00:00", .seconds = 10, .sample_rate = 48000,
    .tone_hz = 1000, .scene = "4A", .take = "1", .project = "Riverside", .originator = "ZOOM F8n",
    .date = days->day1,
  };

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", folder, g_strerror (saved));
      return FALSE;
    }
  if (!cr_testcard_write_bwf (first, &sound, error))
    return FALSE;
  sound.start = "14:05:00:00";
  sound.scene = "6";
  sound.tone_hz = 800;
  return cr_testcard_write_bwf (second, &sound, error);
}

/* Writes the clips two at a time: this is most of the demo's time. */
static gboolean
write_clips (const char        *media,
             const CrDemoDays  *days,
             GError           **error)
{
  ClipJob jobs[G_N_ELEMENTS (clips)] = { 0 };
  GThreadPool *pool = g_thread_pool_new (write_clip, NULL, CLAMP ((int) g_get_num_processors (), 1, 4),
                                         FALSE, NULL);
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (clips); i++)
    {
      g_autofree char *folder = g_build_filename (media, clips[i].folder, NULL);

      jobs[i].clip = &clips[i];
      jobs[i].path = g_build_filename (folder, clips[i].name, NULL);
      jobs[i].recorded_at = recorded_at (days, clips[i].day, clips[i].start);
      jobs[i].look = i;
      if (g_mkdir_with_parents (folder, 0755) != 0)
        {
          int saved = errno;
          g_set_error (&jobs[i].error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", folder,
                       g_strerror (saved));
          continue;
        }
      g_thread_pool_push (pool, &jobs[i], NULL);
    }
  g_thread_pool_free (pool, FALSE, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (clips); i++)
    {
      if (ok && jobs[i].error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&jobs[i].error));
          ok = FALSE;
        }
      g_clear_error (&jobs[i].error);
      g_free (jobs[i].path);
      g_free (jobs[i].recorded_at);
    }
  return ok;
}

typedef struct
{
  const char *clip;
  gint64      in, out;
  const char *question;
  const char *rating;
  const char *people;
  const char *label;
} DemoSelect;

static const DemoSelect selects[] = {
  { "A001.MOV", 25, 100, "1", "5", "Ana Silva", "the first visit" },
  { "A001.MOV", 110, 190, "3", "4", "Ana Silva", "what the grant paid for" },
  { "A002.MOV", 20, 120, "2", "5", "Tomasz Nowak", "a friend from work" },
  { "A003.MOV", 10, 90, "1", "3", "Grace Mensah", "we eat together again" },
  { "A003.MOV", 100, 180, "4", "4", "Leo Mensah", "I sort the tins" },
  { "A004.MOV", 30, 150, "3", "5", "David Hughes", "numbers the funder should see" },
  { "A005.MOV", 15, 110, "1", "4", "Fatima Begum", "growing our own" },
  { "A006.MOV", 20, 100, "2", "3", "Sam Carter", "the first winter" },
  { "A007.MOV", 40, 160, "2", "4", "Hannah Reid", "how referrals work" },
  { "B001.MOV", 0, 120, NULL, "4", NULL, "shelves filling up" },
};

static gboolean
log_footage (CrDb    *db,
             GError **error)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  static const char * const broll[] = { "b-roll", NULL };
  gint64 id;

  /* Which interview and shot each clip belongs to, as the user would accept the guesses. */
  if (!(suggestions = cr_suggest_links (db, error)) || !cr_suggest_apply (db, suggestions, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (clips); i++)
    {
      g_autoptr(CrRecord) changes = cr_record_new (&cr_entity_clip);

      if (clips[i].people == NULL)
        continue;
      cr_record_set (changes, "participants", clips[i].people);
      cr_record_set (changes, "rating", "3");
      if (!cr_store_resolve (db, &cr_entity_clip, clips[i].name, &id, error)
          || !cr_store_update (db, &cr_entity_clip, id, changes, error))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (selects); i++)
    {
      g_autofree char *in = g_strdup_printf ("%" G_GINT64_FORMAT, selects[i].in);
      g_autofree char *out = g_strdup_printf ("%" G_GINT64_FORMAT, selects[i].out);

      if (!cr_demo_insert (db, &cr_entity_select, error, "clip", selects[i].clip, "in_frame", in,
                           "out_frame", out, "question", selects[i].question, "rating", selects[i].rating,
                           "participants", selects[i].people, "label", selects[i].label, NULL))
        return FALSE;
    }
  if (!cr_demo_insert (db, &cr_entity_marker, error, "clip", "A001.MOV", "frame", "60",
                       "note", "Laughs: a good place to cut", NULL)
      || !cr_demo_insert (db, &cr_entity_marker, error, "clip", "A004.MOV", "frame", "140",
                          "note", "Plane overhead", NULL))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (clips); i++)
    if (clips[i].people == NULL
        && (!cr_store_resolve (db, &cr_entity_clip, clips[i].name, &id, error)
            || !cr_clip_tags_change (db, id, broll, FALSE, error)))
      return FALSE;
  return TRUE;
}

/* "Answers" strings out three questions and includes people who may not be shown on the
 * website; "Best answers" keeps the five-star moments, all cleared for it. Leo's answer is
 * not one of them: his clip and interview also show his mother, who allowed the funder's
 * report only, and everyone in a clip's interview is in each of its events. */
static gboolean
cut (CrDb    *db,
     GError **error)
{
  g_autoptr(GArray) questions = g_array_new (FALSE, FALSE, sizeof (gint64));
  CrStringout answers = { .questions = questions, .min_rating = -1 };
  CrStringout best = { .min_rating = 5 };

  for (gint64 q = 1; q <= 3; q++)
    g_array_append_val (questions, q);
  return cr_cut_stringout (db, "Answers", &answers, error) != 0
         && cr_cut_stringout (db, "Best answers", &best, error) != 0;
}

gboolean
cr_demo_footage (CrDb              *db,
                 const CrDemoDays  *days,
                 const char        *media,
                 GCancellable      *cancellable,
                 GError           **error)
{
  const char *folders[] = { media, NULL };
  CrIndexProgress result;
  gint64 start = g_get_monotonic_time ();

  if (!write_clips (media, days, error) || !write_sound (media, days, error))
    return FALSE;
  g_debug ("footage written in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  if (!cr_index_folders (db, folders, NULL, NULL, cancellable, &result, error))
    return FALSE;
  g_debug ("footage indexed in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  if (result.failed > 0)
    {
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "%s: %u of the demo's files could not be read",
                   media, result.failed);
      return FALSE;
    }
  return log_footage (db, error) && cut (db, error);
}
