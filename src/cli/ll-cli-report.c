/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianluo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ll-annual-sheet.h"
#include "ll-bulletin.h"
#include "ll-case-slip.h"
#include "ll-cli.h"
#include "ll-ledger.h"
#include "ll-report.h"
#include "ll-work-report.h"

/* lianluo-cli report: the printed documents, written to PDF.
 *
 *   report annual-sheets --year Y [--station ID | --group ID | --person ID] --out FILE.pdf
 *   report work-report --station ID --from DATE --to DATE --out FILE.pdf
 *   report case-slips --case ID… --out FILE.pdf
 *   report ledger --station ID --from DATE --to DATE --out FILE.pdf
 *   report bulletin --year Y --quarter Q --out FILE.pdf
 *
 * Every command also takes the report settings (--office, --date,
 * --show-personal-data; the GB/T documents --organ-mark, --number,
 * --number-prefix, --addressee, --copy-to). The office's name defaults to
 * the database's `office-name` setting. A progress line is shown on a
 * terminal; Ctrl+C stops and leaves no file. An unknown id, a bad date
 * and a period without records are refused (status 2) and nothing is
 * written. */

/* Lines that separate the slots of a work report's text (--print-text,
 * --text). */
#define TEXT_SEPARATOR "----"

static volatile sig_atomic_t interrupted;

static void
interrupt_handler (int signum)
{
  interrupted = 1;
}

typedef struct
{
  GCancellable    *cancellable;
  gboolean         terminal;
  gboolean         shown;
  gint64           last;
  guint            pages;
  struct sigaction previous;
} Run;

static void
run_begin (Run *run)
{
  struct sigaction action = { 0 };

  run->cancellable = g_cancellable_new ();
  run->terminal = isatty (STDOUT_FILENO);
  interrupted = 0;
  action.sa_handler = interrupt_handler;
  sigemptyset (&action.sa_mask);
  sigaction (SIGINT, &action, &run->previous);
}

static void
run_end (Run *run)
{
  sigaction (SIGINT, &run->previous, NULL);
  if (run->shown)
    {
      g_print ("\r\033[K");
      fflush (stdout);
    }
  g_clear_object (&run->cancellable);
}

static void
progress_cb (guint    pages,
             double   fraction,
             gpointer user_data)
{
  Run *run = user_data;
  gint64 now;

  run->pages = pages;
  if (interrupted)
    g_cancellable_cancel (run->cancellable);

  if (!run->terminal)
    return;

  /* One line, rewritten in place, a few times a second at most. */
  now = g_get_monotonic_time ();
  if (run->shown && now - run->last < G_USEC_PER_SEC / 8 && fraction < 1)
    return;
  run->last = now;
  run->shown = TRUE;
  /* Translators: progress while writing a PDF; %u is a number of pages */
  g_print ("\r\033[K%3d%%  ", (int) (CLAMP (fraction, 0, 1) * 100));
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", pages), pages);
  fflush (stdout);
}

/* Settings shared by every report command. */
typedef struct
{
  char     *out;
  char     *office;
  char     *date;
  char     *organ_mark;
  char     *number;
  char     *number_prefix;
  char     *addressee;
  char     *copy_to;
  gboolean  personal_data;
} Common;

static void
common_clear (Common *common)
{
  g_free (common->out);
  g_free (common->office);
  g_free (common->date);
  g_free (common->organ_mark);
  g_free (common->number);
  g_free (common->number_prefix);
  g_free (common->addressee);
  g_free (common->copy_to);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Common, common_clear)

