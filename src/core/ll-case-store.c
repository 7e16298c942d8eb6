/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-case-store"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "ll-case-store.h"
#include "ll-database-private.h"
#include "ll-enums.h"
#include "ll-search.h"
#include "ll-validate.h"

/* Cases: registration with yearly serials, edits with a readable
 * history, deletion of a case registered by mistake, the receiving
 * deputies, and the id queries of the case list.
 *
 * Indexes (001-initial.sql) that serve the case list, checked with
 * EXPLAIN QUERY PLAN in tests/core/test-cases.c:
 *   all cases by received date ........ cases_received (no sorting)
 *   a year, a period .................. cases_received (a range)
 *   status / category / station / department + received date
 *     ................................. cases_status, cases_category,
 *                                       cases_station, cases_department
 *                                       (ids of one day sorted by id)
 *   fast track, common issues, look back  their partial indexes
 *   merged into a common issue ........ cases_merged_into
 *   overdue ........................... cases_status_deadline
 *   by serial ......................... UNIQUE (year, seq)
 *   a deputy's cases .................. case_deputies_person
 *   source (no index of its own) ...... cases_received, rows filtered
 * Sorting by title, station, department, category, status or
 * satisfaction sorts the matching ids (a click on a column header). */

#define CASE_COLUMNS \
  "c.id, c.version, c.year, c.seq, c.serial, c.title, c.body, c.received_on, c.source, " \
  "c.station_id, c.constituent_name, c.constituent_phone, c.constituent_address, " \
  "c.category, c.is_common, c.merged_into_id, c.fast_track, c.status, c.handling_mode, " \
  "c.department_id, c.assigned_on, c.deadline, c.reply_text, c.replied_on, " \
  "c.satisfaction, c.follow_up_note, c.closed_on, c.look_back, c.created_at, " \
  "c.updated_at, s.name, d.name"

#define CASE_JOINS \
  "LEFT JOIN stations AS s ON s.id = c.station_id " \
  "LEFT JOIN departments AS d ON d.id = c.department_id "

/* The fields ll_case_store_update() saves. */
static const struct {
  const char *property;
  const char *column;
  gboolean    show_values;  /* in the history: old → new */
} editable[] = {
  { "title", "title", TRUE },
  { "body", "body", FALSE },
  { "received-on", "received_on", TRUE },
  { "source", "source", TRUE },
  { "station-id", "station_id", TRUE },
  /* Personal data: the history names the field, not the values. */
  { "constituent-name", "constituent_name", FALSE },
  { "constituent-phone", "constituent_phone", FALSE },
  { "constituent-address", "constituent_address", FALSE },
  { "category", "category", TRUE },
  { "is-common", "is_common", TRUE },
  { "fast-track", "fast_track", TRUE },
};

G_DEFINE_BOXED_TYPE (LlCaseDeputy, ll_case_deputy, ll_case_deputy_copy, ll_case_deputy_free)

/* Helpers ------------------------------------------------------------------ */

static const char *
column_text (LlStatement *statement,
             int          column)
{
  return (const char *) sqlite3_column_text (statement->stmt, column);
}

static LlCase *
case_from_row (LlStatement *statement)
{
  LlCase *self = ll_case_new ();

  ll_case_set_id (self, sqlite3_column_int64 (statement->stmt, 0));
  ll_case_set_version (self, sqlite3_column_int64 (statement->stmt, 1));
  ll_case_set_year (self, sqlite3_column_int (statement->stmt, 2));
  ll_case_set_seq (self, sqlite3_column_int (statement->stmt, 3));
  ll_case_set_serial (self, column_text (statement, 4));
  ll_case_set_title (self, column_text (statement, 5));
  ll_case_set_body (self, column_text (statement, 6));
  ll_case_set_received_on (self, column_text (statement, 7));
  ll_case_set_source (self, column_text (statement, 8));
  ll_case_set_station_id (self, sqlite3_column_int64 (statement->stmt, 9));
  ll_case_set_constituent_name (self, column_text (statement, 10));
  ll_case_set_constituent_phone (self, column_text (statement, 11));
  ll_case_set_constituent_address (self, column_text (statement, 12));
  ll_case_set_category (self, column_text (statement, 13));
  ll_case_set_is_common (self, sqlite3_column_int (statement->stmt, 14) != 0);
  ll_case_set_merged_into_id (self, sqlite3_column_int64 (statement->stmt, 15));
  ll_case_set_fast_track (self, sqlite3_column_int (statement->stmt, 16) != 0);
  ll_case_set_status (self, column_text (statement, 17));
  ll_case_set_handling_mode (self, column_text (statement, 18));
  ll_case_set_department_id (self, sqlite3_column_int64 (statement->stmt, 19));
  ll_case_set_assigned_on (self, column_text (statement, 20));
  ll_case_set_deadline (self, column_text (statement, 21));
  ll_case_set_reply_text (self, column_text (statement, 22));
  ll_case_set_replied_on (self, column_text (statement, 23));
  ll_case_set_satisfaction (self, column_text (statement, 24));
  ll_case_set_follow_up_note (self, column_text (statement, 25));
  ll_case_set_closed_on (self, column_text (statement, 26));
  ll_case_set_look_back (self, sqlite3_column_int (statement->stmt, 27) != 0);
  ll_case_set_created_at (self, column_text (statement, 28));
  ll_case_set_updated_at (self, column_text (statement, 29));
  _ll_case_set_names (self, column_text (statement, 30), column_text (statement, 31));

  return self;
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                       _("This case no longer exists; someone may have deleted it."));
}

/* The stored case, or NOT_FOUND; CONFLICT when its version is not
 * @expected_version (unless 0). */
static LlCase *
load_current (LlDatabase  *db,
              gint64       id,
              gint64       expected_version,
              GError     **error)
{
  g_autoptr(LlCase) stored = ll_case_store_get (db, id, error);

  if (stored == NULL)
    return NULL;

  if (expected_version != 0 && ll_case_get_version (stored) != expected_version)
    {
      _ll_database_explain_unchanged (db, "cases", id, error);
      return NULL;
    }

  return g_steal_pointer (&stored);
}

