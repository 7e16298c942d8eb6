/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-application.h"
#include "ll-window.h"

G_BEGIN_DECLS

/* Helpers for UI tests that run the real application under Xvfb. */

typedef gboolean (*LlTestCondition) (gpointer data);

void           ll_test_gui_init            (int             *argc,
                                            char          ***argv);
LlApplication *ll_test_gui_start           (void);
gboolean       ll_test_gui_wait            (LlTestCondition  condition,
                                            gpointer         data,
                                            guint            timeout_ms);
void           ll_test_gui_spin            (guint            ms);
GtkWindow     *ll_test_gui_find_toplevel   (GType            type);
GtkWidget     *ll_test_gui_find_widget     (GtkWidget       *root,
                                            GType            type,
                                            const char      *name);
gboolean       ll_test_gui_xdotool         (const char      *first_arg,
                                            ...) G_GNUC_NULL_TERMINATED;
gboolean       ll_test_gui_have_x11        (void);
const char    *ll_test_gui_get_data_dir    (void);
gboolean       ll_test_gui_wait_for_view   (const char      *view);
void           ll_test_gui_create_database (void);

G_END_DECLS
