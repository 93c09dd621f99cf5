/* sam-chart-box.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-view"

#include "config.h"

#include "sam-chart-box.h"

/*
 * One box of the chart as screen readers see it: a tree item that the
 * chart view lays over the box it stands for, so it has the box's place
 * on screen, and moves the keyboard focus to when the box is selected, so
 * the move is spoken. It draws nothing and takes no pointer input: the
 * view draws the chart and handles the pointer and the keys (which reach
 * it from here as they bubble up).
 */

struct _SamChartBox
{
  GtkWidget parent_instance;

  guint     node;
  char     *description;
};

G_DEFINE_FINAL_TYPE (SamChartBox, sam_chart_box, GTK_TYPE_WIDGET)

static void
sam_chart_box_finalize (GObject *object)
{
  SamChartBox *self = SAM_CHART_BOX (object);

  g_free (self->description);

  G_OBJECT_CLASS (sam_chart_box_parent_class)->finalize (object);
}

static void
sam_chart_box_class_init (SamChartBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sam_chart_box_finalize;

  gtk_widget_class_set_css_name (widget_class, "chartbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TREE_ITEM);
}

static void
sam_chart_box_init (SamChartBox *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
sam_chart_box_new (void)
{
  return g_object_new (SAM_TYPE_CHART_BOX, NULL);
}

guint
sam_chart_box_get_node (SamChartBox *self)
{
  g_return_val_if_fail (SAM_IS_CHART_BOX (self), 0);

  return self->node;
}

/**
 * sam_chart_box_set_node:
 * @self: a box
 * @node: the chart node it stands for
 */
void
sam_chart_box_set_node (SamChartBox *self,
                        guint        node)
{
  g_return_if_fail (SAM_IS_CHART_BOX (self));

  self->node = node;
}

const char *
sam_chart_box_get_description (SamChartBox *self)
{
  g_return_val_if_fail (SAM_IS_CHART_BOX (self), NULL);

  return self->description;
}

/**
 * sam_chart_box_set_description:
 * @self: a box
 * @description: what a screen reader says about the box after its name
 *
 * Sets the box's accessible description, and keeps it to be read back.
 */
void
sam_chart_box_set_description (SamChartBox *self,
                               const char  *description)
{
  g_return_if_fail (SAM_IS_CHART_BOX (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}
