/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-entity.h"

G_BEGIN_DECLS

/* A store's error as a form says it, without SQL: "UNIQUE constraint failed: location.name"
 * becomes "location name: another location already has this name" (still naming the field,
 * so that the form can mark it); the file's path is left out, the form knows its file. */
char *cr_error_words (const CrEntity *entity,
                      const GError   *error);

/* Why the production file failed, in plain words and lower case, to follow a colon:
 * "another program kept the production file locked; try again", "the production file may
 * be damaged" (for SQLite's "no such table", "SQL logic error" …);
 * @writing adds that nothing was changed. A message that is words already (validation, a
 * missing row or file, any other domain's) comes back as it is. */
char *cr_error_words_reason (const GError *error,
                             gboolean      writing);
/* One line for a failed read of @what ("the schedule"): "Could not read the schedule: the
 * production file is damaged". The store's own words (a field that failed validation, a
 * row or file not found) come back unchanged: they name what they are about. */
char *cr_error_words_read   (const GError *error,
                             const char   *what);
/* The same for a write of @what that is no entity's form: "Could not save the transcript:
 * …; nothing was changed". */
char *cr_error_words_write  (const GError *error,
                             const char   *what);
/* The same as a line that stands alone (under a strip or a table, not beside the field in a
 * form): the field named in front in words, "Out: the out point must come after the in
 * point". `titles` pairs fields with what the line calls them ("out_frame", "Out", …, NULL);
 * a field not among them is called as the forms call it. */
char *cr_error_words_line (const CrEntity     *entity,
                           const GError       *error,
                           const char * const *titles);

/* A field's title and the store's reason as one line: "Email: “x” is not an email address",
 * "Name is required", "Expires must be after the consent date 2026-05-01". */
char *cr_error_words_titled (const char *title,
                             const char *reason);

G_END_DECLS
