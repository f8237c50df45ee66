/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer: participant import from CSV into a real production (in a temporary folder,
 * removed at exit). All rows or none: a refused import leaves the count as it was, and
 * every problem is one line. */
#include "config.h"

#include <glib/gstdio.h>

#include "cr-exchange.h"
#include "fuzz-common.h"

static char *dir;
static char *path;
static CrDb *db;

static void
open_fresh (void)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&db, cr_db_close);
  g_unlink (path);
  db = cr_db_create (path, "Fuzz", &error);
  FUZZ_ASSERT (db != NULL);
}

static void
remove_production (void)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_pointer (&db, cr_db_close);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_fatal_logs ();
  dir = g_dir_make_tmp ("casereel-fuzz-XXXXXX", NULL);
  FUZZ_ASSERT (dir != NULL);
  path = g_build_filename (dir, "fuzz.casereel", NULL);
  open_fresh ();
  atexit (remove_production);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 before = cr_store_count (db, &cr_entity_participant, NULL, NULL);
  guint imported = 0;

  if (cr_import_participants (db, (const char *) data, size, &imported, &problems, &error))
    {
      FUZZ_ASSERT (error == NULL);
      FUZZ_ASSERT (cr_store_count (db, &cr_entity_participant, NULL, NULL) == before + imported);
      /* The next input starts from an empty production, so that a crash reproduces alone. */
      if (imported > 0)
        open_fresh ();
      return 0;
    }
  FUZZ_ASSERT (error != NULL && error->message[0] != '\0');
  FUZZ_ASSERT (imported == 0);
  FUZZ_ASSERT (cr_store_count (db, &cr_entity_participant, NULL, NULL) == before);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    FUZZ_ASSERT (strchr (g_ptr_array_index (problems, i), '\n') == NULL);
  return 0;
}
