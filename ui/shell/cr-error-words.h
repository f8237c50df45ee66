/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-entity.h"

G_BEGIN_DECLS

/* A store's error as a form says it, without SQL: "UNIQUE constraint failed: location.name"
 * becomes "location name: another location already has this name" (still naming the field,
 * so that the form can mark it); the file's path is left out, the form knows its file. */
char *cr_error_words (const CrEntity *entity,
                      const GError   *error);

/* The same as a line that stands alone (under a strip or a table, not beside the field in a
 * form): the field named in front in words, "Out: the out point must come after the in
 * point". `titles` pairs fields with what the line calls them ("out_frame", "Out", …, NULL);
 * a field not among them is called as the forms call it. */
char *cr_error_words_line (const CrEntity     *entity,
                           const GError       *error,
                           const char * const *titles);

G_END_DECLS
