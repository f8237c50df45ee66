/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-entity.h"

G_BEGIN_DECLS

/* A store's error as a form says it, without SQL: "UNIQUE constraint failed: location.name"
 * becomes "location name: another location already has this name" (still naming the field,
 * so that the form can mark it); the file's path is left out, the form knows its file. */
char *cr_error_words (const CrEntity *entity,
                      const GError   *error);

G_END_DECLS