/* The options of @common, then @entries, in one table. */
static GOptionEntry *
with_common (Common             *common,
             gboolean            formal,
             const GOptionEntry *entries)
{
  const GOptionEntry shared[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &common->out,
      N_("Write the PDF to FILE (required)"), N_("FILE") },
    { "office", 0, 0, G_OPTION_ARG_STRING, &common->office,
      N_("The office that issues the document (default: the database’s office name)"),
      N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &common->date,
      N_("Date the document DATE, written 2025-03-05 (default: today)"), N_("DATE") },
    { "show-personal-data", 0, 0, G_OPTION_ARG_NONE, &common->personal_data,
      N_("Print phone numbers and addresses in full instead of masked"), NULL },
  };
  const GOptionEntry gbt[] = {
    { "organ-mark", 0, 0, G_OPTION_ARG_STRING, &common->organ_mark,
      N_("Print the red header with this issuing-organ mark, e.g. “××街道人大工委文件”"),
      N_("TEXT") },
    { "number", 0, 0, G_OPTION_ARG_STRING, &common->number,
      N_("The document’s number in its year, for the header"), N_("N") },
    { "number-prefix", 0, 0, G_OPTION_ARG_STRING, &common->number_prefix,
      N_("The organ’s abbreviation in the document number, e.g. “东人工”"), N_("TEXT") },
    { "addressee", 0, 0, G_OPTION_ARG_STRING, &common->addressee,
      N_("Whom the document is addressed to"), N_("TEXT") },
    { "copy-to", 0, 0, G_OPTION_ARG_STRING, &common->copy_to,
      N_("The organs the document is copied to (抄送)"), N_("TEXT") },
  };
  GArray *all = g_array_new (TRUE, TRUE, sizeof (GOptionEntry));

  for (guint i = 0; entries != NULL && entries[i].long_name != NULL; i++)
    g_array_append_val (all, entries[i]);
  g_array_append_vals (all, shared, G_N_ELEMENTS (shared));
  if (formal)
    g_array_append_vals (all, gbt, G_N_ELEMENTS (gbt));

  return (GOptionEntry *) g_array_free (all, FALSE);
}

static int
open_database (LlCli *cli)
{
  g_autoptr(GError) error = NULL;

  cli->db = ll_cli_open (cli, FALSE, &error);
  if (cli->db == NULL)
    {
      ll_cli_fail_error (error);
      return LL_CLI_DATABASE;
    }

  return LL_CLI_OK;
}

static int
require_out (LlCli  *cli,
             Common *common)
{
  if (common->out == NULL || *common->out == '\0')
    /* Translators: %s is a command, e.g. “report ledger” */
    return ll_cli_fail (LL_CLI_USAGE, _("%s: --out FILE.pdf is required (see “lianluo-cli %s "
                                        "--help”)"),
                        cli->command, cli->command);
  return LL_CLI_OK;
}

/* Checks the values of @common and fills the report options; the office
 * name falls back to the database's setting. */
static LlReportOptions *
make_options (LlCli    *cli,
              Common   *common,
              GError  **error)
{
  g_autoptr(LlReportOptions) options = ll_report_options_new ();

  if (!ll_cli_check_date (common->date, "--date", error) ||
      !ll_cli_check_text (common->office, "--office", error))
    return NULL;

  if (common->number != NULL && !ll_cli_parse_count (common->number, "--number",
                                                     &options->number, error))
    return NULL;

  options->office_name = g_strdup (common->office);
  if (options->office_name == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      options->office_name = ll_database_get_setting (cli->db, "office-name", &local_error);
      if (local_error != NULL)
        g_debug ("No office name: %s", local_error->message);
    }
  options->date = g_strdup (common->date);
  options->organ_mark = g_strdup (common->organ_mark);
  options->number_prefix = g_strdup (common->number_prefix);
  options->addressee = g_strdup (common->addressee);
  options->copy_to = g_strdup (common->copy_to);
  options->show_personal_data = common->personal_data;

  return g_steal_pointer (&options);
}

static gboolean
parse_year (const char  *text,
            const char  *what,
            int         *year,
            GError     **error)
{
  guint value = 0;

  if (!ll_cli_parse_count (text, what, &value, error))
    return FALSE;
  if (value < 1949 || value > 9999)
    {
      /* Translators: %s is an option, e.g. “--year” */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s: %u is not a year from 1949 to 9999."), what, value);
      return FALSE;
    }

  *year = (int) value;
  return TRUE;
}

