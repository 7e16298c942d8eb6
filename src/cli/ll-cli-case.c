/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianluo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "ll-case-event.h"
#include "ll-case-store.h"
#include "ll-case-workflow.h"
#include "ll-cli.h"
#include "ll-department-store.h"
#include "ll-station-store.h"
#include "ll-validate.h"

/* lianluo-cli case new | assign | start | reply | close | reopen | show
 *
 * A case is named by its id (12) or its serial number (2025-0078).
 * Each command that changes a case prints what it became; with --json,
 * the case itself (id, serial, status, version …). */

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
looks_like_serial (const char *text)
{
  /* 2025-0078 */
  if (strlen (text) < 6 || text[4] != '-')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    if (p - text != 4 && !g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* The case named by @text: an id or a serial number. */
static int
find_case (LlCli       *cli,
           const char  *text,
           LlCase     **out)
{
  g_autoptr(GError) error = NULL;
  LlCase *kase;
  gint64 id;

  if (looks_like_serial (text))
    kase = ll_case_store_get_by_serial (cli->db, text, &error);
  else if (ll_cli_parse_id (text, "ID", &id, NULL))
    kase = ll_case_store_get (cli->db, id, &error);
  else
    return ll_cli_fail (LL_CLI_BAD_INPUT,
                        _("“%s” is neither a case id (12) nor a serial number (2025-0078)."),
                        text);

  if (kase == NULL)
    {
      if (g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND))
        /* Translators: %s is what was typed: an id or a serial number */
        return ll_cli_fail (LL_CLI_BAD_INPUT, _("There is no case %s."), text);
      return ll_cli_fail_error (error);
    }

  *out = kase;
  return LL_CLI_OK;
}

static void
print_case_json (LlCase *kase)
{
  g_autoptr(JsonNode) node = ll_cli_object_to_json (G_OBJECT (kase));

  ll_cli_print_json (node);
}

/* “Case 2025-0078 is now Assigned.” */
static int
report (LlCase   *kase,
        gboolean  json)
{
  if (json)
    print_case_json (kase);
  else
    /* Translators: the first %s is a serial number, the second a status */
    g_print (_("Case %s is now %s.\n"), ll_case_get_serial (kase),
             ll_cli_label (LL_ENUM_CASE_STATUS, ll_case_get_status (kase)));

  return LL_CLI_OK;
}

/* case new ---------------------------------------------------------------- */

static int
case_new (LlCli  *cli,
          int     argc,
          char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlCase) kase = ll_case_new ();
  g_autoptr(LlStation) station = NULL;
  g_autofree char *station_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *category = NULL;
  g_autofree char *source = NULL;
  g_autofree char *received = NULL;
  g_autofree char *constituent = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *address = NULL;
  g_auto(GStrv) deputies = NULL;
  g_autoptr(GArray) deputy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean fast_track = FALSE;
  gboolean json = FALSE;
  gint64 station_id = 0;
  int status;
  const GOptionEntry entries[] = {
    { "station", 0, 0, G_OPTION_ARG_STRING, &station_text,
      N_("The station that received it (required)"), N_("ID") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What it is about (required)"), N_("TEXT") },
    { "body", 0, 0, G_OPTION_ARG_STRING, &body, N_("What the constituent said"), N_("TEXT") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &category,
      N_("A category key such as transport (default other)"), N_("KEY") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source,
      N_("How it came in: a key such as reception_day (default other)"), N_("KEY") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received,
      N_("The date it was received (default today)"), N_("DATE") },
    { "constituent", 0, 0, G_OPTION_ARG_STRING, &constituent,
      N_("The constituent’s name"), N_("NAME") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &phone, N_("The constituent’s phone number"),
      N_("PHONE") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("The constituent’s address"),
      N_("TEXT") },
    { "deputy", 0, 0, G_OPTION_ARG_STRING_ARRAY, &deputies,
      N_("A deputy who received it (repeat for several; the first leads)"), N_("ID") },
    { "fast-track", 0, 0, G_OPTION_ARG_NONE, &fast_track,
      N_("Handle it through the fast track (绿色通道)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the new case as JSON"), NULL },
    { NULL }
  };

  context = ll_cli_context_new (cli, NULL,
                                _("Registers a case: it gets the next serial number of the year "
                                  "it was received (2025-0078) and the status registered."),
                                entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 0, 0)) != LL_CLI_OK)
    return status;

  if (station_text == NULL)
    return ll_cli_fail (LL_CLI_USAGE, _("%s: --station is required (see “lianluo-cli %s --help”)"),
                        cli->command, cli->command);
  if (title == NULL)
    return ll_cli_fail (LL_CLI_USAGE, _("%s: --title is required (see “lianluo-cli %s --help”)"),
                        cli->command, cli->command);

  if (!ll_cli_parse_id (station_text, "--station", &station_id, &error) ||
      !ll_cli_check_text (title, ll_case_get_field_label ("title"), &error) ||
      !ll_cli_check_key (LL_ENUM_CASE_CATEGORY, category, "--category", &error) ||
      !ll_cli_check_key (LL_ENUM_CASE_SOURCE, source, "--source", &error) ||
      !ll_cli_check_date (received, "--received", &error) ||
      !ll_validate_phone (phone, "--phone", &error))
    return ll_cli_fail_error (error);

  for (guint i = 0; deputies != NULL && deputies[i] != NULL; i++)
    {
      gint64 id;

      if (!ll_cli_parse_id (deputies[i], "--deputy", &id, &error))
        return ll_cli_fail_error (error);
      g_array_append_val (deputy_ids, id);
    }

  if ((status = open_database (cli)) != LL_CLI_OK)
    return status;

  station = ll_station_store_get (cli->db, station_id, &error);
  if (station == NULL)
    {
      if (g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND))
        /* Translators: %s is the id typed */
        return ll_cli_fail (LL_CLI_BAD_INPUT, _("--station: there is no station %s."),
                            station_text);
      return ll_cli_fail_error (error);
    }

  if (received == NULL)
    received = ll_date_today ();

  ll_case_set_station_id (kase, station_id);
  ll_case_set_title (kase, title);
  ll_case_set_body (kase, body);
  if (category != NULL)
    ll_case_set_category (kase, category);
  if (source != NULL)
    ll_case_set_source (kase, source);
  ll_case_set_received_on (kase, received);
  ll_case_set_constituent_name (kase, constituent);
  ll_case_set_constituent_phone (kase, phone);
  ll_case_set_constituent_address (kase, address);
  ll_case_set_fast_track (kase, fast_track);

  if (!ll_case_store_create (cli->db, kase, (const gint64 *) deputy_ids->data, deputy_ids->len,
                             &error))
    return ll_cli_fail_error (error);

  if (json)
    print_case_json (kase);
  else
    /* Translators: %s is the new serial number, then its id */
    g_print (_("Registered case %s (id %" PRId64 ").\n"), ll_case_get_serial (kase),
             ll_case_get_id (kase));

  return LL_CLI_OK;
}

