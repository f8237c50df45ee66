/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-doc-page.h"

G_BEGIN_DECLS

/* The release tracker as plain data: one row per participant, their current consent. */
typedef struct
{
  const char *participant;
  const char *status;    /* the current consent: "signed 2026-01-12", "withdrawn 2026-02-10" */
  const char *scope;     /* "website, social media; video, quotes" */
  const char *naming;    /* "full name", "first name", "anonymous" */
  const char *expires;   /* "2028-01-12", or NULL */
  const char *guardian;  /* for minors: "Ana Lima (mother)" */
  const char *missing;   /* what is still needed: NULL or "" when nothing */
  gboolean    withdrawn; /* highlighted: their footage must not be used */
} CrReleaseRow;

typedef struct
{
  const char         *title; /* the production */
  const char         *as_of; /* "3 March 2026": the date the statuses were read */
  const CrReleaseRow *rows;
  guint               n_rows;
} CrReleaseTracker;

/* The document, for printing: cr_doc_paginate () then cr_doc_draw_page () per page. */
CrDoc    *cr_doc_releases_build     (const CrReleaseTracker *tracker,
                                     const CrDocOptions     *options);
gboolean  cr_doc_releases_write_pdf (const CrReleaseTracker *tracker,
                                     const CrDocOptions     *options,
                                     const char             *path,
                                     GError                **error);
/* RFC 4180 through cr-csv: a UTF-8 byte-order mark, a header line, then one line per
 * participant. */
char     *cr_doc_releases_to_csv    (const CrReleaseTracker *tracker);
gboolean  cr_doc_releases_write_csv (const CrReleaseTracker *tracker,
                                     const char             *path,
                                     GError                **error);

G_END_DECLS
