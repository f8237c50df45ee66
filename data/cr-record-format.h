/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "cr-entity.h"

G_BEGIN_DECLS

/* How a stored value reads to a person: references by name, times in the record's own
 * time zone. NULL for an empty value. */
char      *cr_record_display      (CrDb *db, const CrRecord *record, const CrField *field);
/* A wall time of a DATETIME field in the record's zone: "2026-03-29 10:00". */
char      *cr_record_local_time   (const CrRecord *record, const char *field, const char *format);
/* A DATETIME field as a time in `tz` (the agenda's, a location's); NULL when empty. */
GDateTime *cr_record_time_in      (const CrRecord *record, const char *field, GTimeZone *tz);
/* The record as JSON: ids as numbers, references as {id, name}, sets as arrays, times as
 * ISO 8601 with the zone's offset. */
JsonNode  *cr_record_to_json      (CrDb *db, const CrRecord *record);

G_END_DECLS
