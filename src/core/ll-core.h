/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The public headers of the core library. */

#include "ll-types.h"
#include "ll-change.h"
#include "ll-database.h"
#include "ll-paths.h"
#include "ll-presence.h"
