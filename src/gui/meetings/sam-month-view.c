/* sam-month-view.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-month-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-calendar.h"
#include "sam-meeting-checks.h"
#include "sam-minutes.h"
#include "sam-month-view.h"
#include "sam-year-view.h"

/*
 * One month as a grid of weeks: the ISO week number on the left (summer
 * weeks marked), a framed cell per day with its number, the holiday or day
 * off by name, and a button for each meeting; a busy day shows its first
 * meetings and a button that lists them all. Each day number is a button
 * too, named for screen readers (“tisdag 10 februari 2026, vecka 7, 1
 * möte”): it emits "day-activated" so the page can plan a meeting there.
 * The buttons name their meeting or day as the target of their action.
 */

struct _SamMonthView
{
  GtkWidget  parent_instance;

  GtkWidget *grid;
};

G_DEFINE_FINAL_TYPE (SamMonthView, sam_month_view, GTK_TYPE_WIDGET)

enum {
  MEETING_ACTIVATED,
  DAY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
activate_meeting_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  g_signal_emit (widget, signals[MEETING_ACTIVATED], 0, g_variant_get_string (parameter, NULL));
}

static void
activate_day_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_signal_emit (widget, signals[DAY_ACTIVATED], 0, g_variant_get_string (parameter, NULL));
}

/* A day shows this many meetings at most; a busier one shows one less
 * and a button that lists them all. A month of a national register has a
 * few hundred meetings, and a cell for each would make the month both
 * slow to draw and too tall to read. */
#define MAX_SHOWN_PER_DAY 4

static GtkWidget *
meeting_button (SamMeeting *meeting,
                const char *name)
{
  g_autofree char *time = sam_minutes_format_time (meeting);
  g_autofree char *text = g_strdup_printf ("%.5s %s", time, name != NULL ? name : sam_meeting_get_title (meeting));
  g_autofree char *description = NULL;
  GtkWidget *button = gtk_button_new_with_label (text);
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

  /* Translators: a meeting in the month view for screen readers: title, time, status */
  description = g_strdup_printf (_("%s, %s, %s"), sam_meeting_get_title (meeting), time,
                                 sam_meeting_status_get_label (sam_meeting_get_status (meeting)));
  /* Narrow cells: the time above the groups' codes rather than cut off. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "caption");
  if (sam_meeting_get_status (meeting) == SAM_MEETING_STATUS_CANCELLED)
    gtk_widget_add_css_class (button, "dim-label");
  else
    gtk_widget_add_css_class (button, "accent");
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "month.activate-meeting");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", sam_meeting_get_uuid (meeting));

  return button;
}

static const char *
short_name (GHashTable *short_names,
            SamMeeting *meeting)
{
  return short_names != NULL ? g_hash_table_lookup (short_names, sam_meeting_get_uuid (meeting)) : NULL;
}

/* What a day's "more" button lists when it is opened: all of the day's
 * meetings, each with its groups' codes, copied, since the page reads its
 * year again while the month stays on screen. */
typedef struct
{
  GPtrArray *meetings;
  GPtrArray *names;
} DayMeetings;

static void
day_meetings_free (gpointer data)
{
  DayMeetings *day = data;

  g_ptr_array_unref (day->meetings);
  g_ptr_array_unref (day->names);
  g_free (day);
}

static void
create_day_popover_cb (GtkMenuButton *button,
                       gpointer       user_data)
{
  DayMeetings *day = user_data;
  GtkWidget *popover;
  GtkWidget *scrolled;
  GtkWidget *box;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  popover = gtk_popover_new ();
  scrolled = gtk_scrolled_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  gtk_widget_set_size_request (box, 220, -1);
  for (guint i = 0; i < day->meetings->len; i++)
    gtk_box_append (GTK_BOX (box), meeting_button (g_ptr_array_index (day->meetings, i),
                                                   g_ptr_array_index (day->names, i)));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  gtk_menu_button_set_popover (button, popover);
}

static GtkWidget *
more_button (const GDate *date,
             GListModel  *meetings,
             GHashTable  *short_names,
             guint        n_more)
{
  guint n_meetings = g_list_model_get_n_items (meetings);
  DayMeetings *day = g_new0 (DayMeetings, 1);
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  g_autofree char *day_name = sam_calendar_format_long (date);
  GtkWidget *button = gtk_menu_button_new ();

  day->meetings = g_ptr_array_new_full (n_meetings, g_object_unref);
  day->names = g_ptr_array_new_full (n_meetings, g_free);
  for (guint i = 0; i < n_meetings; i++)
    {
      SamMeeting *meeting = g_list_model_get_item (meetings, i);

      g_ptr_array_add (day->meetings, meeting);
      g_ptr_array_add (day->names, g_strdup (short_name (short_names, meeting)));
    }

  /* Translators: the last line of a busy day in the month view, as in “+7 more” */
  label = g_strdup_printf (ngettext ("+%u more", "+%u more", n_more), n_more);
  /* Translators: the “+7 more” button for screen readers; the day as in “10 February 2026” */
  description = g_strdup_printf (ngettext ("All %u meetings on %s", "All %u meetings on %s", n_meetings),
                                 n_meetings, day_name);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (button), FALSE);
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_add_css_class (button, "caption");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_day_popover_cb, day, day_meetings_free);

  return button;
}

