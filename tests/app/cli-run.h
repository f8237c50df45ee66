/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Runs the command line in this process, as `casereel ARGS…`, and captures what it prints. */

#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <unistd.h>

#include "cr-cli.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static inline void
cli_result_clear (CliResult *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliResult, cli_result_clear)

/* A command that must succeed: its status and error said when it does not. */
static inline void
cli_ok (CliResult r)
{
  if (r.status != 0)
    g_error ("command failed (%d): %s", r.status, r.err);
  cli_result_clear (&r);
}

static inline char *
cli_capture_end (int saved, int fd, const char *path)
{
  char *text = NULL;

  dup2 (saved, fd);
  close (saved);
  g_file_get_contents (path, &text, NULL, NULL);
  g_unlink (path);
  return text;
}

/* args: NULL-terminated, without the program name. */
static inline CliResult
cli_runv (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out_path = NULL, *err_path = NULL;
  int out_fd = g_file_open_tmp ("cli-out-XXXXXX", &out_path, NULL);
  int err_fd = g_file_open_tmp ("cli-err-XXXXXX", &err_path, NULL);
  int saved_out, saved_err;
  CliResult r = { 0 };

  g_ptr_array_add (argv, g_strdup ("casereel"));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  fflush (stdout);
  fflush (stderr);
  saved_out = dup (STDOUT_FILENO);
  saved_err = dup (STDERR_FILENO);
  dup2 (out_fd, STDOUT_FILENO);
  dup2 (err_fd, STDERR_FILENO);
  close (out_fd);
  close (err_fd);
  {
    /* cr_cli_run may reorder argv (GOption does); keep our own copy to free. */
    g_autofree char **copy = g_memdup2 (argv->pdata, sizeof (char *) * argv->len);
    r.status = cr_cli_run ((int) argv->len - 1, copy);
  }
  fflush (stdout);
  fflush (stderr);
  r.out = cli_capture_end (saved_out, STDOUT_FILENO, out_path);
  r.err = cli_capture_end (saved_err, STDERR_FILENO, err_path);
  return r;
}

#define cli_run(...) cli_runv ((const char * const[]) { __VA_ARGS__, NULL })
