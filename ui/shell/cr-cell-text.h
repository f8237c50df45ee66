/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A table cell's line of text, ellipsized, optionally after a status icon in a tone (a
 * consent badge). Drawn, not a GtkLabel: it is as tall as its font's line whatever the text,
 * so the text is laid out only when drawn (a list binds some 200 rows and shows 25), and a
 * tone is a colour, not a style class, so a row bound to another person restyles nothing. */

typedef enum
{
  CR_CELL_TONE_PLAIN,     /* the text's colour, no icon */
  CR_CELL_TONE_DIM,       /* dimmed, no icon (nothing recorded) */
  CR_CELL_TONE_SUCCESS,
  CR_CELL_TONE_WARNING,
  CR_CELL_TONE_ERROR,
} CrCellTone;

#define CR_TYPE_CELL_TEXT (cr_cell_text_get_type ())
G_DECLARE_FINAL_TYPE (CrCellText, cr_cell_text, CR, CELL_TEXT, GtkWidget)

GtkWidget  *cr_cell_text_new      (void);
void        cr_cell_text_set_text (CrCellText *self, const char *text);
/* The text with the tone's icon (success, warning and error have one) and colour. */
void        cr_cell_text_set      (CrCellText *self, const char *text, CrCellTone tone);
const char *cr_cell_text_get_text (CrCellText *self);
CrCellTone  cr_cell_text_get_tone (CrCellText *self);
/* The tone for a style class of cr_consent_words () ("success", "warning", "error"; else dim). */
CrCellTone  cr_cell_tone_for_style (const char *style_class);

G_END_DECLS
