/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-choice"

#include "config.h"

#include "ll-choice.h"

struct _LlChoice
{
  GObject parent_instance;

  gint64  id;
  char   *key;
  char   *label;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LlChoice, ll_choice, G_TYPE_OBJECT)

static void
ll_choice_finalize (GObject *object)
{
  LlChoice *self = LL_CHOICE (object);

  g_free (self->key);
  g_free (self->label);

  G_OBJECT_CLASS (ll_choice_parent_class)->finalize (object);
}

static void
ll_choice_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LlChoice *self = LL_CHOICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_choice_class_init (LlChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_choice_finalize;
  object_class->get_property = ll_choice_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL,
                                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_choice_init (LlChoice *self)
{
}

LlChoice *
ll_choice_new (gint64      id,
               const char *key,
               const char *label)
{
  LlChoice *self = g_object_new (LL_TYPE_CHOICE, NULL);

  self->id = id;
  self->key = g_strdup (key);
  self->label = g_strdup (label);

  return self;
}

gint64
ll_choice_get_id (LlChoice *self)
{
  g_return_val_if_fail (LL_IS_CHOICE (self), 0);
  return self->id;
}

const char *
ll_choice_get_key (LlChoice *self)
{
  g_return_val_if_fail (LL_IS_CHOICE (self), NULL);
  return self->key;
}

const char *
ll_choice_get_label (LlChoice *self)
{
  g_return_val_if_fail (LL_IS_CHOICE (self), NULL);
  return self->label;
}