/* Text of column 0 of @sql with one integer parameter, or NULL. */
static char *
query_text (LlDatabase  *db,
            const char  *sql,
            gint64       value,
            gboolean    *found,
            GError     **error)
{
  g_autoptr(LlStatement) statement = _ll_database_prepare (db, sql, error);
  LlStep step;

  *found = FALSE;
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, value);
  step = _ll_statement_step (statement, error);
  if (step != LL_STEP_ROW)
    return NULL;

  *found = TRUE;
  return _ll_statement_dup_text (statement, 0);
}

static gboolean
query_int (LlDatabase  *db,
           const char  *sql,
           gint64       value,
           gint64      *result,
           GError     **error)
{
  g_autoptr(LlStatement) statement = _ll_database_prepare (db, sql, error);

  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, value);
  if (_ll_statement_step (statement, error) != LL_STEP_ROW)
    return FALSE;

  *result = sqlite3_column_int64 (statement->stmt, 0);
  return TRUE;
}

/* A clear message instead of SQLite's foreign-key failure. */
static gboolean
check_station (LlDatabase  *db,
               gint64       station_id,
               char       **name,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *found_name = NULL;
  gboolean found;

  found_name = query_text (db, "SELECT name FROM stations WHERE id = ?1", station_id, &found,
                           &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!found)
    {
      /* Translators: %s is the field “Station” */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s: the station does not exist; someone may have deleted it."),
                   ll_case_get_field_label ("station-id"));
      return FALSE;
    }

  if (name != NULL)
    *name = g_steal_pointer (&found_name);
  return TRUE;
}

static int
year_of (const char *date)
{
  return date != NULL ? atoi (date) : 0;
}

static char *
builder_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

gboolean
_ll_case_store_add_event (LlDatabase  *db,
                          gint64       case_id,
                          const char  *kind,
                          const char  *from_status,
                          const char  *to_status,
                          const char  *detail,
                          GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (_ll_database_in_write (db), FALSE);

  /* at, user and host come from the connection (column defaults). */
  statement = _ll_database_prepare (db,
                                    "INSERT INTO case_events "
                                    "(case_id, kind, from_status, to_status, detail) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5)",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, case_id);
  _ll_statement_bind_text (statement, 2, kind);
  _ll_statement_bind_text (statement, 3, from_status);
  _ll_statement_bind_text (statement, 4, to_status);
  _ll_statement_bind_text (statement, 5, detail);

  return _ll_statement_execute (statement, error);
}

/* Deputies ----------------------------------------------------------------- */

/**
 * ll_case_deputy_new:
 * @person_id: the deputy
 * @name: (nullable): the deputy's name
 *
 * Returns: (transfer full): a new #LlCaseDeputy
 */
LlCaseDeputy *
ll_case_deputy_new (gint64      person_id,
                    const char *name)
{
  LlCaseDeputy *self = g_new0 (LlCaseDeputy, 1);

  self->person_id = person_id;
  self->name = g_strdup (name);

  return self;
}

/**
 * ll_case_deputy_copy:
 * @self: a #LlCaseDeputy
 *
 * Returns: (transfer full): a copy of @self
 */
LlCaseDeputy *
ll_case_deputy_copy (const LlCaseDeputy *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return ll_case_deputy_new (self->person_id, self->name);
}

/**
 * ll_case_deputy_free:
 * @self: (nullable): a #LlCaseDeputy
 *
 * Frees @self.
 */
void
ll_case_deputy_free (LlCaseDeputy *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self);
}

/* The distinct ids of @ids, in their first order, each checked to be a
 * person. */
static GArray *
check_people (LlDatabase    *db,
              const gint64  *ids,
              guint          n_ids,
              GError       **error)
{
  g_autoptr(GArray) distinct = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n_ids; i++)
    {
      gint64 found = 0;

      if (g_hash_table_contains (seen, &ids[i]))
        continue;
      g_hash_table_add (seen, (gpointer) &ids[i]);

      if (!query_int (db, "SELECT count(*) FROM people WHERE id = ?1", ids[i], &found, error))
        return NULL;

      if (found == 0)
        {
          /* Translators: %s is the field “Receiving deputies” */
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                       _("%s: a person does not exist; someone may have deleted them."),
                       ll_case_get_field_label ("receiving-deputies"));
          return NULL;
        }

      g_array_append_val (distinct, ids[i]);
    }

  return g_steal_pointer (&distinct);
}

static gboolean
insert_deputies (LlDatabase  *db,
                 gint64       case_id,
                 GArray      *person_ids,
                 GError     **error)
{
  for (guint i = 0; i < person_ids->len; i++)
    {
      g_autoptr(LlStatement) statement = NULL;

      statement = _ll_database_prepare (db,
                                        "INSERT INTO case_deputies (case_id, person_id) "
                                        "VALUES (?1, ?2)",
                                        error);
      if (statement == NULL)
        return FALSE;

      _ll_statement_bind_int64 (statement, 1, case_id);
      _ll_statement_bind_int64 (statement, 2, g_array_index (person_ids, gint64, i));
      if (!_ll_statement_execute (statement, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * ll_case_store_list_deputies:
 * @db: a #LlDatabase
 * @case_id: a case
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LlCaseDeputy) (nullable): the
 *   deputies who received the case, in the order they were entered
 */
GPtrArray *
ll_case_store_list_deputies (LlDatabase  *db,
                             gint64       case_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) deputies = NULL;
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT p.id, p.name FROM case_deputies AS cd "
                                    "JOIN people AS p ON p.id = cd.person_id "
                                    "WHERE cd.case_id = ?1 ORDER BY cd.id",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, case_id);

  deputies = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_case_deputy_free);
  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    g_ptr_array_add (deputies, ll_case_deputy_new (sqlite3_column_int64 (statement->stmt, 0),
                                                   column_text (statement, 1)));

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&deputies);
}