static int
wrote (const char *path,
       guint       pages)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: %u is a number of pages, %s a file */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u page to %s.\n", "Wrote %u pages to %s.\n",
                        pages),
           pages, display);
  return LL_CLI_OK;
}

/* annual-sheets ----------------------------------------------------------- */

static int
report_annual_sheets (LlCli  *cli,
                      int     argc,
                      char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlReportOptions) options = NULL;
  g_autofree GOptionEntry *all = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *station_text = NULL;
  g_autofree char *group_text = NULL;
  g_autofree char *person_text = NULL;
  g_auto(Common) common = { 0 };
  gint64 station = 0, group = 0, person = 0;
  Run run = { 0 };
  guint pages = 0;
  int year = 0;
  int status;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year (required)"), N_("YEAR") },
    { "station", 0, 0, G_OPTION_ARG_STRING, &station_text,
      N_("Only the deputies of station ID and the stations below it"), N_("ID") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group_text,
      N_("Only the deputies of group ID"), N_("ID") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person_text,
      N_("Only the person ID"), N_("ID") },
    { NULL }
  };

  all = with_common (&common, FALSE, entries);
  context = ll_cli_context_new (cli, NULL,
                                _("Writes the annual deputy performance sheets "
                                  "(代表年度履职情况表) of a year, one page per deputy: every "
                                  "active deputy, or those of a station, of a group, or one "
                                  "person. Points, grade and rank follow the year’s point "
                                  "rules (the default rules if the year has none)."),
                                all);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 0, 0)) != LL_CLI_OK)
    return status;
  if ((status = require_out (cli, &common)) != LL_CLI_OK)
    return status;
  if (year_text == NULL)
    return ll_cli_fail (LL_CLI_USAGE, _("%s: --year is required (see “lianluo-cli %s --help”)"),
                        cli->command, cli->command);
  if ((station_text != NULL) + (group_text != NULL) + (person_text != NULL) > 1)
    return ll_cli_fail (LL_CLI_USAGE, _("%s: give at most one of --station, --group and --person"),
                        cli->command);

  if (!parse_year (year_text, "--year", &year, &error) ||
      (station_text != NULL && !ll_cli_parse_id (station_text, "--station", &station, &error)) ||
      (group_text != NULL && !ll_cli_parse_id (group_text, "--group", &group, &error)) ||
      (person_text != NULL && !ll_cli_parse_id (person_text, "--person", &person, &error)))
    return ll_cli_fail_error (error);

  if ((status = open_database (cli)) != LL_CLI_OK)
    return status;
  options = make_options (cli, &common, &error);
  if (options == NULL)
    return ll_cli_fail_error (error);

  run_begin (&run);
  ok = ll_annual_sheets_write (cli->db, options, year, station, group, person, common.out,
                               progress_cb, &run, &pages, run.cancellable, &error);
  run_end (&run);
  if (!ok)
    return ll_cli_fail_error (error);

  return wrote (common.out, pages);
}

/* work-report ------------------------------------------------------------- */

static char **
read_text (const char  *path,
           GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *slots;
  GString *slot;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  if (!g_utf8_validate (contents, -1, NULL))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("--text: “%s” is not UTF-8 text."), display);
      return NULL;
    }

  slots = g_ptr_array_new ();
  slot = g_string_new (NULL);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (strcmp (lines[i], TEXT_SEPARATOR) == 0)
        {
          g_ptr_array_add (slots, g_string_free (slot, FALSE));
          slot = g_string_new (NULL);
          continue;
        }
      if (slot->len > 0)
        g_string_append_c (slot, '\n');
      g_string_append (slot, lines[i]);
    }
  g_ptr_array_add (slots, g_string_free (slot, FALSE));

  if (slots->len != LL_WORK_REPORT_N_PARAGRAPHS)
    {
      /* Translators: the numbers are counts of parts of a text file */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("--text: the file has %u parts; a work report has %u, separated by lines "
                     "“%s” (see --print-text)."),
                   slots->len, (guint) LL_WORK_REPORT_N_PARAGRAPHS, TEXT_SEPARATOR);
      g_ptr_array_set_free_func (slots, g_free);
      g_ptr_array_unref (slots);
      return NULL;
    }

  g_ptr_array_add (slots, NULL);
  return (char **) g_ptr_array_free (slots, FALSE);
}

