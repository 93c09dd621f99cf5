/* sam-year-view.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-year-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-calendar.h"
#include "sam-meeting-checks.h"
#include "sam-year-view.h"

/*
 * A whole year on one screen: twelve small months with ISO week numbers,
 * holidays and days off in red, summer weeks marked, weekends dimmed.
 * Every day with a meeting is a button, so the keyboard and a screen
 * reader reach the meetings (“tisdag 10 februari 2026, vecka 7, 1 möte”);
 * the other days are plain labels. Activating a day emits
 * "meeting-activated" with its first meeting's UUID, which the day's
 * button names as the target of its action.
 */

struct _SamYearView
{
  GtkWidget  parent_instance;

  GtkWidget *grid;
  guint      year;
};

G_DEFINE_FINAL_TYPE (SamYearView, sam_year_view, GTK_TYPE_WIDGET)

enum {
  MEETING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * sam_meetings_by_day:
 * @meetings: a #SamMeeting list
 *
 * Returns: (transfer full): a table from the Julian day in Stockholm to a
 *   #GListModel of the meetings that start on it, in list order
 */
GHashTable *
sam_meetings_by_day (GListModel *meetings)
{
  GHashTable *days = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);

  for (guint i = 0; meetings != NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (meetings, i);
      GListStore *list;
      GDate date;

      if (!sam_meeting_get_local_date (meeting, &date))
        continue;
      list = g_hash_table_lookup (days, GUINT_TO_POINTER (g_date_get_julian (&date)));
      if (list == NULL)
        {
          list = g_list_store_new (SAM_TYPE_MEETING);
          g_hash_table_insert (days, GUINT_TO_POINTER (g_date_get_julian (&date)), list);
        }
      g_list_store_append (list, meeting);
    }

  return days;
}

/**
 * sam_day_describe:
 * @date: a day
 * @n_meetings: how many meetings start on it
 *
 * Says a day the way a screen reader should read it: “tisdag 10 februari
 * 2026, vecka 7, 1 möte”, with the holiday or day off if it is one.
 *
 * Returns: (transfer full): the text
 */
char *
sam_day_describe (const GDate *date,
                  guint        n_meetings)
{
  g_autofree char *day = sam_calendar_format_long (date);
  g_autofree char *meetings = NULL;
  const char *holiday = NULL;
  guint week = sam_calendar_iso_week (date, NULL);

  meetings = g_strdup_printf (ngettext ("%u meeting", "%u meetings", n_meetings), n_meetings);
  if (sam_calendar_is_holiday (date, NULL, &holiday))
    /* Translators: a day for screen readers: weekday, date, week number,
     * holiday, number of meetings: “tisdag 10 februari 2026, vecka 7,
     * Kristi himmelsfärdsdag, 1 möte” */
    return g_strdup_printf (_("%s %s, week %u, %s, %s"),
                            sam_calendar_weekday_name (g_date_get_weekday (date)), day, week, holiday, meetings);

  /* Translators: a day for screen readers: “tisdag 10 februari 2026, vecka 7, 1 möte” */
  return g_strdup_printf (_("%s %s, week %u, %s"),
                          sam_calendar_weekday_name (g_date_get_weekday (date)), day, week, meetings);
}

static void
activate_meeting_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  g_signal_emit (widget, signals[MEETING_ACTIVATED], 0, g_variant_get_string (parameter, NULL));
}

#define MAX_TITLES_PER_DAY 8

