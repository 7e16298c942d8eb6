/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianluo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "ll-cli.h"
#include "ll-membership-store.h"
#include "ll-person-store.h"
#include "ll-station-store.h"
#include "ll-validate.h"

/* lianluo-cli station new | list, person new | list, assign. */

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

/* An unknown id is bad input; @message says which. */
static int
fail_unknown (const GError *error,
              const char   *message)
{
  if (g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND))
    return ll_cli_fail (LL_CLI_BAD_INPUT, "%s", message);

  return ll_cli_fail_error (error);
}

static int
find_station (LlCli       *cli,
              const char  *text,
              const char  *what,
              LlStation  **out)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!ll_cli_parse_id (text, what, &id, &error))
    return ll_cli_fail_error (error);

  *out = ll_station_store_get (cli->db, id, &error);
  if (*out == NULL)
    {
      /* Translators: %s is the id typed */
      g_autofree char *message = g_strdup_printf (_("There is no station %s."), text);

      return fail_unknown (error, message);
    }

  return LL_CLI_OK;
}

static int
find_person (LlCli       *cli,
             const char  *text,
             const char  *what,
             LlPerson   **out)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!ll_cli_parse_id (text, what, &id, &error))
    return ll_cli_fail_error (error);

  *out = ll_person_store_get (cli->db, id, &error);
  if (*out == NULL)
    {
      /* Translators: %s is the id typed */
      g_autofree char *message = g_strdup_printf (_("There is no person %s."), text);

      return fail_unknown (error, message);
    }

  return LL_CLI_OK;
}

/* station new ------------------------------------------------------------- */

static int
station_new (LlCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = ll_station_new ();
  g_autoptr(LlStation) parent = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *parent_text = NULL;
  g_autofree char *address = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *schedule = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("home, station, workstation, studio, legislative_point, point or online (required)"),
      N_("KEY") },
    { "parent", 0, 0, G_OPTION_ARG_STRING, &parent_text,
      N_("The station it belongs under (家 → 站 → 点)"), N_("ID") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("Where it is"), N_("TEXT") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Its phone number"), N_("PHONE") },
    { "schedule", 0, 0, G_OPTION_ARG_STRING, &schedule,
      N_("Its reception schedule as written, e.g. 每月10日接待选民"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the new station as JSON"), NULL },
    { NULL }
  };

  context = ll_cli_context_new (cli, "NAME", _("Adds a station (站点)."), entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 1, 1)) != LL_CLI_OK)
    return status;

  if (kind == NULL)
    return ll_cli_fail (LL_CLI_USAGE, _("%s: --kind is required (see “lianluo-cli %s --help”)"),
                        cli->command, cli->command);
  if (!ll_cli_check_key (LL_ENUM_STATION_KIND, kind, "--kind", &error) ||
      !ll_validate_phone (phone, "--phone", &error))
    return ll_cli_fail_error (error);

  if ((status = open_database (cli)) != LL_CLI_OK)
    return status;

  if (parent_text != NULL &&
      (status = find_station (cli, parent_text, "--parent", &parent)) != LL_CLI_OK)
    return status;

  ll_station_set_name (station, argv[1]);
  ll_station_set_kind (station, kind);
  if (parent != NULL)
    ll_station_set_parent_id (station, ll_station_get_id (parent));
  ll_station_set_address (station, address);
  ll_station_set_phone (station, phone);
  ll_station_set_reception_schedule (station, schedule);

  if (!ll_station_store_create (cli->db, station, &error))
    return ll_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonNode) node = ll_cli_object_to_json (G_OBJECT (station));

      ll_cli_print_json (node);
    }
  else
    /* Translators: %s is the station's name, then its id */
    g_print (_("Added the station “%s” (id %" PRId64 ").\n"),
             ll_station_get_name (station), ll_station_get_id (station));

  return LL_CLI_OK;
}

/* station list ------------------------------------------------------------ */

static int
station_list (LlCli  *cli,
              int     argc,
              char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  gboolean json = FALSE;
  gboolean archived = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "archived", 0, 0, G_OPTION_ARG_NONE, &archived, N_("Include closed stations"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of stations"), NULL },
    { NULL }
  };

  context = ll_cli_context_new (cli, NULL,
                                _("Lists the stations as a tree: each under the one it belongs "
                                  "to."),
                                entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 0, 0)) != LL_CLI_OK ||
      (status = open_database (cli)) != LL_CLI_OK)
    return status;

  stations = ll_station_store_list_all (cli->db, archived, &error);
  if (stations == NULL)
    return ll_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonNode) node = ll_cli_objects_to_json (stations);

      ll_cli_print_json (node);
      return LL_CLI_OK;
    }

  for (guint i = 0; i < stations->len; i++)
    {
      LlStation *station = g_ptr_array_index (stations, i);

      g_print ("%6" G_GINT64_FORMAT "  %*s%s  [%s]%s\n", ll_station_get_id (station),
               (int) ll_station_get_depth (station) * 2, "", ll_station_get_name (station),
               ll_cli_label (LL_ENUM_STATION_KIND, ll_station_get_kind (station)),
               ll_station_get_active (station) ? "" : _(" (closed)"));
    }

  return LL_CLI_OK;
}

