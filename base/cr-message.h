/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Input echoed into a one-line message: control characters (line breaks, terminal escapes)
 * shown as \n, \t, \x1b; bytes that are not UTF-8 as \xNN; more than @max_chars characters
 * cut in the middle, saying how many were left out. 0 for @max_chars: no cut. */
char    *cr_message_text         (const char *text,
                                  gsize       max_chars);

/* @text with each byte that is not UTF-8 written as \xNN and everything else as it is: file
 * names from a disk, for JSON and other UTF-8-only formats. */
char    *cr_text_make_valid      (const char *text);

/* How long an echoed value may be: a name or a path, not a whole field of a hostile file. */
#define CR_MESSAGE_MAX_VALUE 160
/* How long a whole message line may be. */
#define CR_MESSAGE_MAX_LINE  500

G_END_DECLS
