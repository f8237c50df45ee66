/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-production.h"
#include "cr-row.h"

G_BEGIN_DECLS

/* Fills the Footage page's detail pane with one clip in words: poster, length as timecode,
 * rate as people write it, picture size, codecs, size in MB or GB, recorded date in local
 * time, the path with "Show in Files", links, tags as chips, rating as stars, notes and
 * markers. `row` NULL: a hint to select a clip. */
void cr_clip_detail_fill (GtkBox       *box,
                          CrProduction *production,
                          CrRow        *row);

G_END_DECLS
