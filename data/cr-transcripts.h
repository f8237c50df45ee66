/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* A clip's transcript: its cues in frames of the clip's own rate, and a full-text search
 * (FTS5) across every transcript of the production. */

typedef struct
{
  gint64  clip;
  char   *clip_name;         /* read back only */
  guint   position;          /* 1-based, in the clip */
  gint64  in_frame;          /* [in, out) from the clip's first frame */
  gint64  out_frame;
  char   *speaker;           /* as the transcript names them, or NULL */
  gint64  participant;       /* 0: not mapped to anyone */
  char   *participant_name;  /* read back only */
  char   *text;
  char   *marked;            /* search only: the text with each match between the marks */
} CrTranscriptCue;

void       cr_transcript_cue_free  (CrTranscriptCue *cue);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrTranscriptCue, cr_transcript_cue_free)

/* One transaction: the clip's transcript becomes these cues (numbered in order). */
gboolean   cr_transcript_replace   (CrDb *db, gint64 clip, GPtrArray *cues, GError **error);
/* The clip's cues in order (an empty array without a transcript). */
GPtrArray *cr_transcript_cues      (CrDb *db, gint64 clip, GError **error);
/* One transaction; returns how many cues went, or -1 with error set. */
gint64     cr_transcript_remove    (CrDb *db, gint64 clip, GError **error);

/* Cues whose text matches an FTS5 query ("food parcels" as a phrase, parc*, NEAR(a b, 5)),
 * in production order (the interview's start, the clip's name, the cue's place); at most
 * limit (0: all). A query FTS5 cannot read is CR_DB_ERROR_INVALID. */
GPtrArray *cr_transcript_search    (CrDb *db, const char *query, const char *mark_open,
                                    const char *mark_close, guint limit, GError **error);

/* What was said in a select (or a cut's event): the text of the cues it overlaps. */
typedef struct
{
  gint64  select;            /* 0: a cut event without a select */
  gint64  clip;
  char   *clip_name;
  gint64  in_frame, out_frame;
  char   *label;
  gint64  question;          /* 0: answers no question */
  char   *question_text;
  gint64  participant;       /* the select's first person, else its first cue's speaker; 0: nobody */
  char   *text;
} CrTranscriptPassage;

void       cr_transcript_passage_free (CrTranscriptPassage *passage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrTranscriptPassage, cr_transcript_passage_free)

/* The passages with transcript text of a cut's events (cut > 0), or of every select, ordered
 * by question (in question order, none last), then the cut's order or clip and in point. */
GPtrArray *cr_transcript_passages  (CrDb *db, gint64 cut, GError **error);

/* The words of the cues a range of a clip overlaps, joined (NULL when none), for many
 * ranges in a row: the query is prepared once. */
typedef struct _CrTranscriptWords CrTranscriptWords;

CrTranscriptWords *cr_transcript_words_new  (CrDb *db, GError **error);
char              *cr_transcript_words_get  (CrTranscriptWords *words, gint64 clip, gint64 in_frame,
                                             gint64 out_frame);
void               cr_transcript_words_free (CrTranscriptWords *words);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrTranscriptWords, cr_transcript_words_free)

G_END_DECLS
