/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-query-model"

/* A lazy GListModel over a query.
 *
 * The model holds the ordered ids the query returned (8 bytes a row:
 * 500,000 rows are 4 MB) and materialises records only when asked, a
 * page of LL_QUERY_MODEL_PAGE_SIZE rows at a time, through the store's
 * load function (one query by primary key). Records are cached by id;
 * the pages loaded are kept in least-recently-used order and the oldest
 * are dropped past LL_QUERY_MODEL_MAX_CACHED records, so memory stays
 * flat however far the view scrolls.
 *
 * The id query runs in a GTask thread on a connection of its own
 * (ll_database_open_secondary(), kept for the next query), so typing in
 * a search box never blocks the window; the old ids stay until the new
 * ones arrive, a newer query cancels the running one (a progress
 * handler interrupts SQLite), and results of superseded queries are
 * dropped.
 *
 * An empty model shows the first FIRST_ROWS ids as soon as the worker
 * has read them (a list just opened needs no more to draw), then the
 * rest as one items-changed.
 *
 * Refresh: on LlDatabase::changed touching a watched table, the query
 * runs again and the difference is announced as ONE items-changed over
 * the span between the common prefix and suffix of the old and new ids.
 * Records that changed (their ids are in the change set) but kept their
 * position are dropped from the cache and announced as
 * items-changed (pos, 1, 1) so that views rebind them. The first watched
 * table is the one whose ids the query returns; a change in another one
 * (a station renamed, shown in the case list) may touch any record, so
 * all cached records are reloaded. */

#include "config.h"

#include "ll-change.h"
#include "ll-context.h"
#include "ll-database-private.h"
#include "ll-query-model.h"

/* The most pages (batches) remembered, loaded or emptied. */
#define MAX_BATCHES        (2 * LL_QUERY_MODEL_MAX_CACHED / LL_QUERY_MODEL_PAGE_SIZE)
/* More separate runs of rows to rebind than this: one span instead. */
#define MAX_REBIND_RUNS    64
/* A running id query looks at its cancellable every this many steps. */
#define PROGRESS_STEPS     1000
/* An empty model shows this many rows as soon as they are read, before
 * the rest of a long query (500,000 ids take ~40 ms). */
#define FIRST_ROWS         (2 * LL_QUERY_MODEL_PAGE_SIZE)

/* The records loaded by one call of the load function. */
typedef struct
{
  GList   link;  /* in LlQueryModel.batches, most recently used first */
  GArray *ids;   /* gint64 */
} Batch;

/* One cached record; the key of LlQueryModel.cache points at @id. */
typedef struct
{
  gint64   id;
  GObject *item;
  Batch   *batch;
  guint    position;        /* where it was last seen … */
  gboolean position_valid;  /* … if that is still known */
} Entry;

/* An id query running in a thread. The task does not hold the model,
 * so that dropping the model cancels its query (in dispose) and the
 * model is never finalised in the worker thread. */
/* The first rows of a job, on their way to the model's thread. Made
 * there, so that the worker never holds the model. */
typedef struct
{
  GWeakRef  model;
  GArray   *ids;
  guint     generation;
} FirstRows;

typedef struct
{
  GWeakRef      model;
  GMainContext *context;
  LlDatabase   *db;
  char         *sql;
  GArray       *params;
  GArray       *ids;
  FirstRows    *first_rows;  /* NULL when not wanted or already sent */
  guint         generation;
} Job;

struct _LlQueryModel
{
  GObject          parent_instance;

  /* Owned */
  LlDatabase      *db;
  LlDatabase      *worker_db;       /* idle connection for the next id query */
  char           **watched_tables;
  char            *sql;
  GArray          *params;          /* GValue */
  GArray          *ids;             /* gint64, in the query's order */
  GHashTable      *cache;           /* gint64 * → Entry */
  GQueue           batches;
  GHashTable      *stale;           /* gint64 *: changed since the last query */
  GHashTable      *placeholders;    /* gint64 * → position of an empty record given out */
  GCancellable    *cancellable;     /* of the running id query */
  GError          *error;