/* person new -------------------------------------------------------------- */

static int
person_new (LlCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPerson) person = ll_person_new ();
  g_autofree char *role = NULL;
  g_autofree char *level = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *gender = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *post = NULL;
  g_autofree char *term = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      N_("deputy, voter_representative, council_member, police_officer, judge, procurator, "
         "judicial_assistant, observer or expert (required)"), N_("KEY") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level,
      N_("A deputy’s level: national, provincial, city, county or township"), N_("KEY") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("Phone number"), N_("PHONE") },
    { "gender", 0, 0, G_OPTION_ARG_STRING, &gender, N_("male or female"), N_("KEY") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Work unit (工作单位)"), N_("TEXT") },
    { "post", 0, 0, G_OPTION_ARG_STRING, &post, N_("Post (职务)"), N_("TEXT") },
    { "term", 0, 0, G_OPTION_ARG_STRING, &term, N_("Term (届次), e.g. 第十七届"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the new person as JSON"), NULL },
    { NULL }
  };

  context = ll_cli_context_new (cli, "NAME",
                                _("Adds a deputy or another person who serves in stations."),
                                entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 1, 1)) != LL_CLI_OK)
    return status;

  if (role == NULL)
    return ll_cli_fail (LL_CLI_USAGE, _("%s: --role is required (see “lianluo-cli %s --help”)"),
                        cli->command, cli->command);
  if (!ll_cli_check_key (LL_ENUM_PERSON_ROLE, role, "--role", &error) ||
      !ll_cli_check_key (LL_ENUM_DEPUTY_LEVEL, level, "--level", &error) ||
      !ll_cli_check_key (LL_ENUM_GENDER, gender, "--gender", &error) ||
      !ll_validate_phone (phone, "--phone", &error))
    return ll_cli_fail_error (error);

  if ((status = open_database (cli)) != LL_CLI_OK)
    return status;

  ll_person_set_name (person, argv[1]);
  ll_person_set_role (person, role);
  ll_person_set_level (person, level);
  ll_person_set_phone (person, phone);
  ll_person_set_gender (person, gender);
  ll_person_set_unit (person, unit);
  ll_person_set_post (person, post);
  ll_person_set_term (person, term);

  if (!ll_person_store_create (cli->db, person, &error))
    return ll_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonNode) node = ll_cli_object_to_json (G_OBJECT (person));

      ll_cli_print_json (node);
    }
  else
    /* Translators: %s is the person's name, then their id */
    g_print (_("Added %s (id %" PRId64 ").\n"), ll_person_get_name (person),
             ll_person_get_id (person));

  return LL_CLI_OK;
}

/* person list ------------------------------------------------------------- */

static int
person_list (LlCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(LlStation) station = NULL;
  g_autofree char *station_text = NULL;
  g_autofree char *role = NULL;
  gboolean json = FALSE;
  gboolean archived = FALSE;
  LlPersonFilter filter = { 0 };
  int status;
  const GOptionEntry entries[] = {
    { "station", 0, 0, G_OPTION_ARG_STRING, &station_text,
      N_("Only the people stationed there now"), N_("ID") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Only people with this role"), N_("KEY") },
    { "archived", 0, 0, G_OPTION_ARG_NONE, &archived, N_("Include archived people"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of people"), NULL },
    { NULL }
  };

  context = ll_cli_context_new (cli, NULL, _("Lists people by name."), entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 0, 0)) != LL_CLI_OK)
    return status;

  if (!ll_cli_check_key (LL_ENUM_PERSON_ROLE, role, "--role", &error))
    return ll_cli_fail_error (error);

  if ((status = open_database (cli)) != LL_CLI_OK)
    return status;

  if (station_text != NULL &&
      (status = find_station (cli, station_text, "--station", &station)) != LL_CLI_OK)
    return status;

  filter.role = role;
  filter.station_id = station != NULL ? ll_station_get_id (station) : 0;
  filter.state = archived ? LL_PERSON_STATE_ANY : LL_PERSON_STATE_ACTIVE;

  people = ll_person_store_list (cli->db, &filter, LL_PERSON_SORT_NAME, FALSE, &error);
  if (people == NULL)
    return ll_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonNode) node = ll_cli_objects_to_json (people);

      ll_cli_print_json (node);
      return LL_CLI_OK;
    }

  for (guint i = 0; i < people->len; i++)
    {
      LlPerson *person = g_ptr_array_index (people, i);
      const char *level = ll_person_get_level (person);

      g_print ("%6" G_GINT64_FORMAT "  %s  [%s%s%s]%s%s\n", ll_person_get_id (person),
               ll_person_get_name (person),
               ll_cli_label (LL_ENUM_PERSON_ROLE, ll_person_get_role (person)),
               level != NULL ? ", " : "", level != NULL ? ll_cli_label (LL_ENUM_DEPUTY_LEVEL, level)
                                                  : "",
               ll_person_get_station_name (person) != NULL ? "  " : "",
               ll_person_get_station_name (person) != NULL ? ll_person_get_station_name (person)
                                                           : "");
    }

  return LL_CLI_OK;
}

