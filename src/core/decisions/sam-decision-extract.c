/* sam-decision-extract.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-decision"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-calendar.h"
#include "sam-clock.h"
#include "sam-commission.h"
#include "sam-decision-extract.h"
#include "sam-store-decisions.h"

/*
 * An extract from the minutes (protokollsutdrag) of one decision: what a
 * council sends to whoever the decision concerns. It holds that decision
 * alone: the group and its commission's registry number, the meeting and
 * its day, the paragraph (§), the decision with its number, mandate,
 * status, who is responsible and when it is followed up, its text and the
 * basis it was made on (the agenda item's notes), and the certification
 * “Rätt utdraget intygar” with a line to sign.
 *
 * The register numbers no paragraphs of its own yet, so the paragraph is
 * the place of the decision's item on its meeting's agenda (§ 2 for the
 * second item), which is how the minutes list them.
 */

static char *
decision_number (SamGroup    *group,
                 SamDecision *decision)
{
  const char *code = sam_group_get_code (group) != NULL ? sam_group_get_code (group) : sam_group_get_name (group);

  return g_strdup_printf ("%s %d:%d", code, sam_decision_get_year (decision), sam_decision_get_serial (decision));
}

/**
 * sam_decision_extract_new:
 * @store: a #SamStore
 * @decision_uuid: a registered decision
 * @error: return location for a #GError
 *
 * Makes the extract from the minutes of one decision (see the top of this
 * file).
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on failure
 */
SamReport *
sam_decision_extract_new (SamStore    *store,
                          const char  *decision_uuid,
                          GError     **error)
{
  g_autoptr(SamDecision) decision = NULL;
  g_autoptr(SamGroup) group = NULL;
  g_autoptr(SamMeeting) meeting = NULL;
  g_autoptr(SamCommission) commission = NULL;
  g_autoptr(SamDecisionContext) context = NULL;
  g_autoptr(SamReport) report = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  g_autofree char *header = NULL;
  g_autofree char *region = NULL;
  g_autofree char *today = sam_clock_dup_today ();
  g_autofree char *extracted = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *signer = NULL;
  GError *local_error = NULL;
  GDate date;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (decision_uuid != NULL, NULL);

  decision = sam_store_dup_by_uuid (store, SAM_TYPE_DECISION, decision_uuid, &local_error);
  if (decision != NULL && sam_decision_get_serial (decision) > 0)
    group = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_decision_get_group_uuid (decision), &local_error);
  if (group == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
                     _("There is no registered decision “%s”: a draft has no extract"), decision_uuid);
      return NULL;
    }
  if (sam_decision_get_meeting_uuid (decision) != NULL)
    meeting = sam_store_dup_by_uuid (store, SAM_TYPE_MEETING, sam_decision_get_meeting_uuid (decision), NULL);
  commission = sam_store_dup_group_commission (store, sam_decision_get_group_uuid (decision), NULL);
  if ((context = sam_store_dup_decision_context (store, decision_uuid, error)) == NULL)
    return NULL;

  number = decision_number (group, decision);
  region = sam_store_dup_region (store);
  /* Translators: the title of an extract from the minutes; %s is a
   * decision's number, such as AOI 2026:7 */
  title = g_strdup_printf (_("Extract from the Minutes, %s"), number);
  if (commission != NULL && sam_commission_get_registry_number (commission) != NULL)
    header = g_strdup_printf ("%s\n%s %s", sam_group_get_name (group), _("Registry No."),
                              sam_commission_get_registry_number (commission));
  else
    header = g_strdup (sam_group_get_name (group));
  extracted = g_strdup_printf (_("Extracted %s"), today);

  report = sam_report_new ();
  sam_report_set_title (report, title);
  sam_report_set_author (report, region);
  sam_report_set_subject (report, sam_decision_get_title (decision));
  sam_report_set_header (report, _("Extract from the Minutes"), header);
  sam_report_set_footer_left (report, extracted);
  sam_report_add_heading (report, 1, _("Extract from the Minutes"));

  /* The meeting */
  g_ptr_array_add (fields, g_strdup (_("Group:")));
  g_ptr_array_add (fields, g_strdup (sam_group_get_name (group)));
  if (meeting != NULL)
    {
      g_ptr_array_add (fields, g_strdup (_("Meeting:")));
      g_ptr_array_add (fields, g_strdup (sam_meeting_get_title (meeting)));
    }
  if (sam_decision_get_decided (decision) != NULL && sam_calendar_parse_iso (sam_decision_get_decided (decision), &date))
    {
      g_ptr_array_add (fields, g_strdup (_("Date:")));
      g_ptr_array_add (fields, sam_calendar_format_long (&date));
    }
  if (meeting != NULL && sam_meeting_get_place (meeting) != NULL)
    {
      g_ptr_array_add (fields, g_strdup (_("Place:")));
      g_ptr_array_add (fields, g_strdup (sam_meeting_get_place (meeting)));
    }
  g_ptr_array_add (fields, NULL);
  sam_report_add_fields (report, (const char * const *) fields->pdata);

  /* The paragraph and the decision */
  if (context->paragraph > 0)
    /* Translators: the heading of a paragraph of the minutes: its number
     * and the agenda item's title */
    heading = g_strdup_printf (_("§ %u  %s"), context->paragraph, context->item_title);
  else
    heading = g_strdup (sam_decision_get_title (decision));
  sam_report_add_heading (report, 2, heading);

  g_ptr_array_set_size (fields, 0);