static void
add_names (JsonBuilder *builder,
           GPtrArray   *deputies)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < deputies->len; i++)
    json_builder_add_string_value (builder,
                                   ((LlCaseDeputy *) g_ptr_array_index (deputies, i))->name);
  json_builder_end_array (builder);
}

typedef struct
{
  LlCase       *kase;
  const gint64 *person_ids;
  guint         n_person_ids;
  gint64        new_version;
  LlCase       *stored;
} SetDeputies;

static gboolean
set_deputies_func (LlDatabase  *db,
                   gpointer     user_data,
                   GError     **error)
{
  SetDeputies *data = user_data;
  gint64 id = ll_case_get_id (data->kase);
  g_autoptr(LlCase) stored = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GArray) person_ids = NULL;
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *detail = NULL;
  gboolean same;

  stored = load_current (db, id, ll_case_get_version (data->kase), error);
  if (stored == NULL)
    return FALSE;

  person_ids = check_people (db, data->person_ids, data->n_person_ids, error);
  if (person_ids == NULL)
    return FALSE;

  before = ll_case_store_list_deputies (db, id, error);
  if (before == NULL)
    return FALSE;

  same = before->len == person_ids->len;
  for (guint i = 0; same && i < before->len; i++)
    same = ((LlCaseDeputy *) g_ptr_array_index (before, i))->person_id ==
           g_array_index (person_ids, gint64, i);

  if (same)
    {
      data->new_version = ll_case_get_version (stored);
      data->stored = g_steal_pointer (&stored);
      return TRUE;
    }

  statement = _ll_database_prepare (db, "DELETE FROM case_deputies WHERE case_id = ?1", error);
  if (statement == NULL)
    return FALSE;
  _ll_statement_bind_int64 (statement, 1, id);
  if (!_ll_statement_execute (statement, error) ||
      !insert_deputies (db, id, person_ids, error) ||
      !_ll_database_update_versioned (db, "cases", id, ll_case_get_version (data->kase),
                                      NULL, NULL, 0, &data->new_version, error))
    return FALSE;

  after = ll_case_store_list_deputies (db, id, error);
  if (after == NULL)
    return FALSE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, "receiving-deputies");
  json_builder_set_member_name (builder, "old");
  add_names (builder, before);
  json_builder_set_member_name (builder, "new");
  add_names (builder, after);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  detail = builder_to_string (builder);

  if (!_ll_case_store_add_event (db, id, "edited", NULL, NULL, detail, error))
    return FALSE;

  data->stored = ll_case_store_get (db, id, error);
  return data->stored != NULL;
}

/**
 * ll_case_store_set_deputies:
 * @db: a #LlDatabase
 * @kase: a registered case, at the version the user saw
 * @person_ids: (array length=n_person_ids) (nullable): the deputies who
 *   received the case, first the lead; repeated ids count once
 * @n_person_ids: the number of @person_ids
 * @error: return location for a #GError
 *
 * Replaces the receiving deputies of @kase. The change is a versioned
 * save of the case (%LL_DATABASE_ERROR_CONFLICT when someone else
 * changed the case) and a line in its history naming the deputies
 * before and after. Setting the same list again writes nothing.
 *
 * On success @kase holds the case as stored, with its new version.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_case_store_set_deputies (LlDatabase    *db,
                            LlCase        *kase,
                            const gint64  *person_ids,
                            guint          n_person_ids,
                            GError       **error)
{
  SetDeputies data = { kase, person_ids, n_person_ids, 0, NULL };
  gboolean ok;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_CASE (kase), FALSE);
  g_return_val_if_fail (ll_case_get_id (kase) > 0, FALSE);
  g_return_val_if_fail (person_ids != NULL || n_person_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = ll_database_write (db, set_deputies_func, &data, error);
  if (ok)
    ll_case_update_from (kase, data.stored);
  g_clear_object (&data.stored);

  return ok;
}

/* Reading ------------------------------------------------------------------ */

/**
 * ll_case_store_get:
 * @db: a #LlDatabase
 * @id: a case id
 * @error: return location for a #GError
 *
 * Reads one case, with its station and department names.
 *
 * Returns: (transfer full) (nullable): the case, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND when there is none
 */
LlCase *
ll_case_store_get (LlDatabase  *db,
                   gint64       id,
                   GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT " CASE_COLUMNS " FROM cases AS c " CASE_JOINS
                                    "WHERE c.id = ?1",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, id);
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return NULL;

  if (step == LL_STEP_DONE)
    {
      set_not_found (error);
      return NULL;
    }

  return case_from_row (statement);
}

/**
 * ll_case_store_get_by_serial:
 * @db: a #LlDatabase
 * @serial: a serial number, e.g. `2025-0078`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the case, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND when no case has that serial number
 */
LlCase *
ll_case_store_get_by_serial (LlDatabase  *db,
                             const char  *serial,
                             GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (serial != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT " CASE_COLUMNS " FROM cases AS c " CASE_JOINS
                                    "WHERE c.serial = ?1",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_text (statement, 1, serial);
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return NULL;

  if (step == LL_STEP_DONE)
    {
      /* Translators: %s is a serial number such as 2025-0078 */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                   _("There is no case %s."), serial);
      return NULL;
    }

  return case_from_row (statement);
}

/**
 * ll_case_store_list_events:
 * @db: a #LlDatabase
 * @case_id: a case
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LlCaseEvent) (nullable): the
 *   case's history, oldest first
 */