  /* Borrowed */
  LlQueryLoadFunc  load_func;

  GType            item_type;
  gulong           changed_handler;
  GSource         *refresh_source;
  guint            generation;
  guint            loading : 1;
  guint            all_stale : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlQueryModel, ll_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_ITEM_TYPE,
  PROP_WATCHED_TABLES,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_query (LlQueryModel *self);

/* Helpers ------------------------------------------------------------------ */

static GArray *
params_new (void)
{
  GArray *params = g_array_new (FALSE, TRUE, sizeof (GValue));

  g_array_set_clear_func (params, (GDestroyNotify) g_value_unset);

  return params;
}

static GArray *
params_copy (const GValue *values,
             guint         n_values)
{
  GArray *params = params_new ();

  g_array_set_size (params, n_values);
  for (guint i = 0; i < n_values; i++)
    {
      GValue *copy = &g_array_index (params, GValue, i);

      if (G_IS_VALUE (&values[i]))
        {
          g_value_init (copy, G_VALUE_TYPE (&values[i]));
          g_value_copy (&values[i], copy);
        }
    }

  return params;
}

static void first_rows_free (FirstRows *first);

static void
job_free (Job *job)
{
  g_clear_pointer (&job->first_rows, first_rows_free);
  g_weak_ref_clear (&job->model);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_clear_object (&job->db);
  g_free (job->sql);
  g_clear_pointer (&job->params, g_array_unref);
  g_clear_pointer (&job->ids, g_array_unref);
  g_free (job);
}

static void
first_rows_free (FirstRows *first)
{
  g_weak_ref_clear (&first->model);
  g_clear_pointer (&first->ids, g_array_unref);
  g_free (first);
}

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->item);
  g_free (entry);
}

/* Forgets @batch and the records it still holds. */
static void
batch_free (LlQueryModel *self,
            Batch        *batch)
{
  for (guint i = 0; i < batch->ids->len; i++)
    {
      gint64 id = g_array_index (batch->ids, gint64, i);
      Entry *entry = g_hash_table_lookup (self->cache, &id);

      if (entry != NULL && entry->batch == batch)
        g_hash_table_remove (self->cache, &id);
    }

  g_array_unref (batch->ids);
  g_free (batch);
}

static void
clear_cache (LlQueryModel *self)
{
  GList *link;

  while ((link = g_queue_pop_head_link (&self->batches)) != NULL)
    batch_free (self, link->data);
  g_hash_table_remove_all (self->cache);
}

static void
touch_batch (LlQueryModel *self,
             Batch        *batch)
{
  if (self->batches.head == &batch->link)
    return;

  g_queue_unlink (&self->batches, &batch->link);
  g_queue_push_head_link (&self->batches, &batch->link);
}

/* Drops the least recently used pages past the bounds; never the most
 * recent one, which holds what was just asked for. */
static void
evict (LlQueryModel *self)
{
  while (self->batches.length > 1 &&
         (g_hash_table_size (self->cache) > LL_QUERY_MODEL_MAX_CACHED ||
          self->batches.length > MAX_BATCHES))
    {
      GList *link = g_queue_pop_tail_link (&self->batches);

      batch_free (self, link->data);
    }
}

