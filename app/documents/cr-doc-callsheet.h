/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-doc-page.h"
#include "cr-doc-shotlist.h"

G_BEGIN_DECLS

/* A call sheet for one shoot day, as plain data: strings are borrowed, times are text
 * already in the zone the crew will read them in. */
typedef struct
{
  const char *name;
  const char *address;
  const char *access;           /* access and parking */
  const char *contact;          /* a name */
  const char *contact_phone;    /* left out with hide_phones */
  const char *nearest_hospital; /* name, address, phone: emergency information, always shown */
} CrCallSheetLocation;

typedef struct
{
  const char *time;         /* "09:30–11:00" */
  const char *zone;         /* "GMT", "BST": the location's zone at that time */
  const char *title;        /* the interview */
  const char *participants; /* names, comma-separated */
  const char *location;
  const char *duration;     /* "1 h 30 min" */
} CrCallSheetSlot;

typedef struct
{
  const char *name;
  const char *role;
  const char *call_time;     /* "08:30 BST" */
  const char *phone;         /* left out with hide_phones */
  gboolean    consent_alert; /* consent missing, expired or withdrawn: the row is marked */
} CrCallSheetPerson;

typedef struct
{
  const char         *title;     /* the interview */
  const CrShotRow    *shots;
  guint               n_shots;
  const char * const *questions; /* NULL-terminated, in the order they will be asked */
} CrCallSheetInterview;

typedef struct
{
  const char                 *title;           /* the production */
  const char                 *funder;
  const char                 *date;            /* "Tuesday 3 March 2026" */
  guint                       day;             /* day N … */
  guint                       n_days;          /* … of M, over days with interviews */
  const char                 *general_call;    /* "08:00 GMT" */
  gboolean                    final;           /* FINAL, else DRAFT */
  const char                 *producer;
  const char                 *producer_phone;  /* left out with hide_phones, as everyone's */
  const char                 *producer_email;
  const CrCallSheetLocation  *locations;
  guint                       n_locations;
  const CrCallSheetSlot      *schedule;
  guint                       n_schedule;
  const CrCallSheetPerson    *people;          /* participants on the day */
  guint                       n_people;
  const CrCallSheetPerson    *crew;
  guint                       n_crew;
  const CrCallSheetInterview *interviews;
  guint                       n_interviews;
  const char * const         *consent_warnings; /* NULL-terminated: "Name: consent withdrawn on …" */
  const char                 *notes;
} CrCallSheet;

/* The document, for printing: cr_doc_paginate () then cr_doc_draw_page () per page.
 * OPTIONS: hide_phones drops the people's and the location contacts' numbers (the
 * producer's stays); hide_questions drops the questions. */
CrDoc    *cr_doc_callsheet_build     (const CrCallSheet  *sheet,
                                      const CrDocOptions *options);
gboolean  cr_doc_callsheet_write_pdf (const CrCallSheet  *sheet,
                                      const CrDocOptions *options,
                                      const char         *path,
                                      GError            **error);

G_END_DECLS
