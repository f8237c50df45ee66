/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "cr-cli-progress.h"

struct _CrCliProgress
{
  GCancellable     *cancellable;
  gboolean          bar;
  gboolean          drawn;
  struct sigaction  old_action;
};

/* A signal handler may only set a flag; the next update turns it into a cancel. */
static volatile sig_atomic_t interrupted;

static void
on_interrupt (int signum)
{
  interrupted = 1;
}

CrCliProgress *
cr_cli_progress_begin (GCancellable *cancellable)
{
  CrCliProgress *self = g_new0 (CrCliProgress, 1);
  struct sigaction action = { 0 };

  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  self->bar = isatty (STDERR_FILENO);
  interrupted = 0;
  action.sa_handler = on_interrupt;
  sigaction (SIGINT, &action, &self->old_action);
  return self;
}

void
cr_cli_progress_update (CrCliProgress *self,
                        double         fraction,
                        const char    *text)
{
  const int width = 30;
  int filled = (int) (CLAMP (fraction, 0.0, 1.0) * width);

  if (interrupted && self->cancellable)
    g_cancellable_cancel (self->cancellable);
  if (!self->bar)
    return;
  fprintf (stderr, "\r[%.*s%*s] %s ", filled, "##############################", width - filled, "", text ? text : "");
  fflush (stderr);
  self->drawn = TRUE;
}

void
cr_cli_progress_end (CrCliProgress *self)
{
  if (self == NULL)
    return;
  sigaction (SIGINT, &self->old_action, NULL);
  if (self->drawn)
    fprintf (stderr, "\n");
  g_clear_object (&self->cancellable);
  g_free (self);
}