/* case assign ------------------------------------------------------------- */

/* The department named @name, made if it is not in the list yet: the
 * person typing knows the department even when the list does not. An
 * id of an existing department works too. */
static int
find_department (LlCli        *cli,
                 const char   *name,
                 gboolean      quiet,
                 LlDepartment **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDepartment) department = NULL;
  gint64 id;

  if (ll_cli_parse_id (name, "--department", &id, NULL))
    {
      department = ll_department_store_get (cli->db, id, &error);
      if (department != NULL)
        {
          *out = g_steal_pointer (&department);
          return LL_CLI_OK;
        }
      if (!g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND))
        return ll_cli_fail_error (error);
      g_clear_error (&error);
    }

  department = ll_department_store_find_by_name (cli->db, name, &error);
  if (department == NULL && error != NULL &&
      !g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND))
    return ll_cli_fail_error (error);
  g_clear_error (&error);

  if (department == NULL)
    {
      department = ll_department_new ();
      ll_department_set_name (department, name);
      if (!ll_department_store_create (cli->db, department, &error))
        return ll_cli_fail_error (error);
      if (!quiet)
        /* Translators: %s is a department's name */
        g_print (_("Added the department “%s”.\n"), name);
    }

  *out = g_steal_pointer (&department);
  return LL_CLI_OK;
}