static void
set_loading (LlQueryModel *self,
             gboolean      loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_error (LlQueryModel *self,
           GError       *error)
{
  if (error == NULL && self->error == NULL)
    return;

  g_clear_error (&self->error);
  self->error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Loads the records of page @page that are not cached yet. */
static void
load_page (LlQueryModel *self,
           guint         page)
{
  g_autoptr(GArray) want = NULL;
  g_autoptr(GArray) want_positions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gpointer *stolen;
  gsize n_stolen = 0;
  guint start = page * LL_QUERY_MODEL_PAGE_SIZE;
  guint end = MIN (start + LL_QUERY_MODEL_PAGE_SIZE, self->ids->len);
  guint hint = 0;
  Batch *batch;

  want = g_array_sized_new (FALSE, FALSE, sizeof (gint64), end - start);
  want_positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), end - start);
  for (guint p = start; p < end; p++)
    {
      gint64 id = g_array_index (self->ids, gint64, p);

      if (!g_hash_table_contains (self->cache, &id))
        {
          g_array_append_val (want, id);
          g_array_append_val (want_positions, p);
        }
    }

  if (want->len == 0)
    return;

  items = self->load_func (self->db, (const gint64 *) (gpointer) want->data, want->len, &error);
  if (items == NULL)
    {
      g_warning ("Cannot load %u records of a list: %s", want->len,
                 error != NULL ? error->message : "no error given");
      return;
    }

  batch = g_new0 (Batch, 1);
  batch->link.data = batch;
  batch->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), items->len);

  /* The records are ours now, whatever free function the array has. */
  stolen = g_ptr_array_steal (items, &n_stolen);
  for (gsize i = 0; i < n_stolen; i++)
    {
      GObject *item = stolen[i];
      Entry *entry;
      gint64 id = 0;

      if (item == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type))
        {
          g_critical ("A list's load function returned a %s instead of a %s",
                      item != NULL ? G_OBJECT_TYPE_NAME (item) : "NULL",
                      g_type_name (self->item_type));
          g_clear_object (&item);
          continue;
        }

      g_object_get (item, "id", &id, NULL);

      entry = g_new0 (Entry, 1);
      entry->id = id;
      entry->item = item;
      entry->batch = batch;

      /* Records usually come in the order asked. */
      for (guint k = 0; k < want->len; k++)
        {
          guint j = (hint + k) % want->len;

          if (g_array_index (want, gint64, j) == id)
            {
              entry->position = g_array_index (want_positions, guint, j);
              entry->position_valid = TRUE;
              hint = j + 1;
              break;
            }
        }

      g_hash_table_replace (self->cache, &entry->id, entry);
      g_array_append_val (batch->ids, id);
    }
  g_free (stolen);

  g_queue_push_head_link (&self->batches, &batch->link);
  evict (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  LlQueryModel *self = data;

  g_clear_pointer (&self->refresh_source, g_source_unref);
  if (!self->loading)
    start_query (self);

  return G_SOURCE_REMOVE;
}

