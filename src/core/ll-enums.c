/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-enums"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-enums.h"

/* Each label carries its enumeration as gettext context, because the
 * same English word can need different Chinese in different places
 * ("Other" is 其他 everywhere, but "Visit" as a case source is 走访 and
 * as an activity is 走访选民 in some offices). */
typedef struct {
  const char *key;
  const char *label;
} Value;

#define N_VALUES_MAX 16

static const struct {
  const char *name;      /* used in messages and by scripts */
  const char *context;   /* gettext context of the labels */
  const char *title;     /* translatable, "Station kind" */
  Value       values[N_VALUES_MAX];
} enums[LL_N_ENUMS] = {
  [LL_ENUM_STATION_KIND] = {
    "station-kind", "station kind", NC_("enumeration", "Station kind"), {
      { "home", NC_("station kind", "Deputies’ Home") },
      { "station", NC_("station kind", "Liaison Station") },
      { "workstation", NC_("station kind", "Deputies’ Workstation") },
      { "studio", NC_("station kind", "Deputy’s Studio") },
      { "legislative_point", NC_("station kind", "Legislative Contact Point") },
      { "point", NC_("station kind", "Contact Point") },
      { "online", NC_("station kind", "Online Station") },
    }
  },
  [LL_ENUM_DEPUTY_LEVEL] = {
    "deputy-level", "deputy level", NC_("enumeration", "Deputy level"), {
      { "national", NC_("deputy level", "National") },
      { "provincial", NC_("deputy level", "Provincial") },
      { "city", NC_("deputy level", "City") },
      { "county", NC_("deputy level", "County") },
      { "township", NC_("deputy level", "Township") },
    }
  },
  [LL_ENUM_PERSON_ROLE] = {
    "person-role", "person role", NC_("enumeration", "Role"), {
      { "deputy", NC_("person role", "Deputy") },
      { "voter_representative", NC_("person role", "Voter Representative") },
      { "council_member", NC_("person role", "Council Member") },
      { "police_officer", NC_("person role", "Police Officer") },
      { "judge", NC_("person role", "Judge") },
      { "procurator", NC_("person role", "Procurator") },
      { "judicial_assistant", NC_("person role", "Judicial Assistant") },
      { "observer", NC_("person role", "Public-Opinion Observer") },
      { "expert", NC_("person role", "Invited Expert") },
    }
  },
  [LL_ENUM_STATION_ROLE] = {
    "station-role", "station role", NC_("enumeration", "Station role"), {
      { "member", NC_("station role", "Member") },
      { "head", NC_("station role", "Station Head") },
      { "liaison_officer", NC_("station role", "Liaison Officer") },
    }
  },
  [LL_ENUM_CASE_STATUS] = {
    "case-status", "case status", NC_("enumeration", "Status"), {
      { "registered", NC_("case status", "Registered") },
      { "assigned", NC_("case status", "Assigned") },
      { "in_progress", NC_("case status", "In Progress") },
      { "replied", NC_("case status", "Replied") },
      { "closed", NC_("case status", "Closed") },
    }
  },
  [LL_ENUM_CASE_SOURCE] = {
    "case-source", "case source", NC_("enumeration", "Source"), {
      { "reception_day", NC_("case source", "Reception Day") },
      { "visit", NC_("case source", "Visit") },
      { "forum", NC_("case source", "Public-Opinion Forum") },
      { "phone", NC_("case source", "Phone") },
      { "wechat", NC_("case source", "WeChat") },
      { "photo_report", NC_("case source", "Photo Report") },
      { "letter", NC_("case source", "Letter") },
      { "legislative_consultation", NC_("case source", "Legislative Consultation") },
      { "other", NC_("case source", "Other") },
    }
  },
  [LL_ENUM_CASE_CATEGORY] = {
    "case-category", "case category", NC_("enumeration", "Category"), {
      { "urban_construction", NC_("case category", "Urban Construction") },
      { "transport", NC_("case category", "Transport") },
      { "environment", NC_("case category", "Environment") },
      { "property_management", NC_("case category", "Property Management") },
      { "education", NC_("case category", "Education") },
      { "health", NC_("case category", "Health Care") },
      { "elderly_care", NC_("case category", "Elderly Care") },
      { "employment", NC_("case category", "Employment") },
      { "social_security", NC_("case category", "Social Security") },
      { "public_security", NC_("case category", "Public Security") },
      { "legal", NC_("case category", "Legal Matters") },
      { "other", NC_("case category", "Other") },
    }
  },
  [LL_ENUM_HANDLING_MODE] = {
    "handling-mode", "handling mode", NC_("enumeration", "Handling mode"), {
      { "on_the_spot", NC_("handling mode", "Answered on the Spot") },
      { "subdistrict", NC_("handling mode", "Passed to the Sub-district Office") },
      { "department", NC_("handling mode", "Assigned to a Department") },
      { "escalated", NC_("handling mode", "Escalated to the Higher Congress") },
    }
  },
  [LL_ENUM_SATISFACTION] = {
    "satisfaction", "satisfaction", NC_("enumeration", "Satisfaction"), {
      { "satisfied", NC_("satisfaction", "Satisfied") },
      { "basically_satisfied", NC_("satisfaction", "Basically Satisfied") },
      { "dissatisfied", NC_("satisfaction", "Dissatisfied") },
    }
  },
  [LL_ENUM_ATTENDANCE] = {
    "attendance", "attendance", NC_("enumeration", "Attendance"), {
      { "present", NC_("attendance", "Present") },
      { "leave", NC_("attendance", "On Leave") },
      { "absent", NC_("attendance", "Absent") },
    }
  },
  [LL_ENUM_ACTIVITY_TYPE] = {
    "activity-type", "activity type", NC_("enumeration", "Activity type"), {
      { "reception", NC_("activity type", "Receiving Constituents") },
      { "visit", NC_("activity type", "Visit") },
      { "research", NC_("activity type", "Research") },
      { "inspection", NC_("activity type", "Inspection") },
      { "law_enforcement_check", NC_("activity type", "Law-Enforcement Check") },
      { "training", NC_("activity type", "Study and Training") },
      { "group_activity", NC_("activity type", "Deputy Group Activity") },
      { "report_to_voters", NC_("activity type", "Report to Voters") },
      { "attend_meeting", NC_("activity type", "Attending a Standing Committee Meeting") },
      { "legislative_consultation", NC_("activity type", "Legislative Consultation") },
      { "work_evaluation", NC_("activity type", "Work Evaluation") },
      { "project_supervision", NC_("activity type", "Livelihood Project Supervision") },
      { "congress_session", NC_("activity type", "Congress Session") },
      { "other", NC_("activity type", "Other") },
    }
  },
  [LL_ENUM_SUGGESTION_CLASS] = {
    "suggestion-class", "suggestion class", NC_("enumeration", "Answer class"), {
      { "A", NC_("suggestion class", "Class A — Solved") },
      { "B", NC_("suggestion class", "Class B — Being Solved") },
      { "C", NC_("suggestion class", "Class C — Explained") },
    }
  },
  [LL_ENUM_GENDER] = {
    "gender", "gender", NC_("enumeration", "Gender"), {
      { "male", NC_("gender", "Male") },
      { "female", NC_("gender", "Female") },
    }
  },
  [LL_ENUM_PAIRING_KIND] = {
    "pairing-kind", "pairing kind", NC_("enumeration", "Pairing"), {
      { "left_behind_child", NC_("pairing kind", "Left-Behind Child") },
      { "low_income_household", NC_("pairing kind", "Low-Income Household") },
      { "farmer", NC_("pairing kind", "Farmer") },
      { "small_business", NC_("pairing kind", "Small Business") },
      { "village", NC_("pairing kind", "Key Village") },
      { "school", NC_("pairing kind", "School") },
      { "hospital", NC_("pairing kind", "Hospital") },
      { "former_deputy", NC_("pairing kind", "Former Deputy") },
      { "other", NC_("pairing kind", "Other") },
    }
  },
  [LL_ENUM_GROUP_KIND] = {
    "group-kind", "group kind", NC_("enumeration", "Group kind"), {
      { "deputy", NC_("group kind", "Deputy Group") },
      { "specialty", NC_("group kind", "Specialty Group") },
    }
  },
  [LL_ENUM_AREA_LEVEL] = {
    "area-level", "area level", NC_("enumeration", "Area level"), {
      { "district", NC_("area level", "District or County") },
      { "town", NC_("area level", "Town or Sub-district") },
      { "community", NC_("area level", "Community or Village") },
    }
  },
  [LL_ENUM_VOTE] = {
    "vote", "vote", NC_("enumeration", "Vote"), {
      { "for", NC_("vote", "For") },
      { "against", NC_("vote", "Against") },
      { "abstain", NC_("vote", "Abstain") },
    }
  },
};

