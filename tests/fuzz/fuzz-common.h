/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What every fuzz target checks besides the sanitizers: a refusal is one non-empty line,
 * and a property that does not hold aborts so that libFuzzer keeps the input. */

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_ASSERT(cond) \
  G_STMT_START { \
    if (!(cond)) \
      { \
        fprintf (stderr, "%s:%d: %s does not hold\n", __FILE__, __LINE__, #cond); \
        abort (); \
      } \
  } G_STMT_END

static inline void
fuzz_check_one_line_error (const GError *error)
{
  FUZZ_ASSERT (error != NULL);
  FUZZ_ASSERT (error->message[0] != '\0');
  if (strchr (error->message, '\n') != NULL)
    fprintf (stderr, "more than one line: %s\n", error->message);
  FUZZ_ASSERT (strchr (error->message, '\n') == NULL);
}

/* Either a result and no error, or no result and a one-line error. */
#define fuzz_check_one_line(result, error) \
  G_STMT_START { \
    if ((result) != NULL) \
      FUZZ_ASSERT ((error) == NULL); \
    else \
      fuzz_check_one_line_error (error); \
  } G_STMT_END

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

/* CRITICALs and warnings are bugs here: make them crash so libFuzzer keeps the input. */
static inline void
fuzz_fatal_logs (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_ERROR);
}
