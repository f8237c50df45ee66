/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>
#include <glib.h>

G_BEGIN_DECLS

/* The order people expect of names with numbers in them: "Participant 200" before
 * "Participant 1000", "clip 9" before "Clip 10"; letters compare without case. */
int      cr_natural_compare  (const char *a, gssize a_len, const char *b, gssize b_len);
/* Registers it on a connection as the collation NATURAL_ORDER ("ORDER BY name COLLATE NATURAL_ORDER").
 * Never used in the schema, so that other tools (the sqlite3 CLI) still read every file. */
gboolean cr_natural_register (sqlite3 *handle);

G_END_DECLS
