/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-cut.h"

G_BEGIN_DECLS

/* A CrCutPlacingFunc with the check's rows, as the writers' CrOutputPlacingFunc takes it. */
typedef struct
{
  CrCutPlacingFunc  func;
  gpointer          data;
  GPtrArray        *clearance;
} CrCutPlacing;

gboolean cr_cut_placing_cb (gpointer data, GError **error);

G_END_DECLS