GPtrArray *
ll_case_store_list_events (LlDatabase  *db,
                           gint64       case_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT id, case_id, at, user, host, kind, from_status, "
                                    "to_status, detail FROM case_events "
                                    "WHERE case_id = ?1 ORDER BY at, id",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, case_id);

  events = g_ptr_array_new_with_free_func (g_object_unref);
  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    g_ptr_array_add (events,
                     g_object_new (LL_TYPE_CASE_EVENT,
                                   "id", sqlite3_column_int64 (statement->stmt, 0),
                                   "case-id", sqlite3_column_int64 (statement->stmt, 1),
                                   "at", column_text (statement, 2),
                                   "user", column_text (statement, 3),
                                   "host", column_text (statement, 4),
                                   "kind", column_text (statement, 5),
                                   "from-status", column_text (statement, 6),
                                   "to-status", column_text (statement, 7),
                                   "detail", column_text (statement, 8),
                                   NULL));

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&events);
}

/**
 * ll_case_store_load_many:
 * @db: a #LlDatabase
 * @ids: (array length=n_ids): case ids
 * @n_ids: the number of @ids
 * @error: return location for a #GError
 *
 * Reads a page of the case list in one query, with the station and
 * department names filled in. Ids of cases deleted in the meantime are
 * left out; the others come in the order of @ids.
 *
 * Returns: (transfer full) (element-type LlCase) (nullable): the cases
 */
GPtrArray *
ll_case_store_load_many (LlDatabase    *db,
                         const gint64  *ids,
                         guint          n_ids,
                         GError       **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GString) json = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  cases = g_ptr_array_new_full (n_ids, g_object_unref);
  if (n_ids == 0)
    return g_steal_pointer (&cases);

  json = g_string_sized_new (n_ids * 8 + 2);
  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, i == 0 ? "%" G_GINT64_FORMAT : ",%" G_GINT64_FORMAT, ids[i]);
  g_string_append_c (json, ']');

  /* CROSS JOIN keeps json_each outside: one rowid lookup per id. */
  statement = _ll_database_prepare (db,
                                    "SELECT " CASE_COLUMNS " FROM json_each (?1) AS j "
                                    "CROSS JOIN cases AS c ON c.id = j.value " CASE_JOINS
                                    "ORDER BY j.key",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_text (statement, 1, json->str);
  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    g_ptr_array_add (cases, case_from_row (statement));

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&cases);
}

/* Registering -------------------------------------------------------------- */

typedef struct
{
  LlCase       *kase;
  const gint64 *deputy_ids;
  guint         n_deputy_ids;
  gboolean      serial_taken;
  LlCase       *stored;
} Create;

static gboolean
create_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Create *data = user_data;
  LlCase *kase = data->kase;
  int year = year_of (ll_case_get_received_on (kase));
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GArray) deputies = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *serial = NULL;
  gint64 seq = 0;
  gint64 id;

  if (!check_station (db, ll_case_get_station_id (kase), NULL, error))
    return FALSE;

  deputies = check_people (db, data->deputy_ids, data->n_deputy_ids, error);
  if (deputies == NULL)
    return FALSE;

  /* Inside BEGIN IMMEDIATE no one else can take the same number. */
  if (!query_int (db, "SELECT coalesce(max(seq), 0) + 1 FROM cases WHERE year = ?1", year,
                  &seq, error))
    return FALSE;

  statement = _ll_database_prepare (db,
                                    "INSERT INTO cases (year, seq, serial, title, body, "
                                    "received_on, source, station_id, constituent_name, "
                                    "constituent_phone, constituent_address, category, "
                                    "is_common, fast_track) "
                                    "VALUES (?1, ?2, printf ('%04d-%04d', ?1, ?2), ?3, ?4, ?5, "
                                    "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                                    "RETURNING id, serial",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, year);
  _ll_statement_bind_int64 (statement, 2, seq);
  _ll_statement_bind_text (statement, 3, ll_case_get_title (kase));
  _ll_statement_bind_text (statement, 4, ll_case_get_body (kase));
  _ll_statement_bind_text (statement, 5, ll_case_get_received_on (kase));
  _ll_statement_bind_text (statement, 6, ll_case_get_source (kase));
  _ll_statement_bind_int64 (statement, 7, ll_case_get_station_id (kase));
  _ll_statement_bind_text (statement, 8, ll_case_get_constituent_name (kase));
  _ll_statement_bind_text (statement, 9, ll_case_get_constituent_phone (kase));
  _ll_statement_bind_text (statement, 10, ll_case_get_constituent_address (kase));
  _ll_statement_bind_text (statement, 11, ll_case_get_category (kase));
  _ll_statement_bind_int64 (statement, 12, ll_case_get_is_common (kase));
  _ll_statement_bind_int64 (statement, 13, ll_case_get_fast_track (kase));

  if (_ll_statement_step (statement, error) != LL_STEP_ROW)
    {
      /* Only when locking is broken (a share mounted with nolock):
       * another machine took the number. The caller retries once. */
      if (sqlite3_extended_errcode (_ll_database_get_handle (db)) == SQLITE_CONSTRAINT_UNIQUE)
        data->serial_taken = TRUE;
      return FALSE;
    }

  id = sqlite3_column_int64 (statement->stmt, 0);
  serial = _ll_statement_dup_text (statement, 1);
  if (!_ll_statement_execute (statement, error))
    return FALSE;

  if (!insert_deputies (db, id, deputies, error))
    return FALSE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "serial");
  json_builder_add_string_value (builder, serial);
  json_builder_end_object (builder);
  detail = builder_to_string (builder);

  if (!_ll_case_store_add_event (db, id, "registered", NULL, "registered", detail, error))
    return FALSE;

  data->stored = ll_case_store_get (db, id, error);
  return data->stored != NULL;
}

/**
 * ll_case_store_create:
 * @db: a #LlDatabase
 * @kase: a new case (id 0)
 * @deputy_ids: (array length=n_deputy_ids) (nullable): the deputies who
 *   received the case, first the lead
 * @n_deputy_ids: the number of @deputy_ids
 * @error: return location for a #GError
 *
 * Registers a case: checks it (ll_case_validate()), gives it the next
 * serial number of the year it was received (`2025-0078`: the highest
 * number of that year plus one, taken inside the same `BEGIN IMMEDIATE`
 * transaction as the insert, so two machines registering at the same
 * moment never get the same number) and writes the first line of its
 * history. The status is always `registered`; workflow fields of @kase
 * are ignored.
 *
 * On success @kase holds the case as stored: id, version, serial …
 *
 * Returns: %TRUE on success
 */
