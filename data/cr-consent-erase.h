/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cr-db.h"

G_BEGIN_DECLS

/* A data subject's request: the person becomes "Erased participant N"; their contact
 * details, date of birth, notes, guardian and signed forms' paths are cleared, and their
 * name is taken out of titles, labels and notes. Consent dates and statuses stay, so that
 * footage of them still fails the check. The old values are overwritten on disk too
 * (secure_delete, VACUUM, the WAL truncated). Must not be called inside a transaction. */
gboolean cr_participant_erase (CrDb *db, gint64 participant, GError **error);

G_END_DECLS