static const char * const *key_lists[LL_N_ENUMS];

static guint
count_values (LlEnum enumeration)
{
  guint n = 0;

  while (n < N_VALUES_MAX && enums[enumeration].values[n].key != NULL)
    n++;

  return n;
}

/**
 * ll_enum_get_name:
 *
 * Returns: the enumeration's name in scripts and messages, e.g.
 *   `station-kind`
 */
const char *
ll_enum_get_name (LlEnum enumeration)
{
  g_return_val_if_fail (enumeration < LL_N_ENUMS, NULL);

  return enums[enumeration].name;
}

/**
 * ll_enum_get_title:
 *
 * Returns: the translated name of the enumeration, e.g. “Station kind”
 */
const char *
ll_enum_get_title (LlEnum enumeration)
{
  g_return_val_if_fail (enumeration < LL_N_ENUMS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "enumeration", enums[enumeration].title);
}

guint
ll_enum_get_n_values (LlEnum enumeration)
{
  g_return_val_if_fail (enumeration < LL_N_ENUMS, 0);

  return count_values (enumeration);
}

/**
 * ll_enum_get_key:
 *
 * Returns: (nullable): the key at @position, in the order of DOMAIN.md
 */
const char *
ll_enum_get_key (LlEnum enumeration,
                 guint  position)
{
  g_return_val_if_fail (enumeration < LL_N_ENUMS, NULL);

  if (position >= count_values (enumeration))
    return NULL;

  return enums[enumeration].values[position].key;
}

