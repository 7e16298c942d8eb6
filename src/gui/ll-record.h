/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-enums.h"

G_BEGIN_DECLS

/* Records (LlStation, LlPerson, LlCase …) keep every column as a
 * read-write GObject property. These helpers work on any of them. */

/**
 * LlFieldKind:
 *
 * How a record property is shown and edited.
 */
typedef enum {
  LL_FIELD_TEXT,
  LL_FIELD_LONG_TEXT,
  LL_FIELD_DATE,
  LL_FIELD_PHONE,
  LL_FIELD_ENUM,
  LL_FIELD_BOOLEAN,
  LL_FIELD_INTEGER,
  LL_FIELD_NUMBER,
  LL_FIELD_CHOICE,
} LlFieldKind;

/**
 * LlFieldSpec:
 * @property: the record's property, e.g. `"name"`
 * @label: the field's label, marked with N_() and translated when shown
 * @kind: how it is edited
 * @enumeration: for %LL_FIELD_ENUM, which enumeration
 * @required: whether an empty value is refused
 * @group: the title of the group the row goes in (N_()), or %NULL for
 *   the previous row's group
 * @description: (nullable): a hint under the group title (N_())
 */
typedef struct {
  const char  *property;
  const char  *label;
  LlFieldKind  kind;
  LlEnum       enumeration;
  gboolean     required;
  const char  *group;
  const char  *description;
} LlFieldSpec;

GObject   *ll_record_dup           (GObject           *record);
GPtrArray *ll_record_diff          (GObject           *a,
                                    GObject           *b);
gboolean   ll_record_equal_property (GObject          *a,
                                     GObject          *b,
                                     const char       *property);
void       ll_record_copy_property (GObject           *from,
                                    GObject           *to,
                                    const char        *property);
char      *ll_record_format_value  (GObject           *record,
                                    const LlFieldSpec *spec);
gint64     ll_record_get_id        (GObject           *record);
gint64     ll_record_get_version   (GObject           *record);

G_END_DECLS
