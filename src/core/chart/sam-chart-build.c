/* sam-chart-build.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-calendar.h"
#include "sam-chart-private.h"
#include "sam-clock.h"
#include "sam-roles.h"
#include "sam-store-structure.h"

/*
 * Building the chart: read the register in one read transaction, so the
 * chart is one consistent state; keep the groups that existed on the as-of
 * date; walk their tree from the chosen roots in pre-order; ask sam-roles
 * who held each role and which seats were vacant on that day (the same
 * answer the structure editor and the rules give); write each box's text,
 * measure it with the renderer's fonts and lay the boxes out.
 */

/* One group of the register while the tree is being built. */
typedef struct _Source Source;
struct _Source
{
  SamGroup  *group;
  guint      rank;      /* in the store's order: Swedish collation of names */
  GPtrArray *children;  /* of Source *, nullable */
  gboolean   placed;    /* in the chart already */
};

typedef struct
{
  SamStore   *store;
  const char *as_of;
  GHashTable *people;         /* uuid → SamPerson */
  GHashTable *organisations;  /* uuid → SamOrganisation */
  GHashTable *homes;          /* person uuid → home organisation uuid */
  GPtrArray  *relations;      /* of SamRelation */
} Builder;

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->people, g_hash_table_unref);
  g_clear_pointer (&b->organisations, g_hash_table_unref);
  g_clear_pointer (&b->homes, g_hash_table_unref);
  g_clear_pointer (&b->relations, g_ptr_array_unref);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.height);
}

/* Reading the register */

static GHashTable *
index_by_uuid (GListModel *model,
               const char *(*get_uuid) (gpointer))
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      gpointer item = g_list_model_get_item (model, i);

      g_hash_table_insert (table, (gpointer) get_uuid (item), item);
    }

  return table;
}

static gboolean
builder_read (Builder  *b,
              GError  **error)
{
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) organisations = NULL;

  if ((people = sam_store_list_people (b->store, error)) == NULL
      || (organisations = sam_store_list_organisations (b->store, error)) == NULL
      || (b->homes = sam_store_dup_home_organisations (b->store, error)) == NULL
      || (b->relations = sam_store_list_relations (b->store, NULL, error)) == NULL)
    return FALSE;

  b->people = index_by_uuid (people, (const char *(*) (gpointer)) sam_person_get_uuid);
  b->organisations = index_by_uuid (organisations, (const char *(*) (gpointer)) sam_organisation_get_uuid);

  return TRUE;
}

/* Who held what on the as-of date */

static gboolean
group_exists_on (SamGroup   *group,
                 const char *date)
{
  const char *established = sam_group_get_established (group);
  const char *dissolved = sam_group_get_dissolved (group);

  if (established != NULL && strcmp (established, date) > 0)
    return FALSE;
  if (dissolved != NULL && strcmp (dissolved, date) <= 0)
    return FALSE;

  return TRUE;
}

static const char *
person_name (Builder       *b,
             SamAssignment *a)
{
  SamPerson *person = g_hash_table_lookup (b->people, sam_assignment_get_person_uuid (a));

  return person != NULL ? sam_person_get_name (person) : "?";
}

static const char *
organisation_label (Builder    *b,
                    const char *uuid)
{
  SamOrganisation *org = g_hash_table_lookup (b->organisations, uuid);
  const char *short_name;

  if (org == NULL)
    return "?";
  short_name = sam_organisation_get_short_name (org);

  return short_name != NULL && *short_name != '\0' ? short_name : sam_organisation_get_name (org);
}

static int
compare_by_person_name (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  Builder *builder = user_data;

  return g_utf8_collate (person_name (builder, *(SamAssignment **) a),
                         person_name (builder, *(SamAssignment **) b));
}

/* Someone whose term has ended stays in office until a successor starts,
 * and the box says so. */
static char *
holder_text (Builder       *b,
             GListModel    *assignments,
             SamAssignment *a)
{
  if (sam_roles_tenure (assignments, a, b->as_of, b->homes) == SAM_TENURE_CARRIED_OVER)
    /* Translators: someone still in a role after their term ran out, until
     * a successor starts; %s is their name */
    return g_strdup_printf (_("%s (term ended)"), person_name (b, a));

  return g_strdup (person_name (b, a));
}

