/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-cli.h"
#include "cr-entity.h"

G_BEGIN_DECLS

/* `casereel NOUN add|list|show|edit|rm` for any entity of the planning model. */
int       cr_cli_entity_run       (CrCli *cli, const CrEntity *entity, int argc, char **argv);

/* The single verbs, for nouns that offer only some of them. argv[0] is "NOUN VERB". */
int       cr_cli_entity_list      (CrCli *cli, const CrEntity *entity, int argc, char **argv);
int       cr_cli_entity_show      (CrCli *cli, const CrEntity *entity, int argc, char **argv);
int       cr_cli_entity_edit      (CrCli *cli, const CrEntity *entity, int argc, char **argv);
int       cr_cli_entity_rm        (CrCli *cli, const CrEntity *entity, int argc, char **argv);

/* Options for every field a user may set, parsed into a record of raw values. */
typedef struct _CrFieldOptions CrFieldOptions;

CrFieldOptions *cr_field_options_new     (const CrEntity *entity, gboolean skip_create_only);
void            cr_field_options_free    (CrFieldOptions *options);
GOptionGroup   *cr_field_options_group   (CrFieldOptions *options);
/* The values given on the command line, as a record of raw text. */
CrRecord       *cr_field_options_collect (CrFieldOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrFieldOptions, cr_field_options_free)

/* Prints the rows as a tab-separated table with a header. */
void      cr_cli_print_table      (CrDb *db, const CrEntity *entity, GPtrArray *rows);
/* Prints the rows as a JSON array. */
void      cr_cli_print_records_json (CrDb *db, GPtrArray *rows);
/* Prints "field: value" lines. */
void      cr_cli_print_record     (CrDb *db, const CrRecord *record);
/* Writes text to a file through a temporary name, or to stdout for "-" or NULL. */
gboolean  cr_cli_write_output     (const char *path, const char *text, gsize len, GError **error);

G_END_DECLS
