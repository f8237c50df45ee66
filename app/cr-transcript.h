/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-cues.h"
#include "cr-db.h"
#include "cr-transcripts.h"

G_BEGIN_DECLS

/* A clip's transcript as the user handles it: a file read, its times mapped to the clip's
 * frames and own timecode, its speakers to participants; written back out; and the words
 * found again to make a select. */

/* Reads a transcript file into the clip, replacing any it had (one transaction; on any error
 * nothing changes). offset_us is added to every cue time (a transcript made from a copy that
 * starts elsewhere). speakers: speaker as written -> participant (name or id), or NULL; a
 * speaker not in it is looked up by name. *unmapped gets the speakers matched to no one. */
gboolean   cr_transcript_import      (CrDb *db, gint64 clip, const char *path, gint64 offset_us,
                                      GHashTable *speakers, guint *n_cues, GPtrArray **unmapped,
                                      GError **error);
/* The same from text already read (format CR_CUES_AUTO: from the text). */
gboolean   cr_transcript_import_text (CrDb *db, gint64 clip, const char *data, gsize len,
                                      CrCuesFormat format, gint64 offset_us, GHashTable *speakers,
                                      guint *n_cues, GPtrArray **unmapped, GError **error);

/* The transcript as SubRip or WebVTT (times from the clip's first frame, so it plays against
 * the clip), or as text stamped with the clip's own timecode. */
char      *cr_transcript_to_text     (CrDb *db, gint64 clip, CrCuesFormat format, GError **error);
/* Writes it to path (.srt, .vtt or .txt) through a temporary file. */
gboolean   cr_transcript_export      (CrDb *db, gint64 clip, const char *path, GError **error);

/* The cues [*first, *last] (1-based) whose words hold the quote, compared without case,
 * punctuation or line breaks; FALSE and an error when the quote is not in the transcript. */
gboolean   cr_transcript_find_quote  (CrDb *db, gint64 clip, const char *quote, guint *first,
                                      guint *last, GError **error);
/* The range of cues first..last: in and out on the cue boundaries, the first mapped speaker
 * (0: none) and the cues' words. */
gboolean   cr_transcript_cue_range   (CrDb *db, gint64 clip, guint first, guint last, gint64 *in_frame,
                                      gint64 *out_frame, gint64 *participant, char **words, GError **error);
/* A select over cues first..last: in and out on the cue boundaries, labelled with the quote
 * (or the cues' words), the cues' speaker as its person. Returns the select's id. */
gint64     cr_transcript_add_select  (CrDb *db, gint64 clip, guint first, guint last, const char *label,
                                      GError **error);

/* What the user typed as an FTS5 query: plain words ("food parcels", the shell having eaten
 * the quotes) are a phrase; text with FTS5 syntax (quotes, *, NEAR, OR, AND, NOT) is kept. */
char      *cr_transcript_search_query (const char *words);
/* A new cut of every passage whose words match an FTS5 query, in production order; cues
 * that follow each other in a clip become one event. Returns the cut's id. One transaction. */
gint64     cr_transcript_stringout   (CrDb *db, const char *name, const char *query, GError **error);

G_END_DECLS
