/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-station-node"

#include "config.h"

#include "ll-enums.h"
#include "ll-station-node.h"

/* One station in the Stations page's tree. The node outlives reloads:
 * the page gives it the station as newly read and changes its children
 * in place, so that GtkTreeListModel keeps the row, its expanded state
 * and the selection. Rows bind to the properties below. */

struct _LlStationNode
{
  GObject parent_instance;

  /* Owned */
  LlStation  *station;
  GListStore *children;
  gint64      id;
  gboolean    context;
};

enum {
  PROP_0,
  PROP_STATION,
  PROP_NAME,
  PROP_ICON_NAME,
  PROP_KIND_LABEL,
  PROP_PEOPLE_COUNT,
  PROP_OPEN_CASE_COUNT,
  PROP_CLOSED,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LlStationNode, ll_station_node, G_TYPE_OBJECT)

/* One icon per kind, the same everywhere the kind is shown. */
static const struct {
  const char *kind;
  const char *icon_name;
} kind_icons[] = {
  { "home", "user-home-symbolic" },
  { "station", "mark-location-symbolic" },
  { "workstation", "network-workgroup-symbolic" },
  { "studio", "avatar-default-symbolic" },
  { "legislative_point", "accessories-dictionary-symbolic" },
  { "point", "user-available-symbolic" },
  { "online", "web-browser-symbolic" },
};

/**
 * ll_station_kind_get_icon_name:
 * @kind: (nullable): a station-kind key
 *
 * Returns: the symbolic icon that stands for @kind
 */
const char *
ll_station_kind_get_icon_name (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_icons); i++)
    if (g_strcmp0 (kind_icons[i].kind, kind) == 0)
      return kind_icons[i].icon_name;

  return "mark-location-symbolic";
}

static gint64
station_people (LlStation *station)
{
  return station ? MAX (ll_station_get_people_count (station), 0) : 0;
}

static gint64
station_cases (LlStation *station)
{
  return station ? MAX (ll_station_get_open_case_count (station), 0) : 0;
}

static void
ll_station_node_dispose (GObject *object)
{
  LlStationNode *self = LL_STATION_NODE (object);

  g_clear_object (&self->station);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (ll_station_node_parent_class)->dispose (object);
}

static void
ll_station_node_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LlStationNode *self = LL_STATION_NODE (object);

  switch (prop_id)
    {
    case PROP_STATION:
      g_value_set_object (value, self->station);
      break;

    case PROP_NAME:
      g_value_set_string (value, ll_station_get_name (self->station));
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, ll_station_kind_get_icon_name (ll_station_get_kind (self->station)));
      break;

    case PROP_KIND_LABEL:
      g_value_set_string (value, ll_enum_get_label (LL_ENUM_STATION_KIND,
                                                    ll_station_get_kind (self->station)));
      break;

    case PROP_PEOPLE_COUNT:
      g_value_set_int64 (value, station_people (self->station));
      break;

    case PROP_OPEN_CASE_COUNT:
      g_value_set_int64 (value, station_cases (self->station));
      break;

    case PROP_CLOSED:
      g_value_set_boolean (value, !ll_station_get_active (self->station));
      break;

    case PROP_CONTEXT:
      g_value_set_boolean (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_station_node_class_init (LlStationNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ll_station_node_dispose;
  object_class->get_property = ll_station_node_get_property;

  properties[PROP_STATION] =
    g_param_spec_object ("station", NULL, NULL, LL_TYPE_STATION, flags);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL, flags);
  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", NULL, NULL, NULL, flags);
  properties[PROP_PEOPLE_COUNT] =
    g_param_spec_int64 ("people-count", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OPEN_CASE_COUNT] =
    g_param_spec_int64 ("open-case-count", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CLOSED] =
    g_param_spec_boolean ("closed", NULL, NULL, FALSE, flags);

  /**
   * LlStationNode:context:
   *
   * Whether the row is shown only because a station below it matches
   * the filters; it is drawn dimmed.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_boolean ("context", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_station_node_init (LlStationNode *self)
{
  self->children = g_list_store_new (LL_TYPE_STATION_NODE);
}

LlStationNode *
ll_station_node_new (LlStation *station)
{
  LlStationNode *self;

  g_return_val_if_fail (LL_IS_STATION (station), NULL);

  self = g_object_new (LL_TYPE_STATION_NODE, NULL);
  self->station = g_object_ref (station);
  self->id = ll_station_get_id (station);

  return self;
}

gint64
ll_station_node_get_id (LlStationNode *self)
{
  g_return_val_if_fail (LL_IS_STATION_NODE (self), 0);

  return self->id;
}

gint64
ll_station_node_get_parent_id (LlStationNode *self)
{
  g_return_val_if_fail (LL_IS_STATION_NODE (self), 0);

  return ll_station_get_parent_id (self->station);
}

/**
 * ll_station_node_get_station:
 *
 * Returns: (transfer none): the station as last read, with its counts
 */
LlStation *
ll_station_node_get_station (LlStationNode *self)
{
  g_return_val_if_fail (LL_IS_STATION_NODE (self), NULL);

  return self->station;
}

/**
 * ll_station_node_set_station:
 * @station: the same station as newly read
 *
 * Notifies only the properties whose value changed, so that a reload
 * that changed nothing redraws nothing.
 */
void
ll_station_node_set_station (LlStationNode *self,
                             LlStation     *station)
{
  g_autoptr(LlStation) old = NULL;

  g_return_if_fail (LL_IS_STATION_NODE (self));
  g_return_if_fail (LL_IS_STATION (station));
  g_return_if_fail (ll_station_get_id (station) == self->id);

  if (station == self->station)
    return;

  old = g_steal_pointer (&self->station);
  self->station = g_object_ref (station);

  /* A reload mostly reads what is shown already: nothing to redraw. */
  if (ll_station_get_version (old) == ll_station_get_version (station) &&
      station_people (old) == station_people (station) &&
      station_cases (old) == station_cases (station))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION]);
  if (g_strcmp0 (ll_station_get_name (old), ll_station_get_name (station)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  if (g_strcmp0 (ll_station_get_kind (old), ll_station_get_kind (station)) != 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_LABEL]);
    }
  if (station_people (old) != station_people (station))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PEOPLE_COUNT]);
  if (station_cases (old) != station_cases (station))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_CASE_COUNT]);
  if (ll_station_get_active (old) != ll_station_get_active (station))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSED]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * ll_station_node_get_children:
 *
 * Returns: (transfer none): the nodes shown under this one
 */
GListStore *
ll_station_node_get_children (LlStationNode *self)
{
  g_return_val_if_fail (LL_IS_STATION_NODE (self), NULL);

  return self->children;
}

gboolean
ll_station_node_get_context (LlStationNode *self)
{
  g_return_val_if_fail (LL_IS_STATION_NODE (self), FALSE);

  return self->context;
}

void
ll_station_node_set_context (LlStationNode *self,
                             gboolean       context)
{
  g_return_if_fail (LL_IS_STATION_NODE (self));

  context = !!context;
  if (self->context == context)
    return;

  self->context = context;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}
