/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianluo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ll-cli.h"
#include "ll-membership-store.h"
#include "ll-roster-store.h"
#include "ll-station-store.h"

/* lianluo-cli roster set | show | export | record: reception rosters
 * (接待日排班). STATION is a station's id or its exact name; PERSON is a
 * person's id or the exact name of one of the station's people. */

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

static gboolean
is_number (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

static int
find_station (LlCli       *cli,
              const char  *text,
              LlStation  **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  LlStation *found = NULL;

  if (is_number (text))
    {
      gint64 id;

      if (!ll_cli_parse_id (text, "STATION", &id, &error))
        return ll_cli_fail_error (error);

      *out = ll_station_store_get (cli->db, id, &error);
      if (*out != NULL)
        return LL_CLI_OK;

      if (!g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND))
        return ll_cli_fail_error (error);
      g_clear_error (&error);
    }

  stations = ll_station_store_list_all (cli->db, FALSE, &error);
  if (stations == NULL)
    return ll_cli_fail_error (error);

  for (guint i = 0; i < stations->len; i++)
    {
      LlStation *station = g_ptr_array_index (stations, i);

      if (g_strcmp0 (ll_station_get_name (station), text) != 0)
        continue;

      if (found != NULL)
        /* Translators: %s is a station's name */
        return ll_cli_fail (LL_CLI_BAD_INPUT,
                            _("Several stations are called “%s”; give the station’s id "
                              "(see “lianluo-cli station list”)."), text);
      found = station;
    }

  if (found == NULL)
    /* Translators: %s is what was typed */
    return ll_cli_fail (LL_CLI_BAD_INPUT, _("There is no station %s."), text);

  *out = g_object_ref (found);
  return LL_CLI_OK;
}

/* Among the station's people: by id, or by exact name. */
static int
find_person (const char  *text,
             GPtrArray   *members,
             LlStation   *station,
             gint64      *person_id)
{
  const char *name = NULL;

  *person_id = 0;

  for (guint i = 0; i < members->len; i++)
    {
      LlMembership *membership = g_ptr_array_index (members, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             ll_membership_get_person_id (membership));

      if (g_strcmp0 (id, text) == 0)
        {
          *person_id = ll_membership_get_person_id (membership);
          return LL_CLI_OK;
        }

      if (g_strcmp0 (ll_membership_get_person_name (membership), text) != 0 ||
          *person_id == ll_membership_get_person_id (membership))
        continue;

      if (*person_id != 0)
        return ll_cli_fail (LL_CLI_BAD_INPUT,
                            /* Translators: a person's name, then a station's name */
                            _("Several people at %2$s are called “%1$s”; give the person’s id "
                              "(see “lianluo-cli person list”)."),
                            text, ll_station_get_name (station));
      *person_id = ll_membership_get_person_id (membership);
      name = text;
    }

  if (name != NULL)
    return LL_CLI_OK;

  /* A valid id of someone stationed elsewhere: let the store say why. */
  if (is_number (text))
    {
      *person_id = g_ascii_strtoll (text, NULL, 10);
      return LL_CLI_OK;
    }

  return ll_cli_fail (LL_CLI_BAD_INPUT,
                      /* Translators: what was typed, then a station's name */
                      _("No one called “%s” is stationed at %s."),
                      text, ll_station_get_name (station));
}

static int
load_members (LlCli       *cli,
              LlStation   *station,
              GPtrArray  **members)
{
  g_autoptr(GError) error = NULL;

  *members = ll_membership_store_list_by_station (cli->db, ll_station_get_id (station), TRUE,
                                                  &error);
  if (*members == NULL)
    return ll_cli_fail_error (error);

  return LL_CLI_OK;
}