/* A row asked for is gone: query again, soon, outside get_item(). */
static void
schedule_refresh (LlQueryModel *self)
{
  if (self->refresh_source != NULL || self->loading)
    return;

  self->refresh_source = g_idle_source_new ();
  g_source_set_callback (self->refresh_source, refresh_idle_cb, self, NULL);
  g_source_set_static_name (self->refresh_source, "[lianluo] query model refresh");
  g_source_attach (self->refresh_source, g_main_context_get_thread_default ());
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* Replaces the ids and tells the views: one items-changed for what
 * moved, and one per run of changed rows that stayed where they were. */
static void
apply_ids (LlQueryModel *self,
           GArray       *new_ids)
{
  g_autoptr(GArray) old_ids = self->ids;
  g_autoptr(GArray) rebind = g_array_new (FALSE, FALSE, sizeof (guint));
  const gint64 *old = (const gint64 *) (gpointer) old_ids->data;
  const gint64 *new = (const gint64 *) (gpointer) new_ids->data;
  guint n = old_ids->len;
  guint m = new_ids->len;
  guint prefix = 0;
  guint suffix = 0;
  guint removed;
  guint added;
  GHashTableIter iter;
  Entry *entry;
  gpointer value;

  while (prefix < n && prefix < m && old[prefix] == new[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix && old[n - 1 - suffix] == new[m - 1 - suffix])
    suffix++;
  removed = n - prefix - suffix;
  added = m - prefix - suffix;

  /* Where the cached records are now; the changed ones leave the cache
   * (views rebind them from fresh copies). */
  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      gboolean valid = entry->position_valid && entry->position < n &&
                       old[entry->position] == entry->id;
      guint position = entry->position;

      if (valid && position >= prefix)
        {
          if (position >= n - suffix)
            position = position - n + m;
          else
            valid = FALSE;  /* inside the span announced below */
        }

      entry->position = position;
      entry->position_valid = valid;

      if (self->all_stale || g_hash_table_contains (self->stale, &entry->id))
        {
          if (valid)
            g_array_append_val (rebind, position);
          g_hash_table_iter_remove (&iter);
        }
    }
  g_hash_table_remove_all (self->stale);
  self->all_stale = FALSE;

  /* Rows shown as empty records get their real one (or go away). */
  g_hash_table_iter_init (&iter, self->placeholders);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      guint position = GPOINTER_TO_UINT (value);

      if (position < prefix)
        g_array_append_val (rebind, position);
      else if (position >= n - suffix && position < n)
        {
          position = position - n + m;
          g_array_append_val (rebind, position);
        }
    }
  g_hash_table_remove_all (self->placeholders);

  self->ids = new_ids;

  g_object_freeze_notify (G_OBJECT (self));

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);

  if (rebind->len > 0)
    {
      g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint));
      guint *positions;

      g_array_sort (rebind, compare_positions);
      positions = (guint *) (gpointer) rebind->data;

      /* Runs as (start, length) pairs. */
      for (guint i = 0; i < rebind->len; i++)
        {
          if (runs->len > 0 &&
              g_array_index (runs, guint, runs->len - 2) +
              g_array_index (runs, guint, runs->len - 1) == positions[i])
            g_array_index (runs, guint, runs->len - 1)++;
          else
            {
              guint one = 1;

              g_array_append_val (runs, positions[i]);
              g_array_append_val (runs, one);
            }
        }

      if (runs->len / 2 > MAX_REBIND_RUNS)
        {
          guint first = positions[0];
          guint span = positions[rebind->len - 1] - first + 1;

          g_list_model_items_changed (G_LIST_MODEL (self), first, span, span);
        }
      else
        for (guint i = 0; i < runs->len; i += 2)
          g_list_model_items_changed (G_LIST_MODEL (self),
                                      g_array_index (runs, guint, i),
                                      g_array_index (runs, guint, i + 1),
                                      g_array_index (runs, guint, i + 1));
    }

  if (n != m)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  g_object_thaw_notify (G_OBJECT (self));
}

static int
progress_cb (void *data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (data));
}

/* Runs @sql and returns the first column of its rows; @job, if given,
 * hears of the first FIRST_ROWS. */
static void post_first_rows (Job    *job,
                             GArray *ids);

static GArray *
run_id_query (LlDatabase    *db,
              const char    *sql,
              GArray        *params,
              Job           *job,
              GError       **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GArray) ids = NULL;
  LlStep step;

  statement = _ll_database_prepare (db, sql, error);
  if (statement == NULL)
    return NULL;

  for (guint i = 0; i < params->len; i++)
    _ll_statement_bind_value (statement, (int) i + 1, &g_array_index (params, GValue, i));

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1024);
  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (statement->stmt, 0);

      g_array_append_val (ids, id);

      if (ids->len == FIRST_ROWS && job != NULL && job->first_rows != NULL)
        post_first_rows (job, ids);
    }

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&ids);
}

/* In the model's thread: an empty model that is still loading shows the
 * first rows now; the rest follows as one items-changed at the end. */
static gboolean
first_rows_cb (gpointer data)
{
  FirstRows *first = data;
  g_autoptr(LlQueryModel) self = g_weak_ref_get (&first->model);
  g_autoptr(GArray) empty = NULL;
  guint n;

  if (self == NULL || first->generation != self->generation || !self->loading ||
      self->ids->len > 0)
    return G_SOURCE_REMOVE;

  empty = g_steal_pointer (&self->ids);
  self->ids = g_steal_pointer (&first->ids);
  n = self->ids->len;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, n);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return G_SOURCE_REMOVE;
}

