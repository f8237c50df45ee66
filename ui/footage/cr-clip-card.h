/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cr-production.h"
#include "cr-row.h"

G_BEGIN_DECLS

/* One clip in the Footage grid: its poster frame (from the freedesktop thumbnail cache, made
 * in a worker when missing; a placeholder until then), name, length, start timecode and
 * badges for offline, failed, a linked interview and the rating. */

#define CR_TYPE_CLIP_CARD (cr_clip_card_get_type ())
G_DECLARE_FINAL_TYPE (CrClipCard, cr_clip_card, CR, CLIP_CARD, GtkWidget)

CrClipCard *cr_clip_card_new  (void);
/* Shows `row` (NULL: nothing; a pending poster is abandoned). */
void        cr_clip_card_bind (CrClipCard   *self,
                               CrProduction *production,
                               CrRow        *row);

/* What the card shows, in words, as a screen reader is told it: "A001.MOV, 00:00:08:00,
 * TC 10:05:00:00 · 25 fps, Interview: …, 4 of 5 stars" (NULL when unbound). */
const char *cr_clip_card_describe (CrClipCard  *self);

/* The poster of a clip as a texture, made off the main loop. */
void        cr_clip_poster_load_async  (const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GdkTexture *cr_clip_poster_load_finish (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
