/* sam-test-region.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sam-test-region.h"

/*
 * A governance-shaped region of any size, for the chart's benchmark and
 * for the tests that print a large region: written as exchange XML by
 * hand, since only its shape matters.
 */

#define UUID(table, n) "%02x000000-0000-4000-8000-%012x", (table), (n)

typedef struct
{
  GString *xml;
  guint    n_groups;
  guint    target;
  guint    n_people;
  guint    n_assignments;
  guint    n_commissions;
  guint    n_seats;
  GString *groups;
  GString *people;
  GString *commissions;
  GString *seats;
  GString *assignments;
  GString *relations;
  guint    n_relations;
} Gen;

static guint
add_group (Gen        *gen,
           gint        parent,
           const char *kind,
           const char *prefix)
{
  guint n = gen->n_groups++;

  g_string_append_printf (gen->groups, "<group id=\"" UUID (0x0c, n));
  g_string_append_printf (gen->groups, "\" code=\"%s%u\" name=\"%s %u\" kind=\"%s\" position=\"%u\"",
                          prefix, n, prefix, n, kind, n % 50);
  if (parent >= 0)
    {
      g_string_append (gen->groups, " parent=\"");
      g_string_append_printf (gen->groups, UUID (0x0c, (guint) parent));
      g_string_append (gen->groups, "\"");
    }
  g_string_append (gen->groups, "/>\n");

  return n;
}

static void
add_assignment (Gen        *gen,
                guint       group,
                const char *role,
                const char *starts)
{
  guint person = gen->n_people++;

  g_string_append_printf (gen->people, "<person id=\"" UUID (0x0b, person));
  g_string_append_printf (gen->people, "\" name=\"Person %u Svensson\" organisation=\"", person);
  g_string_append_printf (gen->people, UUID (0x0a, person % 20));
  g_string_append (gen->people, "\"/>\n");

  g_string_append_printf (gen->assignments, "<assignment id=\"" UUID (0x1a, gen->n_assignments++));
  g_string_append_printf (gen->assignments, "\" person=\"" UUID (0x0b, person));
  g_string_append_printf (gen->assignments, "\" group=\"" UUID (0x0c, group));
  g_string_append_printf (gen->assignments, "\" role=\"%s\" starts=\"%s\"/>\n", role, starts);
}

static void
add_council (Gen   *gen,
             guint  area)
{
  guint council = add_group (gen, (gint) area, "council", "Samordningsråd");
  guint commission = gen->n_commissions++;

  add_assignment (gen, council, "chair", "2024-01-01");
  add_assignment (gen, council, "coordinator", "2023-01-01");
  add_assignment (gen, council, "member", "2024-01-01");
  add_assignment (gen, council, "member", "2025-01-01");

  g_string_append_printf (gen->commissions, "<commission id=\"" UUID (0x0e, commission));
  g_string_append_printf (gen->commissions, "\" group=\"" UUID (0x0c, council));
  g_string_append_printf (gen->commissions, "\" registry-number=\"RS 2024-%05u\"/>\n", commission);
  for (guint k = 0; k < 2; k++)
    {
      g_string_append_printf (gen->seats, "<seat id=\"" UUID (0x0f, gen->n_seats++));
      g_string_append_printf (gen->seats, "\" commission=\"" UUID (0x0e, commission));
      g_string_append_printf (gen->seats, "\" organisation=\"" UUID (0x0a, (council + k) % 20));
      g_string_append (gen->seats, "\" seats=\"2\"/>\n");
    }

  for (guint k = 0; k < 3 && gen->n_groups < gen->target; k++)
    {
      guint sub = add_group (gen, (gint) council, "subgroup", "Undergrupp");

      add_assignment (gen, sub, "chair", "2025-01-01");
    }
  for (guint k = 0; k < 8 && gen->n_groups < gen->target; k++)
    {
      guint team = add_group (gen, (gint) council, "process_team", "Processteam");

      /* Every fifth team also reports to another council. */
      if (team % 5 == 0 && council > 20)
        {
          g_string_append_printf (gen->relations, "<relation id=\"" UUID (0x0d, gen->n_relations++));
          g_string_append_printf (gen->relations, "\" from=\"" UUID (0x0c, team));
          g_string_append_printf (gen->relations, "\" to=\"" UUID (0x0c, council - 12));
          g_string_append (gen->relations, "\" kind=\"reports_to\"/>\n");
        }
    }
}

/**
 * sam_test_generate_region:
 * @target: how many groups
 * @len: (out): the length of the XML
 *
 * Makes a region of @target groups as exchange XML: an executive group
 * over a management group with a priority council, a clinical management
 * and a corporate group, then areas of twelve councils, each council with
 * three subgroups and eight process teams, chairs, members, a commission
 * with seats, and some secondary relations. The same input always gives
 * the same register.
 *
 * Returns: (transfer full): the XML
 */
char *
sam_test_generate_region (guint  target,
                          gsize *len)
{
  Gen gen = { 0 };
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<register xmlns=\"urn:x-samordna:register:1\" version=\"1\">\n");
  guint executive, management;

  gen.target = target;
  gen.groups = g_string_new (NULL);
  gen.people = g_string_new (NULL);
  gen.commissions = g_string_new (NULL);
  gen.seats = g_string_new (NULL);
  gen.assignments = g_string_new (NULL);
  gen.relations = g_string_new (NULL);

  executive = add_group (&gen, -1, "executive_group", "Koncernledning");
  management = add_group (&gen, (gint) executive, "management_group", "Ledningsgrupp");
  add_group (&gen, (gint) management, "priority_council", "Prioriteringsråd");
  add_group (&gen, (gint) management, "clinical_management", "Klinisk ledning");
  add_group (&gen, (gint) management, "corporate_group", "Koncerngrupp");

  while (gen.n_groups < target)
    {
      guint area = add_group (&gen, (gint) management, "management_group", "Område");

      for (guint c = 0; c < 12 && gen.n_groups < target; c++)
        add_council (&gen, area);
    }

  g_string_append (xml, "<organisations>\n");
  for (guint i = 0; i < 20; i++)
    {
      g_string_append_printf (xml, "<organisation id=\"" UUID (0x0a, i));
      g_string_append_printf (xml, "\" name=\"Förvaltning %u\" kind=\"administration\"/>\n", i);
    }
  g_string_append (xml, "</organisations>\n");
  g_string_append_printf (xml, "<people>\n%s</people>\n", gen.people->str);
  g_string_append_printf (xml, "<groups>\n%s</groups>\n", gen.groups->str);
  g_string_append_printf (xml, "<relations>\n%s</relations>\n", gen.relations->str);
  g_string_append_printf (xml, "<commissions>\n%s</commissions>\n", gen.commissions->str);
  g_string_append_printf (xml, "<seats>\n%s</seats>\n", gen.seats->str);
  g_string_append_printf (xml, "<assignments>\n%s</assignments>\n", gen.assignments->str);
  g_string_append (xml, "</register>\n");

  g_string_free (gen.groups, TRUE);
  g_string_free (gen.people, TRUE);
  g_string_free (gen.commissions, TRUE);
  g_string_free (gen.seats, TRUE);
  g_string_free (gen.assignments, TRUE);
  g_string_free (gen.relations, TRUE);

  *len = xml->len;
  return g_string_free (xml, FALSE);
}