static int
parse_month (const char *text,
             int        *year,
             int        *month)
{
  g_autofree char *today = NULL;

  if (text == NULL)
    {
      today = ll_date_today ();
      text = today;
    }
  else if (strlen (text) != 7 || text[4] != '-' || !g_ascii_isdigit (text[0]) ||
           !g_ascii_isdigit (text[5]) || !g_ascii_isdigit (text[6]))
    goto bad;

  *year = atoi (text);
  *month = atoi (text + 5);
  if (*year >= 1 && *month >= 1 && *month <= 12)
    return LL_CLI_OK;

bad:
  return ll_cli_fail (LL_CLI_BAD_INPUT,
                      /* Translators: %s is what was typed */
                      _("--month: “%s” is not a month; write it as YYYY-MM, for example "
                        "2025-03."), text);
}

static int
parse_date (const char  *text,
            int         *year,
            int         *month)
{
  g_autoptr(GError) error = NULL;

  if (!ll_cli_check_date (text, "DATE", &error))
    return ll_cli_fail_error (error);

  *year = atoi (text);
  *month = atoi (text + 5);
  return LL_CLI_OK;
}

/* set --------------------------------------------------------------------- */

static int
roster_set (LlCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int status, year, month;

  context = ll_cli_context_new (cli, "STATION DATE [PERSON…]",
                                _("Puts exactly these people on duty at the station’s reception "
                                  "day DATE (接待日排班); anyone else on that day is taken off. "
                                  "No PERSON clears the day. STATION and PERSON are ids or "
                                  "exact names."),
                                NULL);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 2, -1)) != LL_CLI_OK)
    return status;

  if ((status = parse_date (argv[2], &year, &month)) != LL_CLI_OK ||
      (status = open_database (cli)) != LL_CLI_OK ||
      (status = find_station (cli, argv[1], &station)) != LL_CLI_OK ||
      (status = load_members (cli, station, &members)) != LL_CLI_OK)
    return status;

  for (int i = 3; i < argc; i++)
    {
      gint64 id;

      if ((status = find_person (argv[i], members, station, &id)) != LL_CLI_OK)
        return status;
      g_array_append_val (ids, id);
    }

  if (!ll_roster_store_set_day (cli->db, ll_station_get_id (station), argv[2],
                                (const gint64 *) ids->data, ids->len, &error))
    return ll_cli_fail_error (error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        /* Translators: a station's name, a date, a number */
                        "%s, %s: %u person on duty.\n",
                        "%s, %s: %u people on duty.\n", ids->len),
           ll_station_get_name (station), argv[2], ids->len);
  return LL_CLI_OK;
}

/* show -------------------------------------------------------------------- */

static JsonNode *
month_to_json (LlStation  *station,
               int         year,
               int         month,
               char      **days,
               GPtrArray  *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *month_text = g_strdup_printf ("%04d-%02d", year, month);
  guint next = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "station_id");
  json_builder_add_int_value (builder, ll_station_get_id (station));
  json_builder_set_member_name (builder, "station");
  json_builder_add_string_value (builder, ll_station_get_name (station));
  json_builder_set_member_name (builder, "month");
  json_builder_add_string_value (builder, month_text);
  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);

  for (guint i = 0; days[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, days[i]);
      json_builder_set_member_name (builder, "people");
      json_builder_begin_array (builder);

      while (next < entries->len &&
             g_strcmp0 (ll_roster_entry_get_held_on (g_ptr_array_index (entries, next)),
                        days[i]) < 0)
        next++;

      for (; next < entries->len; next++)
        {
          LlRosterEntry *entry = g_ptr_array_index (entries, next);
          const char *attendance = ll_roster_entry_get_attendance (entry);

          if (g_strcmp0 (ll_roster_entry_get_held_on (entry), days[i]) != 0)
            break;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, ll_roster_entry_get_id (entry));
          json_builder_set_member_name (builder, "person_id");
          json_builder_add_int_value (builder, ll_roster_entry_get_person_id (entry));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, ll_roster_entry_get_person_name (entry));
          json_builder_set_member_name (builder, "attendance");
          if (attendance != NULL)
            json_builder_add_string_value (builder, attendance);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "activity_id");
          if (ll_roster_entry_get_activity_id (entry) != 0)
            json_builder_add_int_value (builder, ll_roster_entry_get_activity_id (entry));
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }

      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_month (LlStation  *station,
             int         year,
             int         month,
             char      **days,
             GPtrArray  *entries)
{
  guint next = 0;

  /* Translators: a station's name, a month YYYY-MM */
  g_print (_("Reception roster of %s, %04d-%02d\n"), ll_station_get_name (station), year, month);

  for (guint i = 0; days[i] != NULL; i++)
    {
      g_autofree char *weekday = ll_roster_format_weekday (days[i]);
      g_autoptr(GString) line = g_string_new (NULL);

      while (next < entries->len &&
             g_strcmp0 (ll_roster_entry_get_held_on (g_ptr_array_index (entries, next)),
                        days[i]) < 0)
        next++;

      for (; next < entries->len; next++)
        {
          LlRosterEntry *entry = g_ptr_array_index (entries, next);
          const char *attendance = ll_roster_entry_get_attendance (entry);

          if (g_strcmp0 (ll_roster_entry_get_held_on (entry), days[i]) != 0)
            break;

          if (line->len > 0)
            g_string_append (line, C_("list of names", ", "));
          g_string_append (line, ll_roster_entry_get_person_name (entry));
          if (attendance != NULL)
            g_string_append_printf (line, " (%s)", ll_cli_label (LL_ENUM_ATTENDANCE, attendance));
        }

      if (line->len == 0)
        g_string_append (line, _("no one on duty"));

      g_print ("%s  %s  %s\n", days[i], weekday, line->str);
    }
}

