/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-cli"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "cr-cli-progress.h"

/* A line at least this often when the work moves, between the tenths. */
#define LINE_INTERVAL_US (5 * G_USEC_PER_SEC)

struct _CrCliProgress
{
  GCancellable     *cancellable;
  gboolean          bar;
  gboolean          drawn;
  struct sigaction  old_action;
  /* Lines when not on a terminal (cr_cli_progress_print_lines) */
  GMutex            lock;
  char             *what;          /* NULL: no lines */
  int               tenths;        /* the last tenth printed, -1 none */
  int               percent;       /* the last percentage printed */
  gint64            line_us;       /* when the last line was printed */
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
  g_mutex_init (&self->lock);
  self->tenths = -1;
  self->percent = -1;
  interrupted = 0;
  action.sa_handler = on_interrupt;
  sigaction (SIGINT, &action, &self->old_action);
  return self;
}

void
cr_cli_progress_print_lines (CrCliProgress *self,
                             const char    *what)
{
  g_mutex_lock (&self->lock);
  g_free (self->what);
  self->what = g_strdup (what);
  self->line_us = g_get_monotonic_time ();
  g_mutex_unlock (&self->lock);
}

static void
print_line (CrCliProgress *self,
            double         fraction,
            const char    *text)
{
  int percent = (int) (CLAMP (fraction, 0.0, 1.0) * 100);
  gint64 now = g_get_monotonic_time ();

  g_mutex_lock (&self->lock);
  if (self->what != NULL && percent > self->percent &&
      (percent / 10 > self->tenths || now - self->line_us >= LINE_INTERVAL_US))
    {
      printf ("%s: %d%%%s%s\n", self->what, percent, text ? " " : "", text ? text : "");
      fflush (stdout);
      self->percent = percent;
      self->tenths = percent / 10;
      self->line_us = now;
    }
  g_mutex_unlock (&self->lock);
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
    {
      print_line (self, fraction, text);
      return;
    }
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
  g_free (self->what);
  g_mutex_clear (&self->lock);
  g_free (self);
}
