/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The player's state, shared by its files: cr-player.c (clip, picture, keys) and
 * cr-player-scrubber.c (the strip under the picture). */

#include "cr-frame-reader.h"
#include "cr-player.h"

G_BEGIN_DECLS

struct _CrPlayer
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkWidget      *box;
  GtkPicture     *picture;
  GtkLabel       *timecode;
  GtkLabel       *status;
  GtkDrawingArea *scrubber;
  GtkButton      *play_button;
  GtkLabel       *range;

  /* owned */
  CrProduction   *production;
  CrRecord       *clip;
  CrFrameReader  *reader;      /* NULL for sound only */
  GtkMediaStream *media;       /* real-time playback with sound, made on first play */
  GdkTexture     *frame;       /* the exact frame at `shown` */
  GdkTexture     *waveform;
  GCancellable   *decoding;
  GCancellable   *drawing;     /* the waveform being read, NULL when done */
  GPtrArray      *selects;     /* CrRecord, the clip's selects */
  GPtrArray      *markers;     /* CrRecord */
  GtkWindow      *select_dialog;
  GtkWindow      *marker_dialog;
  char           *timecode_text;
  CrRate          rate;
  gint64          length;      /* frames */
  gint64          position;
  gint64          shown;       /* the frame the picture shows, -1 none */
  gint64          in, out;     /* out exclusive; -1 unset */
  int             shuttle;     /* frames per frame-time: 0 stopped, ±1, ±2, ±4 … */
  gint64          shuttle_origin_us;
  gint64          shuttle_origin_frame;
  guint           tick_id;
  /* A press on the scrubber: where it began (the gesture's own start point is gone once its
   * sequence is), the select under it (0 none) and which of its edges (-1 in, 1 out, 0 its
   * body), and whether it has moved past the drag threshold (else it is a click). */
  double          drag_x, drag_y;
  gint64          drag_select;
  int             drag_edge;
  gboolean        drag_moved;
};

void cr_player_scrubber_init  (CrPlayer *self);
/* A line over the picture (speed, a refusal); NULL hides it. */
void cr_player_say            (CrPlayer *self, const char *text);
void cr_player_update_range   (CrPlayer *self);
/* Loads the clip's selects and markers again (after a save or an edit). */
void cr_player_reload_marks   (CrPlayer *self);
/* The waveform of a sound-only file as a texture, made in a worker thread. */
void cr_player_waveform_async (const char *path, GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data);
/* cr-player-marker.c: M's dialog for the marker's note. */
void cr_player_ask_marker     (CrPlayer *self);

G_END_DECLS