#define FIELD(label, value) G_STMT_START { \
    const char *v = (value); \
    if (v != NULL && *v != '\0') \
      { \
        g_ptr_array_add (fields, g_strdup (label)); \
        g_ptr_array_add (fields, g_strdup (v)); \
      } \
  } G_STMT_END
  FIELD (_("Decision No.:"), number);
  FIELD (_("Decision title:"), sam_decision_get_title (decision));
  FIELD (_("Mandate:"), sam_mandate_get_label (sam_decision_get_mandate (decision)));
  FIELD (_("Status:"), sam_decision_status_get_label (sam_decision_get_status (decision)));
  FIELD (_("Responsible:"), sam_decision_get_responsible (decision));
  FIELD (_("Follow-up:"), sam_decision_get_follow_up (decision));
#undef FIELD
  g_ptr_array_add (fields, NULL);
  sam_report_add_fields (report, (const char * const *) fields->pdata);

  if (sam_decision_get_body (decision) != NULL && *sam_decision_get_body (decision) != '\0')
    {
      sam_report_add_heading (report, 3, _("The Decision"));
      sam_report_add_paragraph (report, sam_decision_get_body (decision));
    }
  if (context->item_notes != NULL && *context->item_notes != '\0')
    {
      sam_report_add_heading (report, 3, _("Basis for the Decision"));
      sam_report_add_paragraph (report, context->item_notes);
    }

  /* The certification, with a line to sign above the chair's name, or a
   * blank for a name when the register knows no chair that day. */
  sam_report_add_spacer (report, 24);
  sam_report_add_paragraph (report, _("Certified a true extract"));
  sam_report_add_spacer (report, 28);
  if (context->chair != NULL)
    /* Translators: under the line to sign an extract: the chair's name */
    signer = g_strdup_printf (_("%s, chair"), context->chair);
  else
    signer = g_strdup (_("Name in block letters"));
  {
    g_autofree char *lines = g_strdup_printf ("______________________________\n%s", signer);

    sam_report_add_paragraph (report, lines);
  }

  return g_steal_pointer (&report);
}

/**
 * sam_decision_extract_write:
 * @store: a #SamStore
 * @decision_uuid: a registered decision
 * @path: the PDF file to write
 * @error: return location for a #GError
 *
 * Writes the extract from the minutes of one decision as a PDF file.
 *
 * Returns: whether the file was written
 */
gboolean
sam_decision_extract_write (SamStore    *store,
                            const char  *decision_uuid,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(SamReport) report = sam_decision_extract_new (store, decision_uuid, error);

  return report != NULL && sam_report_write_pdf (report, path, error);
}