static GtkWidget *
day_cell (const GDate *date,
          GDateMonth   month,
          GListModel  *meetings,
          GHashTable  *short_names)
{
  guint n_meetings = meetings != NULL ? g_list_model_get_n_items (meetings) : 0;
  g_autofree char *number = g_strdup_printf ("%u", (guint) g_date_get_day (date));
  g_autofree char *day_iso = NULL;
  g_autofree char *description = sam_day_describe (date, n_meetings);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *day;
  const char *holiday = NULL;
  guint n_shown;

  gtk_widget_set_size_request (frame, 84, 96);
  gtk_widget_set_hexpand (frame, TRUE);
  gtk_widget_set_vexpand (frame, TRUE);
  gtk_frame_set_child (GTK_FRAME (frame), box);
  gtk_box_append (GTK_BOX (box), top);

  if (g_date_get_month (date) != month)
    {
      day = gtk_label_new (number);
      gtk_widget_add_css_class (day, "dim-label");
      gtk_widget_set_margin_start (day, 6);
      gtk_box_append (GTK_BOX (top), day);
      gtk_widget_set_opacity (frame, 0.5);
      return frame;
    }

  day = gtk_button_new_with_label (number);
  gtk_widget_add_css_class (day, "flat");
  gtk_widget_set_halign (day, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (day), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_tooltip_text (day, description);
  day_iso = sam_calendar_format_iso (date);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (day), "month.activate-day");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (day), "s", day_iso);
  gtk_box_append (GTK_BOX (top), day);

  if (sam_calendar_is_holiday (date, NULL, &holiday))
    {
      GtkWidget *label = gtk_label_new (holiday);

      gtk_widget_add_css_class (day, "error");
      gtk_widget_add_css_class (label, "error");
      gtk_widget_add_css_class (label, "caption");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (top), label);
    }
  else if (g_date_get_weekday (date) >= G_DATE_SATURDAY)
    gtk_widget_add_css_class (day, "dim-label");

  n_shown = n_meetings > MAX_SHOWN_PER_DAY ? MAX_SHOWN_PER_DAY - 1 : n_meetings;
  for (guint i = 0; i < n_shown; i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (meetings, i);

      gtk_box_append (GTK_BOX (box), meeting_button (meeting, short_name (short_names, meeting)));
    }
  if (n_shown < n_meetings)
    gtk_box_append (GTK_BOX (box), more_button (date, meetings, short_names, n_meetings - n_shown));

  return frame;
}

static void
sam_month_view_dispose (GObject *object)
{
  SamMonthView *self = SAM_MONTH_VIEW (object);

  g_clear_pointer (&self->grid, gtk_widget_unparent);

  G_OBJECT_CLASS (sam_month_view_parent_class)->dispose (object);
}

