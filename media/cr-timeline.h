/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-timecode.h"

G_BEGIN_DECLS

/* A neutral timeline: what every edit-list writer reads and every reader builds. One track of
 * events, in record order, each a range of a source; gaps between events are allowed, overlaps
 * are not. All positions are frames: source ranges at the source's own rate, record positions
 * at the timeline's rate. Nothing here knows about the store or FFmpeg. The structs are plain
 * data: a caller may set an event's strings directly (g_strdup'd; the timeline frees them). */

#define CR_TIMELINE_ERROR (cr_timeline_error_quark ())

typedef enum
{
  CR_TIMELINE_ERROR_INVALID,     /* a source, event or range that cannot be written */
  CR_TIMELINE_ERROR_PARSE,       /* an edit list that cannot be read (the message names the line) */
  CR_TIMELINE_ERROR_WRITE,       /* the output file could not be written */
} CrTimelineError;

typedef struct
{
  char     *path;            /* absolute file path of the media */
  char     *name;            /* display name; NULL: the path's base name */
  CrRate    rate;            /* the rate the source's frames and timecode count at */
  gboolean  drop_frame;      /* its timecode is drop-frame (29.97, 59.94) */
  gint64    start_tc;        /* start timecode, frames since 00:00:00:00 at rate */
  gint64    duration;        /* available media, frames at rate */
  gboolean  has_video;
  int       audio_channels;  /* 0: no audio */
  int       width;           /* picture size, 0 when unknown (cr_timeline_source_set_size) */
  int       height;
  char     *reel;            /* an EDL's reel, when a clip name names the source; else NULL */
} CrTimelineSource;

typedef struct
{
  gint64  frame;             /* source frame (same basis as the event's in/out) */
  char   *note;
} CrTimelineMarker;

typedef struct
{
  guint       source;        /* index into the timeline's sources */
  gint64      in;            /* first source frame, 0 = the first frame of the media */
  gint64      out;           /* exclusive end, frames at the source's rate */
  gint64      record;        /* timeline frames from the record start */
  char       *label;         /* the select's label, or NULL */
  char       *participants;  /* who is in it, as shown to people ("Ann Lee, Bo Chen"), or NULL */
  char       *question;      /* the question it answers, or NULL */
  char       *note;          /* NULL: none */
  GArray     *markers;       /* CrTimelineMarker, frames inside [in, out) */
  GPtrArray  *keywords;      /* char * */
  char       *transcript;    /* what is said in it (the clip's transcript), or NULL */
  guint       line;          /* the edit list's line it was read from, for messages; 0 if none */
  guint       track;         /* 0: the picture track V (picture and sound); n: sound track An */
  guint       position;      /* the cut's event number it was read from, 0 if none */
} CrTimelineEvent;

typedef struct
{
  char       *name;
  CrRate      rate;
  gboolean    drop_frame;
  int         width;
  int         height;
  gint64      record_start;  /* frames since 00:00:00:00 at rate (01:00:00:00 by default) */
  GPtrArray  *sources;       /* CrTimelineSource * */
  GPtrArray  *events;        /* CrTimelineEvent *, in record order */
  /* What a reader read otherwise than written (a dissolve as a cut, a second track left out):
   * one line each, naming the line or item, for the user. */
  GPtrArray  *warnings;      /* char * */
  /* Where each line of split sound went (CrTimelineSound): char *, NULL until one is noted. */
  GPtrArray  *sound[3];
  /* Sound only, on the tracks A1, A2…, overlapping the picture as editors lay it: by track,
   * each track in record order without overlaps (cr_timeline_add_sound_event). */
  GPtrArray  *sound_events;  /* CrTimelineEvent * */
} CrTimeline;

/* What a reader did with sound on a line or track of its own. A picture event plays its
 * clip's picture and sound, so that sound is joined to it; other sound goes on a sound track,
 * or (a reader that cannot place it) is left out; the readers say which in one line
 * (cr_timeline_add_sound_summary). */
typedef enum
{
  CR_TIMELINE_SOUND_JOINED,      /* the same range of the same clip as its picture event */
  CR_TIMELINE_SOUND_ALONE,       /* any other sound: an event on a sound track */
  CR_TIMELINE_SOUND_LEFT_OUT,    /* under another event's picture */
} CrTimelineSound;

GQuark             cr_timeline_error_quark        (void);

/* A timeline with no sources or events; record start 01:00:00:00 at the rate. */
CrTimeline        *cr_timeline_new                (const char *name,
                                                   CrRate      rate,
                                                   gboolean    drop_frame,
                                                   int         width,
                                                   int         height);
void               cr_timeline_free               (CrTimeline *timeline);

