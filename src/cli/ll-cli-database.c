/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianluo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ll-activity-store.h"
#include "ll-case-store.h"
#include "ll-cli.h"
#include "ll-demo.h"
#include "ll-person-store.h"
#include "ll-search.h"
#include "ll-station-store.h"

/* The commands about the database as a whole: init, check, backup,
 * stats, search and demo. */

static int
open_database (LlCli    *cli,
               gboolean  create)
{
  g_autoptr(GError) error = NULL;

  cli->db = ll_cli_open (cli, create, &error);
  if (cli->db == NULL)
    {
      /* Whatever keeps the file from opening, even a missing file, is a
       * database problem. */
      ll_cli_fail_error (error);
      return LL_CLI_DATABASE;
    }

  return LL_CLI_OK;
}

/* init ------------------------------------------------------------------- */

/**
 * ll_cli_init:
 * @cli: the run
 * @argc: the number of @argv
 * @argv: the command's name and arguments
 *
 * `lianluo-cli init`: creates the database or brings it up to date.
 *
 * Returns: the exit status (#LlCliStatus)
 */
int
ll_cli_init (LlCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *name = NULL;
  int status;

  context = ll_cli_context_new (cli, NULL,
                                _("Creates the database file (and its folder) if it does not "
                                  "exist, or brings an older one up to this version of Lianluo "
                                  "after copying it aside."),
                                NULL);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 0, 0)) != LL_CLI_OK)
    return status;

  if ((status = open_database (cli, TRUE)) != LL_CLI_OK)
    return status;

  name = g_filename_display_name (ll_database_get_path (cli->db));
  /* Translators: %s is a file, %d the schema version */
  g_print (_("The database “%s” is ready (schema version %d).\n"), name,
           ll_database_get_schema_version (cli->db));

  return LL_CLI_OK;
}

/* check ------------------------------------------------------------------ */

/**
 * ll_cli_check:
 * @cli: the run
 * @argc: the number of @argv
 * @argv: the command's name and arguments
 *
 * `lianluo-cli check`: the full integrity and foreign-key check; 3 if it fails.
 *
 * Returns: the exit status (#LlCliStatus)
 */
int
ll_cli_check (LlCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  int status;

  context = ll_cli_context_new (cli, NULL,
                                _("Reads the whole file and checks its structure and every "
                                  "reference between records. Exits with 3 if anything is "
                                  "wrong."),
                                NULL);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 0, 0)) != LL_CLI_OK)
    return status;

  if ((status = open_database (cli, FALSE)) != LL_CLI_OK)
    return status;

  if (!ll_database_check (cli->db, TRUE, NULL, &error))
    {
      ll_cli_fail_error (error);
      return LL_CLI_DATABASE;
    }

  name = g_filename_display_name (ll_database_get_path (cli->db));
  g_print (_("The database “%s” is in good order.\n"), name);

  return LL_CLI_OK;
}

/* backup ----------------------------------------------------------------- */

/**
 * ll_cli_backup:
 * @cli: the run
 * @argc: the number of @argv
 * @argv: the command's name and arguments
 *
 * `lianluo-cli backup OUT`: an online, checked copy into OUT.
 *
 * Returns: the exit status (#LlCliStatus)
 */
int
ll_cli_backup (LlCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *destination = NULL;
  int status;

  context = ll_cli_context_new (cli, "OUT",
                                _("Copies the database into the file OUT while it stays in use: "
                                  "the copy is checked before it replaces OUT, so OUT is either "
                                  "the old file or a complete copy."),
                                NULL);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 1, 1)) != LL_CLI_OK)
    return status;

  if (!ll_cli_check_text (argv[1], "OUT", &error))
    return ll_cli_fail_error (error);

  if ((status = open_database (cli, FALSE)) != LL_CLI_OK)
    return status;

  destination = g_canonicalize_filename (argv[1], NULL);
  if (g_strcmp0 (destination, ll_database_get_path (cli->db)) == 0)
    return ll_cli_fail (LL_CLI_BAD_INPUT,
                        _("A backup cannot be written over the database itself."));

  if (!ll_database_backup (cli->db, destination, NULL, &error))
    {
      ll_cli_fail_error (error);
      return LL_CLI_DATABASE;
    }

  name = g_filename_display_name (destination);
  g_print (_("Backed up to “%s”.\n"), name);

  return LL_CLI_OK;
}

