/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The report layer: page layout and printed documents (Cairo + Pango). */

#include "ll-chart.h"
#include "ll-document.h"
#include "ll-fonts.h"
#include "ll-layout.h"
#include "ll-pdf-writer.h"
#include "ll-table.h"