static int
roster_show (LlCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *month_text = NULL;
  g_auto(GStrv) days = NULL;
  gboolean json = FALSE;
  int status, year, month;
  const GOptionEntry entries_options[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text,
      N_("The month, YYYY-MM (default: this month)"), N_("MONTH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the roster as JSON"), NULL },
    { NULL }
  };

  context = ll_cli_context_new (cli, "STATION",
                                _("Shows the station’s reception days of a month and who is on "
                                  "duty on each, with their attendance once recorded."),
                                entries_options);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 1, 1)) != LL_CLI_OK)
    return status;

  if ((status = parse_month (month_text, &year, &month)) != LL_CLI_OK ||
      (status = open_database (cli)) != LL_CLI_OK ||
      (status = find_station (cli, argv[1], &station)) != LL_CLI_OK)
    return status;

  days = ll_roster_store_list_days (cli->db, ll_station_get_id (station), year, month, &error);
  if (days == NULL)
    return ll_cli_fail_error (error);

  entries = ll_roster_store_list_month (cli->db, ll_station_get_id (station), year, month,
                                        &error);
  if (entries == NULL)
    return ll_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonNode) node = month_to_json (station, year, month, days, entries);

      ll_cli_print_json (node);
    }
  else
    print_month (station, year, month, days, entries);

  return LL_CLI_OK;
}

/* export ------------------------------------------------------------------ */

static int
roster_export (LlCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *csv = NULL;
  gsize length = 0;
  int status, year, month;
  const GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text,
      N_("The month, YYYY-MM (default: this month)"), N_("MONTH") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write the CSV file FILE"), N_("FILE") },
    { NULL }
  };

  context = ll_cli_context_new (cli, "STATION",
                                _("Writes the month’s reception roster for the notice board as "
                                  "a CSV file (date, day of the week, who is on duty, the "
                                  "station’s address) that Excel and WPS open as it is."),
                                entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 1, 1)) != LL_CLI_OK)
    return status;

  if (out == NULL)
    return ll_cli_fail (LL_CLI_USAGE, _("%s: --out FILE is missing (see “lianluo-cli %s --help”)"),
                        cli->command, cli->command);

  if ((status = parse_month (month_text, &year, &month)) != LL_CLI_OK ||
      (status = open_database (cli)) != LL_CLI_OK ||
      (status = find_station (cli, argv[1], &station)) != LL_CLI_OK)
    return status;

  csv = ll_roster_store_format_csv (cli->db, ll_station_get_id (station), year, month, &length,
                                    &error);
  if (csv == NULL)
    return ll_cli_fail_error (error);

  if (!g_file_set_contents (out, csv, (gssize) length, &error))
    return ll_cli_fail (LL_CLI_DATABASE, "%s", error->message);

  /* Translators: a file name */
  g_print (_("Wrote %s.\n"), out);
  return LL_CLI_OK;
}

