/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "cr-production.h"

G_BEGIN_DECLS

/* Watches a clip and marks moments in it. Paused, the picture is the exact frame whose source
 * timecode the label shows (decoded by media/ in a worker); playing, GtkMediaFile plays it in
 * real time with sound. A sound-only file shows its waveform with a playhead. The keys are an
 * editor's: Space, J/K/L, Left/Right (Shift: a second), Home/End, I, O, X, M, Enter.
 * Positions are frames from the clip's first frame at its own rate; the out point is
 * exclusive (O marks the frame shown as the last one kept). */

#define CR_TYPE_PLAYER (cr_player_get_type ())
G_DECLARE_FINAL_TYPE (CrPlayer, cr_player, CR, PLAYER, GtkWidget)

CrPlayer     *cr_player_new            (CrProduction *production);
gboolean      cr_player_open_clip      (CrPlayer     *self,
                                        gint64        clip,
                                        GError      **error);
gint64        cr_player_get_clip       (CrPlayer     *self);
/* Shows frame `frame` (clamped to the clip), paused. */
void          cr_player_seek           (CrPlayer     *self,
                                        gint64        frame);
/* Notified as "position" whenever it changes, also while playing. */
gint64        cr_player_get_position   (CrPlayer     *self);
gint64        cr_player_get_length     (CrPlayer     *self);
/* The in and out points set with I and O, or -1. */
gint64        cr_player_get_in         (CrPlayer     *self);
gint64        cr_player_get_out        (CrPlayer     *self);
/* Marks [in, out) as I and O would (a select opened from the Selects page); out after in
 * and inside the clip, else nothing changes and FALSE is returned. */
gboolean      cr_player_set_range      (CrPlayer     *self,
                                        gint64        in,
                                        gint64        out);
/* The line over the picture (a speed, or why an edit was refused), or NULL when none. */
const char   *cr_player_get_message    (CrPlayer     *self);
/* The stream that plays the clip in real time with sound, once Space or L has made it. */
GtkMediaStream *cr_player_get_media    (CrPlayer     *self);
/* The picture shown (NULL for sound only, or before the first frame arrives). */
GdkPaintable *cr_player_get_picture    (CrPlayer     *self);
/* A sound-only file's waveform once its worker has made it; NULL until then. */
GdkPaintable *cr_player_get_waveform   (CrPlayer     *self);
/* The source timecode the label shows. */
const char   *cr_player_get_timecode   (CrPlayer     *self);
/* Whether the picture shown is the frame at the position (no decode is pending). */
gboolean      cr_player_is_settled     (CrPlayer     *self);
/* The select dialog Enter opened, while it is open. */
GtkWindow    *cr_player_get_select_dialog (CrPlayer  *self);
/* Frames per frame-time: 0 stopped, 1 playing, 2, 4 … forward, -1, -2 … backwards. */
int           cr_player_get_speed      (CrPlayer     *self);
/* Whether sound is heard: only at 1× forward. */
gboolean      cr_player_is_sounding    (CrPlayer     *self);
/* The note dialog M opened, while it is open (an AdwMessageDialog: Enter adds, Escape not). */
GtkWindow    *cr_player_get_marker_dialog (CrPlayer  *self);
/* The markers the scrubber draws. */
guint         cr_player_count_markers  (CrPlayer     *self);

G_END_DECLS