gboolean
ll_case_store_create (LlDatabase    *db,
                      LlCase        *kase,
                      const gint64  *deputy_ids,
                      guint          n_deputy_ids,
                      GError       **error)
{
  Create data = { kase, deputy_ids, n_deputy_ids, FALSE, NULL };
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_CASE (kase), FALSE);
  g_return_val_if_fail (ll_case_get_id (kase) == 0, FALSE);
  g_return_val_if_fail (deputy_ids != NULL || n_deputy_ids == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_case_validate (kase, error))
    return FALSE;

  ok = ll_database_write (db, create_func, &data, &local_error);

  /* UNIQUE (year, seq) is the last line of defence: try once more. */
  if (!ok && data.serial_taken)
    {
      g_debug ("Serial number taken by another machine; retrying");
      g_clear_error (&local_error);
      data.serial_taken = FALSE;
      ok = ll_database_write (db, create_func, &data, &local_error);
    }

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  ll_case_update_from (kase, data.stored);
  g_clear_object (&data.stored);

  return TRUE;
}

/* Editing ------------------------------------------------------------------ */

static void
add_change_value (JsonBuilder  *builder,
                  const GValue *value,
                  const char   *station_name)
{
  if (station_name != NULL)
    json_builder_add_string_value (builder, station_name);
  else if (G_VALUE_HOLDS_BOOLEAN (value))
    json_builder_add_boolean_value (builder, g_value_get_boolean (value));
  else if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL)
    json_builder_add_string_value (builder, g_value_get_string (value));
  else if (G_VALUE_HOLDS_INT64 (value))
    json_builder_add_int_value (builder, g_value_get_int64 (value));
  else
    json_builder_add_null_value (builder);
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  return g_value_get_int64 (a) == g_value_get_int64 (b);
}

/* Rules that need the stored case: the year of the serial, and what
 * merging means for is_common. */
static gboolean
check_update (LlDatabase  *db,
              LlCase      *kase,
              LlCase      *stored,
              GError     **error)
{
  if (year_of (ll_case_get_received_on (kase)) != ll_case_get_year (stored))
    {
      /* Translators: the first %s is the field “Received”, then a
       * serial number and its year */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s: the date must stay in %d, the year of the serial number %s."),
                   ll_case_get_field_label ("received-on"), ll_case_get_year (stored),
                   ll_case_get_serial (stored));
      return FALSE;
    }

  if (ll_case_get_station_id (kase) != ll_case_get_station_id (stored) &&
      !check_station (db, ll_case_get_station_id (kase), NULL, error))
    return FALSE;

  if (ll_case_get_is_common (kase) && !ll_case_get_is_common (stored) &&
      ll_case_get_merged_into_id (stored) != 0)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("This case has been merged into a common issue; "
                             "it cannot be a common issue itself."));
      return FALSE;
    }

  if (!ll_case_get_is_common (kase) && ll_case_get_is_common (stored))
    {
      gint64 n_merged = 0;

      if (!query_int (db, "SELECT count(*) FROM cases WHERE merged_into_id = ?1",
                      ll_case_get_id (stored), &n_merged, error))
        return FALSE;

      if (n_merged > 0)
        {
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%d case has been merged into this common issue; "
                                    "it stays a common issue.",
                                    "%d cases have been merged into this common issue; "
                                    "it stays a common issue.",
                                    (gulong) n_merged),
                       (int) n_merged);
          return FALSE;
        }
    }

  return TRUE;
}

typedef struct
{
  LlCase *kase;
  LlCase *stored;
} Update;

static gboolean
update_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Update *data = user_data;
  LlCase *kase = data->kase;
  gint64 id = ll_case_get_id (kase);
  g_autoptr(LlCase) stored = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *detail = NULL;
  const char *columns[G_N_ELEMENTS (editable)];
  GValue values[G_N_ELEMENTS (editable)] = { G_VALUE_INIT };
  guint n_changed = 0;
  gint64 new_version = 0;
  gboolean ok = FALSE;

  stored = load_current (db, id, ll_case_get_version (kase), error);
  if (stored == NULL || !check_update (db, kase, stored, error))
    return FALSE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);

  for (guint i = 0; i < G_N_ELEMENTS (editable); i++)
    {
      g_auto(GValue) old_value = G_VALUE_INIT;
      g_autofree char *old_station = NULL;
      g_autofree char *new_station = NULL;
      GValue *new_value = &values[n_changed];

      g_object_get_property (G_OBJECT (stored), editable[i].property, &old_value);
      g_object_get_property (G_OBJECT (kase), editable[i].property, new_value);
      if (values_equal (&old_value, new_value))
        {
          g_value_unset (new_value);
          continue;
        }

      columns[n_changed++] = editable[i].column;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, editable[i].property);
      if (editable[i].show_values)
        {
          if (g_str_equal (editable[i].column, "station_id"))
            {
              old_station = g_strdup (ll_case_get_station_name (stored));
              if (!check_station (db, g_value_get_int64 (new_value), &new_station, error))
                goto out;
            }
          json_builder_set_member_name (builder, "old");
          add_change_value (builder, &old_value, old_station);
          json_builder_set_member_name (builder, "new");
          add_change_value (builder, new_value, new_station);
        }
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  /* Nothing changed: nothing to write, and no line in the history. */
  if (n_changed == 0)
    {
      data->stored = g_steal_pointer (&stored);
      ok = TRUE;
      goto out;
    }

  if (!_ll_database_update_versioned (db, "cases", id, ll_case_get_version (kase),
                                      columns, values, n_changed, &new_version, error))
    goto out;

  detail = builder_to_string (builder);
  if (!_ll_case_store_add_event (db, id, "edited", NULL, NULL, detail, error))
    goto out;

  data->stored = ll_case_store_get (db, id, error);
  ok = data->stored != NULL;

