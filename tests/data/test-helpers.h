/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "../cr-test-support.h"
#include <glib.h>

#include "cr-db.h"
#include "cr-store.h"

/* A new production in a fresh temporary folder. */
static inline CrDb *
test_new_production (void)
{
  g_autofree char *dir = cr_test_make_tmp ("casereel-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "test.casereel", NULL);
  g_autoptr(GError) error = NULL;
  CrDb *db = cr_db_create (path, "Test production", &error);

  g_assert_no_error (error);
  return db;
}

/* Adds a row from NULL-terminated field/value pairs; asserts it worked. */
static inline gint64
test_add (CrDb           *db,
          const CrEntity *entity,
          ...)
{
  g_autoptr(CrRecord) input = cr_record_new (entity);
  g_autoptr(GError) error = NULL;
  const char *field;
  va_list args;
  gint64 id;

  va_start (args, entity);
  while ((field = va_arg (args, const char *)))
    cr_record_set (input, field, va_arg (args, const char *));
  va_end (args);
  id = cr_store_insert (db, input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Tries to add a row; asserts it was refused with a message that names `field`. */
static inline void
test_refused (CrDb           *db,
              const CrEntity *entity,
              const char     *field,
              ...)
{
  g_autoptr(CrRecord) input = cr_record_new (entity);
  g_autoptr(GError) error = NULL;
  g_autofree char *needle = g_strdup_printf ("%s %s:", entity->name, field);
  const char *name;
  va_list args;
  gint64 before = cr_store_count (db, entity, NULL, NULL);

  va_start (args, field);
  while ((name = va_arg (args, const char *)))
    cr_record_set (input, name, va_arg (args, const char *));
  va_end (args);
  g_assert_cmpint (cr_store_insert (db, input, &error), ==, 0);
  g_assert_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID);
  if (strstr (error->message, needle) == NULL)
    g_error ("expected an error naming “%s”, got “%s”", needle, error->message);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpint (cr_store_count (db, entity, NULL, NULL), ==, before);
}