/* Each line is one paragraph of the details layout. */
static void
add_line (GString    *markup,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static void
add_line (GString    *markup,
          const char *format,
          ...)
{
  va_list args;

  if (markup->len > 0)
    g_string_append_c (markup, '\n');
  va_start (args, format);
  g_string_append_vprintf (markup, format, args);
  va_end (args);
}

static void
add_person_line (GPtrArray  *people,
                 GString    *markup,
                 const char *role,
                 const char *holder,
                 gboolean    vacant)
{
  g_autofree char *escaped_role = g_markup_escape_text (role, -1);
  g_autofree char *escaped_holder = g_markup_escape_text (holder, -1);

  if (vacant)
    {
      char *styled = g_strconcat ("<span foreground=\"#a51d2d\" style=\"italic\">", escaped_holder, "</span>", NULL);

      g_free (escaped_holder);
      escaped_holder = styled;
    }

  /* Translators: a line in a chart box: a role and who holds it, as in
   * “Member: Anna Berg” */
  g_ptr_array_add (people, g_strdup_printf (_("%s: %s"), role, holder));
  add_line (markup, _("%s: %s"), escaped_role, escaped_holder);
}

static gboolean
node_fill (Builder       *b,
           SamChart      *self,
           SamChartNode  *node,
           GError       **error)
{
  static const SamRole line_roles[] = {
    SAM_ROLE_COORDINATOR, SAM_ROLE_CONTACT_PERSON, SAM_ROLE_MEMBER, SAM_ROLE_CO_OPTED,
  };
  g_autoptr(GListModel) assignments = NULL;
  g_autoptr(GPtrArray) seats = NULL;
  g_autoptr(GPtrArray) chairs = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) vacancies = NULL;
  g_autoptr(GHashTable) participants = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GString) first = g_string_new (NULL);
  g_autoptr(GString) people_markup = g_string_new (NULL);

  if ((assignments = sam_store_list_group_assignments (b->store, node->uuid, error)) == NULL
      || (seats = sam_store_list_seats (b->store, node->uuid, error)) == NULL)
    return FALSE;

  /* The chair, and the head count: chairs and members on the day. */
  chairs = sam_roles_holders (assignments, SAM_ROLE_CHAIR, b->as_of, b->homes);
  members = sam_roles_holders (assignments, SAM_ROLE_MEMBER, b->as_of, b->homes);
  if (chairs->len > 0)
    {
      g_autoptr(GString) chair = g_string_new (NULL);

      for (guint i = 0; i < chairs->len; i++)
        {
          g_autofree char *text = holder_text (b, assignments, g_ptr_array_index (chairs, i));

          if (i > 0)
            g_string_append (chair, ", ");
          g_string_append (chair, text);
        }
      node->chair = g_string_free (g_steal_pointer (&chair), FALSE);
    }
  for (guint i = 0; i < chairs->len; i++)
    g_hash_table_add (participants, (gpointer) sam_assignment_get_person_uuid (g_ptr_array_index (chairs, i)));
  for (guint i = 0; i < members->len; i++)
    g_hash_table_add (participants, (gpointer) sam_assignment_get_person_uuid (g_ptr_array_index (members, i)));
  node->n_members = g_hash_table_size (participants);

  vacancies = sam_roles_vacancies (assignments, seats, b->as_of, b->homes);
  node->n_vacant = vacancies->len;

  /* The first line: code and head count */
  if (node->code != NULL)
    {
      g_autofree char *code = g_markup_escape_text (node->code, -1);

      g_string_append_printf (first, "<b>%s</b> · ", code);
    }
  g_string_append_printf (first, g_dngettext (GETTEXT_PACKAGE, "%u member", "%u members", node->n_members),
                          node->n_members);
  if (node->n_vacant > 0 && !self->show_people)
    {
      g_string_append (first, " · <span foreground=\"#a51d2d\">");
      g_string_append_printf (first, g_dngettext (GETTEXT_PACKAGE, "%u vacant seat", "%u vacant seats",
                                                  node->n_vacant),
                              node->n_vacant);
      g_string_append (first, "</span>");
    }
  add_line (markup, "%s", first->str);

  if (node->chair != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (node->chair, -1);

      /* Translators: the chair's line in a chart box; “Ordf.: %s” in Swedish */
      add_line (markup, _("Chair: %s"), escaped);
    }
  else if (node->kind == SAM_GROUP_KIND_COUNCIL)
    {
      /* A council always has a chair, so a missing one is worth showing. */
      g_autofree char *vacant = g_markup_printf_escaped ("<span foreground=\"#a51d2d\" style=\"italic\">%s</span>",
                                                         _("Vacant"));

      add_line (markup, _("Chair: %s"), vacant);
    }

  /* The people, one line each; the chair already has a line. */
  for (guint k = 0; k < G_N_ELEMENTS (line_roles); k++)
    {
      g_autoptr(GPtrArray) holders = sam_roles_holders (assignments, line_roles[k], b->as_of, b->homes);
      const char *label = sam_role_get_label (line_roles[k]);

      g_ptr_array_sort_with_data (holders, compare_by_person_name, b);
      for (guint i = 0; i < holders->len; i++)
        {
          g_autofree char *text = holder_text (b, assignments, g_ptr_array_index (holders, i));

          add_person_line (people, people_markup, label, text, FALSE);
        }

      if (line_roles[k] == SAM_ROLE_MEMBER)
        for (guint v = 0; v < vacancies->len; v++)
          {
            /* Translators: a seat nobody holds; %s names the organisation
             * that is entitled to it */
            g_autofree char *text = g_strdup_printf (_("Vacant (%s)"),
                                                     organisation_label (b, g_ptr_array_index (vacancies, v)));

            add_person_line (people, people_markup, label, text, TRUE);
          }
    }
  if (self->show_people && people_markup->len > 0)
    add_line (markup, "%s", people_markup->str);
  if (self->names_only)
    g_string_truncate (markup, 0);

  g_ptr_array_add (people, NULL);
  node->people = (GStrv) g_ptr_array_free (g_steal_pointer (&people), FALSE);
  node->details = g_string_free (g_steal_pointer (&markup), FALSE);

  return TRUE;
}

