/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-settings"

#include "config.h"

#include "cr-settings.h"

GSettings *
cr_settings_get (void)
{
  static GSettings *settings;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      /* g_settings_new () aborts on a missing schema; a missing one is not worth dying for. */
      if (source != NULL && (schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)))
        settings = g_settings_new_full (schema, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
  return settings;
}

void
cr_settings_remember (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *absolute = g_file_get_path (file);
  GtkRecentData data = {
    .mime_type = (char *) CR_MIME_TYPE,
    .app_name = (char *) "Casereel",
    .app_exec = (char *) "casereel %f",
  };
  GSettings *settings = cr_settings_get ();

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  if (settings != NULL)
    g_settings_set_string (settings, "last-production", absolute);
}

static int
by_recency (gconstpointer a,
            gconstpointer b)
{
  GtkRecentInfo *x = *(GtkRecentInfo **) a, *y = *(GtkRecentInfo **) b;
  /* Owned by the infos. */
  return g_date_time_compare (gtk_recent_info_get_modified (y), gtk_recent_info_get_modified (x));
}

GPtrArray *
cr_settings_recent (guint max)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  for (GList *l = items; l != NULL; l = l->next)
    g_ptr_array_add (infos, l->data);
  g_list_free (items);
  g_ptr_array_sort (infos, by_recency);
  for (guint i = 0; i < infos->len && paths->len < max; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (infos, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && g_str_has_suffix (path, ".casereel") && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
  return paths;
}