typedef struct
{
  char   *station_text;
  char   *from;
  char   *to;
  gint64  station;
} Period;

static void
period_clear (Period *period)
{
  g_free (period->station_text);
  g_free (period->from);
  g_free (period->to);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Period, period_clear)

static int
check_period_options (LlCli   *cli,
                      Period  *period)
{
  g_autoptr(GError) error = NULL;

  if (period->station_text == NULL || period->from == NULL || period->to == NULL)
    return ll_cli_fail (LL_CLI_USAGE,
                        _("%s: --station, --from and --to are required (see “lianluo-cli %s "
                          "--help”)"),
                        cli->command, cli->command);

  if (!ll_cli_parse_id (period->station_text, "--station", &period->station, &error) ||
      !ll_cli_check_date (period->from, "--from", &error) ||
      !ll_cli_check_date (period->to, "--to", &error))
    return ll_cli_fail_error (error);

  return LL_CLI_OK;
}

static int
report_work_report (LlCli  *cli,
                    int     argc,
                    char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlReportOptions) options = NULL;
  g_autoptr(LlWorkReport) report = NULL;
  g_autoptr(LlDocument) doc = NULL;
  g_autoptr(LlLayoutContext) layout = NULL;
  g_autofree GOptionEntry *all = NULL;
  g_autofree char *text_path = NULL;
  g_auto(GStrv) text = NULL;
  g_auto(Period) period = { 0 };
  g_auto(Common) common = { 0 };
  gboolean print_text = FALSE;
  Run run = { 0 };
  guint pages;
  int status;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "station", 0, 0, G_OPTION_ARG_STRING, &period.station_text,
      N_("The station (with the stations below it)"), N_("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &period.from,
      N_("The first day, written 2025-01-01"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &period.to,
      N_("The last day, written 2025-03-31"), N_("DATE") },
    { "print-text", 0, 0, G_OPTION_ARG_NONE, &print_text,
      N_("Print the report’s text, to edit it, instead of writing the PDF"), NULL },
    { "text", 0, 0, G_OPTION_ARG_FILENAME, &text_path,
      N_("Use the text in FILE, edited from --print-text"), N_("FILE") },
    { NULL }
  };

  all = with_common (&common, TRUE, entries);
  context = ll_cli_context_new (cli, NULL,
                                _("Writes a station’s work report for a period as a GB/T 9704 "
                                  "document: receptions, people received, cases by category "
                                  "and by outcome, resolution and satisfaction rates and "
                                  "charts. --print-text prints its text in parts separated by "
                                  "lines “----”; edit them and give the file back with --text."),
                                all);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 0, 0)) != LL_CLI_OK)
    return status;
  if (!print_text && (status = require_out (cli, &common)) != LL_CLI_OK)
    return status;
  if ((status = check_period_options (cli, &period)) != LL_CLI_OK)
    return status;

  if (text_path != NULL && (text = read_text (text_path, &error)) == NULL)
    return ll_cli_fail_error (error);

  if ((status = open_database (cli)) != LL_CLI_OK)
    return status;
  options = make_options (cli, &common, &error);
  if (options == NULL)
    return ll_cli_fail_error (error);

  run_begin (&run);
  report = ll_work_report_new (cli->db, period.station, period.from, period.to,
                               run.cancellable, &error);
  if (report == NULL)
    {
      run_end (&run);
      return ll_cli_fail_error (error);
    }

  if (print_text)
    {
      g_auto(GStrv) defaults = ll_work_report_get_default_paragraphs (report, options);

      run_end (&run);
      for (guint i = 0; defaults[i] != NULL; i++)
        g_print ("%s%s\n", i > 0 ? TEXT_SEPARATOR "\n" : "", defaults[i]);
      return LL_CLI_OK;
    }

  doc = ll_work_report_build (report, options, (const char * const *) text);
  layout = ll_report_options_new_context (options);
  ok = ll_document_write_pdf (doc, layout, common.out, progress_cb, &run, run.cancellable,
                              &error);
  pages = run.pages;
  run_end (&run);
  if (!ok)
    return ll_cli_fail_error (error);

  return wrote (common.out, pages);
}