/* The tree */

static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  const Source *x = *(const Source **) a;
  const Source *y = *(const Source **) b;
  int px = sam_group_get_position (x->group);
  int py = sam_group_get_position (y->group);

  if (px != py)
    return px < py ? -1 : 1;

  return x->rank < y->rank ? -1 : x->rank > y->rank;
}

static Source *
find_root (Source                 *sources,
           guint                   n,
           GHashTable             *by_uuid,
           const SamChartOptions  *options,
           GError                **error)
{
  if (options->root_uuid != NULL)
    {
      Source *s = g_hash_table_lookup (by_uuid, options->root_uuid);

      if (s == NULL)
        g_set_error (error, SAM_CHART_ERROR, SAM_CHART_ERROR_UNKNOWN_ROOT,
                     _("The register has no such group"));
      return s;
    }

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (sam_group_get_code (sources[i].group), options->root_code) == 0)
      return &sources[i];

  /* Codes are written in capitals, but a command line is often typed in
   * lower case. */
  for (guint i = 0; i < n; i++)
    {
      const char *code = sam_group_get_code (sources[i].group);

      if (code != NULL && g_ascii_strcasecmp (code, options->root_code) == 0)
        return &sources[i];
    }

  g_set_error (error, SAM_CHART_ERROR, SAM_CHART_ERROR_UNKNOWN_ROOT,
               _("No group has the code “%s”"), options->root_code);
  return NULL;
}

static char *
root_registry_number (Builder   *b,
                      SamGroup  *group,
                      GError   **error)
{
  g_autoptr(SamCommission) commission = sam_store_dup_group_commission (b->store, sam_group_get_uuid (group), error);
  const char *number = commission != NULL ? sam_commission_get_registry_number (commission) : NULL;

  return number != NULL && *number != '\0' ? g_strdup (number) : NULL;
}

