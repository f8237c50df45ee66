/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* consent_now read in another thread, on a second connection, while the caller reads
 * something else of the same file (cr-consent-now-reader.c). */
typedef struct
{
  gint64      participant;
  const char *facts;       /* each followed by a NUL */
  int         facts_len;
  const char *grant;       /* NULL: the grant is the latest record, or there is none */
  int         grant_len;
} CrConsentNowRow;

typedef struct
{
  GArray    *rows;         /* CrConsentNowRow, in participant order */
  GPtrArray *blocks;       /* the values' bytes */
} CrConsentNowRows;

typedef struct _CrConsentNowReading CrConsentNowReading;

/* Returns once the read has its snapshot of the file: what the caller reads after this,
 * on its own connection, is checked against it by _finish (). NULL when no thread could
 * be started. @reader is the thread's until _finish (). */
CrConsentNowReading *cr_consent_now_reading_start  (CrDb *reader);
/* The rows, or NULL (no error: read again on one connection) when they could not be read
 * or a commit came between this snapshot and the caller's. */
CrConsentNowRows    *cr_consent_now_reading_finish (CrConsentNowReading *reading);
void                 cr_consent_now_rows_free      (CrConsentNowRows *rows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrConsentNowRows, cr_consent_now_rows_free)

G_END_DECLS
