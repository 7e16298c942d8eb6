/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-board-column"

#include "config.h"

#include "ll-board-column.h"

struct _LlBoardColumn
{
  GObject parent_instance;

  char    *key;
  char    *title;
  char    *subtitle;
  guint    count;
  gboolean warning;
};

G_DEFINE_FINAL_TYPE (LlBoardColumn, ll_board_column, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_COUNT,
  PROP_WARNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char       **place,
         const char  *value)
{
  if (g_strcmp0 (*place, value) == 0)
    return FALSE;
  g_free (*place);
  *place = g_strdup (value);
  return TRUE;
}

static void
ll_board_column_finalize (GObject *object)
{
  LlBoardColumn *self = (LlBoardColumn *) object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (ll_board_column_parent_class)->finalize (object);
}

static void
ll_board_column_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LlBoardColumn *self = LL_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    case PROP_WARNING:
      g_value_set_boolean (value, self->warning);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_board_column_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LlBoardColumn *self = LL_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_free (self->key);
      self->key = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      ll_board_column_set_title (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      ll_board_column_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_COUNT:
      ll_board_column_set_count (self, g_value_get_uint (value));
      break;
    case PROP_WARNING:
      ll_board_column_set_warning (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_board_column_class_init (LlBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_board_column_finalize;
  object_class->get_property = ll_board_column_get_property;
  object_class->set_property = ll_board_column_set_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WARNING] =
    g_param_spec_boolean ("warning", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_board_column_init (LlBoardColumn *self)
{
}

LlBoardColumn *
ll_board_column_new (const char *key,
                     const char *title,
                     guint       count)
{
  g_return_val_if_fail (key != NULL, NULL);

  return g_object_new (LL_TYPE_BOARD_COLUMN,
                       "key", key,
                       "title", title,
                       "count", count,
                       NULL);
}

const char *
ll_board_column_get_key (LlBoardColumn *self)
{
  g_return_val_if_fail (LL_IS_BOARD_COLUMN (self), NULL);

  return self->key;
}

const char *
ll_board_column_get_title (LlBoardColumn *self)
{
  g_return_val_if_fail (LL_IS_BOARD_COLUMN (self), NULL);

  return self->title;
}

void
ll_board_column_set_title (LlBoardColumn *self,
                           const char    *title)
{
  g_return_if_fail (LL_IS_BOARD_COLUMN (self));

  if (set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
ll_board_column_get_subtitle (LlBoardColumn *self)
{
  g_return_val_if_fail (LL_IS_BOARD_COLUMN (self), NULL);

  return self->subtitle;
}

void
ll_board_column_set_subtitle (LlBoardColumn *self,
                              const char    *subtitle)
{
  g_return_if_fail (LL_IS_BOARD_COLUMN (self));

  if (set_str (&self->subtitle, subtitle))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

guint
ll_board_column_get_count (LlBoardColumn *self)
{
  g_return_val_if_fail (LL_IS_BOARD_COLUMN (self), 0);

  return self->count;
}

void
ll_board_column_set_count (LlBoardColumn *self,
                           guint          count)
{
  g_return_if_fail (LL_IS_BOARD_COLUMN (self));

  if (self->count == count)
    return;
  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

gboolean
ll_board_column_get_warning (LlBoardColumn *self)
{
  g_return_val_if_fail (LL_IS_BOARD_COLUMN (self), FALSE);

  return self->warning;
}

void
ll_board_column_set_warning (LlBoardColumn *self,
                             gboolean       warning)
{
  g_return_if_fail (LL_IS_BOARD_COLUMN (self));

  warning = !!warning;
  if (self->warning == warning)
    return;
  self->warning = warning;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNING]);
}