static void
post_first_rows (Job    *job,
                 GArray *ids)
{
  FirstRows *first = g_steal_pointer (&job->first_rows);

  first->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
  g_array_append_vals (first->ids, ids->data, ids->len);

  ll_context_post (job->context, G_PRIORITY_DEFAULT, first_rows_cb, first,
                   (GDestroyNotify) first_rows_free);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  sqlite3 *handle = _ll_database_get_handle (job->db);
  GError *error = NULL;

  sqlite3_progress_handler (handle, PROGRESS_STEPS, progress_cb, cancellable);
  job->ids = run_id_query (job->db, job->sql, job->params, job, &error);
  sqlite3_progress_handler (handle, 0, NULL, NULL);

  if (job->ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
query_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(LlQueryModel) self = g_weak_ref_get (&job->model);
  /* Closed here, in the thread that opened it, unless kept. */
  g_autoptr(LlDatabase) db = g_steal_pointer (&job->db);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self == NULL)
    return;

  /* Keep the connection for the next query. */
  if (self->worker_db == NULL)
    self->worker_db = g_steal_pointer (&db);

  if (job->generation != self->generation)
    return;

  g_clear_object (&self->cancellable);

  if (!ok)
    {
      g_debug ("A list query failed: %s", error->message);
      set_error (self, g_steal_pointer (&error));
    }
  else
    {
      set_error (self, NULL);
      apply_ids (self, g_steal_pointer (&job->ids));
    }

  set_loading (self, FALSE);
}

static void
cancel_query (LlQueryModel *self)
{
  self->generation++;

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
}

/* Runs the current query in a thread, cancelling the one running. */
static void
start_query (LlQueryModel *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  LlDatabase *db;
  Job *job;

  if (self->sql == NULL)
    return;

  cancel_query (self);

  db = g_steal_pointer (&self->worker_db);
  if (db == NULL)
    db = ll_database_open_secondary (self->db, &error);
  if (db == NULL)
    {
      set_error (self, g_steal_pointer (&error));
      set_loading (self, FALSE);
      return;
    }

  job = g_new0 (Job, 1);
  g_weak_ref_init (&job->model, self);
  job->context = g_main_context_ref_thread_default ();
  job->db = db;
  job->sql = g_strdup (self->sql);
  job->params = params_copy ((const GValue *) (gpointer) self->params->data, self->params->len);
  job->generation = self->generation;
  if (self->ids->len == 0)
    {
      job->first_rows = g_new0 (FirstRows, 1);
      g_weak_ref_init (&job->first_rows->model, self);
      job->first_rows->generation = self->generation;
    }

  self->cancellable = g_cancellable_new ();

  task = g_task_new (NULL, self->cancellable, query_done_cb, NULL);
  g_task_set_source_tag (task, start_query);
  g_task_set_name (task, "[lianluo] list query");
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, query_thread);

  set_loading (self, TRUE);
}

static void
store_query (LlQueryModel *self,
             const char   *id_sql,
             const GValue *params,
             guint         n_params)
{
  g_free (self->sql);
  self->sql = g_strdup (id_sql);
  g_clear_pointer (&self->params, g_array_unref);
  self->params = params_copy (params, n_params);
}

/* Callbacks ---------------------------------------------------------------- */

static void
database_changed_cb (LlDatabase   *db,
                     GPtrArray    *changes,
                     LlQueryModel *self)
{
  gboolean touched = FALSE;

  if (self->sql == NULL || self->watched_tables == NULL || self->watched_tables[0] == NULL)
    return;

  if (changes == NULL)
    {
      /* Too many to list: anything may have changed. */
      self->all_stale = TRUE;
      touched = TRUE;
    }
  else
    for (guint i = 0; i < changes->len; i++)
      {
        const LlChange *change = g_ptr_array_index (changes, i);

        if (!g_strv_contains ((const char * const *) self->watched_tables, change->table))
          continue;

        touched = TRUE;
        if (g_str_equal (change->table, self->watched_tables[0]))
          g_hash_table_add (self->stale, g_memdup2 (&change->row_id, sizeof (gint64)));
        else
          self->all_stale = TRUE;
      }

  if (touched)
    start_query (self);
}

/* GListModel ------------------------------------------------------------- */

static GType
ll_query_model_get_item_type (GListModel *model)
{
  return LL_QUERY_MODEL (model)->item_type;
}

