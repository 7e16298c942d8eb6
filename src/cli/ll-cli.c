/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lianluo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll-cli.h"
#include "ll-validate.h"

/* Failing ------------------------------------------------------------------ */

/* Every error is one line: scripts read the first line of stderr. */
static void
print_error_line (const char *message)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (const char *p = message; *p != '\0'; p++)
    g_string_append_c (line, *p == '\n' || *p == '\r' ? ' ' : *p);
  while (line->len > 0 && line->str[line->len - 1] == ' ')
    g_string_truncate (line, line->len - 1);

  g_printerr ("lianluo-cli: %s\n", line->str);
}

/**
 * ll_cli_fail:
 * @status: what to exit with
 * @format: the translated sentence
 *
 * Prints `lianluo-cli: <sentence>` as one line on stderr.
 *
 * Returns: @status
 */
int
ll_cli_fail (int         status,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_error_line (message);

  return status;
}

/**
 * ll_cli_status_for_error:
 * @error: what went wrong
 *
 * Returns: the exit status for @error: a refused value or an unknown
 *   record is bad input (2), a cancellation 130, anything about the file
 *   itself a database problem (3)
 */
int
ll_cli_status_for_error (const GError *error)
{
  if (error->domain == LL_DATABASE_ERROR)
    {
      switch (error->code)
        {
        case LL_DATABASE_ERROR_INVALID:
        case LL_DATABASE_ERROR_NOT_FOUND:
          return LL_CLI_BAD_INPUT;
        default:
          return LL_CLI_DATABASE;
        }
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return LL_CLI_INTERRUPTED;

  if (error->domain == G_OPTION_ERROR)
    return LL_CLI_USAGE;

  if (error->domain == G_IO_ERROR || error->domain == G_FILE_ERROR)
    return LL_CLI_DATABASE;

  return LL_CLI_BAD_INPUT;
}

/**
 * ll_cli_fail_error:
 * @error: what went wrong
 *
 * Prints @error's message as one line and picks the exit status.
 *
 * Returns: the exit status
 */
int
ll_cli_fail_error (const GError *error)
{
  print_error_line (error->message);

  return ll_cli_status_for_error (error);
}

/* Output ------------------------------------------------------------------- */

/**
 * ll_cli_print_json:
 * @node: (transfer none): what to print
 *
 * Prints @node as indented JSON and a newline on stdout.
 */
void
ll_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/**
 * ll_cli_object_to_json:
 * @object: a record
 *
 * Turns a record into a JSON object with one member per property, named
 * like the database column (`received_on`): integers, booleans, numbers,
 * and strings or null. A reference to no record (`parent_id` 0) and a
 * number that is not set (negative) are null.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
ll_cli_object_to_json (GObject *object)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);

  json_builder_begin_object (builder);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *key = NULL;
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

      if ((pspec->flags & G_PARAM_READABLE) == 0)
        continue;
      if (type != G_TYPE_STRING && type != G_TYPE_INT64 && type != G_TYPE_INT &&
          type != G_TYPE_UINT && type != G_TYPE_BOOLEAN && type != G_TYPE_DOUBLE)
        continue;

      key = g_strdelimit (g_strdup (pspec->name), "-", '_');
      g_value_init (&value, type);
      g_object_get_property (object, pspec->name, &value);
      json_builder_set_member_name (builder, key);

      if (type == G_TYPE_STRING)
        {
          const char *text = g_value_get_string (&value);

          if (text != NULL)
            json_builder_add_string_value (builder, text);
          else
            json_builder_add_null_value (builder);
        }
      else if (type == G_TYPE_INT64)
        {
          gint64 number = g_value_get_int64 (&value);

          /* 0 is “no such record” for a reference, -1 “not counted”. */
          if (number < 0 || (number == 0 && g_str_has_suffix (pspec->name, "-id")))
            json_builder_add_null_value (builder);
          else
            json_builder_add_int_value (builder, number);
        }
      else if (type == G_TYPE_INT)
        json_builder_add_int_value (builder, g_value_get_int (&value));
      else if (type == G_TYPE_UINT)
        json_builder_add_int_value (builder, g_value_get_uint (&value));
      else if (type == G_TYPE_BOOLEAN)
        json_builder_add_boolean_value (builder, g_value_get_boolean (&value));
      else if (g_value_get_double (&value) < 0)
        json_builder_add_null_value (builder);   /* not set */
      else
        json_builder_add_double_value (builder, g_value_get_double (&value));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * ll_cli_objects_to_json:
 * @objects: (element-type GObject): records
 *
 * Returns: (transfer full): a JSON array of ll_cli_object_to_json()
 */
