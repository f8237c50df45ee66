/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-consent.h"
#include "cr-db.h"
#include "cr-output.h"
#include "cr-timeline.h"
#include "cr-timeline-export.h"

G_BEGIN_DECLS

/* Rough cuts: ordered events (a select, or a range of a clip) with gaps, built into a neutral
 * timeline for the edit-list writers, checked against consent, exported and imported. */

/* Adds an event at `position` (1-based; 0 or past the end: last). With select > 0 the clip
 * and range come from the select. Returns the event's id. One transaction. */
gint64      cr_cut_add_event      (CrDb *db, gint64 cut, gint64 select, gint64 clip, gint64 in,
                                   gint64 out, gint64 gap_before, const char *note, guint position,
                                   GError **error);
/* The same on a sound track ("A1", "A2"…; "V" or NULL: the picture track), after that
 * track's last event: gap_before counts from its end. The error names the field. */
gint64      cr_cut_add_event_on_track (CrDb *db, gint64 cut, const char *track, gint64 select, gint64 clip,
                                       gint64 in, gint64 out, gint64 gap_before, const char *note,
                                       guint position, GError **error);
gboolean    cr_cut_move_event     (CrDb *db, gint64 cut, guint from, guint to, GError **error);
gboolean    cr_cut_remove_event   (CrDb *db, gint64 cut, guint position, GError **error);
gint64      cr_cut_duplicate      (CrDb *db, gint64 cut, const char *name, GError **error);
guint       cr_cut_count_events   (CrDb *db, gint64 cut);

/* A stringout: a new cut of every select that answers one of the questions (in the order
 * given, then by participant, then by clip and in point), or that carries a tag, or has at
 * least a rating. Criteria left NULL / 0 / -1 do not filter. */
typedef struct
{
  GArray     *questions;   /* gint64 ids, or NULL */
  const char *tag;
  int         min_rating;  /* -1: any */
} CrStringout;

gint64      cr_cut_stringout      (CrDb *db, const char *name, const CrStringout *what, GError **error);

/* The cut as a timeline (sources = its clips, with rate, start timecode and length). */
CrTimeline *cr_cut_build_timeline (CrDb *db, gint64 cut, GError **error);
/* The same timeline without what is said, markers and keywords: the sources and the frames. */
CrTimeline *cr_cut_build_timeline_plain (CrDb *db, gint64 cut, GError **error);
/* With each event's label, note, question and people, but not what is said, markers or
 * keywords: what the Cuts page lists. */
CrTimeline *cr_cut_build_timeline_words (CrDb *db, gint64 cut, GError **error);

/* Why an event's person is not cleared, for a window to say it in its own words. */
typedef enum
{
  CR_CLEARANCE_OK,
  CR_CLEARANCE_NOBODY,        /* nobody identified in the event */
  CR_CLEARANCE_MISSING,       /* no consent recorded */
  CR_CLEARANCE_PENDING,       /* asked, not given */
  CR_CLEARANCE_DECLINED,
  CR_CLEARANCE_WITHDRAWN,
  CR_CLEARANCE_EXPIRED,
  CR_CLEARANCE_NO_GUARDIAN,   /* a minor without a guardian */
  CR_CLEARANCE_CHANNEL,       /* the channel is not covered */
  CR_CLEARANCE_MEDIUM,        /* video (or audio) is not covered */
  CR_CLEARANCE_ERASED,        /* the person's data was erased */
} CrClearanceReason;

/* The consent check of one event's one participant (or of an event with nobody in it). */
typedef struct
{
  guint     event;          /* 1-based position */
  char     *source;         /* file name */
  char     *path;
  char     *source_in;      /* source timecodes, out exclusive */
  char     *source_out;
  char     *participant;    /* NULL: nobody is linked to the event */
  char     *status;         /* latest consent status, or "none" */
  char     *naming;
  gboolean  minor;
  char     *problem;        /* NULL when cleared; else the reason in words */
  gint64    participant_id; /* 0: nobody */
  CrClearanceReason reason;
} CrClearance;

void        cr_clearance_free     (CrClearance *row);
/* One row per event and participant (one row for an event with nobody in it), in event order.
 * The people of an event are its select's, its clip's and its clip's interview's; the rule
 * is the same for a select and a plain clip range. This is what the command line, every
 * export and render and the window use. channel (website …) may be NULL: any; on_date NULL:
 * today. */
GPtrArray  *cr_cut_check          (CrDb *db, gint64 cut, const char *channel, const char *on_date,
                                   GError **error);
/* The same, for a timeline already built from the cut. */
GPtrArray  *cr_cut_check_timeline (CrDb *db, gint64 cut, const CrTimeline *timeline, const char *channel,
                                   const char *on_date, GError **error);