/* Returns the new source's index. The strings are copied. */
guint              cr_timeline_add_source         (CrTimeline  *timeline,
                                                   const char  *path,
                                                   const char  *name,
                                                   CrRate       rate,
                                                   gboolean     drop_frame,
                                                   gint64       start_tc,
                                                   gint64       duration,
                                                   gboolean     has_video,
                                                   int          audio_channels);
/* Appends an event at record position `record` (use cr_timeline_get_duration for "right after
 * the last event"). Returns it (owned by the timeline) so that the caller can fill in text,
 * markers and keywords with the helpers below. */
CrTimelineEvent   *cr_timeline_add_event          (CrTimeline *timeline,
                                                   guint       source,
                                                   gint64      in,
                                                   gint64      out,
                                                   gint64      record);
/* Appends a sound-only event on track `track` (1 for A1…) at `record`, after the events
 * already on that track; the events stay ordered by track. */
CrTimelineEvent   *cr_timeline_add_sound_event    (CrTimeline *timeline,
                                                   guint       track,
                                                   guint       source,
                                                   gint64      in,
                                                   gint64      out,
                                                   gint64      record);
/* Every track's events: the picture's (0 … events->len - 1), then the sound tracks'. */
guint              cr_timeline_count_all_events   (const CrTimeline *timeline);
CrTimelineEvent   *cr_timeline_get_any_event      (const CrTimeline *timeline,
                                                   guint             index);
/* The highest sound track that holds an event (0: none). */
guint              cr_timeline_get_sound_tracks   (const CrTimeline *timeline);
/* A track's name as editors write it: "V", "A1", "A2"… */
char              *cr_timeline_track_name         (guint track);
void               cr_timeline_event_add_marker   (CrTimelineEvent *event,
                                                   gint64           frame,
                                                   const char      *note);
void               cr_timeline_event_add_keyword  (CrTimelineEvent *event,
                                                   const char      *keyword);

void               cr_timeline_add_warning        (CrTimeline *timeline,
                                                   const char *format,
                                                   ...) G_GNUC_PRINTF (2, 3);

void               cr_timeline_note_sound         (CrTimeline      *timeline,
                                                   CrTimelineSound  what,
                                                   const char      *where);
/* Adds one warning that says what was done with the split sound noted, naming a few of the
 * lines or items ("EDL split sound: 2 lines joined their picture's event (lines 5, 7); ..."),
 * or nothing when none was noted. `format` names the file's format ("EDL"), `item` what holds
 * the sound in it ("line"). */
void               cr_timeline_add_sound_summary  (CrTimeline      *timeline,
                                                   const char      *format,
                                                   const char      *item);

/* The source's picture size, for writers that describe the media (FCPXML formats). */
void               cr_timeline_source_set_size    (CrTimeline  *timeline,
                                                   guint        source,
                                                   int          width,
                                                   int          height);

const CrTimelineSource *cr_timeline_get_source    (const CrTimeline *timeline,
                                                   guint             index);
const CrTimelineEvent  *cr_timeline_get_event     (const CrTimeline *timeline,
                                                   guint             index);
/* The source's display name: its name, or the path's base name. */
const char        *cr_timeline_source_get_name    (const CrTimelineSource *source);

/* Every source known and its rate valid, every range non-empty and inside its source's
 * available media, markers inside their event, events in record order without overlaps.
 * The error names the event ("event 3 (interview.mov): out 00:10:00:00 is past the end ..."). */
gboolean           cr_timeline_validate           (const CrTimeline *timeline,
                                                   GError          **error);

/* An event's length in timeline frames: exact when the rates match, otherwise
 * (out - in) × timeline rate / source rate, rounded to the nearest frame (halves up). */
gint64             cr_timeline_event_get_length   (const CrTimeline      *timeline,
                                                   const CrTimelineEvent *event);
/* A source frame count or position expressed in timeline frames (same rounding). */
gint64             cr_timeline_source_to_record   (const CrTimeline       *timeline,
                                                   const CrTimelineSource *source,
                                                   gint64                  frames);
/* The end of the last event on any track, in timeline frames from the record start. */
gint64             cr_timeline_get_duration       (const CrTimeline *timeline);

/* A reader gives sources whose start timecode it does not know a start of 0 (in/out are then
 * timecode frame numbers). Once the caller has matched the source to a catalogued clip, this
 * shifts every event of that source to the clip's real start timecode and sets its duration. */
void               cr_timeline_rebase_source      (CrTimeline *timeline,
                                                   guint       source,
                                                   gint64      start_tc,
                                                   gint64      duration);

/* The timeline's and a source's timecode formats. */
CrTimecodeFormat   cr_timeline_get_format         (const CrTimeline *timeline);
CrTimecodeFormat   cr_timeline_source_get_format  (const CrTimelineSource *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrTimeline, cr_timeline_free)

G_END_DECLS