static int
case_assign (LlCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlCase) kase = NULL;
  g_autoptr(LlDepartment) department = NULL;
  g_autofree char *department_name = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *date = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "department", 0, 0, G_OPTION_ARG_STRING, &department_name,
      N_("The department that must act (承办单位), by name; a new name is added to the "
         "departments"), N_("NAME") },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline,
      N_("The date the reply is due"), N_("DATE") },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode,
      N_("The handling mode: on_the_spot, subdistrict, department (default) or escalated"),
      N_("KEY") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The date of the assignment (default today)"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the case as JSON"), NULL },
    { NULL }
  };

  context = ll_cli_context_new (cli, "ID",
                                _("Hands a registered case to whoever must act (交办). A "
                                  "department and a deadline are needed when the mode is "
                                  "department; a deadline for every mode but on_the_spot."),
                                entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 1, 1)) != LL_CLI_OK)
    return status;

  if (mode == NULL)
    mode = g_strdup ("department");
  if (!ll_cli_check_key (LL_ENUM_HANDLING_MODE, mode, "--mode", &error) ||
      !ll_cli_check_text (department_name, "--department", &error) ||
      !ll_cli_check_date (deadline, "--deadline", &error) ||
      !ll_cli_check_date (date, "--date", &error))
    return ll_cli_fail_error (error);

  if (strcmp (mode, "department") == 0 && department_name == NULL)
    return ll_cli_fail (LL_CLI_USAGE,
                        _("%s: --department is required for the mode department "
                          "(see “lianluo-cli %s --help”)"), cli->command, cli->command);
  if (strcmp (mode, "on_the_spot") != 0 && deadline == NULL)
    return ll_cli_fail (LL_CLI_USAGE, _("%s: --deadline is required (see “lianluo-cli %s --help”)"),
                        cli->command, cli->command);

  if ((status = open_database (cli)) != LL_CLI_OK ||
      (status = find_case (cli, argv[1], &kase)) != LL_CLI_OK)
    return status;

  /* Say why before adding a department for nothing. */
  {
    g_autofree char *reason = NULL;

    if (!ll_case_workflow_can (kase, LL_CASE_ACTION_ASSIGN, &reason))
      return ll_cli_fail (LL_CLI_BAD_INPUT, "%s", reason);
  }

  if (department_name != NULL &&
      (status = find_department (cli, department_name, json, &department)) != LL_CLI_OK)
    return status;

  if (!ll_case_workflow_assign (cli->db, kase, mode,
                                department != NULL ? ll_department_get_id (department) : 0,
                                deadline, date, &error))
    return ll_cli_fail_error (error);

  return report (kase, json);
}

/* case start / reply / close / reopen ------------------------------------- */

static int
case_start (LlCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlCase) kase = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the case as JSON"), NULL },
    { NULL }
  };

  context = ll_cli_context_new (cli, "ID",
                                _("Notes that the department has begun to handle an assigned "
                                  "case (办理中)."),
                                entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 1, 1)) != LL_CLI_OK ||
      (status = open_database (cli)) != LL_CLI_OK ||
      (status = find_case (cli, argv[1], &kase)) != LL_CLI_OK)
    return status;

  if (!ll_case_workflow_start (cli->db, kase, &error))
    return ll_cli_fail_error (error);

  return report (kase, json);
}

static int
case_reply (LlCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlCase) kase = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("The reply (required)"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date of the reply (default today)"),
      N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the case as JSON"), NULL },
    { NULL }
  };

  context = ll_cli_context_new (cli, "ID",
                                _("Records the reply to an assigned case (已答复)."), entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 1, 1)) != LL_CLI_OK)
    return status;

  if (text == NULL)
    return ll_cli_fail (LL_CLI_USAGE, _("%s: --text is required (see “lianluo-cli %s --help”)"),
                        cli->command, cli->command);
  if (!ll_cli_check_text (text, "--text", &error) ||
      !ll_cli_check_date (date, "--date", &error))
    return ll_cli_fail_error (error);

  if ((status = open_database (cli)) != LL_CLI_OK ||
      (status = find_case (cli, argv[1], &kase)) != LL_CLI_OK)
    return status;

  if (!ll_case_workflow_reply (cli->db, kase, text, date, &error))
    return ll_cli_fail_error (error);

  return report (kase, json);
}

