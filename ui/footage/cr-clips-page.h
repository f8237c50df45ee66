/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-clip-model.h"
#include "cr-player.h"
#include "cr-transcript-pane.h"

G_BEGIN_DECLS

/* Footage: what was recorded, as a grid of poster frames with filters that combine, a detail
 * pane for the selected clip in words, and the player for the clip opened (Enter or a double
 * click), where its moments are marked. */

#define CR_TYPE_CLIPS_PAGE (cr_clips_page_get_type ())
G_DECLARE_FINAL_TYPE (CrClipsPage, cr_clips_page, CR, CLIPS_PAGE, GtkWidget)

CrClipsPage *cr_clips_page_new          (CrProduction *production);
CrClipModel *cr_clips_page_get_model    (CrClipsPage  *self);
/* Filters, as the toolbar sets them. */
void         cr_clips_page_set_search   (CrClipsPage  *self,
                                         const char   *text);
void         cr_clips_page_set_status   (CrClipsPage  *self,
                                         const char   *status);
void         cr_clips_page_set_interview (CrClipsPage *self,
                                         gint64        interview);
void         cr_clips_page_set_kind     (CrClipsPage  *self,
                                         CrClipKind    kind);
/* A participant or a shot the clips are linked to (0: any), as their drop-downs choose. */
void         cr_clips_page_set_participant (CrClipsPage *self,
                                            gint64       participant);
void         cr_clips_page_set_shot     (CrClipsPage  *self,
                                         gint64        shot);
/* At least this many stars (0: any rating). */
void         cr_clips_page_set_min_rating (CrClipsPage *self,
                                           int          stars);
/* FALSE when no clip has that tag; NULL: any tag. */
gboolean     cr_clips_page_set_tag      (CrClipsPage  *self,
                                         const char   *tag);
/* The chips under the toolbar, one filter on a line ("" when none is on). */
char        *cr_clips_page_describe_filters (CrClipsPage *self);
/* The list view's sort, as a click on a column's header sets it ("Name", "Duration" …). */
void         cr_clips_page_sort_by      (CrClipsPage  *self,
                                         const char   *title,
                                         gboolean      descending);
/* Selects a clip in the grid and shows it in the detail pane. */
void         cr_clips_page_select       (CrClipsPage  *self,
                                         gint64        clip);
/* Opens a clip in the player at a frame; the player takes the keyboard. */
gboolean     cr_clips_page_open_clip    (CrClipsPage  *self,
                                         gint64        clip,
                                         gint64        frame,
                                         GError      **error);
CrPlayer    *cr_clips_page_get_player   (CrClipsPage  *self);
/* The transcript pane beside the player. */
CrTranscriptPane *cr_clips_page_get_transcript (CrClipsPage *self);
/* Add Folder and dropped folders: catalogues them in a worker with progress and Stop in the
 * page; clips appear as each batch is written; the failed files are listed at the end. */
void         cr_clips_page_index_folder  (CrClipsPage *self,
                                          const char  *folder);
void         cr_clips_page_index_folders (CrClipsPage        *self,
                                          const char * const *folders);
void         cr_clips_page_stop_indexing (CrClipsPage *self);
gboolean     cr_clips_page_is_indexing   (CrClipsPage *self);
/* What the page says of the files that failed in the last run, or NULL. */
const char  *cr_clips_page_get_failed_text (CrClipsPage *self);
/* The detail pane, for tests: its rows' titles and subtitles joined by newlines. */
char        *cr_clips_page_describe_detail (CrClipsPage *self);

G_END_DECLS
