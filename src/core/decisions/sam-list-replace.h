/* sam-list-replace.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void _sam_list_replace_items (GListModel *model,
                              guint       old_n,
                              guint       new_n,
                              GList      *hot_pages,
                              guint       page_size);

G_END_DECLS
