/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Long work on the command line: a progress bar on stderr when it is a terminal, and Ctrl+C
 * cancelling the work through its GCancellable (the work then cleans up after itself). */
typedef struct _CrCliProgress CrCliProgress;

CrCliProgress *cr_cli_progress_begin  (GCancellable *cancellable);
/* Safe from any thread; `text` follows the bar ("12/40 files"). */
void           cr_cli_progress_update (CrCliProgress *progress, double fraction, const char *text);
/* When stderr is not a terminal (a log, a script), print a line to stdout as the work goes
 * ("render: 40% 1000/2500 frames"): at each further tenth, and otherwise after a few seconds
 * of work, so that a long run shows it is alive. Errors stay the one line on stderr. */
void           cr_cli_progress_print_lines (CrCliProgress *progress, const char *what);
/* Restores Ctrl+C and ends the bar's line. */
void           cr_cli_progress_end    (CrCliProgress *progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCliProgress, cr_cli_progress_end)

G_END_DECLS