static int
case_close (LlCli  *cli,
            int     argc,
            char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlCase) kase = NULL;
  g_autofree char *satisfaction = NULL;
  g_autofree char *note = NULL;
  g_autofree char *date = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "satisfaction", 0, 0, G_OPTION_ARG_STRING, &satisfaction,
      N_("satisfied, basically_satisfied or dissatisfied (required)"), N_("KEY") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What the follow-up visit found (回访)"),
      N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("The date it was closed (default today)"),
      N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the case as JSON"), NULL },
    { NULL }
  };

  context = ll_cli_context_new (cli, "ID",
                                _("Closes a replied case after the follow-up visit, with the "
                                  "constituent’s satisfaction (已办结)."),
                                entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 1, 1)) != LL_CLI_OK)
    return status;

  if (satisfaction == NULL)
    return ll_cli_fail (LL_CLI_USAGE,
                        _("%s: --satisfaction is required (see “lianluo-cli %s --help”)"),
                        cli->command, cli->command);
  if (!ll_cli_check_key (LL_ENUM_SATISFACTION, satisfaction, "--satisfaction", &error) ||
      !ll_cli_check_date (date, "--date", &error))
    return ll_cli_fail_error (error);

  if ((status = open_database (cli)) != LL_CLI_OK ||
      (status = find_case (cli, argv[1], &kase)) != LL_CLI_OK)
    return status;

  if (!ll_case_workflow_close (cli->db, kase, satisfaction, note, date, &error))
    return ll_cli_fail_error (error);

  return report (kase, json);
}

static int
case_reopen (LlCli  *cli,
             int     argc,
             char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlCase) kase = NULL;
  g_autofree char *deadline = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline,
      N_("The new deadline (default: as long as the first time, at least a week)"),
      N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the case as JSON"), NULL },
    { NULL }
  };

  context = ll_cli_context_new (cli, "ID",
                                _("Hands a closed case over again when the constituent was "
                                  "dissatisfied (重新交办): it goes back to assigned, to the "
                                  "same department."),
                                entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 1, 1)) != LL_CLI_OK)
    return status;

  if (!ll_cli_check_date (deadline, "--deadline", &error))
    return ll_cli_fail_error (error);

  if ((status = open_database (cli)) != LL_CLI_OK ||
      (status = find_case (cli, argv[1], &kase)) != LL_CLI_OK)
    return status;

  if (!ll_case_workflow_reopen (cli->db, kase, deadline, &error))
    return ll_cli_fail_error (error);

  return report (kase, json);
}

/* case show --------------------------------------------------------------- */

static void
print_field (const char *property,
             const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  g_print ("%s: %s\n", ll_case_get_field_label (property), value);
}

