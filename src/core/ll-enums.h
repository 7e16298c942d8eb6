/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LlEnum:
 *
 * The enumerations of DOMAIN.md. Values are stored, scripted and
 * exported by their English keys; the interface and printed documents
 * show their translated labels. Keys are added, never renamed.
 */
typedef enum {
  LL_ENUM_STATION_KIND,
  LL_ENUM_DEPUTY_LEVEL,
  LL_ENUM_PERSON_ROLE,
  LL_ENUM_STATION_ROLE,
  LL_ENUM_CASE_STATUS,
  LL_ENUM_CASE_SOURCE,
  LL_ENUM_CASE_CATEGORY,
  LL_ENUM_HANDLING_MODE,
  LL_ENUM_SATISFACTION,
  LL_ENUM_ATTENDANCE,
  LL_ENUM_ACTIVITY_TYPE,
  LL_ENUM_SUGGESTION_CLASS,
  LL_ENUM_GENDER,
  LL_ENUM_PAIRING_KIND,
  LL_ENUM_GROUP_KIND,
  LL_ENUM_AREA_LEVEL,
  LL_ENUM_VOTE,
  LL_N_ENUMS
} LlEnum;

const char         *ll_enum_get_name     (LlEnum       enumeration);
const char         *ll_enum_get_title    (LlEnum       enumeration);
guint               ll_enum_get_n_values (LlEnum       enumeration);
const char         *ll_enum_get_key      (LlEnum       enumeration,
                                          guint        position);
int                 ll_enum_find         (LlEnum       enumeration,
                                          const char  *key);
const char * const *ll_enum_get_keys     (LlEnum       enumeration);
const char         *ll_enum_get_label    (LlEnum       enumeration,
                                          const char  *key);
const char         *ll_enum_get_label_at (LlEnum       enumeration,
                                          guint        position);
gboolean            ll_enum_is_valid     (LlEnum       enumeration,
                                          const char  *key);
char               *ll_enum_describe_keys (LlEnum      enumeration);

G_END_DECLS
