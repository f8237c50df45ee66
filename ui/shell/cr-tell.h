/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cr-entity.h"

G_BEGIN_DECLS

/* A message under its heading with one Close button, over the window `from` is in (or on its
 * own when it is in none); the dialog shown. */
GtkWindow *cr_tell       (GtkWidget    *from,
                          const char   *heading,
                          const char   *body);
/* The same with an error's words for `what` ("the clip") as cr_error_words_read () puts them. */
GtkWindow *cr_tell_error (GtkWidget    *from,
                          const char   *heading,
                          const GError *error,
                          const char   *what);
/* The same for a failed change to `what`, as cr_error_words_write () puts it ("…; nothing was
 * changed"). */
GtkWindow *cr_tell_write_error (GtkWidget    *from,
                                const char   *heading,
                                const GError *error,
                                const char   *what);
/* A row of `entity` that could not be read to open it: "Could Not Open the Participant". */
GtkWindow *cr_tell_unopened    (GtkWidget      *from,
                                const CrEntity *entity,
                                const GError   *error);

G_END_DECLS