/* record ------------------------------------------------------------------ */

static int
roster_record (LlCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) attendances = g_ptr_array_new_with_free_func (g_free);
  gint64 activity_id = 0;
  int status, year, month;

  context = ll_cli_context_new (cli, "STATION DATE [PERSON=ATTENDANCE…]",
                                _("Records a reception day that has come: sets each person’s "
                                  "attendance (present, leave or absent) and makes the day a "
                                  "reception activity with the people on duty, which the points "
                                  "count. Recording again updates the same activity."),
                                NULL);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 2, -1)) != LL_CLI_OK)
    return status;

  if ((status = parse_date (argv[2], &year, &month)) != LL_CLI_OK)
    return status;

  for (int i = 3; i < argc; i++)
    {
      const char *equals = strrchr (argv[i], '=');

      if (equals == NULL)
        return ll_cli_fail (LL_CLI_USAGE,
                            /* Translators: %s is what was typed */
                            _("%s: “%s” should be PERSON=present, PERSON=leave or "
                              "PERSON=absent"), cli->command, argv[i]);

      if (!ll_cli_check_key (LL_ENUM_ATTENDANCE, equals + 1, argv[i], &error))
        return ll_cli_fail_error (error);
    }

  if ((status = open_database (cli)) != LL_CLI_OK ||
      (status = find_station (cli, argv[1], &station)) != LL_CLI_OK ||
      (status = load_members (cli, station, &members)) != LL_CLI_OK)
    return status;

  for (int i = 3; i < argc; i++)
    {
      const char *equals = strrchr (argv[i], '=');
      g_autofree char *person = g_strndup (argv[i], equals - argv[i]);
      gint64 id;

      if ((status = find_person (person, members, station, &id)) != LL_CLI_OK)
        return status;
      g_array_append_val (ids, id);
      g_ptr_array_add (attendances, g_strdup (equals + 1));
    }

  if (!ll_roster_store_record_day (cli->db, ll_station_get_id (station), argv[2],
                                   (const gint64 *) ids->data,
                                   (const char * const *) attendances->pdata, ids->len,
                                   &activity_id, &error))
    return ll_cli_fail_error (error);

  {
    g_autofree char *activity = g_strdup_printf ("%" G_GINT64_FORMAT, activity_id);

    /* Translators: a date, a station's name, an activity's id */
    g_print (_("Recorded the reception day %s at %s as activity %s.\n"),
             argv[2], ll_station_get_name (station), activity);
  }
  return LL_CLI_OK;
}

static const LlCliCommand roster_commands[] = {
  { "set", "STATION DATE PERSON…", N_("Put people on duty on a reception day"), roster_set },
  { "show", "STATION", N_("Show a month’s reception roster"), roster_show },
  { "export", "STATION", N_("Write a month’s roster as CSV for the notice board"),
    roster_export },
  { "record", "STATION DATE PERSON=ATTENDANCE…",
    N_("Record attendance and make the day a reception activity"), roster_record },
  { NULL }
};

/**
 * ll_cli_roster:
 * @cli: the run
 * @argc: the number of @argv
 * @argv: the command's name and arguments
 *
 * `lianluo-cli roster set|show|export|record`.
 *
 * Returns: the exit status (#LlCliStatus)
 */
int
ll_cli_roster (LlCli  *cli,
               int     argc,
               char  **argv)
{
  return ll_cli_run_group (cli, "roster",
                           _("Reception rosters (接待日排班): who is on duty on each of a "
                             "station’s reception days, and their attendance."),
                           roster_commands, argc, argv);
}
