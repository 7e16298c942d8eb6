/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-report-text"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include <string.h>

#include "ll-document.h"
#include "ll-report-text.h"
#include "ll-station-store.h"
#include "ll-station.h"
#include "ll-validate.h"

typedef struct
{
  LlEnum      enumeration;
  const char *key;
  const char *label;
} Label;

/* DOMAIN.md's terms, as the offices print them. */
static const Label labels[] = {
  { LL_ENUM_STATION_KIND, "home", "人大代表之家" },
  { LL_ENUM_STATION_KIND, "station", "人大代表联络站" },
  { LL_ENUM_STATION_KIND, "workstation", "人大代表工作站" },
  { LL_ENUM_STATION_KIND, "studio", "代表工作室" },
  { LL_ENUM_STATION_KIND, "legislative_point", "基层立法联系点" },
  { LL_ENUM_STATION_KIND, "point", "联系点" },
  { LL_ENUM_STATION_KIND, "online", "网上联络站" },
  { LL_ENUM_DEPUTY_LEVEL, "national", "全国" },
  { LL_ENUM_DEPUTY_LEVEL, "provincial", "省" },
  { LL_ENUM_DEPUTY_LEVEL, "city", "市" },
  { LL_ENUM_DEPUTY_LEVEL, "county", "县（区）" },
  { LL_ENUM_DEPUTY_LEVEL, "township", "乡镇" },
  { LL_ENUM_PERSON_ROLE, "deputy", "人大代表" },
  { LL_ENUM_PERSON_ROLE, "voter_representative", "选民代表" },
  { LL_ENUM_PERSON_ROLE, "council_member", "议政会成员" },
  { LL_ENUM_PERSON_ROLE, "police_officer", "警官" },
  { LL_ENUM_PERSON_ROLE, "judge", "法官" },
  { LL_ENUM_PERSON_ROLE, "procurator", "检察官" },
  { LL_ENUM_PERSON_ROLE, "judicial_assistant", "司法助理员" },
  { LL_ENUM_PERSON_ROLE, "observer", "民情观察员" },
  { LL_ENUM_PERSON_ROLE, "expert", "特邀专家" },
  { LL_ENUM_CASE_STATUS, "registered", "已登记" },
  { LL_ENUM_CASE_STATUS, "assigned", "已交办" },
  { LL_ENUM_CASE_STATUS, "in_progress", "办理中" },
  { LL_ENUM_CASE_STATUS, "replied", "已答复" },
  { LL_ENUM_CASE_STATUS, "closed", "已办结" },
  { LL_ENUM_CASE_SOURCE, "reception_day", "接待日" },
  { LL_ENUM_CASE_SOURCE, "visit", "走访" },
  { LL_ENUM_CASE_SOURCE, "forum", "民情恳谈会" },
  { LL_ENUM_CASE_SOURCE, "phone", "电话" },
  { LL_ENUM_CASE_SOURCE, "wechat", "微信" },
  { LL_ENUM_CASE_SOURCE, "photo_report", "随手拍" },
  { LL_ENUM_CASE_SOURCE, "letter", "信件" },
  { LL_ENUM_CASE_SOURCE, "legislative_consultation", "立法征求意见" },
  { LL_ENUM_CASE_SOURCE, "other", "其他" },
  { LL_ENUM_CASE_CATEGORY, "urban_construction", "城建" },
  { LL_ENUM_CASE_CATEGORY, "transport", "交通" },
  { LL_ENUM_CASE_CATEGORY, "environment", "环境" },
  { LL_ENUM_CASE_CATEGORY, "property_management", "物业" },
  { LL_ENUM_CASE_CATEGORY, "education", "教育" },
  { LL_ENUM_CASE_CATEGORY, "health", "医疗" },
  { LL_ENUM_CASE_CATEGORY, "elderly_care", "养老" },
  { LL_ENUM_CASE_CATEGORY, "employment", "就业" },
  { LL_ENUM_CASE_CATEGORY, "social_security", "社会保障" },
  { LL_ENUM_CASE_CATEGORY, "public_security", "治安" },
  { LL_ENUM_CASE_CATEGORY, "legal", "法律" },
  { LL_ENUM_CASE_CATEGORY, "other", "其他" },
  { LL_ENUM_HANDLING_MODE, "on_the_spot", "现场答复" },
  { LL_ENUM_HANDLING_MODE, "subdistrict", "转交街道办理" },
  { LL_ENUM_HANDLING_MODE, "department", "交办部门" },
  { LL_ENUM_HANDLING_MODE, "escalated", "逐级上报" },
  { LL_ENUM_SATISFACTION, "satisfied", "满意" },
  { LL_ENUM_SATISFACTION, "basically_satisfied", "基本满意" },
  { LL_ENUM_SATISFACTION, "dissatisfied", "不满意" },
  { LL_ENUM_ATTENDANCE, "present", "出席" },
  { LL_ENUM_ATTENDANCE, "leave", "请假" },
  { LL_ENUM_ATTENDANCE, "absent", "缺席" },
  { LL_ENUM_ACTIVITY_TYPE, "reception", "接待选民" },
  { LL_ENUM_ACTIVITY_TYPE, "visit", "走访选民" },
  { LL_ENUM_ACTIVITY_TYPE, "research", "调研" },
  { LL_ENUM_ACTIVITY_TYPE, "inspection", "视察" },
  { LL_ENUM_ACTIVITY_TYPE, "law_enforcement_check", "执法检查" },
  { LL_ENUM_ACTIVITY_TYPE, "training", "学习培训" },
  { LL_ENUM_ACTIVITY_TYPE, "group_activity", "代表小组活动" },
  { LL_ENUM_ACTIVITY_TYPE, "report_to_voters", "述职" },
  { LL_ENUM_ACTIVITY_TYPE, "attend_meeting", "列席会议" },
  { LL_ENUM_ACTIVITY_TYPE, "legislative_consultation", "立法意见征集" },
  { LL_ENUM_ACTIVITY_TYPE, "work_evaluation", "工作评议" },
  { LL_ENUM_ACTIVITY_TYPE, "project_supervision", "民生实事监督" },
  { LL_ENUM_ACTIVITY_TYPE, "congress_session", "出席代表大会" },
  { LL_ENUM_ACTIVITY_TYPE, "other", "其他活动" },
  { LL_ENUM_SUGGESTION_CLASS, "A", "A类" },
  { LL_ENUM_SUGGESTION_CLASS, "B", "B类" },
  { LL_ENUM_SUGGESTION_CLASS, "C", "C类" },
  { LL_ENUM_GENDER, "male", "男" },
  { LL_ENUM_GENDER, "female", "女" },
};