/* Adds the kept groups to the chart in pre-order, without recursion: the
 * stack holds the sources still to visit, each with its parent node. Each
 * group is placed once: the store refuses a group under its own subgroup,
 * but a register another program wrote may hold such a circle, and the
 * walk would then go round it for ever. */
static void
build_nodes (SamChart  *self,
             GPtrArray *roots)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (gpointer));
  g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr(GArray) last_child = g_array_new (FALSE, FALSE, sizeof (gint));
  g_autoptr(GArray) nodes = g_array_new (FALSE, TRUE, sizeof (SamChartNode));
  gint last_root = -1;

  for (guint i = roots->len; i > 0; i--)
    {
      gint none = -1;

      g_array_append_val (stack, g_ptr_array_index (roots, i - 1));
      g_array_append_val (parents, none);
    }

  while (stack->len > 0)
    {
      Source *s = g_array_index (stack, Source *, stack->len - 1);
      gint parent = g_array_index (parents, gint, parents->len - 1);
      gint index = (gint) nodes->len;
      gint prev = parent >= 0 ? g_array_index (last_child, gint, parent) : last_root;
      SamChartNode node = { 0 };
      const char *code = sam_group_get_code (s->group);
      gint none = -1;

      g_array_set_size (stack, stack->len - 1);
      g_array_set_size (parents, parents->len - 1);
      if (s->placed)
        continue;
      s->placed = TRUE;

      node.uuid = g_strdup (sam_group_get_uuid (s->group));
      node.name = g_strdelimit (g_strdup (sam_group_get_name (s->group)), "\r\n\t", ' ');
      node.code = code != NULL && *code != '\0' ? g_strdup (code) : NULL;
      node.kind = sam_group_get_kind (s->group);
      node.parent = parent;
      node.first_child = -1;
      node.next_sibling = -1;
      node.prev_sibling = prev;
      g_array_append_val (nodes, node);
      g_array_append_val (last_child, none);

      if (prev >= 0)
        g_array_index (nodes, SamChartNode, prev).next_sibling = index;
      else if (parent >= 0)
        g_array_index (nodes, SamChartNode, parent).first_child = index;
      if (parent >= 0)
        g_array_index (last_child, gint, parent) = index;
      else
        last_root = index;

      for (guint i = s->children != NULL ? s->children->len : 0; i > 0; i--)
        {
          g_array_append_val (stack, g_ptr_array_index (s->children, i - 1));
          g_array_append_val (parents, index);
        }
    }

  self->n_nodes = nodes->len;
  self->nodes = (SamChartNode *) g_array_free (g_steal_pointer (&nodes), FALSE);
}

static gboolean
build_tree (SamChart               *self,
            Builder                *b,
            const SamChartOptions  *options,
            GError                **error)
{
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GHashTable) by_uuid = NULL;
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  Source *sources;
  guint n;

  if ((groups = sam_store_list_groups (b->store, error)) == NULL)
    return FALSE;

  n = g_list_model_get_n_items (groups);
  sources = g_new0 (Source, n);
  by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    {
      sources[i].group = g_list_model_get_item (groups, i);
      sources[i].rank = i;
      g_hash_table_insert (by_uuid, (gpointer) sam_group_get_uuid (sources[i].group), &sources[i]);
    }

  /* A group hangs under its parent only if both existed on the day; the
   * subgroups of a dissolved council are left out with it. */
  for (guint i = 0; i < n; i++)
    {
      Source *s = &sources[i];
      const char *parent_uuid = sam_group_get_parent_uuid (s->group);
      Source *parent;

      if (!group_exists_on (s->group, b->as_of))
        continue;
      if (parent_uuid == NULL)
        {
          g_ptr_array_add (roots, s);
          continue;
        }
      parent = g_hash_table_lookup (by_uuid, parent_uuid);
      if (parent == NULL || !group_exists_on (parent->group, b->as_of))
        continue;
      if (parent->children == NULL)
        parent->children = g_ptr_array_new ();
      g_ptr_array_add (parent->children, s);
    }

  for (guint i = 0; i < n; i++)
    if (sources[i].children != NULL)
      g_ptr_array_sort (sources[i].children, compare_sources);
  g_ptr_array_sort (roots, compare_sources);

  if (options->root_uuid != NULL || options->root_code != NULL)
    {
      Source *root = find_root (sources, n, by_uuid, options, &local_error);

      if (root != NULL && !group_exists_on (root->group, b->as_of))
        {
          g_set_error (&local_error, SAM_CHART_ERROR, SAM_CHART_ERROR_UNKNOWN_ROOT,
                       _("The group “%s” did not exist on %s"), sam_group_get_name (root->group), b->as_of);
          root = NULL;
        }

      g_ptr_array_set_size (roots, 0);
      if (root != NULL)
        {
          g_ptr_array_add (roots, root);
          self->title = g_strdup (sam_group_get_name (root->group));
          self->registry_number = root_registry_number (b, root->group, &local_error);
        }
    }

  if (local_error == NULL)
    build_nodes (self, roots);

  for (guint i = 0; i < n; i++)
    {
      g_object_unref (sources[i].group);
      g_clear_pointer (&sources[i].children, g_ptr_array_unref);
    }
  g_free (sources);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* How a box grows to hold its text: in steps of this many points, up to
 * this many times its kind's width. */
