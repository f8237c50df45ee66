/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cut-event"

#include "config.h"

#include "cr-cut-event.h"

struct _CrCutEvent
{
  GObject       parent_instance;

  guint         position;
  char         *source;
  char         *path;
  char         *source_in;
  char         *source_out;
  char         *duration;
  char         *record_in;
  char         *label;
  char         *people;
  gint64        length;
  gboolean      has_video;
  gint64        poster_us;
  CrCutBadge    badge;
  char         *badge_words;
  GdkPaintable *poster;
};

G_DEFINE_FINAL_TYPE (CrCutEvent, cr_cut_event, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_words (CrCutEvent *self)
{
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->source_in, g_free);
  g_clear_pointer (&self->source_out, g_free);
  g_clear_pointer (&self->duration, g_free);
  g_clear_pointer (&self->record_in, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->people, g_free);
}

static void
cr_cut_event_finalize (GObject *object)
{
  CrCutEvent *self = CR_CUT_EVENT (object);

  clear_words (self);
  g_free (self->badge_words);
  g_clear_object (&self->poster);
  G_OBJECT_CLASS (cr_cut_event_parent_class)->finalize (object);
}

static void
cr_cut_event_class_init (CrCutEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cr_cut_event_finalize;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
cr_cut_event_init (CrCutEvent *self)
{
}

/* A length as editors say it: "0:12" or "1:02:03", plus frames when not whole seconds. */
static char *
length_words (gint64 frames,
              CrRate rate)
{
  int fps = MAX (cr_rate_nominal_fps (rate), 1);
  gint64 usec = cr_frames_to_usec (frames, rate);
  gint64 seconds = usec / G_USEC_PER_SEC;
  gint64 rest = frames - cr_usec_to_frames (seconds * G_USEC_PER_SEC, rate);
  g_autofree char *clock = seconds >= 3600
    ? g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d", seconds / 3600, (int) (seconds / 60 % 60), (int) (seconds % 60))
    : g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", seconds / 60, (int) (seconds % 60));

  if (rest > 0 && rest < fps)
    return g_strdup_printf ("%s+%02d", clock, (int) rest);
  return g_steal_pointer (&clock);
}

CrCutEvent *
cr_cut_event_new (const CrTimeline *timeline,
                  guint             position)
{
  CrCutEvent *self = g_object_new (CR_TYPE_CUT_EVENT, NULL);

  cr_cut_event_update (self, timeline, position);
  return self;
}

void
cr_cut_event_update (CrCutEvent       *self,
                     const CrTimeline *timeline,
                     guint             position)
{
  const CrTimelineEvent *te = cr_timeline_get_event (timeline, position - 1);
  const CrTimelineSource *source = cr_timeline_get_source (timeline, te->source);
  CrTimecodeFormat fmt = cr_timeline_source_get_format (source);
  CrTimecodeFormat record_fmt = cr_timeline_get_format (timeline);
  /* The first frame the event shows; a clip with no picture has one waveform for all. */
  gint64 poster_us = source->has_video ? cr_frames_to_usec (te->in, source->rate) : -1;

  /* Another clip's poster, or another point's (a trimmed in point), is not this one's. */
  if (g_strcmp0 (self->path, source->path) != 0 || self->poster_us != poster_us)
    g_clear_object (&self->poster);
  self->poster_us = poster_us;
  clear_words (self);
  self->position = position;
  self->source = g_strdup (cr_timeline_source_get_name (source));
  self->path = g_strdup (source->path);
  self->source_in = cr_timecode_to_string (source->start_tc + te->in, &fmt);
  self->source_out = cr_timecode_to_string (source->start_tc + te->out, &fmt);
  self->length = cr_timeline_event_get_length (timeline, te);
  self->duration = length_words (self->length, timeline->rate);
  self->record_in = cr_timecode_to_string (timeline->record_start + te->record, &record_fmt);
  self->label = g_strdup (te->label ? te->label : te->note);
  self->people = g_strdup (te->participants);
  self->has_video = source->has_video;
}

void
cr_cut_event_changed (CrCutEvent *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

char *
cr_cut_length_words (gint64 frames,
                     CrRate rate)
{
  return length_words (frames, rate);
}

guint
cr_cut_event_get_position (CrCutEvent *self)
{
  return self->position;
}

const char *
cr_cut_event_get_source (CrCutEvent *self)
{
  return self->source;
}

const char *
cr_cut_event_get_path (CrCutEvent *self)
{
  return self->path;
}

const char *
cr_cut_event_get_source_in (CrCutEvent *self)
{
  return self->source_in;
}

const char *
cr_cut_event_get_source_out (CrCutEvent *self)
{
  return self->source_out;
}

const char *
cr_cut_event_get_duration (CrCutEvent *self)
{
  return self->duration;
}

const char *
cr_cut_event_get_record_in (CrCutEvent *self)
{
  return self->record_in;
}

const char *
cr_cut_event_get_label (CrCutEvent *self)
{
  return self->label;
}

const char *
cr_cut_event_get_people (CrCutEvent *self)
{
  return self->people;
}

gint64 cr_cut_event_get_length (CrCutEvent *self) { return self->length; }
gboolean
cr_cut_event_has_video (CrCutEvent *self)
{
  return self->has_video;
}

CrCutBadge
cr_cut_event_get_badge (CrCutEvent *self)
{
  return self->badge;
}

const char *
cr_cut_event_get_badge_words (CrCutEvent *self)
{
  return self->badge_words;
}

GdkPaintable *
cr_cut_event_get_poster (CrCutEvent *self)
{
  return self->poster;
}

gint64
cr_cut_event_get_poster_time (CrCutEvent *self)
{
  return self->poster_us;
}


void
cr_cut_event_set_badge (CrCutEvent *self,
                        CrCutBadge  badge,
                        const char *words)
{
  self->badge = badge;
  g_free (self->badge_words);
  self->badge_words = g_strdup (words);
}

void
cr_cut_event_set_poster (CrCutEvent   *self,
                         GdkPaintable *poster)
{
  if (g_set_object (&self->poster, poster))
    cr_cut_event_changed (self);
}