/* stats ------------------------------------------------------------------ */

typedef struct
{
  gint64 stations;
  gint64 stations_active;
  gint64 people;
  gint64 people_active;
  gint64 cases;
  gint64 cases_open;
  gint64 cases_overdue;
  gint64 activities;
  gint64 by_status[16];
} Stats;

static gboolean
count_all (LlDatabase  *db,
           Stats       *stats,
           GError     **error)
{
  LlPersonFilter people = { 0 };
  LlCaseFilter cases = LL_CASE_FILTER_INIT;
  LlActivityFilter activities = LL_ACTIVITY_FILTER_INIT;
  guint n_status = ll_enum_get_n_values (LL_ENUM_CASE_STATUS);

  g_assert (n_status <= G_N_ELEMENTS (stats->by_status));

  if ((stats->stations = ll_station_store_count (db, TRUE, error)) < 0 ||
      (stats->stations_active = ll_station_store_count (db, FALSE, error)) < 0)
    return FALSE;

  people.state = LL_PERSON_STATE_ANY;
  if ((stats->people = ll_person_store_count (db, &people, error)) < 0 ||
      (stats->people_active = ll_person_store_count_active (db, error)) < 0)
    return FALSE;

  /* Every case has one status: the total and the open ones follow
   * without counting half a million rows twice more. */
  for (guint i = 0; i < n_status; i++)
    {
      const char *status = ll_enum_get_key (LL_ENUM_CASE_STATUS, i);

      cases.status = status;
      if ((stats->by_status[i] = ll_case_store_count (db, &cases, error)) < 0)
        return FALSE;
      stats->cases += stats->by_status[i];
      if (strcmp (status, "closed") != 0)
        stats->cases_open += stats->by_status[i];
    }

  if ((stats->cases_overdue = ll_case_store_count_overdue (db, error)) < 0)
    return FALSE;

  if ((stats->activities = ll_activity_store_count (db, &activities, error)) < 0)
    return FALSE;

  return TRUE;
}

