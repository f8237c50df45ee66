/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casereel-db"

#include "config.h"

#include <string.h>

#include "cr-natural-sort.h"

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* A run of digits read as a number of any size: leading zeros skipped, then the longer
 * run is the larger, then the first digit that differs; "007" after "7" so that the order
 * is total. */
static int
compare_numbers (const char **pa, const char *a_end,
                 const char **pb, const char *b_end)
{
  const char *a = *pa, *b = *pb, *ad, *bd;
  gsize a_zeros, b_zeros;
  int first = 0;

  for (ad = a; ad < a_end && *ad == '0'; ad++)
    ;
  for (bd = b; bd < b_end && *bd == '0'; bd++)
    ;
  a_zeros = (gsize) (ad - a);
  b_zeros = (gsize) (bd - b);
  for (a = ad, b = bd; a < a_end && b < b_end && is_digit (*a) && is_digit (*b); a++, b++)
    if (first == 0 && *a != *b)
      first = *a < *b ? -1 : 1;
  if (a < a_end && is_digit (*a))
    return 1;
  if (b < b_end && is_digit (*b))
    return -1;
  *pa = a;
  *pb = b;
  if (first != 0)
    return first;
  return a_zeros < b_zeros ? -1 : a_zeros > b_zeros;
}

int
cr_natural_compare (const char *a,
                    gssize      a_len,
                    const char *b,
                    gssize      b_len)
{
  const char *a_end = a + (a_len < 0 ? (gssize) strlen (a) : a_len);
  const char *b_end = b + (b_len < 0 ? (gssize) strlen (b) : b_len);
  int tie = 0;

  while (a < a_end && b < b_end)
    {
      if (is_digit (*a) && is_digit (*b))
        {
          int c = compare_numbers (&a, a_end, &b, b_end);
          if (c != 0)
            return c;
          continue;
        }
      if (*a != *b)
        {
          char la = g_ascii_tolower (*a), lb = g_ascii_tolower (*b);
          if (la != lb)
            return (guchar) la < (guchar) lb ? -1 : 1;
          /* Same letter in another case: decides only if nothing else does. */
          if (tie == 0)
            tie = (guchar) *a < (guchar) *b ? -1 : 1;
        }
      a++;
      b++;
    }
  if (a < a_end)
    return 1;
  if (b < b_end)
    return -1;
  return tie;
}

static int
collate (void       *data,
         int         a_len,
         const void *a,
         int         b_len,
         const void *b)
{
  return cr_natural_compare (a, a_len, b, b_len);
}

gboolean
cr_natural_register (sqlite3 *handle)
{
  return sqlite3_create_collation_v2 (handle, "NATURAL_ORDER", SQLITE_UTF8, NULL, collate, NULL) == SQLITE_OK;
}
