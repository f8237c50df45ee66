/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include <string.h>

#include "cr-case-study.h"
#include "cr-cli-commands.h"
#include "cr-cut.h"
#include "cr-store.h"

/* `casereel quotes` and `casereel case-study`: the written case study. */

typedef struct
{
  char     *output, *cut, *channel;
  char    **questions;
  gboolean  allow_unconsented;
} WritingOptions;

static void
writing_options_clear (WritingOptions *o)
{
  g_free (o->output);
  g_free (o->cut);
  g_free (o->channel);
  g_strfreev (o->questions);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WritingOptions, writing_options_clear)

static void
add_writing_options (GOptionContext *context,
                     WritingOptions *o,
                     const char     *formats)
{
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output, "The file to write", formats },
    { "cut", 0, 0, G_OPTION_ARG_STRING, &o->cut, "Only the passages of this cut (default: every select)", "CUT" },
    { "question", 'q', 0, G_OPTION_ARG_STRING_ARRAY, &o->questions, "Only answers to this question (repeat)", "N" },
    { "channel", 'c', 0, G_OPTION_ARG_STRING, &o->channel,
      "Where it will be published (website, funder-report …): consent must cover it", "CHANNEL" },
    { "allow-unconsented", 0, 0, G_OPTION_ARG_NONE, &o->allow_unconsented,
      "Write what consent allows and list the rest at the end, instead of refusing", NULL },
    { NULL }
  };
  g_option_context_add_main_entries (context, entries, NULL);
}

/* Resolves the options into quote options; questions go into *ids. */
static gboolean
resolve (CrDb             *db,
         WritingOptions   *o,
         CrQuotesOptions  *options,
         GArray          **ids,
         GError          **error)
{
  options->channel = o->channel;
  if (o->channel && !g_strv_contains (cr_consent_channels, o->channel))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) cr_consent_channels);
      g_set_error (error, CR_DB_ERROR, CR_DB_ERROR_INVALID, "channel: “%s” is not one of %s", o->channel, known);
      return FALSE;
    }
  if (o->cut && !cr_store_resolve (db, &cr_entity_cut, o->cut, &options->cut, error))
    return FALSE;
  for (guint i = 0; o->questions && o->questions[i]; i++)
    {
      gint64 id;
      if (!cr_store_resolve (db, &cr_entity_question, o->questions[i], &id, error))
        {
          g_prefix_error (error, "question: ");
          return FALSE;
        }
      if (*ids == NULL)
        *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (*ids, id);
    }
  options->questions = *ids;
  return TRUE;
}

static int
report (const CrQuotes *quotes,
        const char     *path,
        GError         *error)
{
  if (error)
    {
      int status = cr_cli_fail (error);
      return g_error_matches (error, CR_CUT_ERROR, CR_CUT_ERROR_UNCONSENTED) ? CR_EXIT_UNCONSENTED : status;
    }
  g_print ("wrote %s: %u quote%s", path, quotes->quotes->len, quotes->quotes->len == 1 ? "" : "s");
  if (quotes->left_out->len)
    g_print (", %u left out (listed at the end)", quotes->left_out->len);
  g_print ("\n");
  return CR_EXIT_OK;
}

int
cr_cli_quotes (CrCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— the quotes for a written case study");
  g_auto(WritingOptions) o = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(CrQuotes) quotes = NULL;
  g_autoptr(GError) error = NULL;
  CrQuotesOptions options = { 0 };
  int status;

  g_option_context_set_summary (context,
    "Write what people said in the selects, grouped by question in question order, each\n"
    "attributed as their current consent allows: full name, role and organisation; first\n"
    "name; or a neutral description such as “a parent”. A minor's surname never appears.\n"
    "Consent must cover the medium “quotes” (and --channel): if anyone's does not, nothing\n"
    "is written and the exit status is 3, unless --allow-unconsented.");
  add_writing_options (context, &o, "FILE.md|.html|.docx");
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 1 || o.output == NULL)
    return cr_cli_usage (argv[0], "%s: -o FILE.md|.html|.docx is required", argv[0]);
  if (!cr_cli_open (cli, &error) || !resolve (cli->db, &o, &options, &ids, &error))
    return cr_cli_fail (error);
  cr_quotes_write (cli->db, &options, o.allow_unconsented, o.output, &quotes, &error);
  return report (quotes, o.output, error);
}

int
cr_cli_case_study (CrCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— a draft written case study");
  g_auto(WritingOptions) o = { 0 };
  g_auto(GStrv) section_args = NULL;
  GOptionEntry entries[] = {
    { "section", 's', 0, G_OPTION_ARG_STRING_ARRAY, &section_args,
      "A section instead of the defaults, with the questions whose quotes go in it (repeat)",
      "\"HEADING[=Q,Q…]\"" },
    { NULL }
  };
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(CrQuotes) quotes = NULL;
  g_autoptr(GError) error = NULL;
  CrQuotesOptions options = { 0 };
  int status;

  g_option_context_set_summary (context,
    "Write the production's title, funder and description, then sections (by default The\n"
    "challenge, What we did, What changed, What's next) with the quotes under each: a\n"
    "question goes to the section its topic names, the rest are shared out in order.\n"
    "Attribution and consent as for 'casereel quotes'.");
  add_writing_options (context, &o, "FILE.docx|.md|.html");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!cr_cli_parse (context, &argc, &argv, &status))
    return status;
  if (argc != 1 || o.output == NULL)
    return cr_cli_usage (argv[0], "%s: -o FILE.docx|.md is required", argv[0]);
  if (!cr_cli_open (cli, &error) || !resolve (cli->db, &o, &options, &ids, &error))
    return cr_cli_fail (error);
  if (section_args)
    {
      sections = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_case_study_section_free);
      for (guint i = 0; section_args[i]; i++)
        {
          CrCaseStudySection *s = g_new0 (CrCaseStudySection, 1);
          const char *eq = strchr (section_args[i], '=');
          g_ptr_array_add (sections, s);
          s->heading = g_strstrip (eq ? g_strndup (section_args[i], eq - section_args[i]) : g_strdup (section_args[i]));
          if (*s->heading == '\0')
            return cr_cli_usage (argv[0], "%s: --section “%s” has no heading", argv[0], section_args[i]);
          if (eq)
            {
              g_auto(GStrv) qs = g_strsplit (eq + 1, ",", -1);
              s->questions = g_array_new (FALSE, FALSE, sizeof (gint64));
              for (guint q = 0; qs[q]; q++)
                {
                  gint64 id;
                  g_strstrip (qs[q]);
                  if (!cr_store_resolve (cli->db, &cr_entity_question, qs[q], &id, &error))
                    {
                      g_prefix_error (&error, "section “%s”: question: ", s->heading);
                      return cr_cli_fail (error);
                    }
                  g_array_append_val (s->questions, id);
                }
            }
        }
    }
  cr_case_study_write (cli->db, &options, sections, o.allow_unconsented, o.output, &quotes, &error);
  return report (quotes, o.output, error);
}
