/* sam-meetings-page-period.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meetings-page"

#include "config.h"

#include "sam-meeting-checks.h"
#include "sam-meetings-page-private.h"

/*
 * What the Meetings page shows of a year, read in a worker thread on a
 * connection of its own: the year's meetings (for the group chosen), the
 * meetings a search finds, their groups' codes, and the rule checks of the
 * year. A national register plans some 4 000 meetings a year, and the
 * checks of such a year find thousands of warnings in more than a second;
 * none of it runs on the main thread, which shows the year once it is
 * read.
 */

/**
 * _sam_meetings_period_free:
 * @period: (nullable): what was read of a year
 *
 * Frees @period.
 */
void
_sam_meetings_period_free (SamMeetingsPeriod *period)
{
  if (period == NULL)
    return;

  g_free (period->group_uuid);
  g_free (period->query);
  g_clear_object (&period->year_meetings);
  g_clear_object (&period->found);
  g_clear_pointer (&period->codes, g_hash_table_unref);
  g_clear_pointer (&period->warnings, g_ptr_array_unref);
  g_clear_pointer (&period->year_warnings, g_ptr_array_unref);
  g_clear_pointer (&period->warned, g_hash_table_unref);
  g_free (period);
}

typedef struct
{
  char              *path;
  SamMeetingsPeriod *period;  /* the key filled in */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  _sam_meetings_period_free (data->period);
  g_free (data);
}

/* The groups' codes of @meeting (a name where a group has none), as the
 * month view and the list show them */