#define WIDEN_STEP 8.0
#define WIDEN_MAX  2.0

static void
measure_and_lay_out (SamChart              *self,
                     Builder               *b,
                     const SamChartOptions *options)
{
  g_autoptr(PangoLayout) title = _sam_chart_new_layout (self, SAM_CHART_TITLE_SIZE, TRUE, -1);
  g_autoptr(PangoLayout) details = _sam_chart_new_layout (self, SAM_CHART_DETAIL_SIZE, FALSE, -1);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  _sam_chart_setup_title_layout (title);
  _sam_chart_setup_details_layout (details);
  self->tree = sam_chart_tree_new (self->n_nodes);

  for (guint i = 0; i < self->n_nodes; i++)
    {
      SamChartNode *node = &self->nodes[i];
      double width = _sam_chart_kind_width (node->kind, self->show_people);
      double widest = WIDEN_MAX * width;
      double height;
      guint flags = SAM_CHART_NODE_NONE;

      pango_layout_set_text (title, node->name, -1);
      pango_layout_set_markup (details, node->details, -1);

      /* Text that needs more than three lines widens its box, step by
       * step, rather than being cut: on paper every name is read whole. */
      for (;;)
        {
          pango_layout_set_width (title, pango_units_from_double (width - 2 * SAM_CHART_PAD));
          pango_layout_set_width (details, pango_units_from_double (width - 2 * SAM_CHART_PAD));
          if ((!pango_layout_is_ellipsized (title) && !pango_layout_is_ellipsized (details))
              || width >= widest)
            break;
          width = MIN (widest, width + WIDEN_STEP);
        }
      node->title_height = layout_height (title);

      /* Whole units, so boxes at 100 % start and end on whole pixels. */
      height = ceil (SAM_CHART_BAND + 2 * SAM_CHART_PAD + node->title_height
                     + (*node->details != '\0' ? SAM_CHART_TITLE_GAP + layout_height (details) : 0));

      /* A council's subgroups and process teams stack under it instead
       * of making the row very wide: a region has a dozen councils side
       * by side, each as wide as one box rather than as its whole family.
       * Any other group with nothing under it (or collapsed, as the
       * councils on a booklet's overview) stacks the same way, under an
       * executive or management group from two on too; only those two
       * kinds, which carry the structure, keep their place in the row. */
      if (node->kind != SAM_GROUP_KIND_EXECUTIVE_GROUP
          && node->kind != SAM_GROUP_KIND_MANAGEMENT_GROUP)
        flags |= SAM_CHART_NODE_COMPACT_LEAF;
      if (node->kind == SAM_GROUP_KIND_COUNCIL
          || node->kind == SAM_GROUP_KIND_MANAGEMENT_GROUP
          || node->kind == SAM_GROUP_KIND_EXECUTIVE_GROUP)
        flags |= SAM_CHART_NODE_STACK_LEAVES;

      sam_chart_tree_add (self->tree, node->parent, width, height, flags);
      g_hash_table_insert (index, node->uuid, GUINT_TO_POINTER (i + 1));
      self->kinds_present |= 1u << node->kind;
    }

  for (guint i = 0; options->collapsed != NULL && options->collapsed[i] != NULL; i++)
    {
      guint node = GPOINTER_TO_UINT (g_hash_table_lookup (index, options->collapsed[i]));

      if (node > 0)
        sam_chart_tree_set_collapsed (self->tree, node - 1, TRUE);
    }

  for (guint i = 0; i < b->relations->len; i++)
    {
      const SamRelation *r = g_ptr_array_index (b->relations, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (index, r->from_uuid));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (index, r->to_uuid));
      SamChartEdgeKind kind;

      if (from == 0 || to == 0)
        continue;
      switch (r->kind)
        {
        case SAM_RELATION_KIND_REPORTS_TO:
          kind = SAM_CHART_EDGE_REPORTS_TO;
          break;
        case SAM_RELATION_KIND_ESCALATES_TO:
          kind = SAM_CHART_EDGE_ESCALATES_TO;
          break;
        case SAM_RELATION_KIND_PREPARES_FOR:
        default:
          kind = SAM_CHART_EDGE_PREPARES_FOR;
          break;
        }
      sam_chart_tree_add_edge (self->tree, from - 1, to - 1, kind);
      self->edge_kinds_present |= 1u << kind;
    }

  sam_chart_style_init (&self->style);
  self->style.orientation = options->orientation;
  self->layout = sam_chart_layout_compute (self->tree, &self->style);
}