static GtkWidget *
day_widget (const GDate *date,
            GListModel  *meetings)
{
  g_autofree char *number = g_strdup_printf ("%u", (guint) g_date_get_day (date));
  const char *holiday = NULL;
  GtkWidget *widget;

  if (meetings != NULL)
    {
      guint n_meetings = g_list_model_get_n_items (meetings);
      g_autofree char *description = sam_day_describe (date, n_meetings);
      g_autoptr(SamMeeting) first = g_list_model_get_item (meetings, 0);
      g_autoptr(GString) tooltip = g_string_new (NULL);

      /* A day of a national register can have dozens of meetings: the
       * tooltip names the first few, the month view lists them all. */
      for (guint i = 0; i < MIN (n_meetings, MAX_TITLES_PER_DAY); i++)
        {
          g_autoptr(SamMeeting) meeting = g_list_model_get_item (meetings, i);

          g_string_append_printf (tooltip, "%s%s", i > 0 ? "\n" : "", sam_meeting_get_title (meeting));
        }
      if (n_meetings > MAX_TITLES_PER_DAY)
        {
          guint n_more = n_meetings - MAX_TITLES_PER_DAY;

          g_string_append_c (tooltip, '\n');
          /* Translators: the last line of a busy day's tooltip in the year view */
          g_string_append_printf (tooltip, ngettext ("and %u more", "and %u more", n_more), n_more);
        }

      widget = gtk_button_new_with_label (number);
      gtk_widget_add_css_class (widget, "suggested-action");
      gtk_widget_add_css_class (widget, "circular");
      gtk_widget_set_tooltip_text (widget, tooltip->str);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip->str, -1);
      /* The first meeting of the day; the month view lists them all. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), "year.activate-meeting");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (widget), "s", sam_meeting_get_uuid (first));
      return widget;
    }

  widget = gtk_label_new (number);
  gtk_widget_set_size_request (widget, 30, 30);
  if (sam_calendar_is_holiday (date, NULL, &holiday))
    {
      g_autofree char *description = sam_day_describe (date, 0);

      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, holiday);
      /* Red says “holiday” to the eye only; a screen reader reads the
       * day in full, with the holiday's name. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    }
  else if (g_date_get_weekday (date) >= G_DATE_SATURDAY)
    gtk_widget_add_css_class (widget, "dim-label");

  return widget;
}

static GtkWidget *
month_widget (SamYearView *self,
              GDateMonth   month,
              GHashTable  *days,
              guint        first_summer_week,
              guint        last_summer_week)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (sam_calendar_month_name (month));
  GtkWidget *grid = gtk_grid_new ();
  GDate date;
  guint row = 1;
  guint last_week = 0;

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sam_calendar_month_name (month), -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_box_append (GTK_BOX (box), grid);

  for (GDateWeekday w = G_DATE_MONDAY; w <= G_DATE_SUNDAY; w++)
    {
      GtkWidget *label = gtk_label_new (sam_calendar_weekday_abbreviation (w));

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), label, w, 0, 1, 1);
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, month, self->year);
  while (g_date_get_month (&date) == month)
    {
      guint week = sam_calendar_iso_week (&date, NULL);
      GListModel *meetings = g_hash_table_lookup (days, GUINT_TO_POINTER (g_date_get_julian (&date)));

      if (week != last_week)
        {
          g_autofree char *text = g_strdup_printf ("%u", week);
          GtkWidget *label = gtk_label_new (text);

          if (last_week != 0)
            row++;
          gtk_widget_add_css_class (label, "caption");
          if (first_summer_week > 0 && week >= first_summer_week && week <= last_summer_week)
            {
              gtk_widget_add_css_class (label, "warning");
              gtk_widget_set_tooltip_text (label, _("Summer week: no meetings are planned"));
            }
          else
            gtk_widget_add_css_class (label, "dim-label");
          gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
          last_week = week;
        }

      gtk_grid_attach (GTK_GRID (grid), day_widget (&date, meetings), g_date_get_weekday (&date), row, 1, 1);
      g_date_add_days (&date, 1);
    }

  return box;
}

static void
sam_year_view_dispose (GObject *object)
{
  SamYearView *self = SAM_YEAR_VIEW (object);

  g_clear_pointer (&self->grid, gtk_widget_unparent);

  G_OBJECT_CLASS (sam_year_view_parent_class)->dispose (object);
}

static void
sam_year_view_class_init (SamYearViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_year_view_dispose;

  /**
   * SamYearView::meeting-activated:
   * @uuid: the meeting
   *
   * A day with meetings was activated; @uuid is its first meeting.
   */
  signals[MEETING_ACTIVATED] =
    g_signal_new ("meeting-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "year.activate-meeting", "s", activate_meeting_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "yearview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sam_year_view_init (SamYearView *self)
{
  /* The months flow into as many columns as fit, four at most. */
  self->grid = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->grid), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->grid), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->grid), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->grid), 4);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->grid), 18);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->grid), 24);
  gtk_widget_set_valign (self->grid, GTK_ALIGN_START);
  gtk_widget_set_margin_start (self->grid, 12);
  gtk_widget_set_margin_end (self->grid, 12);
  gtk_widget_set_margin_top (self->grid, 12);
  gtk_widget_set_margin_bottom (self->grid, 12);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
}

/**
 * sam_year_view_new:
 *
 * Returns: (transfer floating): a new, empty year view
 */
GtkWidget *
sam_year_view_new (void)
{
  return g_object_new (SAM_TYPE_YEAR_VIEW, NULL);
}

/**
 * sam_year_view_set_meetings:
 * @self: a #SamYearView
 * @year: the year to show
 * @meetings: the #SamMeeting list to mark
 * @first_summer_week: the first ISO week of the summer break, or 0
 * @last_summer_week: its last week
 *
 * Shows @year with @meetings on it.
 */
void
sam_year_view_set_meetings (SamYearView *self,
                            guint        year,
                            GListModel  *meetings,
                            guint        first_summer_week,
                            guint        last_summer_week)
{
  g_autoptr(GHashTable) days = NULL;
  GtkWidget *child;

  g_return_if_fail (SAM_IS_YEAR_VIEW (self));
  g_return_if_fail (year > 0);

  self->year = year;
  days = sam_meetings_by_day (meetings);
  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->grid), child);

  for (GDateMonth month = G_DATE_JANUARY; month <= G_DATE_DECEMBER; month++)
    {
      g_autofree char *name = NULL;
      GtkWidget *cell;

      gtk_flow_box_append (GTK_FLOW_BOX (self->grid),
                           month_widget (self, month, days, first_summer_week, last_summer_week));
      /* Only the days with meetings take the focus, not the months; the
       * flow box's cell is still a node of its own to a screen reader,
       * so it says which month it holds. */
      cell = gtk_widget_get_last_child (self->grid);
      gtk_widget_set_focusable (cell, FALSE);
      name = sam_calendar_format_month (year, month);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

/**
 * sam_year_view_get_year:
 * @self: a #SamYearView
 *
 * Returns: the year shown
 */
guint
sam_year_view_get_year (SamYearView *self)
{
  g_return_val_if_fail (SAM_IS_YEAR_VIEW (self), 0);

  return self->year;
}