static char *
describe_codes (SamStore   *store,
                SamMeeting *meeting,
                GHashTable *group_codes)
{
  g_auto(GStrv) groups = sam_store_dup_meeting_groups (store, sam_meeting_get_uuid (meeting), NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    {
      const char *code = g_hash_table_lookup (group_codes, groups[i]);

      if (code == NULL)
        {
          g_autoptr(SamGroup) group = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, groups[i], NULL);

          if (group == NULL)
            continue;
          code = sam_group_get_code (group) != NULL ? sam_group_get_code (group) : sam_group_get_name (group);
          g_hash_table_insert (group_codes, g_strdup (groups[i]), g_strdup (code));
          code = g_hash_table_lookup (group_codes, groups[i]);
        }
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", code);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_codes (SamStore   *store,
           GListModel *meetings,
           GHashTable *codes,
           GHashTable *group_codes)
{
  for (guint i = 0; meetings != NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (meetings, i);

      if (!g_hash_table_contains (codes, sam_meeting_get_uuid (meeting)))
        g_hash_table_insert (codes, g_strdup (sam_meeting_get_uuid (meeting)),
                             describe_codes (store, meeting, group_codes));
    }
}

static gboolean
read_period (SamStore           *store,
             SamMeetingsPeriod  *period,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autofree char *from = g_strdup_printf ("%04u-12-31T00:00:00Z", period->year - 1);
  g_autofree char *to = g_strdup_printf ("%04u-01-02T00:00:00Z", period->year + 1);
  g_autoptr(GHashTable) group_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GListModel) around = NULL;
  GListStore *year_meetings = g_list_store_new (SAM_TYPE_MEETING);

  /* The year in Stockholm, read from a day either side of it in UTC */
  period->year_meetings = G_LIST_MODEL (year_meetings);
  if ((around = sam_store_list_meetings_between (store, period->group_uuid, from, to, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (around); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (around, i);

      if (sam_meeting_get_local_year (meeting) == (int) period->year)
        g_list_store_append (year_meetings, meeting);
    }

  /* The search covers every year, within the group filter. */
  if (period->query != NULL)
    {
      g_autoptr(GListModel) found = sam_store_search_meeting_records (store, period->query, NULL);
      GListStore *list = g_list_store_new (SAM_TYPE_MEETING);

      period->found = G_LIST_MODEL (list);
      for (guint i = 0; found != NULL && i < g_list_model_get_n_items (found); i++)
        {
          g_autoptr(SamMeeting) meeting = g_list_model_get_item (found, i);
          g_auto(GStrv) groups = NULL;

          if (period->group_uuid != NULL)
            {
              groups = sam_store_dup_meeting_groups (store, sam_meeting_get_uuid (meeting), NULL);
              if (groups == NULL || !g_strv_contains ((const char * const *) groups, period->group_uuid))
                continue;
            }
          g_list_store_append (list, meeting);
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  period->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  add_codes (store, period->year_meetings, period->codes, group_codes);
  add_codes (store, period->found, period->codes, group_codes);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* The page's warnings cover its filter; the meeting shown gets those of
   * every group. */
  if ((period->warnings = sam_meeting_checks_run (store, period->group_uuid, period->year, error)) == NULL)
    return FALSE;
  if (period->group_uuid == NULL)
    period->year_warnings = g_ptr_array_ref (period->warnings);
  else if ((period->year_warnings = sam_meeting_checks_run (store, NULL, period->year, error)) == NULL)
    return FALSE;

  period->warned = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < period->warnings->len; i++)
    {
      SamMeetingWarning *warning = g_ptr_array_index (period->warnings, i);

      if (warning->meeting_uuid != NULL && !g_hash_table_contains (period->warned, warning->meeting_uuid))
        g_hash_table_insert (period->warned, warning->meeting_uuid, warning->message);
      if (warning->other_meeting_uuid != NULL && !g_hash_table_contains (period->warned, warning->other_meeting_uuid))
        g_hash_table_insert (period->warned, warning->other_meeting_uuid, warning->message);
    }

  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(SamStore) worker = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((worker = sam_store_open (data->path, &error)) == NULL ||
      !read_period (worker, data->period, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&data->period), (GDestroyNotify) _sam_meetings_period_free);
}

/* The task holds the page only weakly: a page that goes away while its
 * worker reads is freed at once. */
static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(SamMeetingsPage) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  SamMeetingsPeriod *period = g_task_propagate_pointer (G_TASK (result), &error);

  g_weak_ref_clear (weak);
  g_free (weak);

  /* Gone, or a newer load took this one's place */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _sam_meetings_period_free (period);
      return;
    }

  g_clear_object (&self->period_cancellable);
  g_clear_pointer (&self->reading, _sam_meetings_period_free);
  if (period == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  _sam_meetings_period_free (self->period);
  self->period = period;
  _sam_meetings_page_show_period (self);
}

static const char *
search_text (SamMeetingsPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return query != NULL && *query != '\0' ? query : NULL;
}

/* Whether @period is (or is being) read for what the page is to show */
static gboolean
is_for_page (SamMeetingsPeriod *period,
             SamMeetingsPage   *self)
{
  return period != NULL && period->year == self->year && g_strcmp0 (period->group_uuid, self->group_uuid) == 0 &&
         g_strcmp0 (period->query, search_text (self)) == 0;
}

/**
 * _sam_meetings_page_needs_period:
 * @self: a page
 *
 * Returns: whether the page's year, group and search are to be read: it
 *   holds another, and is not reading them, or the store changed since
 */
gboolean
_sam_meetings_page_needs_period (SamMeetingsPage *self)
{
  return self->period_stale || (!is_for_page (self->period, self) && !is_for_page (self->reading, self));
}

/**
 * _sam_meetings_page_read_period:
 * @self: a page
 *
 * Reads the page's year, group and search in a worker, giving up a read
 * under way; _sam_meetings_page_show_period() shows it once it is read.
 */
void
_sam_meetings_page_read_period (SamMeetingsPage *self)
{
  g_autoptr(GTask) task = NULL;
  GWeakRef *weak;
  LoadData *data;

  if (self->period_cancellable != NULL)
    g_cancellable_cancel (self->period_cancellable);
  g_clear_object (&self->period_cancellable);
  self->period_cancellable = g_cancellable_new ();
  self->period_stale = FALSE;

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (sam_store_get_path (self->store));
  data->period = g_new0 (SamMeetingsPeriod, 1);
  data->period->serial = ++self->period_serial;
  data->period->group_uuid = g_strdup (self->group_uuid);
  data->period->year = self->year;
  data->period->query = g_strdup (search_text (self));

  _sam_meetings_period_free (self->reading);
  self->reading = g_new0 (SamMeetingsPeriod, 1);
  self->reading->group_uuid = g_strdup (self->group_uuid);
  self->reading->year = self->year;
  self->reading->query = g_strdup (search_text (self));

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, self->period_cancellable, load_done_cb, weak);
  g_task_set_source_tag (task, _sam_meetings_page_read_period);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}
