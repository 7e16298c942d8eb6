/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

/* Running the built lianluo-cli as scripts do, for the CLI tests: a
 * private folder and database per test, the exit status and both
 * streams of each run, JSON output parsed. */

/* The day the CLI takes as today (LIANLUO_TODAY). */
#define TODAY "2025-06-30"

typedef struct
{
  char *dir;
  char *data_home;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

void        run_clear             (Run                *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

void        rm_rf                 (const char         *path);
void        fixture_set_up        (Fixture            *fixture,
                                   gconstpointer       data);
void        fixture_tear_down     (Fixture            *fixture,
                                   gconstpointer       data);
void        run_argv              (Fixture            *fixture,
                                   const char         *db,
                                   const char * const *args,
                                   Run                *run);
void        assert_status         (Run                *run,
                                   int                 status);
void        assert_one_line_error (Run                *run,
                                   int                 status,
                                   const char         *contains);
void        assert_ok             (Run                *run);
JsonNode   *parse_json            (const char         *text);
JsonObject *json_object_of        (JsonNode           *node);
JsonNode   *run_json              (Fixture            *fixture,
                                   const char         *first,
                                   ...) G_GNUC_NULL_TERMINATED;

#define RUN(fixture, run, ...) \
  G_STMT_START { \
    const char *args_[] = { __VA_ARGS__, NULL }; \
    run_clear (run); \
    run_argv ((fixture), (fixture)->db, args_, (run)); \
  } G_STMT_END
