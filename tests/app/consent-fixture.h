/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Productions for the consent tests, each in the test's own temporary folder. */

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cr-db.h"
#include "cr-store.h"

static inline void
consent_fixture_remove (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        consent_fixture_remove (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static inline CrDb *
consent_fixture_new (const char *root,
                     const char *name)
{
  g_autofree char *path = g_build_filename (root, name, NULL);
  g_autoptr(GError) error = NULL;
  CrDb *db = cr_db_create (path, "Consent test", &error);

  g_assert_no_error (error);
  return db;
}

/* Adds a row from NULL-terminated field/value pairs; asserts it worked. */
static inline gint64
consent_fixture_add (CrDb           *db,
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

static inline void
consent_fixture_set (CrDb           *db,
                     const CrEntity *entity,
                     gint64          id,
                     const char     *field,
                     const char     *value)
{
  g_autoptr(CrRecord) change = cr_record_new (entity);
  g_autoptr(GError) error = NULL;

  cr_record_set (change, field, value);
  g_assert_true (cr_store_update (db, entity, id, change, &error));
  g_assert_no_error (error);
}