out:
  for (guint i = 0; i < n_changed; i++)
    g_value_unset (&values[i]);

  return ok;
}

/**
 * ll_case_store_update:
 * @db: a #LlDatabase
 * @kase: a registered case with the user's edits, at the version the
 *   user started from
 * @error: return location for a #GError
 *
 * Saves the registration fields of @kase: title, full text, received
 * date, source, station, constituent, category, common issue and fast
 * track. The status and the handling fields change through
 * ll-case-workflow only, the receiving deputies through
 * ll_case_store_set_deputies().
 *
 * The save is versioned: %LL_DATABASE_ERROR_CONFLICT when someone else
 * saved the case first (nothing is written), %LL_DATABASE_ERROR_NOT_FOUND
 * when it was deleted. It adds an `edited` line to the history naming
 * the changed fields, with old → new for the short ones (not for the
 * full text nor the constituent's personal data). The received date
 * cannot move to another year than the serial number's; a common issue
 * with cases merged into it stays one.
 *
 * On success @kase holds the case as stored, with its new version.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_case_store_update (LlDatabase  *db,
                      LlCase      *kase,
                      GError     **error)
{
  Update data = { kase, NULL };
  gboolean ok;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_CASE (kase), FALSE);
  g_return_val_if_fail (ll_case_get_id (kase) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_case_validate (kase, error))
    return FALSE;

  ok = ll_database_write (db, update_func, &data, error);
  if (ok)
    ll_case_update_from (kase, data.stored);
  g_clear_object (&data.stored);

  return ok;
}

/* Deleting ----------------------------------------------------------------- */

/* Whether @stored may be deleted; *reason says why not. */
static gboolean
check_delete (LlDatabase  *db,
              LlCase      *stored,
              char       **reason,
              GError     **error)
{
  gint64 id = ll_case_get_id (stored);
  const char *serial = ll_case_get_serial (stored);
  gint64 n_merged = 0;
  gint64 n_events = 0;

  if (g_strcmp0 (ll_case_get_status (stored), "registered") != 0)
    {
      /* Translators: %s is a serial number, then a status such as “Assigned” */
      *reason = g_strdup_printf (_("Only a case registered by mistake can be deleted; "
                                   "%s is already “%s”."),
                                 serial,
                                 ll_enum_get_label (LL_ENUM_CASE_STATUS,
                                                    ll_case_get_status (stored)));
      return FALSE;
    }

  if (ll_case_get_merged_into_id (stored) != 0)
    {
      /* Translators: %s is a serial number */
      *reason = g_strdup_printf (_("%s has been merged into a common issue; "
                                   "it cannot be deleted."), serial);
      return FALSE;
    }

  if (!query_int (db, "SELECT count(*) FROM cases WHERE merged_into_id = ?1", id,
                  &n_merged, error))
    return FALSE;

  if (n_merged > 0)
    {
      *reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%s is a common issue with %d case merged into "
                                              "it; it cannot be deleted.",
                                              "%s is a common issue with %d cases merged into "
                                              "it; it cannot be deleted.",
                                              (gulong) n_merged),
                                 serial, (int) n_merged);
      return FALSE;
    }

  /* Corrections of the registration ('edited') are not handling. */
  if (!query_int (db,
                  "SELECT count(*) FROM case_events WHERE case_id = ?1 "
                  "AND kind NOT IN ('registered', 'edited')",
                  id, &n_events, error))
    return FALSE;

  if (n_events > 0)
    {
      /* Translators: %s is a serial number */
      *reason = g_strdup_printf (_("%s already has a history of handling; "
                                   "it cannot be deleted."), serial);
      return FALSE;
    }

  return TRUE;
}

/**
 * ll_case_store_can_delete:
 * @db: a #LlDatabase
 * @kase: a registered case
 * @reason: (out) (optional) (transfer full): why not, a sentence for the user
 * @error: return location for a #GError (reading failed)
 *
 * Whether @kase may be deleted (see ll_case_store_delete()), for a
 * window that only offers what is allowed.
 *
 * Returns: %TRUE when it may be deleted; %FALSE with @reason set, or
 *   with @error set when the database could not be read
 */
gboolean
ll_case_store_can_delete (LlDatabase  *db,
                          LlCase      *kase,
                          char       **reason,
                          GError     **error)
{
  g_autofree char *why = NULL;
  g_autoptr(LlCase) stored = NULL;
  gboolean ok;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_CASE (kase), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stored = ll_case_store_get (db, ll_case_get_id (kase), error);
  if (stored == NULL)
    return FALSE;

  ok = check_delete (db, stored, &why, error);
  if (reason != NULL)
    *reason = g_steal_pointer (&why);

  return ok;
}

static gboolean
delete_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  LlCase *kase = user_data;
  g_autoptr(LlCase) stored = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GError) local_error = NULL;

  stored = load_current (db, ll_case_get_id (kase), ll_case_get_version (kase), error);
  if (stored == NULL)
    return FALSE;

  if (!check_delete (db, stored, &reason, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID, reason);
      return FALSE;
    }

  /* The history, deputies and attachments go with it (ON DELETE CASCADE). */
  return _ll_database_delete_versioned (db, "cases", ll_case_get_id (kase),
                                        ll_case_get_version (kase), error);
}

/**
 * ll_case_store_delete:
 * @db: a #LlDatabase
 * @kase: a registered case, at the version the user saw
 * @error: return location for a #GError
 *
 * Deletes a case registered by mistake, with its history, receiving
 * deputies and attachments. Only a case that is still `registered`, is
 * not merged into a common issue nor has cases merged into it, and has
 * no history but its registration and corrections of it can be deleted;
 * otherwise %LL_DATABASE_ERROR_INVALID says why. Versioned:
 * %LL_DATABASE_ERROR_CONFLICT when someone else changed it first.
 *
 * Returns: %TRUE when the case was deleted
 */
