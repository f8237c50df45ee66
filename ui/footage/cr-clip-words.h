/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"
#include "cr-entity.h"

G_BEGIN_DECLS

/* A clip's facts as an editor writes them. */

/* "25", "29.97 DF", "23.976", "59.94"; NULL without a rate. */
char *cr_clip_words_rate      (const CrRecord *clip);
/* The length as timecode at the clip's rate ("00:01:12:05"); NULL when unknown. */
char *cr_clip_words_duration  (CrDb *db, const CrRecord *clip);
/* "1920 × 1080"; NULL without a picture. */
char *cr_clip_words_size      (const CrRecord *clip);
/* "412 MB", "3.2 GB". */
char *cr_clip_words_bytes     (const CrRecord *clip);
/* The recorded date in local time ("Tue 3 Mar 2026, 14:05"), NULL when the file has none. */
char *cr_clip_words_recorded  (const CrRecord *clip);
/* "H.264, AAC stereo, 48 kHz" and so on. */
char *cr_clip_words_codecs    (const CrRecord *clip);

G_END_DECLS
