/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-validate"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ll-database.h"
#include "ll-validate.h"

/**
 * ll_validate_required:
 * @field: the translated label of the field, e.g. “Name”
 *
 * Refuses %NULL, empty and blank text.
 */
gboolean
ll_validate_required (const char  *value,
                      const char  *field,
                      GError     **error)
{
  const char *p;

  for (p = value; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;

  /* Translators: %s is a field, e.g. “Name” */
  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               _("%s is required."), field);
  return FALSE;
}

/**
 * ll_date_is_valid:
 *
 * Returns: whether @value is a real calendar date written `YYYY-MM-DD`
 *   (so 2025-02-30 is not)
 */
gboolean
ll_date_is_valid (const char *value)
{
  int year, month, day;

  if (value == NULL || strlen (value) != 10 || value[4] != '-' || value[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (value[i]))
      return FALSE;

  year = atoi (value);
  month = atoi (value + 5);
  day = atoi (value + 8);

  return year >= 1900 && year <= 9999 &&
         g_date_valid_dmy (day, month, year);
}

/**
 * ll_validate_date:
 *
 * Accepts %NULL (no date) and real dates written `YYYY-MM-DD`.
 */
gboolean
ll_validate_date (const char  *value,
                  const char  *field,
                  GError     **error)
{
  if (value == NULL || ll_date_is_valid (value))
    return TRUE;

  /* Translators: the first %s is a field, e.g. “Received”; the second
   * what was typed. Dates are written 2025-03-05. */
  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               _("%s: “%s” is not a date (write it as 2025-03-05)."), field, value);
  return FALSE;
}

/* Digits only, with an optional +86 / 0086 country code removed. */
static char *
phone_digits (const char *value,
              gboolean   *ok)
{
  GString *digits = g_string_new (NULL);

  *ok = TRUE;
  for (const char *p = value; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '+' && p == value)
        continue;
      else if (*p != ' ' && *p != '-' && *p != '(' && *p != ')')
        *ok = FALSE;
    }

  if (g_str_has_prefix (value, "+86") && digits->len > 2)
    g_string_erase (digits, 0, 2);
  else if (g_str_has_prefix (digits->str, "0086"))
    g_string_erase (digits, 0, 4);

  return g_string_free (digits, FALSE);
}

/**
 * ll_phone_is_valid:
 *
 * Accepts the numbers offices write down: mobiles (13812345678, with or
 * without +86), landlines with an area code (010-12345678,
 * 0571-8765432, an extension after a dash is allowed), local landlines
 * (12345678) and service numbers (400-123-4567, 12345).
 */
gboolean
ll_phone_is_valid (const char *value)
{
  g_autofree char *digits = NULL;
  gboolean ok;
  gsize n;

  if (value == NULL || *value == '\0')
    return FALSE;

  digits = phone_digits (value, &ok);
  if (!ok)
    return FALSE;

  n = strlen (digits);

  if (digits[0] == '1' && n == 11)
    return digits[1] >= '3' && digits[1] <= '9';        /* mobile */
  if (digits[0] == '1' && n == 5)
    return TRUE;                                           /* 12345 hotline */
  if (digits[0] == '0')
    return n >= 10 && n <= 16;                             /* area code + number (+ extension) */
  if ((g_str_has_prefix (digits, "400") || g_str_has_prefix (digits, "800")) && n == 10)
    return TRUE;                                           /* service numbers */
  return n == 7 || n == 8;                                 /* local landline */
}

/**
 * ll_validate_phone:
 *
 * Accepts %NULL or empty (no number) and the numbers ll_phone_is_valid()
 * accepts.
 */
gboolean
ll_validate_phone (const char  *value,
                   const char  *field,
                   GError     **error)
{
  if (value == NULL || *value == '\0' || ll_phone_is_valid (value))
    return TRUE;

  /* Translators: the first %s is a field, e.g. “Phone”; the second what
   * was typed */
  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               _("%s: “%s” is not a phone number."), field, value);
  return FALSE;
}

/**
 * ll_validate_enum:
 * @allow_null: whether %NULL means “not set” and is accepted
 */
gboolean
ll_validate_enum (LlEnum       enumeration,
                  const char  *value,
                  gboolean     allow_null,
                  const char  *field,
                  GError     **error)
{
  g_autofree char *keys = NULL;

  if ((value == NULL && allow_null) || ll_enum_is_valid (enumeration, value))
    return TRUE;

  if (value == NULL)
    return ll_validate_required (value, field, error);

  keys = ll_enum_describe_keys (enumeration);
  /* Translators: the first %s is a field, e.g. “Kind”; the second what
   * was given; the third the list of accepted keys */
  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               _("%s: “%s” is not one of %s."), field, value, keys);
  return FALSE;
}

/**
 * ll_phone_mask:
 *
 * Hides the middle of a phone number as personal data is shown in lists
 * and printed: 13812345678 → 138****5678, 010-12345678 → 010-****5678.
 *
 * Returns: (transfer full) (nullable): the masked number
 */
char *
ll_phone_mask (const char *value)
{
  GString *masked;
  gsize n_digits = 0, seen = 0, hide_from, hide_to;

  if (value == NULL)
    return NULL;

  for (const char *p = value; *p; p++)
    if (g_ascii_isdigit (*p))
      n_digits++;

  if (n_digits <= 4)
    return g_strdup (value);

  /* Keep the last four digits and, when there are enough, the first
   * three (a mobile's network, or a landline's area code). */
  hide_to = n_digits - 4;
  hide_from = n_digits >= 10 ? 3 : 0;
  if (g_str_has_prefix (value, "0") && strchr (value, '-') != NULL)
    hide_from = strchr (value, '-') - value;

  masked = g_string_new (NULL);
  for (const char *p = value; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (masked, seen >= hide_from && seen < hide_to ? '*' : *p);
          seen++;
        }
      else
        {
          g_string_append_c (masked, *p);
        }
    }

  return g_string_free (masked, FALSE);
}

/**
 * ll_date_today:
 *
 * Returns: (transfer full): today's local date, `YYYY-MM-DD`
 */
char *
ll_date_today (void)
{
  g_autoptr(GDateTime) now = NULL;
  const char *fixed = g_getenv ("LIANLUO_TODAY");

  /* Tests and demonstrations can pin “today”. */
  if (fixed != NULL && ll_date_is_valid (fixed))
    return g_strdup (fixed);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}