static guint
ll_query_model_get_n_items (GListModel *model)
{
  return LL_QUERY_MODEL (model)->ids->len;
}

static gpointer
ll_query_model_get_item (GListModel *model,
                         guint       position)
{
  LlQueryModel *self = LL_QUERY_MODEL (model);
  gint64 id;
  Entry *entry;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  entry = g_hash_table_lookup (self->cache, &id);
  if (entry == NULL && self->load_func != NULL)
    {
      load_page (self, position / LL_QUERY_MODEL_PAGE_SIZE);
      entry = g_hash_table_lookup (self->cache, &id);
    }

  if (entry == NULL)
    {
      /* Deleted since the ids were read: an empty record until the
       * refresh takes the row away. */
      g_hash_table_insert (self->placeholders, g_memdup2 (&id, sizeof id),
                           GUINT_TO_POINTER (position));
      schedule_refresh (self);
      return g_object_new (self->item_type, NULL);
    }

  entry->position = position;
  entry->position_valid = TRUE;
  touch_batch (self, entry->batch);

  return g_object_ref (entry->item);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ll_query_model_get_item_type;
  iface->get_n_items = ll_query_model_get_n_items;
  iface->get_item = ll_query_model_get_item;
}

/* GObject ------------------------------------------------------------------ */

static void
ll_query_model_constructed (GObject *object)
{
  LlQueryModel *self = LL_QUERY_MODEL (object);

  G_OBJECT_CLASS (ll_query_model_parent_class)->constructed (object);

  if (self->db != NULL && self->watched_tables != NULL && self->watched_tables[0] != NULL)
    self->changed_handler = g_signal_connect (self->db, "changed",
                                              G_CALLBACK (database_changed_cb), self);
}

static void
ll_query_model_dispose (GObject *object)
{
  LlQueryModel *self = LL_QUERY_MODEL (object);

  cancel_query (self);
  if (self->refresh_source != NULL)
    {
      g_source_destroy (self->refresh_source);
      g_clear_pointer (&self->refresh_source, g_source_unref);
    }
  g_clear_signal_handler (&self->changed_handler, self->db);
  if (self->cache != NULL)
    clear_cache (self);
  g_clear_object (&self->worker_db);

  G_OBJECT_CLASS (ll_query_model_parent_class)->dispose (object);
}

static void
ll_query_model_finalize (GObject *object)
{
  LlQueryModel *self = LL_QUERY_MODEL (object);

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->stale, g_hash_table_unref);
  g_clear_pointer (&self->placeholders, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->params, g_array_unref);
  g_clear_pointer (&self->watched_tables, g_strfreev);
  g_clear_pointer (&self->sql, g_free);
  g_clear_error (&self->error);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ll_query_model_parent_class)->finalize (object);
}