JsonNode *
ll_cli_objects_to_json (GPtrArray *objects)
{
  JsonArray *array = json_array_sized_new (objects->len);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < objects->len; i++)
    json_array_add_element (array, ll_cli_object_to_json (g_ptr_array_index (objects, i)));
  json_node_take_array (node, array);

  return node;
}

/**
 * ll_cli_label:
 *
 * Returns: the translated label of @key, the key itself if unknown, or
 *   an empty string for %NULL
 */
const char *
ll_cli_label (LlEnum      enumeration,
              const char *key)
{
  const char *label;

  if (key == NULL)
    return "";

  label = ll_enum_get_label (enumeration, key);
  return label != NULL ? label : key;
}

/* Options ------------------------------------------------------------------ */

/**
 * ll_cli_context_new:
 * @cli: the run
 * @parameters: (nullable): the positional arguments, e.g. “ID”
 * @summary: what the command does, translated
 * @entries: (nullable): the command's options, %NULL-terminated
 *
 * Makes the option parser of a command, with the options every command
 * takes (`--db PATH`) and translated help.
 *
 * Returns: (transfer full): the parser
 */
GOptionContext *
ll_cli_context_new (LlCli              *cli,
                    const char         *parameters,
                    const char         *summary,
                    const GOptionEntry *entries)
{
  const GOptionEntry common[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &cli->db_path,
      N_("Use the database file PATH instead of the default one"), N_("PATH") },
    { NULL }
  };
  g_autofree char *prgname = g_strdup_printf ("lianluo-cli %s", cli->command);
  GOptionContext *context = g_option_context_new (parameters);

  /* The usage line reads “lianluo-cli case new [OPTION…] …”. */
  g_set_prgname (prgname);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);

  return context;
}

/**
 * ll_cli_parse:
 * @min_args: how many positional arguments at least
 * @max_args: how many at most, or -1
 *
 * Parses a command's options; on return `(*argv)[1…]` are the
 * positional arguments.
 *
 * Returns: %LL_CLI_OK, or the status to exit with (the error printed)
 */
int
ll_cli_parse (LlCli            *cli,
              GOptionContext   *context,
              int              *argc,
              char           ***argv,
              int               min_args,
              int               max_args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = g_steal_pointer (&cli->db_path);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_free (previous);
      previous = NULL;
      /* Translators: the first %s is a command, e.g. “case new” */
      return ll_cli_fail (LL_CLI_USAGE, _("%s: %s (see “lianluo-cli %s --help”)"),
                          cli->command, error->message, cli->command);
    }

  /* --db before the command counts unless given again after it. */
  if (cli->db_path == NULL)
    cli->db_path = g_steal_pointer (&previous);

  /* “--” ends the options; it is not an argument. */
  if (*argc > 1 && strcmp ((*argv)[1], "--") == 0)
    {
      memmove (&(*argv)[1], &(*argv)[2], (*argc - 1) * sizeof (char *));
      (*argc)--;
    }

  if (*argc - 1 < min_args)
    return ll_cli_fail (LL_CLI_USAGE, _("%s: an argument is missing (see “lianluo-cli %s --help”)"),
                        cli->command, cli->command);

  if (max_args >= 0 && *argc - 1 > max_args)
    return ll_cli_fail (LL_CLI_USAGE,
                        _("%s: unexpected argument “%s” (see “lianluo-cli %s --help”)"),
                        cli->command, (*argv)[max_args + 1], cli->command);

  return LL_CLI_OK;
}

static void
print_group_help (const char         *group,
                  const char         *summary,
                  const LlCliCommand *commands,
                  FILE               *out)
{
  gsize width = 0;

  for (guint i = 0; commands[i].name != NULL; i++)
    width = MAX (width, strlen (commands[i].name));

  /* Translators: %s is a group of commands, e.g. “case” */
  fprintf (out, _("Usage:\n  lianluo-cli %s COMMAND [OPTION…]\n\n"), group);
  fprintf (out, "%s\n\n", summary);
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; commands[i].name != NULL; i++)
    fprintf (out, "  %-*s  %s\n", (int) width, commands[i].name, _(commands[i].summary));
  fprintf (out, "\n");
  /* Translators: %s is a group of commands, e.g. “case” */
  fprintf (out, _("Run “lianluo-cli %s COMMAND --help” for a command’s options.\n"), group);
}

/**
 * ll_cli_run_group:
 * @group: the group's name, e.g. “case”
 * @summary: what the group is for, translated
 * @commands: its commands, ending with a zeroed entry
 * @argv: `lianluo-cli GROUP …` from GROUP on
 *
 * Runs `lianluo-cli GROUP COMMAND …`.
 *
 * Returns: the exit status
 */