gboolean
ll_case_store_delete (LlDatabase  *db,
                      LlCase      *kase,
                      GError     **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_CASE (kase), FALSE);
  g_return_val_if_fail (ll_case_get_id (kase) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ll_database_write (db, delete_func, kase, error);
}

/* The case list ------------------------------------------------------------ */

static void
append_param_text (GArray     *params,
                   const char *text)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_array_append_val (params, value);
}

static void
append_param_int64 (GArray *params,
                    gint64  number)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, number);
  g_array_append_val (params, value);
}

static void
add_condition (GString    *where,
               const char *condition)
{
  g_string_append (where, where->len == 0 ? " WHERE " : " AND ");
  g_string_append (where, condition);
}

static void
build_where (const LlCaseFilter *filter,
             GString            *where,
             GArray             *params)
{
  if (filter == NULL)
    return;

  if (filter->status != NULL)
    {
      add_condition (where, "status = ?");
      append_param_text (params, filter->status);
    }

  if (filter->open_only)
    add_condition (where, "status <> 'closed'");

  if (filter->category != NULL)
    {
      add_condition (where, "category = ?");
      append_param_text (params, filter->category);
    }

  if (filter->source != NULL)
    {
      add_condition (where, "source = ?");
      append_param_text (params, filter->source);
    }

  if (filter->station_id != 0 && filter->station_only)
    {
      add_condition (where, "station_id = ?");
      append_param_int64 (params, filter->station_id);
    }
  else if (filter->station_id != 0)
    {
      /* The station and everything below it (its points). UNION, not
       * UNION ALL: a damaged tree with a cycle still ends. */
      add_condition (where,
                     "station_id IN (WITH RECURSIVE sub (id) AS (SELECT ? "
                     "UNION SELECT st.id FROM stations AS st JOIN sub ON st.parent_id = sub.id) "
                     "SELECT id FROM sub)");
      append_param_int64 (params, filter->station_id);
    }

  if (filter->department_id != 0)
    {
      add_condition (where, "department_id = ?");
      append_param_int64 (params, filter->department_id);
    }

  if (filter->person_id != 0)
    {
      add_condition (where, "id IN (SELECT case_id FROM case_deputies WHERE person_id = ?)");
      append_param_int64 (params, filter->person_id);
    }

  if (filter->merged_into_id != 0)
    {
      add_condition (where, "merged_into_id = ?");
      append_param_int64 (params, filter->merged_into_id);
    }

  if (filter->year != 0)
    {
      /* A range of received_on, not year = ?, so that cases_received
       * serves both the filter and the order (the store keeps
       * received_on in the serial's year). */
      g_autofree char *first = g_strdup_printf ("%04d-01-01", filter->year);
      g_autofree char *last = g_strdup_printf ("%04d-12-31", filter->year);

      add_condition (where, "received_on BETWEEN ? AND ?");
      append_param_text (params, first);
      append_param_text (params, last);
    }

  if (filter->overdue_only)
    {
      g_autofree char *today = ll_date_today ();

      add_condition (where, "status IN ('assigned', 'in_progress') AND deadline < ?");
      append_param_text (params, today);
    }

  if (filter->fast_track_only)
    add_condition (where, "fast_track = 1");

  if (filter->common_only)
    add_condition (where, "is_common = 1");

  if (filter->look_back_only)
    add_condition (where, "look_back = 1");

  if (filter->received_from != NULL)
    {
      add_condition (where, "received_on >= ?");
      append_param_text (params, filter->received_from);
    }

  if (filter->received_to != NULL)
    {
      add_condition (where, "received_on <= ?");
      append_param_text (params, filter->received_to);
    }

  /* The other conditions are marked as matching most cases, so that
   * SQLite reads the search's matches and tests those, rather than read
   * every case of, say, one status in order to test it against the
   * search. */
  if (!ll_search_query_is_blank (filter->search))
    {
      g_autofree char *condition = ll_search_build_filter (LL_SEARCH_SCOPE_CASES, filter->search,
                                                           "id", params);

      if (where->len > 0)
        {
          g_autofree char *others = g_strdup (where->str + strlen (" WHERE "));

          g_string_printf (where, " WHERE likelihood(%s, 0.9)", others);
        }
      add_condition (where, condition);
    }
}

/* The index that serves @filter, if one must be named. Without
 * statistics (no ANALYZE) SQLite would rather scan cases_received in
 * order, reading every row, than sort the few ids of one day by id; the
 * index of the most selective filter reads only the matching ids. */
static const char *
choose_index (const LlCaseFilter *filter)
{
  if (filter == NULL)
    return NULL;
  /* A search names its few ids: SQLite looks them up and sorts them,
   * which a named index would forbid. */
  if (!ll_search_query_is_blank (filter->search))
    return NULL;
  if (filter->fast_track_only)
    return "cases_fast_track";
  if (filter->common_only)
    return "cases_common";
  if (filter->look_back_only)
    return "cases_look_back";
  if (filter->merged_into_id != 0)
    return "cases_merged_into";
  if (filter->department_id != 0)
    return "cases_department";
  if (filter->station_id != 0 && filter->station_only)
    return "cases_station";
  if (filter->status != NULL)
    return "cases_status";
  if (filter->category != NULL)
    return "cases_category";
  return NULL;
}

/* CASE column WHEN 'first key' THEN 0 … END: the order of DOMAIN.md. */
static void
append_rank (GString    *sql,
             const char *column,
             LlEnum      enumeration)
{
  const char * const *keys = ll_enum_get_keys (enumeration);

  g_string_append_printf (sql, "CASE %s", column);
  for (guint i = 0; keys[i] != NULL; i++)
    g_string_append_printf (sql, " WHEN '%s' THEN %u", keys[i], i);
  g_string_append (sql, " END");
}