/* case-slips -------------------------------------------------------------- */

static gboolean
looks_like_serial (const char *text)
{
  return strlen (text) >= 6 && g_ascii_isdigit (text[0]) && strchr (text, '-') != NULL;
}

static gboolean
resolve_case (LlCli       *cli,
              const char  *text,
              gint64      *id,
              GError     **error)
{
  if (looks_like_serial (text))
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(LlCase) kase = ll_case_store_get_by_serial (cli->db, text, &local_error);

      if (kase == NULL)
        {
          if (g_error_matches (local_error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND))
            /* Translators: %s is a case's serial number, e.g. 2025-0078 */
            g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                         _("There is no case with the serial number %s."), text);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      *id = ll_case_get_id (kase);
      return TRUE;
    }

  return ll_cli_parse_id (text, "--case", id, error);
}

static int
report_case_slips (LlCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlReportOptions) options = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree GOptionEntry *all = NULL;
  g_auto(GStrv) cases = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_auto(Common) common = { 0 };
  Run run = { 0 };
  guint pages = 0;
  int status;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_STRING_ARRAY, &cases,
      N_("A case, by id (12) or serial number (2025-0078); repeat it, or list more cases "
         "after the options"), N_("ID") },
    { NULL }
  };

  all = with_common (&common, FALSE, entries);
  context = ll_cli_context_new (cli, N_("[ID…]"),
                                _("Writes the hand-over slips (交办单) of cases, one page each, "
                                  "in the order given. The constituent’s phone number and "
                                  "address are masked unless --show-personal-data is given."),
                                all);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 0, -1)) != LL_CLI_OK)
    return status;
  if ((status = require_out (cli, &common)) != LL_CLI_OK)
    return status;

  /* --case 1 --case 2, --case 1,2, or --case 1 2 3. */
  for (guint i = 0; cases != NULL && cases[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (cases[i], ",", -1);

      for (guint k = 0; parts[k] != NULL; k++)
        if (*g_strstrip (parts[k]) != '\0')
          g_ptr_array_add (words, g_strdup (parts[k]));
    }
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (words, g_strdup (argv[i]));
  if (words->len == 0)
    return ll_cli_fail (LL_CLI_USAGE, _("%s: give the cases with --case ID (see “lianluo-cli %s "
                                        "--help”)"),
                        cli->command, cli->command);

  if ((status = open_database (cli)) != LL_CLI_OK)
    return status;
  options = make_options (cli, &common, &error);
  if (options == NULL)
    return ll_cli_fail_error (error);

  for (guint i = 0; i < words->len; i++)
    {
      gint64 id = 0;

      if (!resolve_case (cli, g_ptr_array_index (words, i), &id, &error))
        return ll_cli_fail_error (error);
      g_array_append_val (ids, id);
    }

  run_begin (&run);
  ok = ll_case_slips_write (cli->db, options, (const gint64 *) ids->data, ids->len, common.out,
                            progress_cb, &run, &pages, run.cancellable, &error);
  run_end (&run);
  if (!ok)
    return ll_cli_fail_error (error);

  return wrote (common.out, pages);
}

/* ledger ------------------------------------------------------------------ */