/**
 * ll_enum_find:
 *
 * Returns: the position of @key, or -1 when it is not a key of
 *   @enumeration
 */
int
ll_enum_find (LlEnum      enumeration,
              const char *key)
{
  g_return_val_if_fail (enumeration < LL_N_ENUMS, -1);

  if (key == NULL)
    return -1;

  for (guint i = 0; i < N_VALUES_MAX && enums[enumeration].values[i].key != NULL; i++)
    if (strcmp (enums[enumeration].values[i].key, key) == 0)
      return i;

  return -1;
}

/**
 * ll_enum_get_keys:
 *
 * Returns: (transfer none): the keys, %NULL-terminated
 */
const char * const *
ll_enum_get_keys (LlEnum enumeration)
{
  static gsize initialized = 0;

  g_return_val_if_fail (enumeration < LL_N_ENUMS, NULL);

  if (g_once_init_enter (&initialized))
    {
      for (guint e = 0; e < LL_N_ENUMS; e++)
        {
          guint n = count_values (e);
          const char **keys = g_new0 (const char *, n + 1);

          for (guint i = 0; i < n; i++)
            keys[i] = enums[e].values[i].key;
          key_lists[e] = keys;
        }
      g_once_init_leave (&initialized, 1);
    }

  return key_lists[enumeration];
}

/**
 * ll_enum_get_label:
 *
 * Returns: (nullable): the translated label of @key, or %NULL when @key
 *   is not a key of @enumeration
 */
const char *
ll_enum_get_label (LlEnum      enumeration,
                   const char *key)
{
  int position = ll_enum_find (enumeration, key);

  if (position < 0)
    return NULL;

  return ll_enum_get_label_at (enumeration, position);
}

const char *
ll_enum_get_label_at (LlEnum enumeration,
                      guint  position)
{
  g_return_val_if_fail (enumeration < LL_N_ENUMS, NULL);

  if (position >= count_values (enumeration))
    return NULL;

  return g_dpgettext2 (GETTEXT_PACKAGE, enums[enumeration].context,
                       enums[enumeration].values[position].label);
}

gboolean
ll_enum_is_valid (LlEnum      enumeration,
                  const char *key)
{
  return ll_enum_find (enumeration, key) >= 0;
}

/**
 * ll_enum_describe_keys:
 *
 * Returns: (transfer full): the keys joined for an error message, e.g.
 *   “home, station, workstation, …”
 */
char *
ll_enum_describe_keys (LlEnum enumeration)
{
  return g_strjoinv (", ", (char **) ll_enum_get_keys (enumeration));
}