static void
ll_query_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LlQueryModel *self = LL_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->db);
      break;

    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;

    case PROP_WATCHED_TABLES:
      g_value_set_boxed (value, self->watched_tables);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_query_model_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LlQueryModel *self = LL_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;

    case PROP_ITEM_TYPE:
      self->item_type = g_value_get_gtype (value);
      break;

    case PROP_WATCHED_TABLES:
      self->watched_tables = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_query_model_class_init (LlQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ll_query_model_constructed;
  object_class->dispose = ll_query_model_dispose;
  object_class->finalize = ll_query_model_finalize;
  object_class->get_property = ll_query_model_get_property;
  object_class->set_property = ll_query_model_set_property;

  /**
   * LlQueryModel:database:
   *
   * The database the records come from.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         LL_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LlQueryModel:item-type:
   *
   * The type of the records, e.g. `LL_TYPE_CASE`.
   */
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        G_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LlQueryModel:watched-tables:
   *
   * The tables whose changes refresh the model; the first is the one
   * whose ids the query returns.
   */
  properties[PROP_WATCHED_TABLES] =
    g_param_spec_boxed ("watched-tables", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LlQueryModel:n-items:
   *
   * The number of rows.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlQueryModel:loading:
   *
   * Whether an id query is running; the rows shown meanwhile are those
   * of the previous one.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlQueryModel:error:
   *
   * Why the last id query failed (a #LL_DATABASE_ERROR with a sentence
   * for the user), or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_query_model_init (LlQueryModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->params = params_new ();
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                       (GDestroyNotify) entry_free);
  self->stale = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->placeholders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_queue_init (&self->batches);
}

/* Public API --------------------------------------------------------------- */

/**
 * ll_query_model_new:
 * @db: the database (the one opened by the window: its
 *   #LlDatabase::changed refreshes the model)
 * @item_type: the type of the records; it must have a #gint64 property `id`
 * @load_func: (scope forever): loads records by id, e.g. ll_case_store_load_many()
 * @watched_tables: (nullable) (array zero-terminated=1): the tables whose
 *   changes refresh the model, the table of @item_type first, e.g.
 *   `{ "cases", "stations", NULL }`; %NULL never refreshes by itself
 *
 * Makes an empty model; give it a query with ll_query_model_set_query().
 *
 * Returns: (transfer full): the model
 */
LlQueryModel *
ll_query_model_new (LlDatabase          *db,
                    GType                item_type,
                    LlQueryLoadFunc      load_func,
                    const char * const  *watched_tables)
{
  LlQueryModel *self;
  GObjectClass *item_class;
  GParamSpec *id;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (load_func != NULL, NULL);

  item_class = g_type_class_ref (item_type);
  id = g_object_class_find_property (item_class, "id");
  g_type_class_unref (item_class);
  g_return_val_if_fail (id != NULL && id->value_type == G_TYPE_INT64, NULL);

  self = g_object_new (LL_TYPE_QUERY_MODEL,
                       "database", db,
                       "item-type", item_type,
                       "watched-tables", watched_tables,
                       NULL);
  self->load_func = load_func;

  return self;
}

/**
 * ll_query_model_set_query:
 * @self: a #LlQueryModel
 * @id_sql: an SQL query whose first column is the record ids, in the
 *   order to show, with the filter and sort of the list (the stores
 *   build it); `?` placeholders for @params
 * @params: (array length=n_params) (nullable): the values of the
 *   placeholders (strings, integers, booleans, doubles)
 * @n_params: the number of @params
 *
 * Runs @id_sql in a thread on a connection of its own. Meanwhile
 * #LlQueryModel:loading is %TRUE and the model keeps its rows; when the
 * ids arrive, the difference is announced with as few items-changed as
 * possible. Setting another query before that cancels this one. A
 * failure sets #LlQueryModel:error and keeps the rows.
 *
 * An empty model (a list just opened) shows the first 200 rows as soon
 * as they are read and the rest when the query ends, so that a list of
 * 500,000 opens as fast as one of 50.
 */
void
ll_query_model_set_query (LlQueryModel *self,
                          const char   *id_sql,
                          const GValue *params,
                          guint         n_params)
{
  g_return_if_fail (LL_IS_QUERY_MODEL (self));
  g_return_if_fail (id_sql != NULL);
  g_return_if_fail (params != NULL || n_params == 0);

  store_query (self, id_sql, params, n_params);
  start_query (self);
}

/**
 * ll_query_model_set_query_sync:
 * @self: a #LlQueryModel
 * @id_sql: as for ll_query_model_set_query()
 * @params: (array length=n_params) (nullable): the values of the placeholders
 * @n_params: the number of @params
 * @error: return location for a #GError
 *
 * Like ll_query_model_set_query(), but runs the id query now, on the
 * model's database in the calling thread; for the command line, tests
 * and benchmarks (a window uses ll_query_model_set_query()). A running
 * query is cancelled. Later refreshes run in a thread as usual.
 *
 * Returns: %TRUE if the model now shows @id_sql's rows
 */
gboolean
ll_query_model_set_query_sync (LlQueryModel  *self,
                               const char    *id_sql,
                               const GValue  *params,
                               guint          n_params,
                               GError       **error)
{
  g_autoptr(GArray) ids = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (LL_IS_QUERY_MODEL (self), FALSE);
  g_return_val_if_fail (id_sql != NULL, FALSE);
  g_return_val_if_fail (params != NULL || n_params == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store_query (self, id_sql, params, n_params);
  cancel_query (self);

  ids = run_id_query (self->db, self->sql, self->params, NULL, &local_error);
  if (ids == NULL)
    {
      if (error != NULL)
        *error = g_error_copy (local_error);
      set_error (self, local_error);
      set_loading (self, FALSE);
      return FALSE;
    }

  set_error (self, NULL);
  apply_ids (self, g_steal_pointer (&ids));
  set_loading (self, FALSE);

  return TRUE;
}

/**
 * ll_query_model_refresh:
 * @self: a #LlQueryModel
 *
 * Runs the query again, in a thread, and reloads the records shown, as
 * after a change to a watched table. Does nothing before a query is set.
 */
void
ll_query_model_refresh (LlQueryModel *self)
{
  g_return_if_fail (LL_IS_QUERY_MODEL (self));

  if (self->sql == NULL)
    return;

  self->all_stale = TRUE;
  start_query (self);
}

/**
 * ll_query_model_get_database:
 * @self: a #LlQueryModel
 *
 * Returns: (transfer none): the database
 */
LlDatabase *
ll_query_model_get_database (LlQueryModel *self)
{
  g_return_val_if_fail (LL_IS_QUERY_MODEL (self), NULL);

  return self->db;
}

/**
 * ll_query_model_get_loading:
 * @self: a #LlQueryModel
 *
 * Returns: whether an id query is running
 */
gboolean
ll_query_model_get_loading (LlQueryModel *self)
{
  g_return_val_if_fail (LL_IS_QUERY_MODEL (self), FALSE);

  return self->loading;
}

/**
 * ll_query_model_get_error:
 * @self: a #LlQueryModel
 *
 * Returns: (nullable) (transfer none): why the last id query failed, or %NULL
 */
const GError *
ll_query_model_get_error (LlQueryModel *self)
{
  g_return_val_if_fail (LL_IS_QUERY_MODEL (self), NULL);

  return self->error;
}

/**
 * ll_query_model_get_id:
 * @self: a #LlQueryModel
 * @position: a row
 *
 * The id of the record at @position, without loading it.
 *
 * Returns: the id, or 0 past the end
 */
gint64
ll_query_model_get_id (LlQueryModel *self,
                       guint         position)
{
  g_return_val_if_fail (LL_IS_QUERY_MODEL (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

/**
 * ll_query_model_get_position_of_id:
 * @self: a #LlQueryModel
 * @id: a record id
 * @position: (out) (optional): where to store its row
 *
 * Finds the row of a record, e.g. to select a record just saved.
 *
 * Returns: %TRUE if the record is in the model
 */
gboolean
ll_query_model_get_position_of_id (LlQueryModel *self,
                                   gint64        id,
                                   guint        *position)
{
  const gint64 *ids;
  Entry *entry;

  g_return_val_if_fail (LL_IS_QUERY_MODEL (self), FALSE);

  ids = (const gint64 *) (gpointer) self->ids->data;

  entry = g_hash_table_lookup (self->cache, &id);
  if (entry != NULL && entry->position_valid && entry->position < self->ids->len &&
      ids[entry->position] == id)
    {
      if (position != NULL)
        *position = entry->position;
      return TRUE;
    }

  for (guint i = 0; i < self->ids->len; i++)
    if (ids[i] == id)
      {
        if (position != NULL)
          *position = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * ll_query_model_get_n_cached:
 * @self: a #LlQueryModel
 *
 * For tests and diagnostics.
 *
 * Returns: how many records the model holds now (at most
 *   %LL_QUERY_MODEL_MAX_CACHED once loading is over)
 */
guint
ll_query_model_get_n_cached (LlQueryModel *self)
{
  g_return_val_if_fail (LL_IS_QUERY_MODEL (self), 0);

  return g_hash_table_size (self->cache);
}
