/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-consent-words"

#include "config.h"

#include "cr-consent-words.h"
#include "cr-words.h"

char *
cr_consent_words (const CrConsentState *state,
                  CrConsentStanding     standing,
                  const char          **style_class)
{
  switch (standing)
    {
    case CR_CONSENT_STANDING_EXPIRING:
      *style_class = "warning";
      return g_strdup ("Expiring soon");
    case CR_CONSENT_STANDING_NOT_NEEDED:
      *style_class = NULL;
      return g_strdup ("Not recorded");
    case CR_CONSENT_STANDING_ERASED:
      *style_class = NULL;
      return g_strdup ("Erased");
    default:
      /* Everyone else as the consent rules put it; "interviewee": needs none is handled above. */
      return cr_words_consent (state, "interviewee", style_class);
    }
}
