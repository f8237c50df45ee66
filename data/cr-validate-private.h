/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-entity.h"

G_BEGIN_DECLS

/* Field normalisers in cr-validate-time.c (data/ internal). */
gboolean cr_field_normalize_duration (const CrEntity *entity, const CrField *field, const char *raw,
                                      gint64 *out, GError **error);
gboolean cr_field_normalize_rate     (const CrEntity *entity, const CrField *field, const char *raw,
                                      char **out, GError **error);

G_END_DECLS
