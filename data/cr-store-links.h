/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"
#include "cr-entity.h"

G_BEGIN_DECLS

/* Links of other rows to one row, kept across its delete: a shot's delete drops the clips'
 * links to it (ON DELETE CASCADE), and an undo puts them back where they were. */

typedef struct
{
  gint64 owner;      /* the row whose links field holds the target (a clip) */
  gint64 position;   /* where in that field's list */
} CrLinkBack;

/* The rows of `owner` whose `links` field (a CR_FIELD_LINKS of `owner`) holds `target`. */
GArray  *cr_store_links_to   (CrDb           *db,
                              const CrEntity *owner,
                              const CrField  *links,
                              gint64          target,
                              GError        **error);
/* Puts the links back, to `target` (the row restored, perhaps under a new id); an owner
 * removed since stays without it. */
gboolean cr_store_links_back (CrDb           *db,
                              const CrEntity *owner,
                              const CrField  *links,
                              GArray         *back,
                              gint64          target,
                              GError        **error);

G_END_DECLS
