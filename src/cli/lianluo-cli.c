/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianluo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ll-cli.h"

/* lianluo-cli: the scriptable face of the core.
 *
 *   lianluo-cli [--db PATH] COMMAND [OPTION…] [ARGUMENT…]
 *
 * Command names, options, exit statuses (ll-cli.h) and JSON keys are a
 * contract with scripts outside the repository: add, never rename. */

static const LlCliCommand commands[] = {
  { "init", NULL, N_("Create the database, or bring it up to this version"), ll_cli_init },
  { "check", NULL, N_("Check the whole database file for damage"), ll_cli_check },
  { "backup", "OUT", N_("Copy the database safely into the file OUT"), ll_cli_backup },
  { "stats", NULL, N_("Count what the database holds"), ll_cli_stats },
  { "search", "QUERY", N_("Find cases, people and stations"), ll_cli_search },
  { "demo", NULL, N_("Fill an empty database with demonstration data"), ll_cli_demo },
  { "case", "COMMAND", N_("Register cases and take them through their handling"), ll_cli_case },
  { "station", "COMMAND", N_("Add and list stations"), ll_cli_station },
  { "person", "COMMAND", N_("Add and list people"), ll_cli_person },
  { "assign", "PERSON STATION", N_("Station a person at a station"), ll_cli_assign },
  { "report", "COMMAND", N_("Write printed documents to PDF files"), ll_cli_report },
  { "roster", "COMMAND", N_("Plan who is on duty on reception days"), ll_cli_roster },
  { NULL }
};

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));
  gsize width = 0;

  for (guint i = 0; commands[i].name != NULL; i++)
    width = MAX (width, strlen (commands[i].name));

  for (guint i = 0; commands[i].name != NULL; i++)
    g_string_append_printf (text, "\n  %-*s  %s", (int) width, commands[i].name,
                            _(commands[i].summary));

  g_string_append (text, "\n\n");
  g_string_append (text, _("Run “lianluo-cli COMMAND --help” for a command’s options.\n"
                           "The database is $XDG_DATA_HOME/lianluo/lianluo.db unless --db or "
                           "LIANLUO_DB names another.\n"
                           "Exit status: 0 done, 1 wrong usage, 2 a value or id was refused, "
                           "3 the database could not be used."));

  return g_string_free (text, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *db_path = NULL;
  gboolean version = FALSE;
  LlCli cli = { 0 };
  const char *name;
  int status;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Use the database file PATH instead of the default one"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("lianluo-cli");

  context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_option_context_set_summary (context, _("Work with a Lianluo database from the command line."));
  description = describe_commands ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return ll_cli_fail (LL_CLI_USAGE, _("%s (see “lianluo-cli --help”)"), error->message);

  if (version)
    {
      g_print ("lianluo-cli %s\n", PACKAGE_VERSION);
      return LL_CLI_OK;
    }

  if (argc < 2)
    return ll_cli_fail (LL_CLI_USAGE, _("no command given (see “lianluo-cli --help”)"));

  name = argv[1];
  if (strcmp (name, "help") == 0)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      return LL_CLI_OK;
    }

  cli.db_path = g_steal_pointer (&db_path);

  for (guint i = 0; commands[i].name != NULL; i++)
    if (strcmp (commands[i].name, name) == 0)
      {
        cli.command = commands[i].name;
        status = commands[i].func (&cli, argc - 1, argv + 1);

        /* Closing interrupts the background check that opening an
         * existing file started: a one-shot command does not wait for it. */
        if (cli.db != NULL)
          {
            ll_database_close (cli.db);
            g_clear_object (&cli.db);
          }
        g_free (cli.db_path);

        return status;
      }

  g_free (cli.db_path);
  return ll_cli_fail (LL_CLI_USAGE, _("unknown command “%s” (see “lianluo-cli --help”)"), name);
}
