/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* Figures over a run's samples (ms, doubles); each sorts the samples in place. */

static inline int
bench_compare_double (gconstpointer a,
                      gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static inline int
bench_compare_gint64 (gconstpointer a,
                      gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static inline double
bench_median (GArray *ms)
{
  g_array_sort (ms, bench_compare_double);
  return ms->len ? g_array_index (ms, double, ms->len / 2) : 0;
}

static inline double
bench_longest (GArray *ms)
{
  g_array_sort (ms, bench_compare_double);
  return ms->len ? g_array_index (ms, double, ms->len - 1) : 0;
}

/* How many samples are over `limit` ms. */
static inline guint
bench_count_over (GArray *ms,
                  double  limit)
{
  guint n = 0;

  for (guint i = 0; i < ms->len; i++)
    n += g_array_index (ms, double, i) > limit;
  return n;
}