/**
 * ll_report_label:
 * @key: (nullable): a key of @enumeration
 *
 * Returns: the Chinese word printed for @key; the key itself for a key
 *   this build does not know, "" for %NULL
 */
const char *
ll_report_label (LlEnum      enumeration,
                 const char *key)
{
  if (key == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (labels[i].enumeration == enumeration && strcmp (labels[i].key, key) == 0)
      return labels[i].label;

  return key;
}

/**
 * ll_report_level_label:
 * @level: (nullable): a deputy-level key
 *
 * Returns: e.g. `县（区）人大代表`, or "" for %NULL
 */
const char *
ll_report_level_label (const char *level)
{
  static const struct { const char *key; const char *label; } levels[] = {
    { "national", "全国人大代表" }, { "provincial", "省人大代表" }, { "city", "市人大代表" },
    { "county", "县（区）人大代表" }, { "township", "乡镇人大代表" },
  };

  if (level == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (strcmp (levels[i].key, level) == 0)
      return levels[i].label;
  return level;
}

static gboolean
parse_iso (const char *iso,
           guint      *year,
           guint      *month,
           guint      *day)
{
  if (iso == NULL || !ll_date_is_valid (iso))
    return FALSE;

  *year = (guint) g_ascii_strtoull (iso, NULL, 10);
  *month = (guint) g_ascii_strtoull (iso + 5, NULL, 10);
  *day = (guint) g_ascii_strtoull (iso + 8, NULL, 10);
  return TRUE;
}

/**
 * ll_report_format_date:
 * @iso_date: (nullable): `YYYY-MM-DD`
 *
 * Returns: (transfer full): `2025年3月5日` as GB/T 9704 writes dates, ""
 *   for %NULL or an invalid date
 */
char *
ll_report_format_date (const char *iso_date)
{
  guint y, m, d;

  if (!parse_iso (iso_date, &y, &m, &d))
    return g_strdup ("");
  return g_strdup_printf ("%u年%u月%u日", y, m, d);
}

/**
 * ll_report_format_short_date:
 * @iso_date: (nullable): `YYYY-MM-DD`
 *
 * Returns: (transfer full): `2025.3.5`, as ledgers write dates in narrow
 *   columns; "" for %NULL or an invalid date
 */
char *
ll_report_format_short_date (const char *iso_date)
{
  guint y, m, d;

  if (!parse_iso (iso_date, &y, &m, &d))
    return g_strdup ("");
  return g_strdup_printf ("%u.%u.%u", y, m, d);
}

/**
 * ll_report_format_month:
 * @iso_date: (nullable): `YYYY-MM-DD`
 *
 * Returns: (transfer full): `1968年5月` (birth dates on forms), "" for
 *   %NULL
 */
char *
ll_report_format_month (const char *iso_date)
{
  guint y, m, d;

  if (!parse_iso (iso_date, &y, &m, &d))
    return g_strdup ("");
  return g_strdup_printf ("%u年%u月", y, m);
}

static gboolean
is_last_day (guint y,
             guint m,
             guint d)
{
  return d == g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y);
}

/**
 * ll_report_format_period:
 * @from: `YYYY-MM-DD`
 * @to: `YYYY-MM-DD`
 *
 * Returns: (transfer full): the period as a report names it: `2025年`,
 *   `2025年第一季度`, `2025年上半年`, `2025年3月`, or
 *   `2025年1月10日至3月20日`
 */
char *
ll_report_format_period (const char *from,
                         const char *to)
{
  static const char *quarters[] = { "第一季度", "第二季度", "第三季度", "第四季度" };
  guint y1, m1, d1, y2, m2, d2;

  if (!parse_iso (from, &y1, &m1, &d1) || !parse_iso (to, &y2, &m2, &d2))
    return g_strdup ("");

  if (y1 == y2 && d1 == 1 && is_last_day (y2, m2, d2))
    {
      if (m1 == 1 && m2 == 12)
        return g_strdup_printf ("%u年", y1);
      if (m1 == 1 && m2 == 6)
        return g_strdup_printf ("%u年上半年", y1);
      if (m1 == 7 && m2 == 12)
        return g_strdup_printf ("%u年下半年", y1);
      if (m2 == m1 + 2 && m1 % 3 == 1)
        return g_strdup_printf ("%u年%s", y1, quarters[m1 / 3]);
      if (m1 == m2)
        return g_strdup_printf ("%u年%u月", y1, m1);
      return g_strdup_printf ("%u年%u月至%u月", y1, m1, m2);
    }

  if (y1 == y2)
    return g_strdup_printf ("%u年%u月%u日至%u月%u日", y1, m1, d1, m2, d2);
  return g_strdup_printf ("%u年%u月%u日至%u年%u月%u日", y1, m1, d1, y2, m2, d2);
}

/**
 * ll_report_mask_phone:
 * @phone: (nullable): a phone number
 * @show: print it in full
 *
 * Returns: (transfer full): `138****5678` unless @show, "" for %NULL
 */
char *
ll_report_mask_phone (const char *phone,
                      gboolean    show)
{
  if (phone == NULL)
    return g_strdup ("");
  if (show)
    return g_strdup (phone);
  return ll_phone_mask (phone);
}

/**
 * ll_report_mask_address:
 * @address: (nullable): an address
 * @show: print it in full
 *
 * Returns: (transfer full): the first characters of @address (the
 *   compound, not the door) followed by `****` unless @show, "" for %NULL
 */
char *
ll_report_mask_address (const char *address,
                        gboolean    show)
{
  glong length;
  glong keep;

  if (address == NULL)
    return g_strdup ("");
  if (show)
    return g_strdup (address);

  length = g_utf8_strlen (address, -1);
  if (length == 0)
    return g_strdup ("");
  keep = CLAMP (length / 2, 1, 6);

  {
    g_autofree char *kept = g_utf8_substring (address, 0, keep);

    return g_strconcat (kept, "****", NULL);
  }
}

/**
 * ll_report_percent:
 *
 * Returns: (transfer full): @part of @whole as a percentage with one
 *   decimal, `82.2%`; `—` when @whole is 0
 */
char *
ll_report_percent (guint part,
                   guint whole)
{
  guint64 tenths;

  if (whole == 0)
    return g_strdup ("—");

  /* Rounded half up, without the locale's decimal point. */
  tenths = ((guint64) part * 2000 / whole + 1) / 2;
  return g_strdup_printf ("%u.%u%%", (guint) (tenths / 10), (guint) (tenths % 10));
}

/**
 * ll_report_lookup_station:
 * @db: a #LlDatabase
 * @station_id: a station
 *
 * Returns: (transfer full) (nullable): the station's name, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND and a sentence naming the id
 */
char *
ll_report_lookup_station (LlDatabase  *db,
                          gint64       station_id,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LlStation) station = NULL;

  station = ll_station_store_get (db, station_id, &local_error);
  if (station == NULL)
    {
      if (g_error_matches (local_error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND))
        g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                     _("There is no station with the id %" PRId64 "."), station_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_strdup (ll_station_get_name (station));
}

/**
 * ll_report_check_period:
 * @from: (nullable): the first day, `YYYY-MM-DD`
 * @to: (nullable): the last day
 *
 * Returns: %TRUE, or %FALSE with %LL_DATABASE_ERROR_INVALID and a sentence
 *   for a missing or bad date or a period that ends before it begins
 */
gboolean
ll_report_check_period (const char  *from,
                        const char  *to,
                        GError     **error)
{
  if (!ll_validate_date (from, _("From"), error) || !ll_validate_date (to, _("To"), error))
    return FALSE;

  if (from == NULL || to == NULL)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("A report needs the first and the last day of its period."));
      return FALSE;
    }

  if (strcmp (from, to) > 0)
    {
      /* Translators: the dates are written 2025-03-05 */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("The period ends (%s) before it begins (%s)."), to, from);
      return FALSE;
    }

  return TRUE;
}