int
ll_cli_run_group (LlCli              *cli,
                  const char         *group,
                  const char         *summary,
                  const LlCliCommand *commands,
                  int                 argc,
                  char              **argv)
{
  g_autofree char *command = NULL;
  const char *name = argc > 1 ? argv[1] : NULL;

  if (name == NULL)
    return ll_cli_fail (LL_CLI_USAGE, _("%s: which command? (see “lianluo-cli %s --help”)"),
                        group, group);

  if (strcmp (name, "--help") == 0 || strcmp (name, "-h") == 0 || strcmp (name, "help") == 0)
    {
      print_group_help (group, summary, commands, stdout);
      return LL_CLI_OK;
    }

  for (guint i = 0; commands[i].name != NULL; i++)
    if (strcmp (commands[i].name, name) == 0)
      {
        command = g_strdup_printf ("%s %s", group, name);
        cli->command = command;
        /* argv[0] becomes “GROUP COMMAND” for the usage line. */
        argv[1] = argv[0];
        return commands[i].func (cli, argc - 1, argv + 1);
      }

  return ll_cli_fail (LL_CLI_USAGE, _("%s: unknown command “%s” (see “lianluo-cli %s --help”)"),
                      group, name, group);
}

/* Values ------------------------------------------------------------------- */

/**
 * ll_cli_parse_id:
 * @what: the option or argument, e.g. “--station”
 *
 * Accepts a positive whole number.
 */
gboolean
ll_cli_parse_id (const char  *text,
                 const char  *what,
                 gint64      *id,
                 GError     **error)
{
  gint64 value;
  char *end = NULL;

  if (text != NULL && g_ascii_isdigit (text[0]))
    {
      value = g_ascii_strtoll (text, &end, 10);
      if (end != NULL && *end == '\0' && value > 0)
        {
          *id = value;
          return TRUE;
        }
    }

  /* Translators: the first %s is an option such as “--station”, the
   * second what was given */
  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               _("%s: “%s” is not an id (a whole number such as 12)."), what,
               text != NULL ? text : "");
  return FALSE;
}

/**
 * ll_cli_parse_count:
 *
 * Accepts a whole number from 0 to %G_MAXUINT.
 */
gboolean
ll_cli_parse_count (const char  *text,
                    const char  *what,
                    guint       *count,
                    GError     **error)
{
  guint64 value = 0;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL))
    {
      *count = (guint) value;
      return TRUE;
    }

  /* Translators: the first %s is an option such as “--cases” */
  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               _("%s: “%s” is not a number."), what, text != NULL ? text : "");
  return FALSE;
}

/**
 * ll_cli_check_key:
 *
 * Accepts %NULL (not given) and the keys of @enumeration; the message
 * lists the keys.
 */
gboolean
ll_cli_check_key (LlEnum       enumeration,
                  const char  *key,
                  const char  *what,
                  GError     **error)
{
  return ll_validate_enum (enumeration, key, TRUE, what, error);
}

/**
 * ll_cli_check_date:
 *
 * Accepts %NULL (not given) and real dates written 2025-03-05.
 */
gboolean
ll_cli_check_date (const char  *date,
                   const char  *what,
                   GError     **error)
{
  return ll_validate_date (date, what, error);
}

/**
 * ll_cli_check_text:
 *
 * Refuses text that was given but is empty or blank.
 */
gboolean
ll_cli_check_text (const char  *text,
                   const char  *what,
                   GError     **error)
{
  return text == NULL || ll_validate_required (text, what, error);
}

/* The database ------------------------------------------------------------- */

/**
 * ll_cli_database_path:
 * @chosen: (out): whether `--db` or `LIANLUO_DB` chose the file
 *
 * Returns: (transfer full): the database file to use
 */
char *
ll_cli_database_path (LlCli    *cli,
                      gboolean *chosen)
{
  const char *env = g_getenv ("LIANLUO_DB");

  *chosen = (cli->db_path != NULL && *cli->db_path != '\0') || (env != NULL && *env != '\0');

  return ll_paths_resolve_database (cli->db_path);
}

/**
 * ll_cli_open:
 * @create: make the file when it is missing
 *
 * Opens the database. The default file (`$XDG_DATA_HOME/lianluo/
 * lianluo.db`) is created on first use by any command; a file named by
 * `--db` or `LIANLUO_DB` is only created by `init` and `demo` (@create),
 * so that a mistyped path is an error, not a new empty database.
 *
 * Returns: (transfer full) (nullable): the database
 */
LlDatabase *
ll_cli_open (LlCli   *cli,
             gboolean create,
             GError **error)
{
  g_autofree char *path = NULL;
  gboolean chosen;

  path = ll_cli_database_path (cli, &chosen);

  return ll_database_open (path,
                           create || !chosen ? LL_DATABASE_OPEN_CREATE : LL_DATABASE_OPEN_NONE,
                           error);
}
