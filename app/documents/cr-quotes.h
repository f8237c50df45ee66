/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-consent.h"
#include "cr-writing.h"

G_BEGIN_DECLS

/* The quotes for a written case study: what people said in the selects (or a cut), grouped by
 * question, each attributed as the person's current consent allows, and the ones left out. */

typedef struct
{
  gint64      cut;                /* 0: every select with transcript text */
  GArray     *questions;          /* gint64 ids to keep, or NULL for all */
  const char *channel;            /* the consent must cover it; NULL: any channel */
  const char *on_date;            /* YYYY-MM-DD; NULL: today */
} CrQuotesOptions;

typedef struct
{
  gint64  question;               /* 0: answers no question */
  char   *question_text;
  char   *text;
  char   *attribution;            /* as the consent allows: never a minor's surname */
} CrQuote;

typedef struct
{
  char *who;                      /* a minor by first name only */
  char *where;                    /* clip and source timecode */
  char *reason;
} CrQuoteLeftOut;

typedef struct
{
  GPtrArray *quotes;              /* CrQuote, by question in question order */
  GPtrArray *left_out;            /* CrQuoteLeftOut */
} CrQuotes;

void      cr_quotes_free        (CrQuotes *quotes);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrQuotes, cr_quotes_free)

CrQuotes *cr_quotes_gather      (CrDb *db, const CrQuotesOptions *options, GError **error);

/* How a person is named beside a quote: "Ana Silva, Volunteer, Riverside Food Bank" (full
 * name), "Ana" (first name; a minor at most this), or "a parent" (anonymous: from role and
 * kind, never the name). */
char     *cr_quotes_attribution (const CrRecord *participant, const CrConsentState *state);

/* Adds the quotes under their questions (subheading level), then nothing else. */
void      cr_quotes_add_quotes  (const CrQuotes *quotes, CrWriting *writing, CrWritingKind heading,
                                 GArray *only_questions);
/* Adds the list of what was left out and why, for the producer. */
void      cr_quotes_add_left_out (const CrQuotes *quotes, CrWriting *writing);

/* The quotes document (.md, .html, .docx). Refuses (CR_CUT_ERROR_UNCONSENTED, nothing
 * written) when anything was left out, unless allow_unconsented: then it is written with the
 * list at the end. */
gboolean  cr_quotes_write       (CrDb *db, const CrQuotesOptions *options, gboolean allow_unconsented,
                                 const char *path, CrQuotes **result, GError **error);

/* The refusal, one line: how many left out and the first reasons. */
void      cr_quotes_refuse      (const CrQuotes *quotes, const char *path, GError **error);

G_END_DECLS