static char *
register_name (SamStore *store)
{
  g_autoptr(GPtrArray) info = sam_store_dup_info (store);

  for (guint i = 0; i + 1 < info->len; i += 2)
    if (strcmp (g_ptr_array_index (info, i), "name") == 0)
      return g_strdup (g_ptr_array_index (info, i + 1));

  return NULL;
}

/* Public API */

/**
 * sam_chart_options_init:
 * @options: (out caller-allocates): options to fill in
 *
 * Fills @options with the defaults: the whole region as of today, top
 * down, without people, nothing collapsed.
 */
void
sam_chart_options_init (SamChartOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->orientation = SAM_CHART_TOP_DOWN;
}

/**
 * sam_chart_parse_date:
 * @text: a date as typed by a user
 * @error: return location for a #GError
 *
 * Checks that @text is a calendar date written YYYY-MM-DD, the form the
 * register stores and compares dates in.
 *
 * Returns: whether @text is such a date
 */
gboolean
sam_chart_parse_date (const char  *text,
                      GError     **error)
{
  g_autofree char *why = NULL;

  g_return_val_if_fail (text != NULL, FALSE);

  if (sam_calendar_parse_iso (text, NULL))
    return TRUE;

  why = sam_calendar_explain_not_a_date (text);
  g_set_error_literal (error, SAM_CHART_ERROR, SAM_CHART_ERROR_INVALID, why);
  return FALSE;
}

/**
 * sam_chart_new_from_store:
 * @store: the register
 * @options: (nullable): what to show, or %NULL for sam_chart_options_init()'s defaults
 * @error: return location for a #GError
 *
 * Builds the chart of the register as it stood on the as-of date: the
 * groups established by then and not dissolved on or before it, in their
 * structural tree under the chosen root (or all top-level groups side by
 * side); in each box the name, short code, chair and head count of that
 * day, a holder whose term has ended while no successor has started
 * marked “term ended”; a commission's seats that no member fills as
 * “Vacant”; and the groups' secondary relations as extra edges.
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL with @error set
 *   (an unknown root, a bad date, or a register that could not be read)
 */
