/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include <stdio.h>

#include "cr-cli-commands.h"
#include "cr-cli-progress.h"
#include "cr-cli-entity.h"
#include "cr-clip-tags.h"
#include "cr-indexer.h"
#include "cr-store.h"
#include "cr-suggest.h"

static void
show_progress (const CrIndexProgress *p,
               gpointer               user_data)
{
  g_autofree char *text = NULL;

  /* The catalogue is written; the last video clips' posters are being made. */
  if (p->files_done == p->files_total && p->posters_done < p->posters_total)
    {
      text = g_strdup_printf ("poster frames %u/%u", p->posters_done, p->posters_total);
      cr_cli_progress_update (user_data, (double) p->posters_done / p->posters_total, text);
      return;
    }
  text = g_strdup_printf ("%u/%u files, %.1f/%.1f MB", p->files_done, p->files_total,
                          p->bytes_done / 1e6, p->bytes_total / 1e6);
  cr_cli_progress_update (user_data, p->bytes_total ? (double) p->bytes_done / p->bytes_total : 1.0, text);
}

static int
index_run (CrCli  *cli,
           int     argc,
           char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("FOLDER…");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CrIndexProgress result = { 0 };
  g_autoptr(CrCliProgress) progress = NULL;
  gboolean no_posters = FALSE;
  GOptionEntry entries[] = {
    { "no-posters", 0, 0, G_OPTION_ARG_NONE, &no_posters, "Make no poster frames in the thumbnail cache", NULL },
    { NULL }
  };
  gboolean ok;
  int status;

  g_option_context_set_summary (context,
    "Catalogue the media files under the folders: new and changed files are probed, unchanged\n"
    "ones are not opened again, moved files are recognised, missing ones go offline.\n"
    "Each new or changed video clip gets its poster frame in the freedesktop thumbnail cache\n"
    "(~/.cache/thumbnails), which the Clips page and the file manager show.\n"
    "Ctrl+C stops; what was indexed so far is kept.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cr_cli_usage ("index", "index: name at least one FOLDER");
  if (!cr_cli_open (cli, &error))
    return cr_cli_fail (error);

  progress = cr_cli_progress_begin (cancellable);
  ok = cr_index_folders_full (cli->db, (const char * const *) argv + 1, no_posters ? CR_INDEX_DEFAULT : CR_INDEX_POSTERS,
                              show_progress, progress, cancellable, &result, &error);
  g_clear_pointer (&progress, cr_cli_progress_end);

  /* The counts are of files probed, not of rows stored: after a failed write (a full disk)
   * they would claim what is not in the production. */
  if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return cr_cli_fail (error);
  g_print ("%u media file%s: %u added, %u updated, %u unchanged, %u relinked, %u offline, %u failed\n",
           result.seen, result.seen == 1 ? "" : "s", result.added, result.updated, result.unchanged,
           result.relinked, result.offline, result.failed);
  if (result.posters_total > 0)
    {
      guint stopped = result.posters_total - result.posters_made - result.posters_fresh - result.posters_failed;

      g_print ("%u poster frame%s made", result.posters_made, result.posters_made == 1 ? "" : "s");
      if (result.posters_fresh > 0)
        g_print (", %u already in the thumbnail cache", result.posters_fresh);
      if (result.posters_failed > 0)
        g_print (", %u could not be made", result.posters_failed);
      if (stopped > 0)
        g_print (", %u not made (stopped)", stopped);
      g_print ("\n");
    }
  if (!ok)
    return cr_cli_fail (error);
  return CR_EXIT_OK;
}

int
cr_cli_index (CrCli  *cli,
              int     argc,
              char  **argv)
{
  return index_run (cli, argc, argv);
}

int
cr_cli_clips (CrCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  int status;

  /* `clips --offline` is `clip list --where status=offline`. */
  g_ptr_array_add (args, "clips");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--offline"))
        g_ptr_array_add (args, "--where=status=offline");
      else if (g_str_equal (argv[i], "--failed"))
        g_ptr_array_add (args, "--where=status=failed");
      else
        g_ptr_array_add (args, argv[i]);
    }
  g_ptr_array_add (args, NULL);
  status = cr_cli_entity_list (cli, &cr_entity_clip, (int) args->len - 1, (char **) args->pdata);
  return status;
}

