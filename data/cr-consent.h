/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-entity.h"

G_BEGIN_DECLS

/* A participant's current consent, derived from the append-only history. */

#define CR_CONSENT_ADULT_AGE 18

typedef enum
{
  CR_CONSENT_OK,
  CR_CONSENT_MISSING,       /* no record at all */
  CR_CONSENT_PENDING,       /* not requested or requested, not yet given */
  CR_CONSENT_DECLINED,
  CR_CONSENT_WITHDRAWN,     /* withdrawn in full */
  CR_CONSENT_EXPIRED,       /* past its expiry on the date asked about */
  CR_CONSENT_NO_GUARDIAN,   /* a minor without a guardian on the record */
  CR_CONSENT_ERASED,        /* the person's data was erased at their request */
} CrConsentProblem;

typedef struct
{
  gint64            participant;
  char             *name;
  char             *status;         /* the latest record's status; NULL without history */
  char             *date;           /* the latest record's date */
  char             *channels;       /* what may be used now: comma-separated */
  char             *media;
  char             *naming;         /* full-name, first-name, anonymous */
  char             *expires;
  char             *guardian_name;
  char             *guardian_relationship;
  char             *form_version;
  gboolean          minor;
  gboolean          partly_withdrawn;
  CrConsentProblem  problem;        /* on the date asked about, before scope */
  gboolean          erased;
  char             *withdrawn_channels; /* a partial withdrawal: what it took away */
  char             *withdrawn_media;
} CrConsentState;

/* What one consent record says, as the derivation needs it. */
typedef struct
{
  const char *status;
  const char *date;
  const char *channels;
  const char *media;
  const char *naming;
  const char *expires;
  const char *guardian_name;
  const char *guardian_relationship;
  const char *form_version;
  const char *withdrawal_scope;
} CrConsentFacts;

void            cr_consent_state_free       (CrConsentState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrConsentState, cr_consent_state_free)

/* The current consent from the latest record and the latest grant on or before `date`
 * (either NULL: none), of the person named. Both the per-person path and the set-based
 * query (cr-consent-current.h) end here. The state's strings share its one allocation:
 * read them, never free or replace them. */
CrConsentState *cr_consent_derive           (gint64 participant, const char *name, gboolean minor,
                                             gboolean erased, const CrConsentFacts *latest,
                                             const CrConsentFacts *grant, const char *date);
gboolean        cr_consent_is_minor         (gboolean marked, const char *date_of_birth, const char *on_date);
gboolean        cr_consent_is_grant         (const char *status);
char           *cr_consent_today            (void);

/* on_date: YYYY-MM-DD, or NULL for today. One participant, read record by record. */
CrConsentState *cr_consent_current          (CrDb *db, gint64 participant, const char *on_date,
                                             GError **error);
const char     *cr_consent_problem_to_string (CrConsentProblem problem);
/* Whether the consent allows this channel and medium (either may be NULL: not asked). On
 * FALSE, *reason says why in a few words. */
gboolean        cr_consent_allows           (const CrConsentState *state, const char *channel,
                                             const char *medium, char **reason);
/* Whether the participant counts as a minor on a date (YYYY-MM-DD). */
gboolean        cr_participant_is_minor     (const CrRecord *participant, const char *on_date);

/* The consent entity's check, used by the store when a record is added. */
gboolean        cr_consent_check            (CrDb *db, CrRecord *record, gboolean creating,
                                             GError **error);
/* The same rules on a record in the store's form (each value as cr_field_normalize () gives
 * it), every one it breaks rather than the first: a GError each, in the order the check
 * makes them, each as cr_consent_check () would refuse with it (empty: none broken). NULL
 * with error set when the check cannot be made (the participant cannot be read). Forms use
 * it to say what is wrong as the user types, with the command line's messages. */
GPtrArray      *cr_consent_check_every      (CrDb *db, CrRecord *record, GError **error);

G_END_DECLS