guint       cr_clearance_count_problems (GPtrArray *rows);
CrClearanceReason cr_clearance_reason_of (const CrConsentState *state, const char *channel, const char *medium);
/* The warning an override gives: one line per person and reason, NULL when all cleared. */
char       *cr_clearance_override_warning (GPtrArray *rows);
/* The clearance report as CSV (event, source file, timecodes, participant, consent, naming,
 * problem). */
char       *cr_clearance_to_csv   (GPtrArray *rows);

#define CR_CUT_ERROR (cr_cut_error_quark ())
typedef enum
{
  CR_CUT_ERROR_UNCONSENTED,  /* export or render refused: the message counts the problems */
  CR_CUT_ERROR_NO_MATCH,     /* import refused: none of the list's events is of a catalogued clip */
} CrCutError;
GQuark      cr_cut_error_quark    (void);

/* Checks the cut before it leaves Casereel, and refuses (CR_CUT_ERROR_UNCONSENTED, nothing
 * written) when anyone fails the check, unless allow_unconsented. Else *report is
 * PATH.clearance.csv, written to its temp: commit it only once the output is in place, so
 * that a stopped or failed output leaves an earlier file and its report as they were. */
gboolean    cr_cut_clear_for_output (CrDb *db, gint64 cut, const CrTimeline *timeline, const char *path,
                                     const char *channel, gboolean allow_unconsented, GPtrArray **clearance,
                                     CrOutput **report, GError **error);

/* Writes the edit list and, beside it, OUTPUT.clearance.csv, each in place only when both are
 * written. Refuses (CR_CUT_ERROR_UNCONSENTED, nothing written) when any event fails the check,
 * unless allow_unconsented. */
gboolean    cr_cut_export         (CrDb *db, gint64 cut, CrExportFormat format, gconstpointer options,
                                   const char *path, const char *channel, gboolean allow_unconsented,
                                   GPtrArray **clearance, GError **error);

/* Called once an export or a render is whole, before it is renamed into place, with the
 * consent check's rows: what must be recorded for the file to stand (an override chosen in
 * the window) is recorded here, so that a failure leaves an earlier file as it was. */
typedef gboolean (*CrCutPlacingFunc) (GPtrArray *clearance, gpointer data, GError **error);

/* cr_cut_export (), calling `placing` (if not NULL) before the file is put in place. */
gboolean    cr_cut_export_placing (CrDb *db, gint64 cut, CrExportFormat format, gconstpointer options,
                                   const char *path, const char *channel, gboolean allow_unconsented,
                                   CrCutPlacingFunc placing, gpointer placing_data, GPtrArray **clearance,
                                   GError **error);

/* Adds the written file to the delivery log: its absolute path, size and SHA-256, the cut,
 * the channel checked, who is in it and, when the check was overridden, each one's problem.
 * cr_cut_export () and cr_cut_render () call it after a complete write. */
gboolean    cr_cut_log_delivery   (CrDb *db, gint64 cut, const char *path, const char *kind, const char *format,
                                   const char *channel, GPtrArray *clearance, GError **error);

typedef struct
{
  const char *channel;            /* for the consent check; NULL: any */
  gboolean    allow_unconsented;
  gboolean    burn_timecode;      /* each frame's source timecode */
  gboolean    burn_names;         /* who is speaking, as their consent's naming level allows */
  CrCutPlacingFunc placing;       /* NULL, or called before the review copy is put in place */
  gpointer    placing_data;
} CrCutRenderOptions;

/* A review copy (H.264/AAC MP4) at the cut's size and rate, after the same consent check as
 * an export, with its report as an export's. Blocking: run it in a worker. progress: frames
 * done of total. */
gboolean    cr_cut_render         (CrDb *db, gint64 cut, const char *path, const CrCutRenderOptions *options,
                                   void (*progress) (gint64 done, gint64 total, gpointer user_data),
                                   gpointer user_data, GCancellable *cancellable, GPtrArray **clearance,
                                   GError **error);

/* Reads an EDL, OTIO or FCPXML file (or .fcpxmld bundle) into a new cut named `name`, matching sources to catalogued clips
 * by path, file name or reel name. *unmatched lists the sources it could not match (their
 * events are left out); when none matches, refuses (CR_CUT_ERROR_NO_MATCH) and adds no cut. rate: for an EDL without a rate comment; {0,0}: the production's. */
/* The name a cut imported from `path` is given: the file's, without its extension. */
char       *cr_cut_import_name    (const char *path);
gint64      cr_cut_import         (CrDb *db, const char *path, const char *name, CrRate rate,
                                   GPtrArray **unmatched, GError **error);
/* The same, and *warnings lists what the reader read otherwise than written (a dissolve as a
 * cut at its centre, a second track left out), one line each. */
gint64      cr_cut_import_full    (CrDb *db, const char *path, const char *name, CrRate rate,
                                   GPtrArray **unmatched, GPtrArray **warnings, GError **error);

G_END_DECLS
