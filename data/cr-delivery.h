/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* The delivery log: every file an export or a render wrote, with what was checked and who
 * is in it. Only ever added to. */

typedef struct
{
  gint64  participant;
  char   *name;       /* as the person is called now ("Erased participant N" after erasure) */
  char   *problem;    /* what the consent check said, when it was overridden; NULL: cleared */
} CrDeliveryPerson;

typedef struct
{
  gint64     id;
  char      *path;
  gint64     size;
  char      *sha256;      /* hex */
  char      *kind;        /* "export" or "render" */
  char      *format;      /* edl, fcpxml, … mp4 */
  gint64     cut;
  char      *cut_name;
  char      *channel;     /* NULL: none was named */
  gboolean   override;    /* written despite consent problems (--allow-unconsented) */
  char      *delivered_at;
  GPtrArray *people;      /* CrDeliveryPerson */
} CrDelivery;

CrDelivery *cr_delivery_new   (void);
void        cr_delivery_free  (CrDelivery *delivery);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrDelivery, cr_delivery_free)
void        cr_delivery_add_person (CrDelivery *delivery, gint64 participant, const char *problem);

/* Records it, with its people, in one transaction. Returns the new id, 0 on error. */
gint64      cr_delivery_record (CrDb *db, const CrDelivery *delivery, GError **error);
/* Oldest first. */
GPtrArray  *cr_delivery_list   (CrDb *db, GError **error);

G_END_DECLS
