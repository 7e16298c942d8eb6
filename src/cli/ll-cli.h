/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ll-core.h"
#include "ll-enums.h"

G_BEGIN_DECLS

/* Exit statuses: a contract with the scripts that call lianluo-cli. */
typedef enum
{
  LL_CLI_OK           = 0,
  LL_CLI_USAGE        = 1,    /* unknown command or option, missing argument */
  LL_CLI_BAD_INPUT    = 2,    /* a value is invalid, an id or key is unknown */
  LL_CLI_DATABASE     = 3,    /* the database cannot be used as asked */
  LL_CLI_INTERRUPTED  = 130,  /* Ctrl+C; nothing was changed */
} LlCliStatus;

typedef struct _LlCli LlCli;

struct _LlCli
{
  char       *db_path;     /* --db, or NULL */
  const char *command;     /* “case new” */
  LlDatabase *db;
};

/* One command: parses its own options from @argv (argv[0] is the
 * program and command name) and returns an LlCliStatus. */
typedef int (*LlCliCommandFunc) (LlCli  *cli,
                                 int     argc,
                                 char  **argv);

typedef struct
{
  const char       *name;        /* “new” */
  const char       *parameters;  /* “NAME”, untranslated words in capitals, or NULL */
  const char       *summary;     /* N_() */
  LlCliCommandFunc  func;
} LlCliCommand;

/* Printing and failing. */
int             ll_cli_fail             (int                  status,
                                         const char          *format,
                                         ...) G_GNUC_PRINTF (2, 3);
int             ll_cli_fail_error       (const GError        *error);
int             ll_cli_status_for_error (const GError        *error);
void            ll_cli_print_json       (JsonNode            *node);
JsonNode       *ll_cli_object_to_json   (GObject             *object);
JsonNode       *ll_cli_objects_to_json  (GPtrArray           *objects);
const char     *ll_cli_label            (LlEnum               enumeration,
                                         const char          *key);

/* Options. */
GOptionContext *ll_cli_context_new      (LlCli               *cli,
                                         const char          *parameters,
                                         const char          *summary,
                                         const GOptionEntry  *entries);
int             ll_cli_parse            (LlCli               *cli,
                                         GOptionContext      *context,
                                         int                 *argc,
                                         char              ***argv,
                                         int                  min_args,
                                         int                  max_args);
int             ll_cli_run_group        (LlCli               *cli,
                                         const char          *group,
                                         const char          *summary,
                                         const LlCliCommand  *commands,
                                         int                  argc,
                                         char               **argv);

/* Values given on the command line; each fails with
 * LL_DATABASE_ERROR_INVALID and a sentence naming the option. */
gboolean        ll_cli_parse_id         (const char          *text,
                                         const char          *what,
                                         gint64              *id,
                                         GError             **error);
gboolean        ll_cli_parse_count      (const char          *text,
                                         const char          *what,
                                         guint               *count,
                                         GError             **error);
gboolean        ll_cli_check_key        (LlEnum               enumeration,
                                         const char          *key,
                                         const char          *what,
                                         GError             **error);
gboolean        ll_cli_check_date       (const char          *date,
                                         const char          *what,
                                         GError             **error);
gboolean        ll_cli_check_text       (const char          *text,
                                         const char          *what,
                                         GError             **error);

/* The database. */
LlDatabase     *ll_cli_open             (LlCli               *cli,
                                         gboolean             create,
                                         GError             **error);
char           *ll_cli_database_path    (LlCli               *cli,
                                         gboolean            *chosen);

/* The commands, in ll-cli-*.c. */
int             ll_cli_init             (LlCli *cli, int argc, char **argv);
int             ll_cli_check            (LlCli *cli, int argc, char **argv);
int             ll_cli_backup           (LlCli *cli, int argc, char **argv);
int             ll_cli_stats            (LlCli *cli, int argc, char **argv);
int             ll_cli_search           (LlCli *cli, int argc, char **argv);
int             ll_cli_demo             (LlCli *cli, int argc, char **argv);
int             ll_cli_case             (LlCli *cli, int argc, char **argv);
int             ll_cli_station          (LlCli *cli, int argc, char **argv);
int             ll_cli_person           (LlCli *cli, int argc, char **argv);
int             ll_cli_assign           (LlCli *cli, int argc, char **argv);
int             ll_cli_report           (LlCli *cli, int argc, char **argv);
int             ll_cli_roster           (LlCli *cli, int argc, char **argv);

G_END_DECLS