SamChart *
sam_chart_new_from_store (SamStore               *store,
                          const SamChartOptions  *options,
                          GError                **error)
{
  g_autoptr(SamChart) self = NULL;
  SamChartOptions defaults;
  Builder b = { 0 };
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      sam_chart_options_init (&defaults);
      options = &defaults;
    }

  self = g_object_new (SAM_TYPE_CHART, NULL);
  self->show_people = options->show_people;
  self->names_only = options->names_only;

  if (options->as_of != NULL)
    {
      if (!sam_chart_parse_date (options->as_of, error))
        return NULL;
      self->as_of = g_strdup (options->as_of);
    }
  else
    self->as_of = sam_clock_dup_today ();

  b.store = store;
  b.as_of = self->as_of;

  if (!sam_store_read_begin (store, error))
    return NULL;
  ok = builder_read (&b, error) && build_tree (self, &b, options, error);
  for (guint i = 0; ok && i < self->n_nodes; i++)
    ok = node_fill (&b, self, &self->nodes[i], error);
  if (ok && self->title == NULL)
    self->title = register_name (store);
  if (ok)
    self->region = sam_store_dup_region (store);
  sam_store_read_end (store);

  if (ok)
    measure_and_lay_out (self, &b, options);
  builder_clear (&b);

  if (!ok)
    return NULL;

  if (self->title == NULL)
    self->title = g_strdup (_("Organisation Chart"));

  return g_steal_pointer (&self);
}

/* Building in a worker thread, on a connection of its own to the
 * register's file, so the main connection stays free for the UI. The
 * options are copied, as the caller's may change before the worker runs. */

typedef struct
{
  char                *db_path;
  char                *root_code;
  char                *root_uuid;
  char                *as_of;
  gboolean             show_people;
  gboolean             names_only;
  GStrv                collapsed;
  SamChartOrientation  orientation;
} BuildData;

static void
build_data_free (BuildData *data)
{
  g_free (data->db_path);
  g_free (data->root_code);
  g_free (data->root_uuid);
  g_free (data->as_of);
  g_strfreev (data->collapsed);
  g_free (data);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *data = task_data;
  g_autoptr(SamStore) worker = NULL;
  g_autoptr(GError) error = NULL;
  SamChartOptions options;
  SamChart *chart;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error)
      || (worker = sam_store_open (data->db_path, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sam_chart_options_init (&options);
  options.root_code = data->root_code;
  options.root_uuid = data->root_uuid;
  options.as_of = data->as_of;
  options.show_people = data->show_people;
  options.names_only = data->names_only;
  options.collapsed = (const char * const *) data->collapsed;
  options.orientation = data->orientation;

  chart = sam_chart_new_from_store (worker, &options, &error);
  if (chart == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, chart, g_object_unref);
}

/**
 * sam_chart_new_from_store_async:
 * @store: the register
 * @options: (nullable): what to show, or %NULL for sam_chart_options_init()'s defaults
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the chart is built
 * @user_data: data for @callback
 *
 * Builds the chart like sam_chart_new_from_store(), in a worker thread
 * with its own connection to @store's file, so a big register is read
 * and laid out while the main thread goes on. @options is copied and may
 * be changed or freed at once. @callback is called in the caller's
 * thread-default main context, with %NULL for its source object.
 */
void
sam_chart_new_from_store_async (SamStore              *store,
                                const SamChartOptions *options,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  SamChartOptions defaults;
  BuildData *data;

  g_return_if_fail (SAM_IS_STORE (store));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (options == NULL)
    {
      sam_chart_options_init (&defaults);
      options = &defaults;
    }

  data = g_new0 (BuildData, 1);
  data->db_path = g_strdup (sam_store_get_path (store));
  data->root_code = g_strdup (options->root_code);
  data->root_uuid = g_strdup (options->root_uuid);
  data->as_of = g_strdup (options->as_of);
  data->show_people = options->show_people;
  data->names_only = options->names_only;
  data->collapsed = g_strdupv ((char **) options->collapsed);
  data->orientation = options->orientation;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sam_chart_new_from_store_async);
  g_task_set_task_data (task, data, (GDestroyNotify) build_data_free);
  g_task_run_in_thread (task, build_thread);
}

/**
 * sam_chart_new_from_store_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes sam_chart_new_from_store_async(). A build whose cancellable
 * was cancelled fails with %G_IO_ERROR_CANCELLED, even if it got as far
 * as a chart.
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL with @error set
 */
SamChart *
sam_chart_new_from_store_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sam_chart_new_from_store_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