static void
sam_month_view_class_init (SamMonthViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_month_view_dispose;

  /**
   * SamMonthView::meeting-activated:
   * @uuid: the meeting
   */
  signals[MEETING_ACTIVATED] =
    g_signal_new ("meeting-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * SamMonthView::day-activated:
   * @day: the day, YYYY-MM-DD
   */
  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "month.activate-meeting", "s", activate_meeting_action);
  gtk_widget_class_install_action (widget_class, "month.activate-day", "s", activate_day_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "monthview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sam_month_view_init (SamMonthView *self)
{
  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 4);
  gtk_widget_set_margin_start (self->grid, 12);
  gtk_widget_set_margin_end (self->grid, 12);
  gtk_widget_set_margin_top (self->grid, 12);
  gtk_widget_set_margin_bottom (self->grid, 12);
  gtk_widget_set_parent (self->grid, GTK_WIDGET (self));
}

/**
 * sam_month_view_new:
 *
 * Returns: (transfer floating): a new, empty month view
 */
GtkWidget *
sam_month_view_new (void)
{
  return g_object_new (SAM_TYPE_MONTH_VIEW, NULL);
}

/**
 * sam_month_view_set_meetings:
 * @self: a #SamMonthView
 * @year: the year
 * @month: the month to show
 * @meetings: the #SamMeeting list to show on it
 * @short_names: (nullable): meeting UUID to a short name (the groups'
 *   codes) for the crowded cells, or %NULL to show titles
 * @first_summer_week: the first ISO week of the summer break, or 0
 * @last_summer_week: its last week
 *
 * Shows the weeks of @month, Monday to Sunday, with @meetings.
 */
void
sam_month_view_set_meetings (SamMonthView *self,
                             guint         year,
                             GDateMonth    month,
                             GListModel   *meetings,
                             GHashTable   *short_names,
                             guint         first_summer_week,
                             guint         last_summer_week)
{
  g_autoptr(GHashTable) days = sam_meetings_by_day (meetings);
  GtkWidget *child;
  GDate date;
  GDate end;
  guint row = 1;

  g_return_if_fail (SAM_IS_MONTH_VIEW (self));
  g_return_if_fail (g_date_valid_dmy (1, month, year));

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);

  gtk_grid_attach (GTK_GRID (self->grid), gtk_label_new (_("Week")), 0, 0, 1, 1);
  for (GDateWeekday w = G_DATE_MONDAY; w <= G_DATE_SUNDAY; w++)
    {
      GtkWidget *label = gtk_label_new (sam_calendar_weekday_name (w));

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (GTK_GRID (self->grid), label, w, 0, 1, 1);
    }

  /* From the Monday on or before the 1st to the Sunday on or after the last. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, month, year);
  g_date_subtract_days (&date, g_date_get_weekday (&date) - G_DATE_MONDAY);
  g_date_clear (&end, 1);
  g_date_set_dmy (&end, g_date_get_days_in_month (month, year), month, year);
  g_date_add_days (&end, G_DATE_SUNDAY - g_date_get_weekday (&end));

  while (g_date_compare (&date, &end) <= 0)
    {
      if (g_date_get_weekday (&date) == G_DATE_MONDAY)
        {
          guint week = sam_calendar_iso_week (&date, NULL);
          g_autofree char *text = sam_calendar_format_week (week);
          GtkWidget *label = gtk_label_new (text);

          gtk_widget_set_valign (label, GTK_ALIGN_START);
          gtk_widget_set_margin_top (label, 8);
          if (first_summer_week > 0 && week >= first_summer_week && week <= last_summer_week)
            {
              gtk_widget_add_css_class (label, "warning");
              gtk_widget_set_tooltip_text (label, _("Summer week: no meetings are planned"));
            }
          else
            gtk_widget_add_css_class (label, "dim-label");
          gtk_grid_attach (GTK_GRID (self->grid), label, 0, row, 1, 1);
        }

      gtk_grid_attach (GTK_GRID (self->grid),
                       day_cell (&date, month,
                                 g_hash_table_lookup (days, GUINT_TO_POINTER (g_date_get_julian (&date))),
                                 short_names),
                       g_date_get_weekday (&date), row, 1, 1);
      if (g_date_get_weekday (&date) == G_DATE_SUNDAY)
        row++;
      g_date_add_days (&date, 1);
    }
}