static JsonNode *
stats_to_json (LlDatabase  *db,
               const Stats *stats)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "database");
  json_builder_add_string_value (builder, ll_database_get_path (db));
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, ll_database_get_schema_version (db));
  json_builder_set_member_name (builder, "stations");
  json_builder_add_int_value (builder, stats->stations);
  json_builder_set_member_name (builder, "stations_active");
  json_builder_add_int_value (builder, stats->stations_active);
  json_builder_set_member_name (builder, "people");
  json_builder_add_int_value (builder, stats->people);
  json_builder_set_member_name (builder, "people_active");
  json_builder_add_int_value (builder, stats->people_active);
  json_builder_set_member_name (builder, "cases");
  json_builder_add_int_value (builder, stats->cases);
  json_builder_set_member_name (builder, "cases_open");
  json_builder_add_int_value (builder, stats->cases_open);
  json_builder_set_member_name (builder, "cases_overdue");
  json_builder_add_int_value (builder, stats->cases_overdue);
  json_builder_set_member_name (builder, "cases_by_status");
  json_builder_begin_object (builder);
  for (guint i = 0; i < ll_enum_get_n_values (LL_ENUM_CASE_STATUS); i++)
    {
      json_builder_set_member_name (builder, ll_enum_get_key (LL_ENUM_CASE_STATUS, i));
      json_builder_add_int_value (builder, stats->by_status[i]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "activities");
  json_builder_add_int_value (builder, stats->activities);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_count (const char *label,
             gint64      value,
             int         indent)
{
  int width = 24 - indent - (int) g_utf8_strlen (label, -1);

  g_print ("%*s%s%*s %" G_GINT64_FORMAT "\n", indent, "", label, MAX (width, 1), "", value);
}

/**
 * ll_cli_stats:
 * @cli: the run
 * @argc: the number of @argv
 * @argv: the command's name and arguments
 *
 * `lianluo-cli stats [--json]`: what the database holds.
 *
 * Returns: the exit status (#LlCliStatus)
 */
int
ll_cli_stats (LlCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean json = FALSE;
  Stats stats = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print JSON: stations, people, cases, activities, cases_by_status …"), NULL },
    { NULL }
  };

  context = ll_cli_context_new (cli, NULL,
                                _("Counts the stations, people, cases (by status, open and "
                                  "overdue) and activities in the database."),
                                entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 0, 0)) != LL_CLI_OK)
    return status;

  if ((status = open_database (cli, FALSE)) != LL_CLI_OK)
    return status;

  if (!count_all (cli->db, &stats, &error))
    return ll_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonNode) node = stats_to_json (cli->db, &stats);

      ll_cli_print_json (node);
      return LL_CLI_OK;
    }

  name = g_filename_display_name (ll_database_get_path (cli->db));
  /* Translators: %s is a file, %d the schema version */
  g_print (_("Database “%s” (schema version %d)\n"), name,
           ll_database_get_schema_version (cli->db));
  print_count (_("Stations"), stats.stations, 0);
  print_count (_("active"), stats.stations_active, 2);
  print_count (_("People"), stats.people, 0);
  print_count (_("active"), stats.people_active, 2);
  print_count (_("Cases"), stats.cases, 0);
  for (guint i = 0; i < ll_enum_get_n_values (LL_ENUM_CASE_STATUS); i++)
    print_count (ll_enum_get_label_at (LL_ENUM_CASE_STATUS, i), stats.by_status[i], 2);
  print_count (_("open"), stats.cases_open, 2);
  print_count (_("overdue"), stats.cases_overdue, 2);
  print_count (_("Activities"), stats.activities, 0);

  return LL_CLI_OK;
}

/* search ----------------------------------------------------------------- */

typedef struct
{
  LlSearchScope  scope;
  const char    *key;     /* JSON member and --scope value */
  const char    *title;   /* N_() */
  GPtrArray     *(*load) (LlDatabase *, const gint64 *, guint, GError **);
} Scope;

static const Scope scopes[] = {
  { LL_SEARCH_SCOPE_CASES, "cases", N_("Cases"), ll_case_store_load_many },
  { LL_SEARCH_SCOPE_PEOPLE, "people", N_("People"), ll_person_store_load_many },
  { LL_SEARCH_SCOPE_STATIONS, "stations", N_("Stations"), ll_station_store_load_many },
};

static void
print_match (const Scope *scope,
             GObject     *object)
{
  switch (scope->scope)
    {
    case LL_SEARCH_SCOPE_CASES:
      {
        LlCase *kase = LL_CASE (object);

        g_print ("  %s  %s  [%s]\n", ll_case_get_serial (kase), ll_case_get_title (kase),
                 ll_cli_label (LL_ENUM_CASE_STATUS, ll_case_get_status (kase)));
      }
      break;

    case LL_SEARCH_SCOPE_PEOPLE:
      {
        LlPerson *person = LL_PERSON (object);

        g_print ("  %" G_GINT64_FORMAT "  %s  [%s]\n", ll_person_get_id (person),
                 ll_person_get_name (person),
                 ll_cli_label (LL_ENUM_PERSON_ROLE, ll_person_get_role (person)));
      }
      break;

    case LL_SEARCH_SCOPE_STATIONS:
    default:
      {
        LlStation *station = LL_STATION (object);

        g_print ("  %" G_GINT64_FORMAT "  %s  [%s]\n", ll_station_get_id (station),
                 ll_station_get_name (station),
                 ll_cli_label (LL_ENUM_STATION_KIND, ll_station_get_kind (station)));
      }
      break;
    }
}

/**
 * ll_cli_search:
 * @cli: the run
 * @argc: the number of @argv
 * @argv: the command's name and arguments
 *
 * `lianluo-cli search QUERY [--json]`: cases, people and stations containing QUERY.
 *
 * Returns: the exit status (#LlCliStatus)
 */
