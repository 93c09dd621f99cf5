/* sam-group-row.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-group-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sam-group-row.h"

/*
 * One row of the Organisation page's lists: a group's name and short
 * code, dimmed once the group is dissolved. The row follows its group
 * while it shows it, so a rename shows at once.
 *
 * GTK 4.8 binds a row again whenever its position or selection changes,
 * which an expanded branch or a jump through the tree does to a couple of
 * hundred rows at once. Binding the group a row already shows therefore
 * costs nothing here, and the row lets go of its group only when it is
 * given another one.
 */

struct _SamGroupRow
{
  GtkWidget  parent_instance;

  GtkWidget *name;
  GtkWidget *code;
  SamGroup  *group;
  gulong     notify_id;
  char       today[16];         /* the date dissolved groups are dimmed by */
};

G_DEFINE_FINAL_TYPE (SamGroupRow, sam_group_row, GTK_TYPE_WIDGET)

/* The widget a screen reader names the row by: the tree's expander around
 * the row, or the row itself in a flat list. */
static GtkWidget *
accessible_widget (SamGroupRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  return GTK_IS_TREE_EXPANDER (parent) ? parent : GTK_WIDGET (self);
}

static void
show_group (SamGroupRow *self)
{
  const char *dissolved = sam_group_get_dissolved (self->group);
  g_autofree char *description = NULL;

  gtk_inscription_set_text (GTK_INSCRIPTION (self->name), sam_group_get_name (self->group));
  gtk_inscription_set_text (GTK_INSCRIPTION (self->code), sam_group_get_code (self->group));
  /* The name is cut to the list's width, and many begin alike
   * ("Samordningsråd …"): the whole name is a pointer away. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), sam_group_get_name (self->group));
  if (dissolved != NULL && strcmp (dissolved, self->today) <= 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dim-label");

  /* Translators: how a screen reader names a row of the tree: a group's
   * name and its kind */
  description = g_strdup_printf (_("%s, %s"), sam_group_get_name (self->group),
                                 sam_group_kind_get_label (sam_group_get_kind (self->group)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (accessible_widget (self)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
group_notify_cb (SamGroupRow *self)
{
  show_group (self);
}

static void
release_group (SamGroupRow *self)
{
  if (self->group == NULL)
    return;
  g_clear_signal_handler (&self->notify_id, self->group);
  g_clear_object (&self->group);
}

static void
sam_group_row_dispose (GObject *object)
{
  SamGroupRow *self = SAM_GROUP_ROW (object);

  release_group (self);
  g_clear_pointer (&self->name, gtk_widget_unparent);
  g_clear_pointer (&self->code, gtk_widget_unparent);

  G_OBJECT_CLASS (sam_group_row_parent_class)->dispose (object);
}

static void
sam_group_row_class_init (SamGroupRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_group_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "box");
}

static void
sam_group_row_init (SamGroupRow *self)
{
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  /* Inscriptions, not labels: a row's size does not depend on its text,
   * so thousands of rows come and go without measuring any. */
  self->name = gtk_inscription_new (NULL);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->name), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (self->name), 32);
  gtk_widget_set_hexpand (self->name, TRUE);
  /* One line each: allocated their natural height, they do not wrap. */
  gtk_widget_set_valign (self->name, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->name, GTK_WIDGET (self));

  self->code = gtk_inscription_new (NULL);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->code), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (self->code), 4);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (self->code), 10);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (self->code), 1.0);
  gtk_widget_set_valign (self->code, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->code, "dim-label");
  gtk_widget_add_css_class (self->code, "caption");
  gtk_widget_set_parent (self->code, GTK_WIDGET (self));
}

/**
 * sam_group_row_new:
 *
 * Returns: (transfer full): a row showing no group yet
 */
GtkWidget *
sam_group_row_new (void)
{
  return g_object_new (SAM_TYPE_GROUP_ROW, NULL);
}

/**
 * sam_group_row_get_group:
 * @self: a row
 *
 * Returns: (transfer none) (nullable): the group shown
 */
SamGroup *
sam_group_row_get_group (SamGroupRow *self)
{
  g_return_val_if_fail (SAM_IS_GROUP_ROW (self), NULL);

  return self->group;
}

/**
 * sam_group_row_set_group:
 * @self: a row
 * @group: the group to show
 * @today: today's date (YYYY-MM-DD): a group dissolved by then is dimmed
 *
 * Shows @group, and follows it until the row is given another group.
 */
void
sam_group_row_set_group (SamGroupRow *self,
                         SamGroup    *group,
                         const char  *today)
{
  g_return_if_fail (SAM_IS_GROUP_ROW (self));
  g_return_if_fail (SAM_IS_GROUP (group));
  g_return_if_fail (today != NULL);

  if (self->group == group && strcmp (self->today, today) == 0)
    return;

  g_strlcpy (self->today, today, sizeof self->today);
  if (self->group != group)
    {
      release_group (self);
      self->group = g_object_ref (group);
      self->notify_id = g_signal_connect_swapped (group, "notify", G_CALLBACK (group_notify_cb), self);
    }
  show_group (self);
}
