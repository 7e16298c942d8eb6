/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-record"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-record.h"

static gboolean
is_column (GParamSpec *pspec)
{
  /* Columns are read-write; names and counts a store fills in for
   * display are read-only and never compared or copied. */
  return (pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE &&
         (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0;
}

/**
 * ll_record_dup:
 *
 * Returns: (transfer full): a new record of the same type with every
 *   column copied, including id and version
 */
GObject *
ll_record_dup (GObject *record)
{
  g_autofree GParamSpec **pspecs = NULL;
  GObject *copy;
  guint n;

  g_return_val_if_fail (G_IS_OBJECT (record), NULL);

  copy = g_object_new (G_OBJECT_TYPE (record), NULL);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n);

  g_object_freeze_notify (copy);
  for (guint i = 0; i < n; i++)
    if (is_column (pspecs[i]))
      ll_record_copy_property (record, copy, pspecs[i]->name);
  g_object_thaw_notify (copy);

  return copy;
}

gboolean
ll_record_equal_property (GObject    *a,
                          GObject    *b,
                          const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (a), property);
  g_auto(GValue) va = G_VALUE_INIT;
  g_auto(GValue) vb = G_VALUE_INIT;

  g_return_val_if_fail (pspec != NULL, FALSE);

  g_value_init (&va, pspec->value_type);
  g_value_init (&vb, pspec->value_type);
  g_object_get_property (a, property, &va);
  g_object_get_property (b, property, &vb);

  /* Empty text and no text are the same thing to a user. */
  if (G_VALUE_HOLDS_STRING (&va))
    {
      const char *sa = g_value_get_string (&va);
      const char *sb = g_value_get_string (&vb);

      return g_strcmp0 (sa && *sa ? sa : NULL, sb && *sb ? sb : NULL) == 0;
    }

  return g_param_values_cmp (pspec, &va, &vb) == 0;
}

/**
 * ll_record_diff:
 *
 * Returns: (transfer container) (element-type utf8): the names of the
 *   columns whose values differ, `version` and the timestamps left out
 */
GPtrArray *
ll_record_diff (GObject *a,
                GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  GPtrArray *names = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (G_IS_OBJECT (a), names);
  g_return_val_if_fail (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b), names);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      const char *name = pspecs[i]->name;

      if (!is_column (pspecs[i]) ||
          g_str_equal (name, "version") || g_str_equal (name, "id") ||
          g_str_equal (name, "created-at") || g_str_equal (name, "updated-at"))
        continue;

      if (!ll_record_equal_property (a, b, name))
        g_ptr_array_add (names, (gpointer) name);
    }

  return names;
}

void
ll_record_copy_property (GObject    *from,
                         GObject    *to,
                         const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (from), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (pspec != NULL);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (from, property, &value);
  g_object_set_property (to, property, &value);
}

/**
 * ll_record_format_value:
 *
 * Returns: (transfer full): the value of @spec's property as a user
 *   reads it (enumeration labels, “Yes”/“No”), or an empty string
 */
char *
ll_record_format_value (GObject           *record,
                        const LlFieldSpec *spec)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), spec->property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (pspec != NULL, g_strdup (""));

  g_value_init (&value, pspec->value_type);
  g_object_get_property (record, spec->property, &value);

  if (G_VALUE_HOLDS_STRING (&value))
    {
      const char *text = g_value_get_string (&value);

      if (text == NULL)
        return g_strdup ("");
      if (spec->kind == LL_FIELD_ENUM)
        {
          const char *label = ll_enum_get_label (spec->enumeration, text);
          return g_strdup (label != NULL ? label : text);
        }
      return g_strdup (text);
    }
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_strdup (g_value_get_boolean (&value) ? _("Yes") : _("No"));
  if (G_VALUE_HOLDS_INT64 (&value))
    return g_value_get_int64 (&value) != 0 || spec->kind == LL_FIELD_INTEGER
           ? g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value))
           : g_strdup ("");
  if (G_VALUE_HOLDS_INT (&value))
    return g_strdup_printf ("%d", g_value_get_int (&value));
  if (G_VALUE_HOLDS_DOUBLE (&value))
    return g_strdup_printf ("%g", g_value_get_double (&value));

  return g_strdup_value_contents (&value);
}

static gint64
get_int64 (GObject    *record,
           const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), property);
  g_auto(GValue) value = G_VALUE_INIT;

  if (pspec == NULL || pspec->value_type != G_TYPE_INT64)
    return 0;

  g_value_init (&value, G_TYPE_INT64);
  g_object_get_property (record, property, &value);
  return g_value_get_int64 (&value);
}

gint64
ll_record_get_id (GObject *record)
{
  return get_int64 (record, "id");
}

gint64
ll_record_get_version (GObject *record)
{
  return get_int64 (record, "version");
}
