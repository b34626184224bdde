/* floor-xlsx.c — the floor of the export benchmark: the least work libxlsxwriter
 * can do to write a workbook with a given number of cells, with no database, no
 * formats and no lookups. bench-export compares Aimak's export against it.
 *
 * Usage: floor-xlsx OUT.xlsx ROWS STRING_COLS NUMBER_COLS STRING_LEN CONSTANT_MEMORY
 * Every string differs (as the titles of priorities do), so the shared-string
 * table of the normal mode has to hold all of them, as it has for Aimak.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

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
  if (string_len < 12)
    string_len = 12;
  if (string_len > sizeof buf - 1)
    string_len = sizeof buf - 1;
  options.constant_memory = atoi (argv[6]) ? LXW_TRUE : LXW_FALSE;

  workbook = workbook_new_opt (argv[1], &options);
  if (workbook == NULL)
    return 1;
  sheet = workbook_add_worksheet (workbook, NULL);
  if (sheet == NULL)
    return 1;
  memset (buf, 'x', sizeof buf);
  for (unsigned long r = 0; r < rows; r++)
    {
      for (unsigned long c = 0; c < string_cols; c++)
        {
          int n = snprintf (buf, sizeof buf, "%lu-%lu ", r, c);
          buf[n] = 'x';
          buf[string_len] = '\0';
          if (worksheet_write_string (sheet, (lxw_row_t) r, (lxw_col_t) c, buf, NULL)
              != LXW_NO_ERROR)
            return 1;
          buf[string_len] = 'x';
        }
      for (unsigned long c = 0; c < number_cols; c++)
        if (worksheet_write_number (sheet, (lxw_row_t) r, (lxw_col_t) (string_cols + c),
                                    (double) (r * 7 + c), NULL) != LXW_NO_ERROR)
          return 1;
    }
  return workbook_close (workbook) == LXW_NO_ERROR ? 0 : 1;
}
