/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-filed-document"

#include "config.h"

#include "ll-filed-document.h"

/* A document filed in the office archive: a row of `filed_documents`.
 * Read-only once filed; ll-filed-document-store.c makes them. */

struct _LlFiledDocument
{
  GObject  parent_instance;

  gint64   id;
  char    *kind;
  char    *title;
  char    *period_from;
  char    *period_to;
  char    *path;
  char    *sha256;
  char    *params;
  char    *filed_by;
  char    *filed_host;
  char    *filed_at;
};

G_DEFINE_FINAL_TYPE (LlFiledDocument, ll_filed_document, G_TYPE_OBJECT)

static void
ll_filed_document_finalize (GObject *object)
{
  LlFiledDocument *self = LL_FILED_DOCUMENT (object);

  g_free (self->kind);
  g_free (self->title);
  g_free (self->period_from);
  g_free (self->period_to);
  g_free (self->path);
  g_free (self->sha256);
  g_free (self->params);
  g_free (self->filed_by);
  g_free (self->filed_host);
  g_free (self->filed_at);

  G_OBJECT_CLASS (ll_filed_document_parent_class)->finalize (object);
}

static void
ll_filed_document_class_init (LlFiledDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ll_filed_document_finalize;
}

static void
ll_filed_document_init (LlFiledDocument *self)
{
}

static void
replace (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

LlFiledDocument *
ll_filed_document_new (void)
{
  return g_object_new (LL_TYPE_FILED_DOCUMENT, NULL);
}

void
_ll_filed_document_set (LlFiledDocument *self,
                        gint64           id,
                        const char      *kind,
                        const char      *title,
                        const char      *period_from,
                        const char      *period_to,
                        const char      *path,
                        const char      *sha256,
                        const char      *params,
                        const char      *filed_by,
                        const char      *filed_host,
                        const char      *filed_at)
{
  g_return_if_fail (LL_IS_FILED_DOCUMENT (self));

  self->id = id;
  replace (&self->kind, kind);
  replace (&self->title, title);
  replace (&self->period_from, period_from);
  replace (&self->period_to, period_to);
  replace (&self->path, path);
  replace (&self->sha256, sha256);
  replace (&self->params, params);
  replace (&self->filed_by, filed_by);
  replace (&self->filed_host, filed_host);
  replace (&self->filed_at, filed_at);
}

#define GETTER(type, field, fallback) \
  type \
  ll_filed_document_get_##field (LlFiledDocument *self) \
  { \
    g_return_val_if_fail (LL_IS_FILED_DOCUMENT (self), fallback); \
    return self->field; \
  }

GETTER (gint64, id, 0)
GETTER (const char *, kind, NULL)
GETTER (const char *, title, NULL)
GETTER (const char *, period_from, NULL)
GETTER (const char *, period_to, NULL)
GETTER (const char *, path, NULL)
GETTER (const char *, sha256, NULL)
GETTER (const char *, params, NULL)
GETTER (const char *, filed_by, NULL)
GETTER (const char *, filed_host, NULL)
GETTER (const char *, filed_at, NULL)
