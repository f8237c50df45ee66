/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-player.h"
#include "cr-production.h"

G_BEGIN_DECLS

/* What is said in the player's clip, beside the picture: its cues as rows with their source
 * timecode, the one under the playhead marked and kept in view as it plays; a click or Enter
 * on a cue seeks the player there, Space plays and pauses; the search entry (Ctrl+F from the
 * player) keeps the cues that say its words and Enter in it goes to the next one after the
 * playhead. A clip without a transcript shows how to import one (Import Transcript…, Ctrl+T:
 * a file chooser). */

#define CR_TYPE_TRANSCRIPT_PANE (cr_transcript_pane_get_type ())
G_DECLARE_FINAL_TYPE (CrTranscriptPane, cr_transcript_pane, CR, TRANSCRIPT_PANE, GtkWidget)

CrTranscriptPane *cr_transcript_pane_new          (CrProduction     *production,
                                                   CrPlayer         *player);
/* Reads the player's clip's transcript again (after the player opened another clip). */
void              cr_transcript_pane_reload       (CrTranscriptPane *self);
/* Imports a transcript file into the player's clip, as the file chooser does; FALSE and a
 * one-line error (also shown in the pane) when the file is refused. */
gboolean          cr_transcript_pane_import       (CrTranscriptPane *self,
                                                   const char       *path,
                                                   GError          **error);
/* For tests: how many cues, the 1-based cue marked as playing (0: none), how many rows the
 * search keeps shown, and the search entry. */
guint             cr_transcript_pane_get_n_cues   (CrTranscriptPane *self);
guint             cr_transcript_pane_get_current  (CrTranscriptPane *self);
guint             cr_transcript_pane_count_shown  (CrTranscriptPane *self);
GtkEditable      *cr_transcript_pane_get_search   (CrTranscriptPane *self);

G_END_DECLS
