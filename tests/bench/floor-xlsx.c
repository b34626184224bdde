/* SPDX-License-Identifier: GPL-3.0-or-later */
/* floor-xlsx.c — the floor of the export benchmark: the least work libxlsxwriter can
 * do to write a workbook with a given number of cells: no database, no formats, no
 * lookups, one sheet, rows in order. bench-export compares Aimak's export against it.
 *
 * Usage: floor-xlsx OUT.xlsx ROWS STRING_COLS NUMBER_COLS STRING_LEN CONSTANT_MEMORY
 *
 * The cells hold text and numbers like a workbook's, because zlib takes half the time
 * of writing an .xlsx and its speed depends on the text: "xxxxxxxx" compresses far
 * faster than real text (an unreachably low floor), random bytes far slower. So, as in
 * a table of priorities, half of the text columns repeat a few values (names from code
 * lists: area, sector, status, funding) and half hold free text that differs on every
 * row (titles, justifications), made of words drawn at random from a vocabulary of
 * the workbook's own words; numbers have several digits. Strings average STRING_LEN
 * bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static const char *words[] = {
  "support", "for", "women", "returnees", "migrant", "households", "the", "of", "and",
  "water", "drinking", "system", "rehabilitation", "kindergarten", "school", "training",
  "courses", "in", "welding", "sewing", "greenhouse", "cooperative", "local", "budget",
  "ayil", "okmotu", "rayon", "administration", "community", "centre", "youth", "children",
  "left", "behind", "families", "service", "window", "one-stop", "legal", "aid",
  "information", "safe", "migration", "employment", "jobs", "skills", "microcredit",
  "grants", "road", "repair", "street", "lighting", "health", "post", "village", "public",
  "hearing", "decision", "kenesh", "women-headed", "participation", "leadership", "care",
  "unpaid", "work", "violence", "prevention", "psychosocial", "reintegration", "remittances",
  "investment", "diaspora", "partners", "NGO", "council", "social", "protection", "access",
  "basic", "services", "documentation", "identity", "data", "disaggregated", "by", "sex",
  "Collect", "utilize", "accurate", "Minimize", "adverse", "drivers", "Provide", "timely",
  "Approved", "Draft", "Proposed", "Local", "Republican", "Donor", "Private", "sector",
};

static unsigned long long state = 88172645463325252ULL;

static unsigned int
next_random (void)
{
  /* xorshift64: deterministic, so every run writes the same workbook. */
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return (unsigned int) (state >> 32);
}

/* Free text: different on every row. A "categorical" column instead has one of 16
 * values, the same words each time it repeats. */
static void
make_text (char         *buf,
           size_t        size,
           unsigned long target,
           unsigned long row,
           unsigned long col)
{
  size_t len;

  if (col % 2 == 0)
    {
      unsigned long value = next_random () % 16;
      unsigned long long saved = state;

      /* The value's words come from a generator seeded by (column, value). */
      state = 0x9E3779B97F4A7C15ULL * (col * 16 + value + 1);
      len = (size_t) snprintf (buf, size, "%lu", value);
      while (len + 1 < target && len + 2 < size)
        {
          const char *w = words[next_random () % (sizeof words / sizeof words[0])];
          size_t n = strlen (w);

          if (len + 1 + n >= size)
            break;
          buf[len++] = ' ';
          memcpy (buf + len, w, n);
          len += n;
        }
      buf[len] = '\0';
      state = saved;
      return;
    }
  len = (size_t) snprintf (buf, size, "%lu.%lu", row, col);

  while (len + 1 < target && len + 2 < size)
    {
      const char *w = words[next_random () % (sizeof words / sizeof words[0])];
      size_t n = strlen (w);

      if (len + 1 + n >= size)
        break;
      buf[len++] = ' ';
      memcpy (buf + len, w, n);
      len += n;
    }
  buf[len] = '\0';
}

int
main (int argc, char **argv)
{
  lxw_workbook_options options = { 0 };
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  unsigned long rows, string_cols, number_cols, string_len;
  char buf[512];

  if (argc != 7)
    {
      fprintf (stderr, "usage: %s OUT.xlsx ROWS STRING_COLS NUMBER_COLS STRING_LEN "
               "CONSTANT_MEMORY\n", argv[0]);
      return 2;
    }
  rows = strtoul (argv[2], NULL, 10);
  string_cols = strtoul (argv[3], NULL, 10);
  number_cols = strtoul (argv[4], NULL, 10);
  string_len = strtoul (argv[5], NULL, 10);
  options.constant_memory = atoi (argv[6]) ? LXW_TRUE : LXW_FALSE;

  workbook = workbook_new_opt (argv[1], &options);
  if (workbook == NULL)
    return 1;
  sheet = workbook_add_worksheet (workbook, NULL);
  if (sheet == NULL)
    return 1;
  for (unsigned long r = 0; r < rows; r++)
    {
      for (unsigned long c = 0; c < string_cols; c++)
        {
          make_text (buf, sizeof buf, string_len, r, c);
          if (worksheet_write_string (sheet, (lxw_row_t) r, (lxw_col_t) c, buf, NULL)
              != LXW_NO_ERROR)
            return 1;
        }
      for (unsigned long c = 0; c < number_cols; c++)
        if (worksheet_write_number (sheet, (lxw_row_t) r, (lxw_col_t) (string_cols + c),
                                    (double) (next_random () % 1000000), NULL) != LXW_NO_ERROR)
          return 1;
    }
  return workbook_close (workbook) == LXW_NO_ERROR ? 0 : 1;
}
