/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cr-entity.h"

G_BEGIN_DECLS

/* An open production file, shared by the window's pages, models and dialogs: it owns the
 * database connection, so the file stays open while anything still shows its rows, and it
 * tells everyone when a write changed an entity's rows. */

#define CR_TYPE_PRODUCTION (cr_production_get_type ())
G_DECLARE_FINAL_TYPE (CrProduction, cr_production, CR, PRODUCTION, GObject)

CrProduction *cr_production_open       (const char      *path,
                                        GError         **error);
CrProduction *cr_production_create     (const char      *path,
                                        const char      *title,
                                        GError         **error);
/* Opens the file, creating it (and its folder) when it does not exist yet. */
CrProduction *cr_production_open_or_create (const char  *path,
                                            const char  *title,
                                            GError     **error);
CrDb         *cr_production_get_db     (CrProduction    *self);
const char   *cr_production_get_path   (CrProduction    *self);
/* The production's title as stored, or the file name without extension. */
char         *cr_production_dup_title  (CrProduction    *self);
/* Emits ::changed after a write to rows of `entity`. */
void          cr_production_changed    (CrProduction    *self,
                                        const CrEntity  *entity);

/* The same for a write to one record: listeners that can refresh just that row ask
 * cr_production_get_changed_record () while ::changed is emitted (0 for any other change);
 * the others reload as for any change. */
void          cr_production_changed_record (CrProduction   *self,
                                            const CrEntity *entity,
                                            gint64          id);
gint64        cr_production_get_changed_record (CrProduction *self);

/* Emits ::read-failed with the failure in words for `what` ("the participants"): a page or
 * list that cannot show what it should says so here, on the main thread, never on stderr. */
void          cr_production_read_failed (CrProduction *self,
                                         const char   *what,
                                         const GError *error);
/* Emits ::changed (entity NULL) when another connection committed since the last look; the
 * production polls this on a timer, tests call it directly. Returns TRUE when it emitted. */
gboolean      cr_production_check_for_changes (CrProduction *self);

G_END_DECLS
