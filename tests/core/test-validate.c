/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-validate"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "ll-database.h"
#include "ll-enums.h"
#include "ll-validate.h"
#include "test-util.h"

/* The keys of DOMAIN.md are a contract with scripts: they are spelled
 * here once more, so that renaming one fails this test. */
static void
test_enum_keys (void)
{
  static const struct {
    LlEnum      enumeration;
    const char *keys;
  } contract[] = {
    { LL_ENUM_STATION_KIND, "home station workstation studio legislative_point point online" },
    { LL_ENUM_DEPUTY_LEVEL, "national provincial city county township" },
    { LL_ENUM_PERSON_ROLE, "deputy voter_representative council_member police_officer judge "
                           "procurator judicial_assistant observer expert" },
    { LL_ENUM_STATION_ROLE, "member head liaison_officer" },
    { LL_ENUM_CASE_STATUS, "registered assigned in_progress replied closed" },
    { LL_ENUM_CASE_SOURCE, "reception_day visit forum phone wechat photo_report letter "
                           "legislative_consultation other" },
    { LL_ENUM_CASE_CATEGORY, "urban_construction transport environment property_management "
                             "education health elderly_care employment social_security "
                             "public_security legal other" },
    { LL_ENUM_HANDLING_MODE, "on_the_spot subdistrict department escalated" },
    { LL_ENUM_SATISFACTION, "satisfied basically_satisfied dissatisfied" },
    { LL_ENUM_ATTENDANCE, "present leave absent" },
    { LL_ENUM_ACTIVITY_TYPE, "reception visit research inspection law_enforcement_check training "
                             "group_activity report_to_voters attend_meeting "
                             "legislative_consultation work_evaluation project_supervision "
                             "congress_session other" },
    { LL_ENUM_SUGGESTION_CLASS, "A B C" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (contract); i++)
    {
      g_autofree char *joined = g_strjoinv (" ", (char **) ll_enum_get_keys (contract[i].enumeration));

      g_assert_cmpstr (joined, ==, contract[i].keys);
    }

  for (guint e = 0; e < LL_N_ENUMS; e++)
    {
      g_assert_nonnull (ll_enum_get_name (e));
      g_assert_nonnull (ll_enum_get_title (e));
      g_assert_cmpuint (ll_enum_get_n_values (e), >, 0);
      for (guint i = 0; i < ll_enum_get_n_values (e); i++)
        {
          const char *key = ll_enum_get_key (e, i);

          g_assert_cmpint (ll_enum_find (e, key), ==, i);
          g_assert_nonnull (ll_enum_get_label (e, key));
        }
      g_assert_false (ll_enum_is_valid (e, "no_such_key"));
      g_assert_false (ll_enum_is_valid (e, NULL));
      g_assert_null (ll_enum_get_label (e, "no_such_key"));
    }
}

static gboolean
insert_row (LlDatabase *db,
            gpointer    user_data,
            GError    **error)
{
  g_autoptr(LlStatement) stmt = _ll_database_prepare (db, user_data, error);

  return stmt != NULL && _ll_statement_execute (stmt, error);
}

/* Every key the program offers is one the database accepts. */
static void
test_enum_keys_match_schema (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "enums.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) db = ll_database_open (path, LL_DATABASE_OPEN_CREATE, &error);
  const char * const *keys;

  g_assert_no_error (error);

  keys = ll_enum_get_keys (LL_ENUM_STATION_KIND);
  for (guint i = 0; keys[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO stations (kind, name) VALUES ('%s', 'x')",
                                              keys[i]);
      g_assert_true (ll_database_write (db, insert_row, sql, &error));
      g_assert_no_error (error);
    }

  keys = ll_enum_get_keys (LL_ENUM_PERSON_ROLE);
  for (guint i = 0; keys[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO people (role, name) VALUES ('%s', 'x')",
                                              keys[i]);
      g_assert_true (ll_database_write (db, insert_row, sql, &error));
      g_assert_no_error (error);
    }

  keys = ll_enum_get_keys (LL_ENUM_DEPUTY_LEVEL);
  for (guint i = 0; keys[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO people (role, level, name) "
                                              "VALUES ('deputy', '%s', 'x')", keys[i]);
      g_assert_true (ll_database_write (db, insert_row, sql, &error));
      g_assert_no_error (error);
    }

  keys = ll_enum_get_keys (LL_ENUM_ACTIVITY_TYPE);
  for (guint i = 0; keys[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO activities (held_on, type, title) "
                                              "VALUES ('2025-01-01', '%s', 'x')", keys[i]);
      g_assert_true (ll_database_write (db, insert_row, sql, &error));
      g_assert_no_error (error);
    }

  {
    static const LlEnum case_enums[] = { LL_ENUM_CASE_STATUS, LL_ENUM_CASE_SOURCE,
                                         LL_ENUM_CASE_CATEGORY, LL_ENUM_HANDLING_MODE,
                                         LL_ENUM_SATISFACTION };
    static const char *columns[] = { "status", "source", "category", "handling_mode",
                                     "satisfaction" };
    int seq = 1;

    for (guint e = 0; e < G_N_ELEMENTS (case_enums); e++)
      {
        keys = ll_enum_get_keys (case_enums[e]);
        for (guint i = 0; keys[i]; i++, seq++)
          {
            g_autofree char *sql =
              g_strdup_printf ("INSERT INTO cases (year, seq, serial, title, received_on, "
                               "station_id, %s) VALUES (2025, %d, '2025-%04d', 't', "
                               "'2025-01-01', 1, '%s')", columns[e], seq, seq, keys[i]);
            g_assert_true (ll_database_write (db, insert_row, sql, &error));
            g_assert_no_error (error);
          }
      }
  }

  /* And a key it does not offer is refused. */
  g_assert_false (ll_database_write (db, insert_row,
                                     "INSERT INTO stations (kind, name) VALUES ('castle', 'x')",
                                     &error));
  g_assert_nonnull (error);

  g_clear_object (&db);
  test_rm_rf (dir);
}

static void
test_dates (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_date_is_valid ("2025-03-05"));
  g_assert_true (ll_date_is_valid ("2024-02-29"));
  g_assert_false (ll_date_is_valid ("2025-02-29"));
  g_assert_false (ll_date_is_valid ("2025-02-30"));
  g_assert_false (ll_date_is_valid ("2025-13-01"));
  g_assert_false (ll_date_is_valid ("2025-3-5"));
  g_assert_false (ll_date_is_valid ("2025/03/05"));
  g_assert_false (ll_date_is_valid (""));
  g_assert_false (ll_date_is_valid ("昨天"));

  g_assert_true (ll_validate_date (NULL, "Received", &error));
  g_assert_no_error (error);
  g_assert_false (ll_validate_date ("2025-02-30", "Received", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Received"));
  g_assert_nonnull (strstr (error->message, "2025-02-30"));
}

static void
test_phones (void)
{
  static const char *good[] = {
    "13812345678", "138 1234 5678", "138-1234-5678", "+86 13812345678", "+8613812345678",
    "010-12345678", "0571-8765432", "(0571) 87654321", "021-12345678-808", "12345678",
    "1234567", "400-123-4567", "12345",
  };
  static const char *bad[] = {
    "1381234567", "12812345678", "138123456789", "abc", "138l2345678", "123", "0123",
    "电话13812345678",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (ll_phone_is_valid (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (ll_phone_is_valid (bad[i]))
        g_error ("accepted %s", bad[i]);
    }

  g_assert_true (ll_validate_phone ("", "Phone", &error));
  g_assert_true (ll_validate_phone (NULL, "Phone", &error));
  g_assert_false (ll_validate_phone ("1381234567", "Phone", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
}

static void
test_phone_mask (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "13812345678", "138****5678" },
    { "138-1234-5678", "138-****-5678" },
    { "010-12345678", "010-****5678" },
    { "0571-87654321", "0571-****4321" },
    { "87654321", "****4321" },
    { "12345", "*2345" },
    { "1234", "1234" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = ll_phone_mask (cases[i].in);
      g_assert_cmpstr (masked, ==, cases[i].out);
    }
  g_assert_null (ll_phone_mask (NULL));
}

static void
test_required_and_enum (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_validate_required ("联络站", "Name", &error));
  g_assert_false (ll_validate_required ("  \u3000 ", "Name", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ll_validate_required (NULL, "Name", &error));
  g_clear_error (&error);

  g_assert_true (ll_validate_enum (LL_ENUM_STATION_KIND, "home", FALSE, "Kind", &error));
  g_assert_true (ll_validate_enum (LL_ENUM_DEPUTY_LEVEL, NULL, TRUE, "Level", &error));
  g_assert_false (ll_validate_enum (LL_ENUM_DEPUTY_LEVEL, NULL, FALSE, "Level", &error));
  g_clear_error (&error);
  g_assert_false (ll_validate_enum (LL_ENUM_STATION_KIND, "castle", FALSE, "Kind", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  /* The message lists what is accepted. */
  g_assert_nonnull (strstr (error->message, "legislative_point"));
}

static void
test_today (void)
{
  g_autofree char *today = NULL;

  g_setenv ("LIANLUO_TODAY", "2025-06-30", TRUE);
  today = ll_date_today ();
  g_assert_cmpstr (today, ==, "2025-06-30");
  g_unsetenv ("LIANLUO_TODAY");
  g_clear_pointer (&today, g_free);
  today = ll_date_today ();
  g_assert_true (ll_date_is_valid (today));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/enums/keys", test_enum_keys);
  g_test_add_func ("/enums/keys-match-schema", test_enum_keys_match_schema);
  g_test_add_func ("/validate/dates", test_dates);
  g_test_add_func ("/validate/phones", test_phones);
  g_test_add_func ("/validate/phone-mask", test_phone_mask);
  g_test_add_func ("/validate/required-and-enum", test_required_and_enum);
  g_test_add_func ("/validate/today", test_today);

  return g_test_run ();
}