int
ll_cli_search (LlCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *scope_name = NULL;
  g_autofree char *limit_text = NULL;
  gboolean json = FALSE;
  guint limit = 20;
  const char *query;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print JSON: query, cases, people, stations"), NULL },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &scope_name,
      N_("Search only cases, people or stations"), N_("SCOPE") },
    { "limit", 0, 0, G_OPTION_ARG_STRING, &limit_text,
      N_("Show at most N matches of each kind (default 20, 0 for all)"), N_("N") },
    { NULL }
  };

  context = ll_cli_context_new (cli, "QUERY",
                                _("Finds cases (by serial, title, text and constituent’s name), "
                                  "people (by name, work unit, post and constituency) and "
                                  "stations (by name and address) that contain every word of "
                                  "QUERY. Phone numbers are never searched."),
                                entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 1, 1)) != LL_CLI_OK)
    return status;

  query = argv[1];
  if (ll_search_query_is_blank (query))
    return ll_cli_fail (LL_CLI_BAD_INPUT, _("Search: give the text to look for."));

  if (limit_text != NULL && !ll_cli_parse_count (limit_text, "--limit", &limit, &error))
    return ll_cli_fail_error (error);

  if (scope_name != NULL)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
        known |= strcmp (scopes[i].key, scope_name) == 0;
      if (!known)
        return ll_cli_fail (LL_CLI_BAD_INPUT,
                            _("--scope: “%s” is not one of cases, people, stations."),
                            scope_name);
    }

  if ((status = open_database (cli, FALSE)) != LL_CLI_OK)
    return status;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "query");
  json_builder_add_string_value (builder, query);

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    {
      const Scope *scope = &scopes[i];
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GPtrArray) found = NULL;
      gboolean more;
      guint shown;

      if (scope_name != NULL && strcmp (scope->key, scope_name) != 0)
        continue;

      /* One more than shown tells whether there are more. */
      ids = ll_search_ids (cli->db, scope->scope, query, limit > 0 ? limit + 1 : 0, &error);
      if (ids == NULL)
        return ll_cli_fail_error (error);

      more = limit > 0 && ids->len > limit;
      shown = more ? limit : ids->len;
      found = scope->load (cli->db, (const gint64 *) ids->data, shown, &error);
      if (found == NULL)
        return ll_cli_fail_error (error);

      if (json)
        {
          json_builder_set_member_name (builder, scope->key);
          json_builder_add_value (builder, ll_cli_objects_to_json (found));
          continue;
        }

      if (more)
        /* Translators: a heading: “Cases (first 20)” */
        g_print (_("%s (first %u):\n"), _(scope->title), found->len);
      else
        /* Translators: a heading: “Cases (3)” */
        g_print (_("%s (%u):\n"), _(scope->title), found->len);
      for (guint k = 0; k < found->len; k++)
        print_match (scope, g_ptr_array_index (found, k));
    }

  json_builder_end_object (builder);
  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);

      ll_cli_print_json (root);
    }

  return LL_CLI_OK;
}

/* demo ------------------------------------------------------------------- */

static volatile sig_atomic_t interrupted;

static void
interrupt_handler (int signum)
{
  interrupted = 1;
}

typedef struct
{
  GCancellable *cancellable;
  gboolean      terminal;
  int           shown;
  char         *phase;
} DemoProgress;

static void
demo_progress_cb (double      fraction,
                  const char *phase,
                  gpointer    user_data)
{
  DemoProgress *progress = user_data;
  int percent = (int) (fraction * 100);

  if (interrupted)
    g_cancellable_cancel (progress->cancellable);

  if (!progress->terminal)
    return;

  /* One line, rewritten in place. */
  if (percent != progress->shown || g_strcmp0 (phase, progress->phase) != 0)
    {
      g_free (progress->phase);
      progress->phase = g_strdup (phase);
      progress->shown = percent;
      g_print ("\r\033[K%3d%%  %s", percent, phase);
      fflush (stdout);
    }
}

