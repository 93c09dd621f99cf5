/* sam-detail-title.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-detail-title"

#include "config.h"

#include "sam-detail-title.h"

/*
 * The title and subtitle of a row of a group's details, one under the
 * other, as the "box.title" of an AdwActionRow lays them out (and styled
 * as one: its CSS name is "box").
 *
 * The row's header, a horizontal box, shares its width out by asking each
 * child how wide it must be for a given height, over and over. A vertical
 * GtkBox passes that on to its labels, and a wrapping label answers by
 * trying width after width, laying its whole text out again at each: a
 * group with a few warnings (which wrap, to be read in full) took tens of
 * milliseconds to lay out. This box answers with its width for any
 * height, which is what the header ends up giving it anyway (the title
 * takes all the width the prefixes leave), and lays its children out for
 * the width it is given.
 */

/* Adwaita's border-spacing between a row's title and subtitle */
#define SPACING 3

struct _SamDetailTitle
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (SamDetailTitle, sam_detail_title, GTK_TYPE_WIDGET)

static GtkSizeRequestMode
sam_detail_title_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sam_detail_title_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  guint n = 0;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* The same for any height */
          gtk_widget_measure (child, orientation, -1, &child_minimum, &child_natural, NULL, NULL);
          *minimum = MAX (*minimum, child_minimum);
          *natural = MAX (*natural, child_natural);
        }
      else
        {
          gtk_widget_measure (child, orientation, for_size, &child_minimum, &child_natural, NULL, NULL);
          *minimum += child_minimum;
          *natural += child_natural;
          n++;
        }
    }
  if (n > 1)
    {
      *minimum += SPACING * (n - 1);
      *natural += SPACING * (n - 1);
    }
}

static void
sam_detail_title_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  int natural_height, extra, y;

  /* Each child gets its natural height, or its share of what is short. */
  sam_detail_title_measure (widget, GTK_ORIENTATION_VERTICAL, width, &(int) { 0 }, &natural_height, NULL, NULL);
  extra = height - natural_height;
  y = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural, child_height;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &child_minimum, &child_natural, NULL, NULL);
      child_height = child_natural;
      if (extra < 0)
        {
          int cut = MIN (child_natural - child_minimum, -extra);

          child_height -= cut;
          extra += cut;
        }
      gtk_widget_allocate (child, width, child_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, y)));
      y += child_height + SPACING;
    }
}

static void
sam_detail_title_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sam_detail_title_parent_class)->dispose (object);
}

static void
sam_detail_title_class_init (SamDetailTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_detail_title_dispose;

  widget_class->get_request_mode = sam_detail_title_get_request_mode;
  widget_class->measure = sam_detail_title_measure;
  widget_class->size_allocate = sam_detail_title_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "box");
}

static void
sam_detail_title_init (SamDetailTitle *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "title");
}

/**
 * sam_detail_title_new:
 *
 * Returns: (transfer full): an empty title box
 */
GtkWidget *
sam_detail_title_new (void)
{
  return g_object_new (SAM_TYPE_DETAIL_TITLE, NULL);
}

/**
 * sam_detail_title_append:
 * @self: a title box
 * @child: a label
 *
 * Puts @child under the children there are.
 */
void
sam_detail_title_append (SamDetailTitle *self,
                         GtkWidget      *child)
{
  g_return_if_fail (SAM_IS_DETAIL_TITLE (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}