/* assign ------------------------------------------------------------------ */

/**
 * ll_cli_assign:
 * @cli: the run
 * @argc: the number of @argv
 * @argv: the command's name and arguments
 *
 * `lianluo-cli assign PERSON STATION [--role KEY] [--copy]`.
 *
 * Returns: the exit status (#LlCliStatus)
 */
int
ll_cli_assign (LlCli  *cli,
               int     argc,
               char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPerson) person = NULL;
  g_autoptr(LlStation) station = NULL;
  g_autoptr(LlMembership) membership = NULL;
  g_autofree char *role = NULL;
  gboolean copy = FALSE;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      N_("member (default), head or liaison_officer"), N_("KEY") },
    { "copy", 0, 0, G_OPTION_ARG_NONE, &copy,
      N_("Keep the person’s other stations too (三官一员, observers …; not deputies)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the membership as JSON"), NULL },
    { NULL }
  };

  context = ll_cli_context_new (cli, "PERSON STATION",
                                _("Stations the person with id PERSON at the station with id "
                                  "STATION (驻站). A deputy has one station: assigning moves "
                                  "them there. Assigning someone already there changes their "
                                  "role."),
                                entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 2, 2)) != LL_CLI_OK)
    return status;

  if (!ll_cli_check_key (LL_ENUM_STATION_ROLE, role, "--role", &error))
    return ll_cli_fail_error (error);

  if ((status = open_database (cli)) != LL_CLI_OK ||
      (status = find_person (cli, argv[1], "PERSON", &person)) != LL_CLI_OK ||
      (status = find_station (cli, argv[2], "STATION", &station)) != LL_CLI_OK)
    return status;

  membership = ll_membership_store_assign (cli->db, ll_person_get_id (person),
                                           ll_station_get_id (station), role, copy, &error);
  if (membership == NULL)
    return ll_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonNode) node = ll_cli_object_to_json (G_OBJECT (membership));

      ll_cli_print_json (node);
    }
  else
    /* Translators: a person's name, a station's name, a station role */
    g_print (_("%s is stationed at “%s” as %s.\n"), ll_person_get_name (person),
             ll_station_get_name (station),
             ll_cli_label (LL_ENUM_STATION_ROLE, ll_membership_get_station_role (membership)));

  return LL_CLI_OK;
}

static const LlCliCommand station_commands[] = {
  { "new", "NAME", N_("Add a station"), station_new },
  { "list", NULL, N_("List the stations"), station_list },
  { NULL }
};

static const LlCliCommand person_commands[] = {
  { "new", "NAME", N_("Add a person"), person_new },
  { "list", NULL, N_("List people"), person_list },
  { NULL }
};

/**
 * ll_cli_station:
 * @cli: the run
 * @argc: the number of @argv
 * @argv: the command's name and arguments
 *
 * `lianluo-cli station new|list`.
 *
 * Returns: the exit status (#LlCliStatus)
 */
int
ll_cli_station (LlCli  *cli,
                int     argc,
                char  **argv)
{
  return ll_cli_run_group (cli, "station",
                           _("Add and list stations (人大代表之家, 联络站, 工作室, 联系点 …)."),
                           station_commands, argc, argv);
}

/**
 * ll_cli_person:
 * @cli: the run
 * @argc: the number of @argv
 * @argv: the command's name and arguments
 *
 * `lianluo-cli person new|list`.
 *
 * Returns: the exit status (#LlCliStatus)
 */
int
ll_cli_person (LlCli  *cli,
               int     argc,
               char  **argv)
{
  return ll_cli_run_group (cli, "person",
                           _("Add and list deputies and the other people who serve in "
                             "stations."),
                           person_commands, argc, argv);
}