/**
 * ll_cli_demo:
 * @cli: the run
 * @argc: the number of @argv
 * @argv: the command's name and arguments
 *
 * `lianluo-cli demo [--stations N] …`: demonstration data (ll_demo_generate()).
 *
 * Returns: the exit status (#LlCliStatus)
 */
int
ll_cli_demo (LlCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *stations = NULL;
  g_autofree char *people = NULL;
  g_autofree char *cases = NULL;
  g_autofree char *activities = NULL;
  g_autofree char *years = NULL;
  g_autofree char *seed = NULL;
  gboolean force = FALSE;
  DemoProgress progress = { 0 };
  LlDemoOptions options;
  struct sigaction action = { 0 };
  struct sigaction previous;
  gint64 started;
  gboolean ok;
  guint seed_value;
  int status;
  const GOptionEntry entries[] = {
    { "stations", 0, 0, G_OPTION_ARG_STRING, &stations,
      N_("Make N stations (default 24)"), N_("N") },
    { "people", 0, 0, G_OPTION_ARG_STRING, &people,
      N_("Make N people (default 360)"), N_("N") },
    { "cases", 0, 0, G_OPTION_ARG_STRING, &cases,
      N_("Make N cases (default 2400)"), N_("N") },
    { "activities", 0, 0, G_OPTION_ARG_STRING, &activities,
      N_("Make N activities (default 800)"), N_("N") },
    { "years", 0, 0, G_OPTION_ARG_STRING, &years,
      N_("Spread them over N years up to today (default 3)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed,
      N_("The same seed makes the same data (default 1)"), N_("N") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Add the data even though the database already holds some"), NULL },
    { NULL }
  };

  context = ll_cli_context_new (cli, NULL,
                                _("Fills an empty database with made-up but realistic data: a "
                                  "district with its towns and communities, stations of every "
                                  "kind, deputies and the other people who serve in them, cases "
                                  "in every state of handling, activities and point rules. The "
                                  "database is created if needed. Everything is written at once "
                                  "or, if interrupted, not at all."),
                                entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 0, 0)) != LL_CLI_OK)
    return status;

  ll_demo_options_init (&options);
  seed_value = options.seed;
  if ((stations != NULL &&
       !ll_cli_parse_count (stations, "--stations", &options.stations, &error)) ||
      (people != NULL && !ll_cli_parse_count (people, "--people", &options.people, &error)) ||
      (cases != NULL && !ll_cli_parse_count (cases, "--cases", &options.cases, &error)) ||
      (activities != NULL &&
       !ll_cli_parse_count (activities, "--activities", &options.activities, &error)) ||
      (years != NULL && !ll_cli_parse_count (years, "--years", &options.years, &error)) ||
      (seed != NULL && !ll_cli_parse_count (seed, "--seed", &seed_value, &error)))
    return ll_cli_fail_error (error);
  options.seed = seed_value;
  options.force = force;

  if ((status = open_database (cli, TRUE)) != LL_CLI_OK)
    return status;

  /* Ctrl+C cancels: the one transaction is rolled back. */
  action.sa_handler = interrupt_handler;
  sigemptyset (&action.sa_mask);
  sigaction (SIGINT, &action, &previous);

  progress.cancellable = cancellable;
  progress.terminal = isatty (STDOUT_FILENO);
  progress.shown = -1;

  started = g_get_monotonic_time ();
  ok = ll_demo_generate (cli->db, &options, demo_progress_cb, &progress, cancellable, &error);

  sigaction (SIGINT, &previous, NULL);
  if (progress.terminal && progress.phase != NULL)
    g_print ("\r\033[K");
  g_free (progress.phase);

  if (!ok)
    return ll_cli_fail_error (error);

  /* Translators: the numbers are what was made and the seconds it took */
  g_print (_("Made %u stations, %u people, %u cases and %u activities in %.1f s.\n"),
           options.stations, options.people, options.cases, options.activities,
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  return LL_CLI_OK;
}