static int
report_ledger (LlCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlReportOptions) options = NULL;
  g_autofree GOptionEntry *all = NULL;
  g_auto(Period) period = { 0 };
  g_auto(Common) common = { 0 };
  Run run = { 0 };
  guint pages;
  int status;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "station", 0, 0, G_OPTION_ARG_STRING, &period.station_text,
      N_("The station (with the stations below it)"), N_("ID") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &period.from,
      N_("The first day, written 2025-01-01"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &period.to,
      N_("The last day, written 2025-03-31"), N_("DATE") },
    { NULL }
  };

  all = with_common (&common, FALSE, entries);
  context = ll_cli_context_new (cli, NULL,
                                _("Writes a station’s ledger (台账) for a period on landscape "
                                  "pages: the activities held and the cases received, oldest "
                                  "first."),
                                all);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 0, 0)) != LL_CLI_OK)
    return status;
  if ((status = require_out (cli, &common)) != LL_CLI_OK)
    return status;
  if ((status = check_period_options (cli, &period)) != LL_CLI_OK)
    return status;

  if ((status = open_database (cli)) != LL_CLI_OK)
    return status;
  options = make_options (cli, &common, &error);
  if (options == NULL)
    return ll_cli_fail_error (error);

  run_begin (&run);
  ok = ll_ledger_write (cli->db, options, period.station, period.from, period.to, common.out,
                        progress_cb, &run, run.cancellable, &error);
  pages = run.pages;
  run_end (&run);
  if (!ok)
    return ll_cli_fail_error (error);

  return wrote (common.out, pages);
}

/* bulletin ---------------------------------------------------------------- */

static int
report_bulletin (LlCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlReportOptions) options = NULL;
  g_autofree GOptionEntry *all = NULL;
  g_autofree char *year_text = NULL;
  g_autofree char *quarter_text = NULL;
  g_auto(Common) common = { 0 };
  Run run = { 0 };
  guint quarter = 0;
  guint pages;
  int year = 0;
  int status;
  gboolean ok;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, N_("The year (required)"), N_("YEAR") },
    { "quarter", 0, 0, G_OPTION_ARG_STRING, &quarter_text,
      N_("The quarter, 1 to 4 (required)"), N_("Q") },
    { NULL }
  };

  all = with_common (&common, TRUE, entries);
  context = ll_cli_context_new (cli, NULL,
                                _("Writes the quarterly performance bulletin (履职通报) as a "
                                  "GB/T 9704 document: the quarter’s figures and every active "
                                  "deputy ranked by points."),
                                all);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 0, 0)) != LL_CLI_OK)
    return status;
  if ((status = require_out (cli, &common)) != LL_CLI_OK)
    return status;
  if (year_text == NULL || quarter_text == NULL)
    return ll_cli_fail (LL_CLI_USAGE, _("%s: --year and --quarter are required (see "
                                        "“lianluo-cli %s --help”)"),
                        cli->command, cli->command);

  if (!parse_year (year_text, "--year", &year, &error) ||
      !ll_cli_parse_count (quarter_text, "--quarter", &quarter, &error))
    return ll_cli_fail_error (error);
  if (quarter < 1 || quarter > 4)
    return ll_cli_fail (LL_CLI_BAD_INPUT, _("--quarter: %u is not a quarter; give 1, 2, 3 or 4."),
                        quarter);

  if ((status = open_database (cli)) != LL_CLI_OK)
    return status;
  options = make_options (cli, &common, &error);
  if (options == NULL)
    return ll_cli_fail_error (error);

  run_begin (&run);
  ok = ll_bulletin_write (cli->db, options, year, quarter, common.out, progress_cb, &run,
                          run.cancellable, &error);
  pages = run.pages;
  run_end (&run);
  if (!ok)
    return ll_cli_fail_error (error);

  return wrote (common.out, pages);
}

static const LlCliCommand report_commands[] = {
  { "annual-sheets", NULL, N_("Annual deputy performance sheets, one page per deputy"),
    report_annual_sheets },
  { "work-report", NULL, N_("A station’s work report for a period (GB/T 9704)"),
    report_work_report },
  { "case-slips", "ID…", N_("Hand-over slips of cases, one page per case"), report_case_slips },
  { "ledger", NULL, N_("A station’s ledger of activities and cases for a period"),
    report_ledger },
  { "bulletin", NULL, N_("The quarterly performance bulletin with the ranking (GB/T 9704)"),
    report_bulletin },
  { NULL }
};

int
ll_cli_report (LlCli  *cli,
               int     argc,
               char  **argv)
{
  return ll_cli_run_group (cli, "report", _("Write printed documents to PDF files"),
                           report_commands, argc, argv);
}