static int
case_show (LlCli  *cli,
           int     argc,
           char  **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlCase) kase = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) deputies = NULL;
  gboolean json = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print JSON: the case’s fields (id, serial, status, version …), its deputies and "
         "its history"), NULL },
    { NULL }
  };

  context = ll_cli_context_new (cli, "ID",
                                _("Shows a case, named by its id (12) or serial number "
                                  "(2025-0078), with its history."),
                                entries);
  if ((status = ll_cli_parse (cli, context, &argc, &argv, 1, 1)) != LL_CLI_OK ||
      (status = open_database (cli)) != LL_CLI_OK ||
      (status = find_case (cli, argv[1], &kase)) != LL_CLI_OK)
    return status;

  events = ll_case_store_list_events (cli->db, ll_case_get_id (kase), &error);
  if (events == NULL)
    return ll_cli_fail_error (error);
  deputies = ll_case_store_list_deputies (cli->db, ll_case_get_id (kase), &error);
  if (deputies == NULL)
    return ll_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonNode) node = ll_cli_object_to_json (G_OBJECT (kase));
      JsonObject *object = json_node_get_object (node);
      JsonArray *people = json_array_new ();

      for (guint i = 0; i < deputies->len; i++)
        {
          LlCaseDeputy *deputy = g_ptr_array_index (deputies, i);
          JsonObject *item = json_object_new ();

          json_object_set_int_member (item, "person_id", deputy->person_id);
          json_object_set_string_member (item, "name", deputy->name);
          json_array_add_object_element (people, item);
        }
      json_object_set_array_member (object, "deputies", people);
      json_object_set_member (object, "events", ll_cli_objects_to_json (events));
      ll_cli_print_json (node);
      return LL_CLI_OK;
    }

  g_print ("%s  %s\n", ll_case_get_serial (kase), ll_case_get_title (kase));
  print_field ("status", ll_cli_label (LL_ENUM_CASE_STATUS, ll_case_get_status (kase)));
  if (ll_case_get_overdue (kase))
    g_print ("%s\n", _("Overdue"));
  print_field ("received-on", ll_case_get_received_on (kase));
  print_field ("source", ll_cli_label (LL_ENUM_CASE_SOURCE, ll_case_get_source (kase)));
  print_field ("category", ll_cli_label (LL_ENUM_CASE_CATEGORY, ll_case_get_category (kase)));
  print_field ("station-id", ll_case_get_station_name (kase));
  print_field ("constituent-name", ll_case_get_constituent_name (kase));
  print_field ("body", ll_case_get_body (kase));
  print_field ("handling-mode",
               ll_case_get_handling_mode (kase) != NULL
                 ? ll_cli_label (LL_ENUM_HANDLING_MODE, ll_case_get_handling_mode (kase))
                 : NULL);
  print_field ("department-id", ll_case_get_department_name (kase));
  print_field ("deadline", ll_case_get_deadline (kase));
  print_field ("reply-text", ll_case_get_reply_text (kase));
  print_field ("replied-on", ll_case_get_replied_on (kase));
  print_field ("satisfaction",
               ll_case_get_satisfaction (kase) != NULL
                 ? ll_cli_label (LL_ENUM_SATISFACTION, ll_case_get_satisfaction (kase))
                 : NULL);
  print_field ("closed-on", ll_case_get_closed_on (kase));

  for (guint i = 0; i < deputies->len; i++)
    {
      LlCaseDeputy *deputy = g_ptr_array_index (deputies, i);

      /* Translators: a deputy who received the case */
      g_print (_("Received by: %s\n"), deputy->name);
    }

  if (events->len > 0)
    g_print ("\n%s\n", _("History:"));
  for (guint i = 0; i < events->len; i++)
    {
      LlCaseEvent *event = g_ptr_array_index (events, i);
      g_autofree char *at = NULL;
      g_autofree char *user = NULL;
      g_autofree char *host = NULL;
      g_autofree char *kind = NULL;
      g_autofree char *to = NULL;

      g_object_get (event, "at", &at, "user", &user, "host", &host, "kind", &kind,
                    "to-status", &to, NULL);
      g_print ("  %s  %s@%s  %s%s%s\n", at, user, host, kind, to != NULL ? " → " : "",
               to != NULL ? ll_cli_label (LL_ENUM_CASE_STATUS, to) : "");
    }

  return LL_CLI_OK;
}

static const LlCliCommand case_commands[] = {
  { "new", NULL, N_("Register a case"), case_new },
  { "assign", "ID", N_("Hand a case to whoever must act (交办)"), case_assign },
  { "start", "ID", N_("Note that handling has begun"), case_start },
  { "reply", "ID", N_("Record the reply"), case_reply },
  { "close", "ID", N_("Close a case after the follow-up visit"), case_close },
  { "reopen", "ID", N_("Hand a closed case over again"), case_reopen },
  { "show", "ID", N_("Show a case and its history"), case_show },
  { NULL }
};

/**
 * ll_cli_case:
 * @cli: the run
 * @argc: the number of @argv
 * @argv: the command's name and arguments
 *
 * `lianluo-cli case new|assign|start|reply|close|reopen|show`.
 *
 * Returns: the exit status (#LlCliStatus)
 */
int
ll_cli_case (LlCli  *cli,
             int     argc,
             char  **argv)
{
  return ll_cli_run_group (cli, "case",
                           _("Register cases (群众诉求) and take them through their handling: "
                             "registered → assigned → in progress → replied → closed."),
                           case_commands, argc, argv);
}