/**
 * ll_case_store_build_query:
 * @filter: (nullable): what to show; %NULL for every case
 * @sort: the order
 * @descending: whether the order is reversed (newest first for dates)
 * @params: (element-type GValue): an array of #GValue (made with
 *   `g_array_new (FALSE, TRUE, sizeof (GValue))` and
 *   `g_array_set_clear_func (params, (GDestroyNotify) g_value_unset)`);
 *   the parameters of the query are appended, one per `?` in order
 *
 * Builds the id query of the case list: `SELECT id FROM cases WHERE …
 * ORDER BY …, id`. The common lists (every case or one status,
 * category, source, station, department, fast-track, common-issue or
 * look-back set, by received date) are read in index order without
 * sorting.
 *
 * Returns: (transfer full): the SQL
 */
char *
ll_case_store_build_query (const LlCaseFilter *filter,
                           LlCaseSort          sort,
                           gboolean            descending,
                           GArray             *params)
{
  g_autoptr(GString) where = g_string_new (NULL);
  GString *sql;
  const char *direction = descending ? " DESC" : "";
  const char *index;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (g_array_get_element_size (params) == sizeof (GValue), NULL);

  build_where (filter, where, params);

  sql = g_string_new ("SELECT id FROM cases");

  index = choose_index (filter);
  if (index != NULL)
    g_string_append_printf (sql, " INDEXED BY %s", index);

  g_string_append (sql, where->str);
  g_string_append (sql, " ORDER BY ");

  switch (sort)
    {
    case LL_CASE_SORT_SERIAL:
      g_string_append_printf (sql, "year%s, seq%s", direction, direction);
      break;

    case LL_CASE_SORT_TITLE:
      g_string_append_printf (sql, "title%s", direction);
      break;

    case LL_CASE_SORT_STATION:
      g_string_append_printf (sql, "(SELECT name FROM stations WHERE stations.id = "
                                   "cases.station_id)%s", direction);
      break;

    case LL_CASE_SORT_CATEGORY:
      append_rank (sql, "category", LL_ENUM_CASE_CATEGORY);
      g_string_append (sql, direction);
      break;

    case LL_CASE_SORT_STATUS:
      append_rank (sql, "status", LL_ENUM_CASE_STATUS);
      g_string_append (sql, direction);
      break;

    case LL_CASE_SORT_DEPARTMENT:
      g_string_append_printf (sql, "(SELECT name FROM departments WHERE departments.id = "
                                   "cases.department_id)%s", direction);
      break;

    case LL_CASE_SORT_DEADLINE:
      g_string_append_printf (sql, "deadline%s", direction);
      break;

    case LL_CASE_SORT_SATISFACTION:
      append_rank (sql, "satisfaction", LL_ENUM_SATISFACTION);
      g_string_append (sql, direction);
      break;

    case LL_CASE_SORT_RECEIVED_ON:
    default:
      g_string_append_printf (sql, "received_on%s", direction);
      break;
    }

  g_string_append_printf (sql, ", id%s", direction);

  return g_string_free (sql, FALSE);
}

static LlStatement *
prepare_with_params (LlDatabase  *db,
                     const char  *sql,
                     GArray      *params,
                     GError     **error)
{
  LlStatement *statement = _ll_database_prepare (db, sql, error);

  if (statement == NULL)
    return NULL;

  for (guint i = 0; i < params->len; i++)
    _ll_statement_bind_value (statement, (int) i + 1, &g_array_index (params, GValue, i));

  return statement;
}

static GArray *
new_params (void)
{
  GArray *params = g_array_new (FALSE, TRUE, sizeof (GValue));

  g_array_set_clear_func (params, (GDestroyNotify) g_value_unset);
  return params;
}

/**
 * ll_case_store_query_ids:
 * @db: a #LlDatabase
 * @filter: (nullable): what to list; %NULL for every case
 * @sort: the order
 * @descending: whether the order is reversed
 * @error: return location for a #GError
 *
 * Runs the query of ll_case_store_build_query().
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids
 */
GArray *
ll_case_store_query_ids (LlDatabase          *db,
                         const LlCaseFilter  *filter,
                         LlCaseSort           sort,
                         gboolean             descending,
                         GError             **error)
{
  g_autoptr(GArray) params = new_params ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *sql = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = ll_case_store_build_query (filter, sort, descending, params);
  statement = prepare_with_params (db, sql, params, error);
  if (statement == NULL)
    return NULL;

  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (statement->stmt, 0);
      g_array_append_val (ids, id);
    }

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&ids);
}

/**
 * ll_case_store_count:
 * @db: a #LlDatabase
 * @filter: (nullable): what to count; %NULL for every case
 * @error: return location for a #GError
 *
 * Returns: the number of cases matching @filter, or -1 with @error set
 */
gint64
ll_case_store_count (LlDatabase          *db,
                     const LlCaseFilter  *filter,
                     GError             **error)
{
  g_autoptr(GArray) params = new_params ();
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  build_where (filter, where, params);
  sql = g_strconcat ("SELECT count(*) FROM cases", where->str, NULL);
  statement = prepare_with_params (db, sql, params, error);
  if (statement == NULL || _ll_statement_step (statement, error) != LL_STEP_ROW)
    return -1;

  return sqlite3_column_int64 (statement->stmt, 0);
}

/**
 * ll_case_store_count_open:
 * @db: a #LlDatabase
 * @error: return location for a #GError
 *
 * Returns: the number of cases that are not closed, or -1 with @error set
 */
gint64
ll_case_store_count_open (LlDatabase  *db,
                          GError     **error)
{
  LlCaseFilter filter = LL_CASE_FILTER_INIT;

  filter.open_only = TRUE;
  return ll_case_store_count (db, &filter, error);
}

/**
 * ll_case_store_count_overdue:
 * @db: a #LlDatabase
 * @error: return location for a #GError
 *
 * Returns: the number of overdue cases (assigned or in progress with a
 *   deadline before ll_date_today()), or -1 with @error set
 */
gint64
ll_case_store_count_overdue (LlDatabase  *db,
                             GError     **error)
{
  LlCaseFilter filter = LL_CASE_FILTER_INIT;

  filter.overdue_only = TRUE;
  return ll_case_store_count (db, &filter, error);
}
