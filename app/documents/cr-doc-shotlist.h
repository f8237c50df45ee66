/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-doc-page.h"

G_BEGIN_DECLS

/* The shot list as plain data: strings are borrowed and must outlive the call. */
typedef struct
{
  const char *number;       /* "1A" */
  const char *type;         /* "b-roll", "interview", … */
  const char *size;         /* "WS", "MCU", … */
  const char *movement;
  const char *lens;
  const char *description;
  const char *participants; /* names, comma-separated */
  guint       duration;     /* estimated, seconds; 0 when not estimated */
  const char *status;       /* "planned", "captured", "selected", "dropped" */
  gboolean    done;         /* ticks the box: captured or selected */
  const char *priority;     /* "low", "normal", "high", "must"; NULL: normal */
} CrShotRow;

typedef struct
{
  const char      *name;    /* a location or an interview */
  const CrShotRow *shots;
  guint            n_shots;
} CrShotGroup;

typedef struct
{
  const char        *title;      /* the production */
  const char        *grouped_by; /* "location" or "interview", for the heading */
  const CrShotGroup *groups;
  guint              n_groups;
} CrShotList;

/* The document, for printing: cr_doc_paginate () then cr_doc_draw_page () per page. */
CrDoc    *cr_doc_shotlist_build     (const CrShotList   *list,
                                     const CrDocOptions *options);
gboolean  cr_doc_shotlist_write_pdf (const CrShotList   *list,
                                     const CrDocOptions *options,
                                     const char         *path,
                                     GError            **error);

/* A table of shots with a tick box per row and, when TOTALS, a totals row: shared with
 * the call sheet, which lists each interview's shots. */
void      cr_doc_shotlist_add_table (CrDoc              *doc,
                                     const char         *caption,
                                     const CrShotRow    *shots,
                                     guint               n_shots,
                                     gboolean            with_participants,
                                     gboolean            totals);

/* "1:30" (minutes:seconds), "1:02:05" from an hour, "" for 0. */
char     *cr_doc_format_duration    (guint               seconds);

G_END_DECLS