/* clip rate CLIP N / clip note CLIP TEXT: one field, given positionally. */
static int
clip_set_one (CrCli       *cli,
              const char  *field,
              int          argc,
              char       **argv)
{
  g_autoptr(CrRecord) clip = NULL;
  g_autoptr(CrRecord) change = cr_record_new (&cr_entity_clip);
  g_autoptr(GError) error = NULL;

  if (argc == 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("Usage:\n  casereel %s CLIP %s\n", argv[0], g_str_equal (field, "rating") ? "0-5" : "TEXT");
      return CR_EXIT_OK;
    }
  if (argc != 3)
    return cr_cli_usage (argv[0], "%s: give the CLIP and the %s", argv[0], field);
  if (!cr_cli_open (cli, &error) || !(clip = cr_store_find (cli->db, &cr_entity_clip, argv[1], &error)))
    return cr_cli_fail (error);
  cr_record_set (change, field, argv[2]);
  if (!cr_store_update (cli->db, &cr_entity_clip, clip->id, change, &error))
    return cr_cli_fail (error);
  return CR_EXIT_OK;
}

static int
clip_rate (CrCli *cli, int argc, char **argv)
{
  return clip_set_one (cli, "rating", argc, argv);
}

static int
clip_note (CrCli *cli, int argc, char **argv)
{
  return clip_set_one (cli, "notes", argc, argv);
}

static int
clip_list (CrCli *cli, int argc, char **argv)
{
  return cr_cli_entity_list (cli, &cr_entity_clip, argc, argv);
}

static int
clip_show (CrCli  *cli,
           int     argc,
           char  **argv)
{
  return cr_cli_entity_show (cli, &cr_entity_clip, argc, argv);
}

/* Links are the editable fields: interview, participants, shots (and rating, notes). */
static int
clip_link (CrCli *cli, int argc, char **argv)
{
  return cr_cli_entity_edit (cli, &cr_entity_clip, argc, argv);
}

static int
clip_tag (CrCli  *cli,
          int     argc,
          char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CLIP TAG…");
  g_autoptr(CrRecord) clip = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  gboolean remove = FALSE;
  GOptionEntry entries[] = {
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove, "Take the tags off instead", NULL },
    { NULL }
  };
  int status;

  g_option_context_set_summary (context, "Tag a clip; with no TAG, list its tags.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return cr_cli_usage (argv[0], "%s: name the CLIP", argv[0]);
  if (!cr_cli_open (cli, &error) || !(clip = cr_store_find (cli->db, &cr_entity_clip, argv[1], &error)))
    return cr_cli_fail (error);
  if (argc > 2 && !cr_clip_tags_change (cli->db, clip->id, (const char * const *) argv + 2, remove, &error))
    return cr_cli_fail (error);
  tags = cr_clip_tags_get (cli->db, clip->id);
  for (guint i = 0; tags[i]; i++)
    g_print ("%s\n", tags[i]);
  return CR_EXIT_OK;
}

static int
clip_suggest (CrCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gboolean apply = FALSE;
  GOptionEntry entries[] = {
    { "apply", 0, 0, G_OPTION_ARG_NONE, &apply, "Make the suggested links", NULL },
    { NULL }
  };
  int status;

  g_option_context_set_summary (context,
    "Suggest links: clips recorded during a scheduled interview, clips in a folder named after\n"
    "a shot number. Nothing changes until you confirm with --apply.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (!cr_cli_open (cli, &error) || !(list = cr_suggest_links (cli->db, &error)))
    return cr_cli_fail (error);
  for (guint i = 0; i < list->len; i++)
    {
      CrSuggestion *s = g_ptr_array_index (list, i);
      g_print ("%s → %s “%s” (%s)\n", s->clip_name, s->kind, s->target_name, s->reason);
    }
  if (apply && !cr_suggest_apply (cli->db, list, &error))
    return cr_cli_fail (error);
  g_print ("%u suggestion%s%s\n", list->len, list->len == 1 ? "" : "s", apply ? " applied" : "");
  return CR_EXIT_OK;
}

int
cr_cli_clip (CrCli  *cli,
             int     argc,
             char  **argv)
{
  static const CrCliVerb verbs[] = {
    { "list", "the catalogue (--json, --search, --where status=offline …)", clip_list },
    { "show", "one clip with what the probe found (--json)", clip_show },
    { "link", "link to an interview (--interview), people (--participant), shots (--shot)", clip_link },
    { "tag", "add tags (or --remove them)", clip_tag },
    { "rate", "0 to 5 stars", clip_rate },
    { "note", "logging notes", clip_note },
    { "suggest", "links to interviews and shots to confirm (--apply)", clip_suggest },
    { NULL }
  };
  return cr_cli_dispatch (cli, "clip", verbs, argc, argv);
}
