/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "cr-consent.h"

/* Two answers to "what is this person's consent" agree in every field: the set-based
 * query's and the per-person rule's. */
static inline void
assert_same_state (const CrConsentState *a,
                   const CrConsentState *b)
{
  g_assert_cmpint (a->participant, ==, b->participant);
  g_assert_cmpstr (a->name, ==, b->name);
  g_assert_cmpstr (a->status, ==, b->status);
  g_assert_cmpstr (a->date, ==, b->date);
  g_assert_cmpstr (a->channels, ==, b->channels);
  g_assert_cmpstr (a->media, ==, b->media);
  g_assert_cmpstr (a->naming, ==, b->naming);
  g_assert_cmpstr (a->expires, ==, b->expires);
  g_assert_cmpstr (a->guardian_name, ==, b->guardian_name);
  g_assert_cmpstr (a->guardian_relationship, ==, b->guardian_relationship);
  g_assert_cmpstr (a->form_version, ==, b->form_version);
  g_assert_cmpstr (a->withdrawn_channels, ==, b->withdrawn_channels);
  g_assert_cmpstr (a->withdrawn_media, ==, b->withdrawn_media);
  g_assert_cmpint (a->minor, ==, b->minor);
  g_assert_cmpint (a->erased, ==, b->erased);
  g_assert_cmpint (a->partly_withdrawn, ==, b->partly_withdrawn);
  g_assert_cmpint (a->problem, ==, b->problem);
}
