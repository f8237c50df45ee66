/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-production.h"

G_BEGIN_DECLS

/* A dialog that adds or edits one row of any entity, built from the entity's field table.
 * Save writes through the store; a refused write shows the store's one-line message under
 * the header, marks the field it names and keeps what the user typed. Emits ::saved (id)
 * after a write and ::deleted (CrUndoDelete *: take a reference to keep it) after a delete. */

#define CR_TYPE_RECORD_EDITOR (cr_record_editor_get_type ())
G_DECLARE_FINAL_TYPE (CrRecordEditor, cr_record_editor, CR, RECORD_EDITOR, AdwWindow)

/* id 0 adds a new row; else the row is read first, and NULL with @error when it cannot be
 * (another program removed it, the file is locked): never a blank form that would add it. */
CrRecordEditor *cr_record_editor_new         (GtkWindow       *parent,
                                              CrProduction    *production,
                                              const CrEntity  *entity,
                                              gint64           id,
                                              GError         **error);
const CrEntity *cr_record_editor_get_entity  (CrRecordEditor  *self);
gint64          cr_record_editor_get_id      (CrRecordEditor  *self);
/* Sets a field as a user would (stored form is accepted too: ids for references, one per
 * line or comma-separated for links, "1"/"0" for yes/no). FALSE if the field has no input. */
gboolean        cr_record_editor_set_text    (CrRecordEditor  *self,
                                              const char      *field,
                                              const char      *text);
/* The field's input as it stands, in the form the store takes. */
char           *cr_record_editor_get_text    (CrRecordEditor  *self,
                                              const char      *field);
/* Sets a field and keeps the user from changing it (the participant of a new consent). */
void            cr_record_editor_preset      (CrRecordEditor  *self,
                                              const char      *field,
                                              const char      *text);
/* What Save does. On success the dialog closes; on failure it stays, with the message. */
gboolean        cr_record_editor_save        (CrRecordEditor  *self,
                                              GError         **error);
/* What Delete does once confirmed; the dialog then closes. */
gboolean        cr_record_editor_delete      (CrRecordEditor  *self,
                                              GError         **error);
/* Whether an input differs from how the form opened (Esc then asks before discarding). */
gboolean        cr_record_editor_is_changed  (CrRecordEditor  *self);
/* The search that adds to a list of links (the people of an interview), or NULL. */
struct _CrRowPicker *cr_record_editor_get_picker (CrRecordEditor *self,
                                                  const char     *field);
/* The message shown, or NULL. */
const char     *cr_record_editor_get_error   (CrRecordEditor  *self);
/* The field that the message names, or NULL. */
const char     *cr_record_editor_get_error_field (CrRecordEditor *self);

G_END_DECLS
