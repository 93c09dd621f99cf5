/* test-xml.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sam-demo.h"
#include "sam-test-register.h"
#include "sam-store-private.h"
#include "sam-test-util.h"
#include "sam-xml.h"

/* The sanitizer build checks memory, not counts: it runs a fifth of the
 * kills (and a twenty-fifth of the random registers), and the plain
 * build runs them all. */
#if defined(__SANITIZE_ADDRESS__)
#define SCALE 5
#else
#define SCALE 1
#endif

#define KILLS (100 / SCALE)

#define NS "xmlns=\"" SAM_XML_NAMESPACE "\""
#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ORG_A "0a0e1c3e-1111-4111-8111-111111111111"
#define ORG_B "0b0e1c3e-1111-4111-8111-111111111111"
#define PERSON "1a0e1c3e-1111-4111-8111-111111111111"
#define MISSING "9f0e1c3e-1111-4111-8111-111111111111"

typedef struct
{
  char     *dir;
  SamStore *store;
} XmlFixture;

static void
fixture_set_up (XmlFixture    *fixture,
                gconstpointer  data)
{
  fixture->store = sam_test_new_tmp_store ("test-xml-XXXXXX", "register.sqlite", &fixture->dir, NULL);
}

static void
fixture_tear_down (XmlFixture    *fixture,
                   gconstpointer  data)
{
  sam_test_free_tmp_store (fixture->store, fixture->dir);
  g_free (fixture->dir);
}

static char *
export_string (SamStore   *store,
               const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "export.xml", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  sam_xml_export (store, path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);

  return contents;
}

static gboolean
import_string (SamStore          *store,
               const char        *xml,
               gsize              len,
               SamImportMode      mode,
               SamImportSummary  *summary,
               GError           **error)
{
  return sam_xml_import_memory (store, xml, len, "register.xml", mode, summary, error);
}

/* Every row of every table of the file, read on a connection of its own:
 * the exchange tables, the audit log and the full-text shadow tables. */
static char *
dump_database (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *query = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", name);
      sqlite3_stmt *rows = NULL;

      /* Virtual tables have no plain rows to compare; their shadow tables do. */
      if (sqlite3_prepare_v2 (db, query, -1, &rows, NULL) != SQLITE_OK)
        {
          g_autofree char *plain = g_strdup_printf ("SELECT * FROM \"%s\"", name);

          g_assert_cmpint (sqlite3_prepare_v2 (db, plain, -1, &rows, NULL), ==, SQLITE_OK);
        }
      g_string_append_printf (out, "[%s]\n", name);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            {
              const void *blob = sqlite3_column_blob (rows, i);
              int n = sqlite3_column_bytes (rows, i);

              g_string_append_printf (out, "%d:", sqlite3_column_type (rows, i));
              if (blob != NULL)
                g_string_append_len (out, blob, n);
              g_string_append_c (out, '|');
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

static guint
count_rows (const char *path)
{
  sqlite3 *db = NULL;
  guint total = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      g_autofree char *query = g_strdup_printf ("SELECT count(*) FROM %s", sam_schema_table (t)->sql_name);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      total += sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  return total;
}

static void
assert_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static SamTestRegister *
rich_register (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  SamTestRegisterSize size = {
    .organisations = 6, .people = 12, .groups = 10, .relations = 6, .commissions = 5,
    .seats = 8, .assignments = 20, .meetings = 10, .participations = 12, .agenda_items = 15,
    .attendances = 15, .decisions = 25, .escalations = 6, .info = 4, .rich = TRUE, .text_length = 8,
  };
  return sam_test_register_new (rand, &size);
}

/* A rich register imported and exported gives exactly the bytes our own
 * writer made for it, and so does a second round. */
static void
test_round_trip_rich (XmlFixture    *fixture,
                      gconstpointer  data)
{
  g_autoptr(SamTestRegister) reg = rich_register (20260312);
  g_autoptr(SamStore) second = sam_test_open_store (fixture->dir, "second.sqlite");
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *first_export = NULL;
  g_autofree char *second_export = NULL;
  SamImportSummary summary = { 0 };
  gsize len;

  xml = sam_test_register_to_xml (reg, &len);
  g_assert_nonnull (strstr (xml, "😀&#13;&#10;rad två&#9;flik&#13;slut&#10;\"/>"));
  g_assert_nonnull (strstr (xml, "<description>Åsa &amp; Örjan &lt;styr&gt; &quot;gruppen&quot; 'för' "
                                 "ärenden 😀&#13;\nrad två\tflik&#13;slut\n</description>"));

  import_string (fixture->store, xml, len, SAM_IMPORT_REPLACE, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, sam_test_register_n_rows (reg));
  sam_import_summary_clear (&summary);

  first_export = export_string (fixture->store, fixture->dir);
  g_assert_cmpstr (first_export, ==, xml);

  import_string (second, first_export, strlen (first_export), SAM_IMPORT_REPLACE, NULL, &error);
  g_assert_no_error (error);
  second_export = export_string (second, fixture->dir);
  g_assert_cmpstr (second_export, ==, first_export);

  g_assert_finalize_object (g_steal_pointer (&second));
}

/* The property: for many small random registers, export(import(x)) == x
 * byte for byte, where x is what an independent writer produced. */
static void
test_round_trip_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sam_test_make_tmp_dir ("test-xml-XXXXXX");
  /* Each register goes through every migration and an import: under the
   * sanitizers that is over a second, so they take a twenty-fifth. */
  guint n = (g_test_thorough () ? 5000 : 1000) / (SCALE * SCALE);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamTestRegister) reg = NULL;
      g_autofree char *name = g_strdup_printf ("r%u.sqlite", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_autofree char *xml = NULL;
      g_autofree char *exported = NULL;
      g_autoptr(SamStore) store = NULL;
      SamTestRegisterSize size;
      gsize len;

      sam_test_register_small_size (rand, &size);
      reg = sam_test_register_new (rand, &size);
      xml = sam_test_register_to_xml (reg, &len);

      store = sam_test_open_store (dir, name);
      if (!import_string (store, xml, len, SAM_IMPORT_REPLACE, NULL, &error))
        g_error ("register %u: %s\n%s", i, error->message, xml);
      exported = export_string (store, dir);
      if (g_strcmp0 (exported, xml) != 0)
        g_error ("register %u differs after a round trip:\n%s\n---\n%s", i, xml, exported);

      g_assert_finalize_object (g_steal_pointer (&store));
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }

  sam_test_remove_tree (dir);
}

static char *
find_xsd (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "..", "data", "samordna-register.xsd", NULL);
}

/* What every export must pass with the schema's own validator. */
static void
test_export_validates (XmlFixture    *fixture,
                       gconstpointer  data)
{
  g_autoptr(SamTestRegister) reg = rich_register (7);
  g_autoptr(GError) error = NULL;
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *xsd = find_xsd ();
  g_autofree char *path = g_build_filename (fixture->dir, "valid.xml", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gsize len;
  int status;

  if (xmllint == NULL)
    g_error ("xmllint is missing: install libxml2-utils");

  xml = sam_test_register_to_xml (reg, &len);
  import_string (fixture->store, xml, len, SAM_IMPORT_REPLACE, NULL, &error);
  g_assert_no_error (error);
  sam_xml_export (fixture->store, path, NULL, NULL, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { xmllint, "--noout", "--schema", xsd, path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("xmllint: %s", err);
  }

  /* An empty register too: every section written, empty. */
  {
    g_autoptr(SamStore) empty = sam_test_open_store (fixture->dir, "empty.sqlite");
    g_autofree char *empty_xml = export_string (empty, fixture->dir);
    const char *argv[] = { xmllint, "--noout", "--schema", xsd, path, NULL };

    g_assert_nonnull (strstr (empty_xml, "  <groups/>\n"));
    g_file_set_contents (path, empty_xml, -1, &error);
    g_assert_no_error (error);
    g_clear_pointer (&err, g_free);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("xmllint: %s", err);
    g_assert_finalize_object (g_steal_pointer (&empty));
  }
}

/* The schema and the descriptor name the same elements, attributes and
 * enumerations. */
static void
test_xsd_matches_schema (void)
{
  g_autofree char *xsd = find_xsd ();
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (xsd, &text, NULL, &error);
  g_assert_no_error (error);

  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      const SamTableInfo *info = sam_schema_table (t);
      g_autofree char *type = g_strdup_printf ("<xs:complexType name=\"%s\">", info->element);
      g_autofree char *section = g_strdup_printf ("<xs:element name=\"%s\" minOccurs=\"0\">", info->section);
      const char *start = strstr (text, type);
      const char *end;
      g_autofree char *body = NULL;

      g_assert_nonnull (start);
      g_assert_nonnull (strstr (text, section));
      end = strstr (start, "</xs:complexType>");
      body = g_strndup (start, end - start);

      for (guint c = 0; c < info->n_columns; c++)
        {
          const SamColumn *column = &info->columns[c];
          g_autofree char *needle = column->type == SAM_COLUMN_TEXT
            ? g_strdup_printf ("<xs:element name=\"%s\" type=\"xs:string\"%s/>", column->xml_name,
                               column->required ? "" : " minOccurs=\"0\"")
            : g_strdup_printf ("<xs:attribute name=\"%s\" ", column->xml_name);
          const char *at = strstr (body, needle);

          if (at == NULL)
            g_error ("%s.%s is missing from the XSD", info->element, column->xml_name);
          if (column->type != SAM_COLUMN_TEXT)
            {
              const char *line_end = strchr (at, '\n');
              g_autofree char *line = g_strndup (at, line_end - at);

              g_assert_true ((strstr (line, "use=\"required\"") != NULL) == column->required);
            }
          if (column->type == SAM_COLUMN_ENUM)
            {
              g_autofree char *enum_type = g_strdup_printf ("<xs:simpleType name=\"%s-%s\">",
                                                            info->element, column->xml_name);
              const char *enum_start = strstr (text, enum_type);
              g_autofree char *enum_body = NULL;
              guint n = 0;

              g_assert_nonnull (enum_start);
              enum_body = g_strndup (enum_start, strstr (enum_start, "</xs:simpleType>") - enum_start);
              for (const char *p = enum_body; (p = strstr (p, "<xs:enumeration")) != NULL; p++)
                n++;
              g_assert_cmpuint (n, ==, column->enum_info->n_values);
              for (guint v = 0; sam_schema_enum_nick (column, v) != NULL; v++)
                {
                  g_autofree char *value = g_strdup_printf ("value=\"%s\"", sam_schema_enum_nick (column, v));

                  g_assert_nonnull (strstr (enum_body, value));
                }
            }
        }
    }
}

typedef struct
{
  const char *name;
  const char *xml;        /* NULL: built by the test */
  GQuark      domain;
  int         code;
  int         line;
} HostileCase;

static char *
build_hostile (const char *name,
               gsize      *len)
{
  GString *out = g_string_new (NULL);

  if (strcmp (name, "empty") == 0)
    ;
  else if (strcmp (name, "binary") == 0)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (1);

      for (guint i = 0; i < 4096; i++)
        g_string_append_c (out, (char) g_rand_int_range (rand, 0, 256));
    }
  else if (strcmp (name, "deep") == 0)
    {
      g_string_append (out, HEAD "<register " NS " version=\"1\">");
      for (guint i = 0; i < 300; i++)
        g_string_append (out, "<organisations>");
      for (guint i = 0; i < 300; i++)
        g_string_append (out, "</organisations>");
      g_string_append (out, "</register>\n");
    }
  else if (strcmp (name, "huge-text") == 0 || strcmp (name, "long-text") == 0)
    {
      gsize n = strcmp (name, "huge-text") == 0 ? 11 * 1024 * 1024 : 2 * 1024 * 1024;

      g_string_append (out, HEAD "<register " NS " version=\"1\">\n<groups>\n"
                            "<group id=\"" ORG_A "\" name=\"x\" kind=\"council\">\n<description>");
      for (gsize i = 0; i < n / 8; i++)
        g_string_append (out, "abcdefgh");
      g_string_append (out, "</description></group></groups></register>\n");
    }
  else if (strcmp (name, "huge-attribute") == 0)
    {
      g_string_append (out, HEAD "<register " NS " version=\"1\">\n<organisations>\n"
                            "<organisation id=\"" ORG_A "\" kind=\"other\" name=\"");
      for (gsize i = 0; i < 11 * 1024 * 1024 / 8; i++)
        g_string_append (out, "abcdefgh");
      g_string_append (out, "\"/></organisations></register>\n");
    }
  else if (strcmp (name, "truncated") == 0)
    {
      /* The register the test merges into, so only the cut is wrong. */
      g_autoptr(SamTestRegister) reg = rich_register (11);
      g_autofree char *xml = sam_test_register_to_xml (reg, len);

      g_string_append_len (out, xml, *len / 2);
    }
  else
    g_assert_not_reached ();

  *len = out->len;

  return g_string_free (out, FALSE);
}

#define SAM_XML SAM_XML_ERROR
#define STORE SAM_STORE_ERROR

static const HostileCase hostile_cases[] = {
  { "empty", NULL, 0, SAM_XML_ERROR_MALFORMED, 1 },
  { "blank", "  \n\n", 0, SAM_XML_ERROR_MALFORMED, 3 },
  { "binary", NULL, 0, SAM_XML_ERROR_MALFORMED, 1 },
  { "not-xml", "Namn;Organisation\nAnna;Region\n", 0, SAM_XML_ERROR_MALFORMED, 1 },
  { "not-well-formed", HEAD "<register " NS " version=\"1\">\n<organisations>\n</people>\n</register>\n",
    0, SAM_XML_ERROR_MALFORMED, 4 },
  { "truncated", NULL, 0, SAM_XML_ERROR_MALFORMED, -1 },
  { "wrong-root", HEAD "<registry " NS " version=\"1\"/>\n", 0, SAM_XML_ERROR_NOT_REGISTER, 2 },
  { "wrong-namespace", HEAD "<register xmlns=\"urn:x-other\" version=\"1\"/>\n", 0, SAM_XML_ERROR_NOT_REGISTER, 2 },
  { "no-namespace", HEAD "<register version=\"1\"/>\n", 0, SAM_XML_ERROR_NOT_REGISTER, 2 },
  { "newer-version", HEAD "<register " NS " version=\"2\"/>\n", 0, SAM_XML_ERROR_VERSION, 2 },
  { "doctype", HEAD "<!DOCTYPE register>\n<register " NS " version=\"1\"/>\n", 0, SAM_XML_ERROR_FORBIDDEN, 2 },
  { "xxe", HEAD "<!DOCTYPE register [\n<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
           "<register " NS " version=\"1\"><info key=\"a\" value=\"&xxe;\"/></register>\n",
    0, SAM_XML_ERROR_FORBIDDEN, 2 },
  { "external-dtd", HEAD "<!DOCTYPE register SYSTEM \"http://example.invalid/register.dtd\">\n"
                    "<register " NS " version=\"1\"/>\n", 0, SAM_XML_ERROR_FORBIDDEN, 2 },
  { "billion-laughs", HEAD "<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
    "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n<register " NS " version=\"1\"><info key=\"a\" value=\"&lol9;\"/></register>\n",
    0, SAM_XML_ERROR_FORBIDDEN, 2 },
  { "undeclared-entity", HEAD "<register " NS " version=\"1\">\n<info key=\"a\" value=\"&lol;\"/>\n</register>\n",
    0, SAM_XML_ERROR_FORBIDDEN, 3 },
  { "xinclude", HEAD "<register " NS " version=\"1\">\n<organisations>\n"
                "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>\n"
                "</organisations>\n</register>\n", 0, SAM_XML_ERROR_INVALID, 4 },
  { "deep", NULL, 0, SAM_XML_ERROR_INVALID, 2 },
  { "huge-text", NULL, 0, SAM_XML_ERROR_LIMIT, -1 },
  { "long-text", NULL, 0, SAM_XML_ERROR_LIMIT, -1 },
  { "huge-attribute", NULL, 0, SAM_XML_ERROR_LIMIT, -1 },
  { "invalid-utf8", HEAD "<register " NS " version=\"1\">\n<info key=\"a\" value=\"\xff\xfe\xc3\"/>\n</register>\n",
    0, SAM_XML_ERROR_MALFORMED, 3 },
  { "latin1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<register " NS " version=\"1\"/>\n",
    0, SAM_XML_ERROR_MALFORMED, 1 },
  { "control-character", HEAD "<register " NS " version=\"1\">\n<info key=\"a\" value=\"&#1;\"/>\n</register>\n",
    0, SAM_XML_ERROR_MALFORMED, 3 },
  { "dangling-reference", HEAD "<register " NS " version=\"1\">\n<people>\n"
                          "<person id=\"" PERSON "\" name=\"Anna\" organisation=\"" MISSING "\"/>\n"
                          "</people>\n</register>\n", 1, SAM_STORE_ERROR_REFERENCE, 4 },
  { "duplicate-id", HEAD "<register " NS " version=\"1\">\n<organisations>\n"
                    "<organisation id=\"" ORG_A "\" name=\"A\" kind=\"other\"/>\n"
                    "<organisation id=\"" ORG_A "\" name=\"B\" kind=\"other\"/>\n"
                    "</organisations>\n</register>\n", 1, SAM_STORE_ERROR_DUPLICATE, 5 },
  { "unknown-element", HEAD "<register " NS " version=\"1\">\n<organisations>\n<person/>\n"
                       "</organisations>\n</register>\n", 0, SAM_XML_ERROR_INVALID, 4 },
  { "unknown-section", HEAD "<register " NS " version=\"1\">\n<secrets/>\n</register>\n",
    0, SAM_XML_ERROR_INVALID, 3 },
  { "unknown-attribute", HEAD "<register " NS " version=\"1\">\n<organisations>\n"
                         "<organisation id=\"" ORG_A "\" name=\"A\" kind=\"other\" colour=\"red\"/>\n"
                         "</organisations>\n</register>\n", 0, SAM_XML_ERROR_INVALID, 4 },
  { "missing-required", HEAD "<register " NS " version=\"1\">\n<organisations>\n"
                        "<organisation id=\"" ORG_A "\" kind=\"other\"/>\n"
                        "</organisations>\n</register>\n", 0, SAM_XML_ERROR_INVALID, 4 },
  { "missing-id", HEAD "<register " NS " version=\"1\">\n<organisations>\n"
                  "<organisation name=\"A\" kind=\"other\"/>\n</organisations>\n</register>\n",
    0, SAM_XML_ERROR_INVALID, 4 },
  { "bad-uuid", HEAD "<register " NS " version=\"1\">\n<organisations>\n"
                "<organisation id=\"0A0E1C3E-1111-4111-8111-111111111111\" name=\"A\" kind=\"other\"/>\n"
                "</organisations>\n</register>\n", 0, SAM_XML_ERROR_INVALID, 4 },
  { "bad-enum", HEAD "<register " NS " version=\"1\">\n<organisations>\n"
                "<organisation id=\"" ORG_A "\" name=\"A\" kind=\"Council\"/>\n"
                "</organisations>\n</register>\n", 0, SAM_XML_ERROR_INVALID, 4 },
  { "bad-int", HEAD "<register " NS " version=\"1\">\n<groups>\n"
               "<group id=\"" ORG_A "\" name=\"A\" kind=\"council\" position=\"1e3\"/>\n"
               "</groups>\n</register>\n", 0, SAM_XML_ERROR_INVALID, 4 },
  { "bad-date", HEAD "<register " NS " version=\"1\">\n<groups>\n"
                "<group id=\"" ORG_A "\" name=\"A\" kind=\"council\" established=\"2026-02-30\"/>\n"
                "</groups>\n</register>\n", 0, SAM_XML_ERROR_INVALID, 4 },
  { "bad-datetime", HEAD "<register " NS " version=\"1\">\n<meetings>\n"
                    "<meeting id=\"" ORG_A "\" title=\"M\" kind=\"ordinary\" status=\"planned\" "
                    "starts=\"2026-03-12 13:00\" ends=\"2026-03-12T14:00:00Z\"/>\n"
                    "</meetings>\n</register>\n", 0, SAM_XML_ERROR_INVALID, 4 },
  { "sections-out-of-order", HEAD "<register " NS " version=\"1\">\n<people/>\n<organisations/>\n</register>\n",
    0, SAM_XML_ERROR_INVALID, 4 },
  { "text-in-section", HEAD "<register " NS " version=\"1\">\n<organisations>\nhello\n</organisations>\n</register>\n",
    0, SAM_XML_ERROR_INVALID, -1 },
  { "text-column-as-attribute", HEAD "<register " NS " version=\"1\">\n<groups>\n"
                                "<group id=\"" ORG_A "\" name=\"A\" kind=\"council\" description=\"d\"/>\n"
                                "</groups>\n</register>\n", 0, SAM_XML_ERROR_INVALID, 4 },
  { "info-after-section", HEAD "<register " NS " version=\"1\">\n<organisations/>\n"
                          "<info key=\"a\" value=\"b\"/>\n</register>\n", 0, SAM_XML_ERROR_INVALID, 4 },
  { "extra-root", HEAD "<register " NS " version=\"1\"/>\n<register " NS " version=\"1\"/>\n",
    0, SAM_XML_ERROR_MALFORMED, 3 },
};

static char *
line_text (int line)
{
  return g_strdup_printf (", line %d:", line);
}

/* Each hostile file is refused with the right kind of error naming its line,
 * and the register, with data in it, is exactly as before. */
static void
test_hostile (XmlFixture    *fixture,
              gconstpointer  data)
{
  g_autoptr(SamTestRegister) reg = rich_register (11);
  g_autoptr(SamStore) empty = sam_test_open_store (fixture->dir, "empty.sqlite");
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *before = NULL;
  g_autofree char *dump_before = NULL;
  gsize len;

  xml = sam_test_register_to_xml (reg, &len);
  import_string (fixture->store, xml, len, SAM_IMPORT_REPLACE, NULL, &error);
  g_assert_no_error (error);
  before = export_string (fixture->store, fixture->dir);
  dump_before = dump_database (sam_store_get_path (fixture->store));

  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      const HostileCase *test = &hostile_cases[i];
      GQuark domain = test->domain == 0 ? SAM_XML_ERROR : SAM_STORE_ERROR;
      g_autofree char *input = NULL;
      g_autofree char *after = NULL;
      g_autofree char *dump_after = NULL;
      gsize input_len;

      g_test_message ("hostile input: %s", test->name);
      if (test->xml != NULL)
        {
          input = g_strdup (test->xml);
          input_len = strlen (input);
        }
      else
        input = build_hostile (test->name, &input_len);

      for (guint mode = 0; mode < 2; mode++)
        {
          SamStore *store = mode == 0 ? empty : fixture->store;
          SamImportSummary summary = { 0 };
          gboolean ok;

          ok = import_string (store, input, input_len, mode == 0 ? SAM_IMPORT_REPLACE : SAM_IMPORT_MERGE,
                              &summary, &error);
          g_assert_false (ok);
          g_assert_nonnull (error);
          g_test_message ("  %s", error->message);
          if (test->code >= 0)
            g_assert_error (error, domain, test->code);
          else
            g_assert_true (error->domain == SAM_XML_ERROR);
          g_assert_true (g_str_has_prefix (error->message, "register.xml, line "));
          if (test->line > 0)
            {
              g_autofree char *where = line_text (test->line);

              if (strstr (error->message, where) == NULL)
                g_error ("%s: expected line %d in “%s”", test->name, test->line, error->message);
            }
          g_clear_error (&error);
          sam_import_summary_clear (&summary);
        }

      g_assert_true (sam_store_is_empty (empty));
      after = export_string (fixture->store, fixture->dir);
      g_assert_cmpstr (after, ==, before);
      dump_after = dump_database (sam_store_get_path (fixture->store));
      g_assert_cmpstr (dump_after, ==, dump_before);
    }

  g_assert_finalize_object (g_steal_pointer (&empty));
}

/* A file that goes wrong in its last row leaves no trace of the rows before
 * it: every table, the audit log and the search index are as they were. */
static void
test_rollback (XmlFixture    *fixture,
               gconstpointer  data)
{
  g_autoptr(SamTestRegister) reg = rich_register (12);
  g_autoptr(SamTestRegister) other = rich_register (13);
  g_autoptr(SamStore) empty = sam_test_open_store (fixture->dir, "empty.sqlite");
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_after = NULL;
  g_autofree char *empty_before = NULL;
  g_autofree char *empty_after = NULL;
  char *end;
  gsize len;

  xml = sam_test_register_to_xml (reg, &len);
  import_string (fixture->store, xml, len, SAM_IMPORT_REPLACE, NULL, &error);
  g_assert_no_error (error);

  /* Another register, broken at its very end by a dangling reference. */
  g_clear_pointer (&xml, g_free);
  xml = sam_test_register_to_xml (other, &len);
  end = strstr (xml, "  </escalations>");
  g_assert_nonnull (end);
  *end = '\0';
  bad = g_strconcat (xml, "    <escalation id=\"" ORG_A "\" decision=\"" MISSING "\" escalated=\"2026-01-01\" "
                     "to-other=\"x\">\n      <reason>r</reason>\n    </escalation>\n  </escalations>\n</register>\n", NULL);

  dump_before = dump_database (sam_store_get_path (fixture->store));
  empty_before = dump_database (sam_store_get_path (empty));

  g_assert_false (import_string (fixture->store, bad, strlen (bad), SAM_IMPORT_MERGE, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE);
  g_clear_error (&error);
  g_assert_false (import_string (empty, bad, strlen (bad), SAM_IMPORT_REPLACE, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE);
  g_clear_error (&error);

  dump_after = dump_database (sam_store_get_path (fixture->store));
  g_assert_cmpstr (dump_after, ==, dump_before);
  empty_after = dump_database (sam_store_get_path (empty));
  g_assert_cmpstr (empty_after, ==, empty_before);
  g_assert_true (sam_store_is_empty (empty));

  /* And replace refuses a register that is not empty, before reading. */
  g_assert_false (import_string (fixture->store, xml, len, SAM_IMPORT_REPLACE, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_EMPTY);

  g_assert_finalize_object (g_steal_pointer (&empty));
}

#define GROUP "2a0e1c3e-1111-4111-8111-111111111111"
#define DECISION_1 "3a0e1c3e-1111-4111-8111-111111111111"
#define DECISION_2 "3b0e1c3e-1111-4111-8111-111111111111"
#define ORG_C "0c0e1c3e-1111-4111-8111-111111111111"

static char *
merge_register (const char *org_b_name,
                const char *decision_title,
                const char *draft_title,
                gboolean    more)
{
  return g_strdup_printf (HEAD "<register " NS " version=\"1\">\n"
                          "  <info key=\"name\" value=\"%s\"/>\n"
                          "  <organisations>\n"
                          "    <organisation id=\"" ORG_A "\" name=\"Västra regionen\" kind=\"administration\"/>\n"
                          "    <organisation id=\"" ORG_B "\" name=\"%s\" kind=\"municipality\"/>\n"
                          "%s"
                          "  </organisations>\n"
                          "  <people>%s</people>\n"
                          "  <groups>\n"
                          "    <group id=\"" GROUP "\" code=\"AOI\" name=\"Anestesi, operation, intensivvård\" kind=\"council\"/>\n"
                          "  </groups>\n"
                          "  <decisions>\n"
                          "    <decision id=\"" DECISION_1 "\" group=\"" GROUP "\" year=\"2026\" serial=\"1\" "
                          "mandate=\"line_mandates\" status=\"decided\" title=\"%s\"><body>Text</body></decision>\n"
                          "    <decision id=\"" DECISION_2 "\" group=\"" GROUP "\" mandate=\"none\" status=\"draft\" "
                          "title=\"%s\"/>\n"
                          "  </decisions>\n"
                          "</register>\n",
                          more ? "Annat namn" : "Samordningsråd",
                          org_b_name,
                          more ? "    <organisation id=\"" ORG_C "\" name=\"Universitetet\" kind=\"academia\"/>\n" : "",
                          more ? "<person id=\"" PERSON "\" name=\"Anna Ek\" organisation=\"" ORG_C "\"/>" : "",
                          decision_title, draft_title);
}

/* Merge by UUID: new rows are added, changed ones updated, equal ones left,
 * and a registered decision that differs is a conflict, kept as it was. */
static void
test_merge (XmlFixture    *fixture,
            gconstpointer  data)
{
  g_autofree char *base = merge_register ("Kommunen", "Beslut om rutin", "Utkast", FALSE);
  g_autofree char *incoming = merge_register ("Kommunen i väst", "Ändrat beslut", "Nytt utkast", TRUE);
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  SamImportSummary summary = { 0 };

  import_string (fixture->store, base, strlen (base), SAM_IMPORT_REPLACE, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 5);
  sam_import_summary_clear (&summary);

  import_string (fixture->store, incoming, strlen (incoming), SAM_IMPORT_MERGE, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 2);      /* the university and Anna */
  g_assert_cmpuint (summary.updated, ==, 2);    /* the municipality's name, the draft */
  g_assert_cmpuint (summary.unchanged, ==, 2);  /* the region, the council */
  g_assert_nonnull (summary.conflicts);
  g_assert_cmpuint (summary.conflicts->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (summary.conflicts, 0), "register.xml, line "));
  sam_import_summary_clear (&summary);

  exported = export_string (fixture->store, fixture->dir);
  g_assert_nonnull (strstr (exported, "name=\"Kommunen i väst\""));
  g_assert_nonnull (strstr (exported, "title=\"Beslut om rutin\""));
  g_assert_null (strstr (exported, "Ändrat beslut"));
  g_assert_nonnull (strstr (exported, "title=\"Nytt utkast\""));
  g_assert_nonnull (strstr (exported, "name=\"Anna Ek\""));
  /* The register keeps its own name. */
  g_assert_nonnull (strstr (exported, "value=\"Samordningsråd\""));

  /* Merging the same file again changes nothing. */
  import_string (fixture->store, incoming, strlen (incoming), SAM_IMPORT_MERGE, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.updated, ==, 0);
  g_assert_cmpuint (summary.unchanged, ==, 6);
  g_assert_cmpuint (summary.conflicts->len, ==, 1);
  sam_import_summary_clear (&summary);
}

/* A merge reads the file before it takes the write lock; another
 * connection (the window's, while a worker merges) may change the
 * register in between. The hook makes that change right after the
 * staging, on the connection of the fixture. */
typedef struct
{
  SamStore   *other;
  const char *org;         /* the organisation to rename, or NULL to add one */
  guint       n_staged;
  guint       n_locked;
  guint       n_committed;
} Between;

static void
write_between_cb (SamStoreMergeStep step,
                  gpointer          user_data)
{
  Between *between = user_data;
  g_autoptr(SamOrganisation) org = NULL;
  g_autoptr(GError) error = NULL;

  switch (step)
    {
    case SAM_STORE_MERGE_STAGED:
      if (between->n_staged++ > 0)
        return;
      if (between->org != NULL)
        {
          org = sam_store_dup_by_uuid (between->other, SAM_TYPE_ORGANISATION, between->org, &error);
          g_assert_no_error (error);
          g_object_set (org, "name", "Ändrad under sammanslagningen", NULL);
        }
      else
        {
          org = sam_organisation_new ();
          g_object_set (org, "name", "Tillagd under sammanslagningen", NULL);
        }
      g_assert_true (sam_store_save (between->other, org, &error));
      g_assert_no_error (error);
      break;

    case SAM_STORE_MERGE_LOCKED:
      between->n_locked++;
      break;

    case SAM_STORE_MERGE_COMMITTED:
      between->n_committed++;
      break;
    }
}

static void
merge_with_write_between (XmlFixture        *fixture,
                          Between           *between,
                          SamImportSummary  *summary)
{
  g_autofree char *base = merge_register ("Kommunen", "Beslut om rutin", "Utkast", FALSE);
  g_autofree char *incoming = merge_register ("Kommunen i väst", "Ändrat beslut", "Nytt utkast", TRUE);
  g_autoptr(SamStore) worker = NULL;
  g_autoptr(GError) error = NULL;
  SamImportSummary first = { 0 };

  import_string (fixture->store, base, strlen (base), SAM_IMPORT_REPLACE, &first, &error);
  g_assert_no_error (error);
  sam_import_summary_clear (&first);

  worker = sam_store_open (sam_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  between->other = fixture->store;
  _sam_store_set_merge_hook (write_between_cb, between);
  import_string (worker, incoming, strlen (incoming), SAM_IMPORT_MERGE, summary, &error);
  _sam_store_set_merge_hook (NULL, NULL);
  g_assert_no_error (error);
}

/* The region, which the file has as the register had it, is renamed
 * between the staging and the lock: the staging is out of date and the
 * file is read again, so the merge ends as if it had started after the
 * change (the file's name wins, one more row is updated). Before the
 * merge checked for that, it wrote the staging's view: the region kept
 * the new name and was counted unchanged. */
static void
test_merge_write_between (XmlFixture    *fixture,
                          gconstpointer  data)
{
  Between between = { .org = ORG_A };
  SamImportSummary summary = { 0 };
  g_autoptr(SamOrganisation) region = NULL;

  merge_with_write_between (fixture, &between, &summary);

  g_assert_cmpuint (between.n_staged, ==, 2);
  g_assert_cmpuint (between.n_locked, ==, 2);   /* the first time to find the staging out of date */
  g_assert_cmpuint (between.n_committed, ==, 1);
  g_assert_cmpuint (summary.added, ==, 2);
  g_assert_cmpuint (summary.updated, ==, 3);    /* the region too, back to the file's name */
  g_assert_cmpuint (summary.unchanged, ==, 1);  /* the council */
  sam_import_summary_clear (&summary);

  region = sam_store_dup_by_uuid (fixture->store, SAM_TYPE_ORGANISATION, ORG_A, NULL);
  g_assert_cmpstr (sam_organisation_get_name (region), ==, "Västra regionen");
}

/* A change to a row the file does not have leaves the staging valid: the
 * merge takes the lock, finds every row it left as it was still so, and
 * writes without reading the file again; the change stays. */
static void
test_merge_write_elsewhere (XmlFixture    *fixture,
                            gconstpointer  data)
{
  Between between = { .org = NULL };
  SamImportSummary summary = { 0 };
  g_autofree char *exported = NULL;

  merge_with_write_between (fixture, &between, &summary);

  g_assert_cmpuint (between.n_staged, ==, 1);
  g_assert_cmpuint (between.n_locked, ==, 1);
  g_assert_cmpuint (summary.added, ==, 2);
  g_assert_cmpuint (summary.updated, ==, 2);
  g_assert_cmpuint (summary.unchanged, ==, 2);
  sam_import_summary_clear (&summary);

  exported = export_string (fixture->store, fixture->dir);
  g_assert_nonnull (strstr (exported, "name=\"Tillagd under sammanslagningen\""));
  g_assert_nonnull (strstr (exported, "name=\"Kommunen i väst\""));
}

/* A change made while the merge holds the write lock waits for it, and
 * is then made: it does not fail as busy. The writer runs in a thread of
 * its own, as the window's main thread does beside the merge's worker. */
typedef struct
{
  SamStore *store;
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Writer;

static gpointer
writer_thread (gpointer user_data)
{
  Writer *writer = user_data;
  g_autoptr(SamOrganisation) org = sam_organisation_new ();

  g_object_set (org, "name", "Väntade på sammanslagningen", NULL);
  writer->ok = sam_store_save (writer->store, org, &writer->error);
  g_atomic_int_set (&writer->done, TRUE);

  return NULL;
}

typedef struct
{
  Writer  *writer;
  GThread *thread;
  guint    waits_before;
} Waiting;

static void
write_while_locked_cb (SamStoreMergeStep step,
                       gpointer          user_data)
{
  Waiting *waiting = user_data;

  if (step != SAM_STORE_MERGE_LOCKED || waiting->thread != NULL)
    return;

  /* The merge goes on only once the writer is waiting for its lock. */
  waiting->waits_before = _sam_store_get_busy_waits (waiting->writer->store);
  waiting->thread = g_thread_new ("writer", writer_thread, waiting->writer);
  sam_test_wait_for (_sam_store_get_busy_waits (waiting->writer->store) > waiting->waits_before
                       || g_atomic_int_get (&waiting->writer->done));
  g_assert_false (g_atomic_int_get (&waiting->writer->done));
}

static void
test_merge_writer_waits (XmlFixture    *fixture,
                         gconstpointer  data)
{
  g_autofree char *base = merge_register ("Kommunen", "Beslut om rutin", "Utkast", FALSE);
  g_autofree char *incoming = merge_register ("Kommunen i väst", "Ändrat beslut", "Nytt utkast", TRUE);
  g_autoptr(SamStore) worker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  SamImportSummary summary = { 0 };
  Writer writer = { .store = fixture->store };
  Waiting waiting = { .writer = &writer };

  import_string (fixture->store, base, strlen (base), SAM_IMPORT_REPLACE, &summary, &error);
  g_assert_no_error (error);
  sam_import_summary_clear (&summary);

  worker = sam_store_open (sam_store_get_path (fixture->store), &error);
  g_assert_no_error (error);
  _sam_store_set_merge_hook (write_while_locked_cb, &waiting);
  import_string (worker, incoming, strlen (incoming), SAM_IMPORT_MERGE, &summary, &error);
  _sam_store_set_merge_hook (NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.updated, ==, 2);
  sam_import_summary_clear (&summary);

  g_assert_nonnull (waiting.thread);
  g_thread_join (waiting.thread);
  g_assert_no_error (writer.error);
  g_assert_true (writer.ok);

  exported = export_string (fixture->store, fixture->dir);
  g_assert_nonnull (strstr (exported, "name=\"Väntade på sammanslagningen\""));
  g_assert_nonnull (strstr (exported, "name=\"Kommunen i väst\""));
}

#define GROUP_B "2b0e1c3e-1111-4111-8111-111111111111"
#define GROUP_C "2c0e1c3e-1111-4111-8111-111111111111"
#define DECISION_0 "3f0e1c3e-1111-4111-8111-111111111111"
#define DECISION_3 "3c0e1c3e-1111-4111-8111-111111111111"
#define DECISION_4 "3d0e1c3e-1111-4111-8111-111111111111"
#define DECISION_5 "3e0e1c3e-1111-4111-8111-111111111111"
#define DECISIONS_HEAD(code) HEAD "<register " NS " version=\"1\">\n<groups>\n" \
  "<group id=\"" GROUP "\" code=\"" code "\" name=\"Anestesi, operation, intensivvård\" kind=\"council\"/>\n" \
  "</groups>\n<decisions>\n"
#define DECISION(id, serial, status, extra, title) \
  "<decision id=\"" id "\" group=\"" GROUP "\" year=\"2026\" serial=\"" serial "\" decided=\"2026-03-12\" " \
  "mandate=\"line_mandates\" status=\"" status "\" " extra "title=\"" title "\"><body>Text</body></decision>\n"
#define DECISIONS_TAIL "</decisions>\n</register>\n"

/* Defect 3: a register file with a circle was accepted, and then the chart
 * and the escalation proposal of a group in it never came back. Refused,
 * with the file, the line and the groups. */
static void
test_import_cycles (XmlFixture    *fixture,
                    gconstpointer  data)
{
  static const struct {
    const char *xml;
    const char *where;
    const char *what;
  } files[] = {
    { HEAD "<register " NS " version=\"1\">\n<groups>\n"
      "<group id=\"" GROUP "\" name=\"Gruppen A\" kind=\"council\" parent=\"" GROUP_B "\"/>\n"
      "<group id=\"" GROUP_B "\" name=\"Gruppen B\" kind=\"subgroup\" parent=\"" GROUP "\"/>\n"
      "</groups>\n</register>\n", "register.xml, line 4: ", "Gruppen A" },
    { HEAD "<register " NS " version=\"1\">\n<groups>\n"
      "<group id=\"" GROUP "\" name=\"Gruppen A\" kind=\"council\" parent=\"" GROUP_C "\"/>\n"
      "<group id=\"" GROUP_B "\" name=\"Gruppen B\" kind=\"subgroup\" parent=\"" GROUP "\"/>\n"
      "<group id=\"" GROUP_C "\" name=\"Gruppen C\" kind=\"subgroup\" parent=\"" GROUP_B "\"/>\n"
      "</groups>\n</register>\n", "register.xml, line 4: ", "Gruppen A" },
    { HEAD "<register " NS " version=\"1\">\n<groups>\n"
      "<group id=\"" GROUP "\" name=\"Gruppen A\" kind=\"council\"/>\n"
      "<group id=\"" GROUP_B "\" name=\"Gruppen B\" kind=\"council\"/>\n"
      "</groups>\n<relations>\n"
      "<relation id=\"" ORG_A "\" from=\"" GROUP "\" to=\"" GROUP_B "\" kind=\"reports_to\"/>\n"
      "<relation id=\"" ORG_B "\" from=\"" GROUP_B "\" to=\"" GROUP "\" kind=\"reports_to\"/>\n"
      "</relations>\n</register>\n", "register.xml, line 8: ", "Gruppen A" },
    { DECISIONS_HEAD ("HX1")
      DECISION (DECISION_1, "1", "decided", "supersedes=\"" DECISION_1 "\" ", "Om sig självt")
      DECISIONS_TAIL, "register.xml, line 7: ", "Om sig självt" },
    { DECISIONS_HEAD ("HX1")
      DECISION (DECISION_1, "1", "superseded", "supersedes=\"" DECISION_2 "\" ", "Första")
      DECISION (DECISION_2, "2", "superseded", "supersedes=\"" DECISION_1 "\" ", "Andra")
      DECISIONS_TAIL, "register.xml, line 7: ", "Första" },
    { DECISIONS_HEAD ("HX1")
      "<decision id=\"" DECISION_1 "\" group=\"" GROUP "\" year=\"-2026\" serial=\"-5\" decided=\"2026-03-12\" "
      "mandate=\"line_mandates\" status=\"decided\" title=\"Negativt\"/>\n"
      DECISIONS_TAIL, "register.xml, line 7: ", "Negativt" },
    { DECISIONS_HEAD ("HX1")
      "<decision id=\"" DECISION_1 "\" group=\"" GROUP "\" year=\"0\" serial=\"1\" decided=\"2026-03-12\" "
      "mandate=\"line_mandates\" status=\"decided\" title=\"År noll\"/>\n"
      DECISIONS_TAIL, "register.xml, line 7: ", "År noll" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      const char *xml = files[i].xml;
      g_autoptr(GError) error = NULL;

      for (SamImportMode mode = SAM_IMPORT_REPLACE; mode <= SAM_IMPORT_MERGE; mode++)
        {
          g_assert_false (import_string (fixture->store, xml, strlen (xml), mode, NULL, &error));
          g_assert_nonnull (error);
          g_test_message ("%s", error->message);
          if (!g_str_has_prefix (error->message, files[i].where) || strstr (error->message, files[i].what) == NULL)
            g_error ("file %u: “%s” does not say “%s” and “%s”", i, error->message, files[i].where, files[i].what);
          g_clear_error (&error);
          g_assert_true (sam_store_is_empty (fixture->store));
        }
    }
}

/* A merge that would close a circle with the register's own groups is
 * refused as a whole, naming the group. */
static void
test_merge_cycle (XmlFixture    *fixture,
                  gconstpointer  data)
{
  const char *base = HEAD "<register " NS " version=\"1\">\n<groups>\n"
                     "<group id=\"" GROUP "\" name=\"Gruppen A\" kind=\"council\"/>\n"
                     "<group id=\"" GROUP_B "\" name=\"Gruppen B\" kind=\"subgroup\" parent=\"" GROUP "\"/>\n"
                     "</groups>\n</register>\n";
  const char *incoming = HEAD "<register " NS " version=\"1\">\n<groups>\n"
                         "<group id=\"" GROUP "\" name=\"Gruppen A\" kind=\"council\" parent=\"" GROUP_B "\"/>\n"
                         "</groups>\n</register>\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  import_string (fixture->store, base, strlen (base), SAM_IMPORT_REPLACE, NULL, &error);
  g_assert_no_error (error);
  before = export_string (fixture->store, fixture->dir);

  g_assert_false (import_string (fixture->store, incoming, strlen (incoming), SAM_IMPORT_MERGE, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "register.xml, line 4: "));
  g_assert_nonnull (strstr (error->message, "Gruppen A"));
  g_assert_nonnull (strstr (error->message, "Gruppen B"));
  after = export_string (fixture->store, fixture->dir);
  g_assert_cmpstr (before, ==, after);
}

static gboolean
has_conflict (SamImportSummary *summary,
              const char       *a,
              const char       *b)
{
  for (guint i = 0; summary->conflicts != NULL && i < summary->conflicts->len; i++)
    {
      const char *text = g_ptr_array_index (summary->conflicts, i);

      if (strstr (text, a) != NULL && (b == NULL || strstr (text, b) != NULL))
        return TRUE;
    }

  return FALSE;
}

/* Defect 6: a merge changed a numbered group's code, withdrew a decision
 * without a reason, took a supersession back and said "left as it is" of a
 * row it had changed. It keeps the rules of the register as every edit
 * does: such a row is kept as it was, and the summary says why. */
static void
test_merge_lifecycle (XmlFixture    *fixture,
                      gconstpointer  data)
{
  const char *base = DECISIONS_HEAD ("AOI")
                     DECISION (DECISION_1, "1", "decided", "", "Rutin för remisser")
                     DECISION (DECISION_2, "2", "superseded", "", "Mall, första lydelsen")
                     DECISION (DECISION_3, "3", "decided", "supersedes=\"" DECISION_2 "\" ",
                               "Mall, ny lydelse")
                     DECISION (DECISION_4, "4", "decided", "", "Vårdförlopp")
                     DECISIONS_TAIL;
  /* Their AOX, their withdrawal without a reason, their D2 taken back, and
   * their D4 implemented but superseding a decision of theirs that comes
   * later in the file. */
  const char *incoming = DECISIONS_HEAD ("AOX")
                         DECISION (DECISION_1, "1", "withdrawn", "", "Rutin för remisser")
                         DECISION (DECISION_2, "2", "decided", "", "Mall, första lydelsen")
                         DECISION (DECISION_3, "3", "implemented", "supersedes=\"" DECISION_2 "\" ",
                                   "Mall, ny lydelse")
                         DECISION (DECISION_4, "4", "implemented", "supersedes=\"" DECISION_0 "\" ",
                                   "Vårdförlopp")
                         DECISION (DECISION_0, "5", "superseded", "", "Vårdförlopp, utkast")
                         DECISIONS_TAIL;
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  SamImportSummary summary = { 0 };

  import_string (fixture->store, base, strlen (base), SAM_IMPORT_REPLACE, NULL, &error);
  g_assert_no_error (error);

  import_string (fixture->store, incoming, strlen (incoming), SAM_IMPORT_MERGE, &summary, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < summary.conflicts->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (summary.conflicts, i));
  g_assert_cmpuint (summary.added, ==, 1);      /* D0 */
  g_assert_cmpuint (summary.updated, ==, 1);    /* D3, implemented */
  g_assert_cmpuint (summary.unchanged, ==, 0);
  g_assert_cmpuint (summary.conflicts->len, ==, 4);
  g_assert_true (has_conflict (&summary, "register.xml, line 4: ", "AOX"));
  g_assert_true (has_conflict (&summary, "register.xml, line 7: ", "Rutin för remisser"));
  g_assert_true (has_conflict (&summary, "register.xml, line 8: ", "Mall, första lydelsen"));
  g_assert_true (has_conflict (&summary, "register.xml, line 10: ", "Vårdförlopp"));
  sam_import_summary_clear (&summary);

  exported = export_string (fixture->store, fixture->dir);
  g_assert_nonnull (strstr (exported, "code=\"AOI\""));
  g_assert_null (strstr (exported, "AOX"));
  g_assert_nonnull (strstr (exported, "id=\"" DECISION_1 "\" group=\"" GROUP "\" year=\"2026\" serial=\"1\" "
                                      "decided=\"2026-03-12\" mandate=\"line_mandates\" status=\"decided\""));
  g_assert_nonnull (strstr (exported, "id=\"" DECISION_2 "\" group=\"" GROUP "\" year=\"2026\" serial=\"2\" "
                                      "decided=\"2026-03-12\" mandate=\"line_mandates\" status=\"superseded\""));
  g_assert_nonnull (strstr (exported, "status=\"implemented\" supersedes=\"" DECISION_2 "\""));
  /* Said to be left as it was, and it was. */
  g_assert_nonnull (strstr (exported, "id=\"" DECISION_4 "\" group=\"" GROUP "\" year=\"2026\" serial=\"4\" "
                                      "decided=\"2026-03-12\" mandate=\"line_mandates\" status=\"decided\" title="));
}

/* Defect 6: two registers that both gave AOI 2026:1 could not be merged,
 * and the message named the column "group" in English. The decision that
 * is new here keeps its UUID and takes the group's next number, and the
 * summary says so; the one registered here keeps its number. */
static void
test_merge_same_number (XmlFixture    *fixture,
                        gconstpointer  data)
{
  const char *base = DECISIONS_HEAD ("AOI")
                     DECISION (DECISION_1, "1", "decided", "", "Vårt beslut")
                     DECISION (DECISION_2, "2", "decided", "", "Vårt andra beslut")
                     "<decision id=\"" DECISION_5 "\" group=\"" GROUP "\" mandate=\"none\" "
                     "status=\"draft\" title=\"Gemensamt utkast\"/>\n"
                     DECISIONS_TAIL;
  const char *incoming = DECISIONS_HEAD ("AOI")
                         DECISION (DECISION_3, "1", "decided", "", "Deras beslut")
                         DECISION (DECISION_4, "2", "decided", "", "Deras andra beslut")
                         DECISION (DECISION_5, "3", "decided", "", "Gemensamt utkast")
                         DECISIONS_TAIL;
  g_autofree char *exported = NULL;
  g_autoptr(GError) error = NULL;
  SamImportSummary summary = { 0 };

  import_string (fixture->store, base, strlen (base), SAM_IMPORT_REPLACE, NULL, &error);
  g_assert_no_error (error);

  import_string (fixture->store, incoming, strlen (incoming), SAM_IMPORT_MERGE, &summary, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < summary.conflicts->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (summary.conflicts, i));
  g_assert_cmpuint (summary.added, ==, 2);
  g_assert_cmpuint (summary.updated, ==, 1);
  g_assert_cmpuint (summary.conflicts->len, ==, 3);
  g_assert_true (has_conflict (&summary, "register.xml, line 7: ", "AOI 2026:3"));
  g_assert_true (has_conflict (&summary, "register.xml, line 7: ", "Vårt beslut"));
  g_assert_true (has_conflict (&summary, "register.xml, line 8: ", "AOI 2026:4"));
  g_assert_true (has_conflict (&summary, "register.xml, line 9: ", "AOI 2026:5"));
  g_assert_false (has_conflict (&summary, "“group”", NULL));
  sam_import_summary_clear (&summary);

  exported = export_string (fixture->store, fixture->dir);
  g_assert_nonnull (strstr (exported, "id=\"" DECISION_1 "\" group=\"" GROUP "\" year=\"2026\" serial=\"1\""));
  g_assert_nonnull (strstr (exported, "id=\"" DECISION_2 "\" group=\"" GROUP "\" year=\"2026\" serial=\"2\""));
  g_assert_nonnull (strstr (exported, "id=\"" DECISION_3 "\" group=\"" GROUP "\" year=\"2026\" serial=\"3\""));
  g_assert_nonnull (strstr (exported, "id=\"" DECISION_4 "\" group=\"" GROUP "\" year=\"2026\" serial=\"4\""));
  /* A draft here, registered there as 3, which is taken by now. */
  g_assert_nonnull (strstr (exported, "id=\"" DECISION_5 "\" group=\"" GROUP "\" year=\"2026\" serial=\"5\""));
}

/* Times with an offset are stored, and exported, in UTC. */
static void
test_datetime_offset (XmlFixture    *fixture,
                      gconstpointer  data)
{
  const char *xml = HEAD "<register " NS " version=\"1\">\n<meetings>\n"
                    "<meeting id=\"" ORG_A "\" title=\"M\" kind=\"ordinary\" status=\"planned\" "
                    "starts=\"2026-03-12T13:00:00+01:00\" ends=\"2026-03-12T09:30:00-05:30\"/>\n"
                    "</meetings>\n</register>\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;

  import_string (fixture->store, xml, strlen (xml), SAM_IMPORT_REPLACE, NULL, &error);
  g_assert_no_error (error);
  exported = export_string (fixture->store, fixture->dir);
  g_assert_nonnull (strstr (exported, "starts=\"2026-03-12T12:00:00Z\""));
  g_assert_nonnull (strstr (exported, "ends=\"2026-03-12T15:00:00Z\""));
}

/* Omitted sections, an empty file section, a value with leading zeros and
 * text split by comments all read as the canonical register. */
static void
test_lenient_forms (XmlFixture    *fixture,
                    gconstpointer  data)
{
  const char *xml = HEAD "<!-- a comment -->\n<sam:register xmlns:sam=\"" SAM_XML_NAMESPACE "\" version=\"1\">\n"
                    "<sam:groups>\n<sam:group id=\"" ORG_A "\" name=\"A\" kind=\"council\" position=\"007\">"
                    "<sam:description>a<!-- x -->b<![CDATA[<c>]]></sam:description></sam:group>\n"
                    "</sam:groups>\n</sam:register>\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;

  import_string (fixture->store, xml, strlen (xml), SAM_IMPORT_REPLACE, NULL, &error);
  g_assert_no_error (error);
  exported = export_string (fixture->store, fixture->dir);
  g_assert_nonnull (strstr (exported, "<group id=\"" ORG_A "\" name=\"A\" kind=\"council\" position=\"7\">\n"
                                      "      <description>ab&lt;c&gt;</description>\n"));
}

#define FOLLOW_UP_MEETING "3a0e1c3e-1111-4111-8111-111111111111"
#define FOLLOW_UP_ITEM "4a0e1c3e-1111-4111-8111-111111111111"
#define FOLLOW_UP_DECISION "5a0e1c3e-1111-4111-8111-111111111111"

/* A register whose follow-up item names @decision (NULL: none); the
 * decisions section, later in the file, holds the one decision if
 * @with_decision. */
static char *
follow_up_register (const char *decision,
                    gboolean    with_decision)
{
  g_autofree char *attribute = decision != NULL ? g_strdup_printf (" decision=\"%s\"", decision) : g_strdup ("");

  return g_strconcat (HEAD "<register " NS " version=\"1\">\n"
                      "<groups><group id=\"" GROUP "\" code=\"AOI\" name=\"Rådet\" kind=\"council\"/></groups>\n"
                      "<meetings><meeting id=\"" FOLLOW_UP_MEETING "\" title=\"April\" kind=\"ordinary\" status=\"planned\" "
                      "starts=\"2026-04-14T11:00:00Z\" ends=\"2026-04-14T13:00:00Z\"/></meetings>\n"
                      "<agenda><agenda-item id=\"" FOLLOW_UP_ITEM "\" meeting=\"" FOLLOW_UP_MEETING "\" "
                      "title=\"Återrapportering\" kind=\"follow_up\"", attribute, "/></agenda>\n",
                      with_decision ? "<decisions><decision id=\"" FOLLOW_UP_DECISION "\" group=\"" GROUP "\" "
                                      "year=\"2026\" serial=\"1\" decided=\"2026-02-10\" mandate=\"line_mandates\" "
                                      "status=\"decided\" title=\"Beslutet\"/></decisions>\n" : "",
                      "</register>\n", NULL);
}

/* The decision a follow-up item reports on crosses the exchange, although
 * it comes later in the file, into an empty register and in a merge; a
 * file without it (as every file was before) still imports; a decision
 * that is nowhere is refused with the item named. */
static void
test_follow_up_decision (XmlFixture    *fixture,
                         gconstpointer  data)
{
  g_autofree char *linked = follow_up_register (FOLLOW_UP_DECISION, TRUE);
  g_autofree char *unlinked = follow_up_register (NULL, FALSE);
  g_autofree char *dangling = follow_up_register (MISSING, TRUE);
  g_autoptr(SamStore) merged = sam_test_open_store (fixture->dir, "merged.sqlite");
  g_autoptr(SamStore) refused = sam_test_open_store (fixture->dir, "refused.sqlite");
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *merged_export = NULL;
  SamImportSummary summary = { 0 };

  import_string (fixture->store, linked, strlen (linked), SAM_IMPORT_REPLACE, NULL, &error);
  g_assert_no_error (error);
  exported = export_string (fixture->store, fixture->dir);
  g_assert_nonnull (strstr (exported, "kind=\"follow_up\" decision=\"" FOLLOW_UP_DECISION "\""));

  /* Merged into a register that has the item but not the decision: the
   * item now names the decision, which the merge brought. */
  import_string (merged, unlinked, strlen (unlinked), SAM_IMPORT_REPLACE, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&merged_export, g_free);
  merged_export = export_string (merged, fixture->dir);
  g_assert_null (strstr (merged_export, "decision=\""));
  import_string (merged, exported, strlen (exported), SAM_IMPORT_MERGE, &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpuint (summary.updated, ==, 1);
  sam_import_summary_clear (&summary);
  g_clear_pointer (&merged_export, g_free);
  merged_export = export_string (merged, fixture->dir);
  g_assert_cmpstr (merged_export, ==, exported);

  import_string (refused, dangling, strlen (dangling), SAM_IMPORT_REPLACE, NULL, &error);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "register.xml, line "));
  g_assert_nonnull (strstr (error->message, MISSING));

  g_assert_finalize_object (g_steal_pointer (&merged));
  g_assert_finalize_object (g_steal_pointer (&refused));
}

/* A pre-cancelled or impossible export leaves the old file alone and no
 * temporary file behind. */
static void
test_export_failure (XmlFixture    *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "old.xml", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no", "such", "dir.xml", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0;

  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  g_assert_false (sam_xml_export (fixture->store, path, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_false (sam_xml_export (fixture->store, missing, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "old");

  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  /* old.xml and the register with its WAL, shared-memory and lock files */
  g_assert_cmpuint (n_files, <=, 5);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  guint      changed;
  guint      notified;
  double     notified_fraction;
  SamImportSummary summary;
  GError    *error;
} AsyncState;

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = sam_xml_import_finish (SAM_STORE (object), result, &state->summary, &state->error);
  g_main_loop_quit (state->loop);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = sam_xml_export_finish (SAM_STORE (object), result, &state->error);
  g_main_loop_quit (state->loop);
}

static void
changed_cb (SamStore *store,
            guint     table,
            gpointer  user_data)
{
  AsyncState *state = user_data;

  state->changed++;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  AsyncState *state = user_data;

  state->notified++;
  state->notified_fraction = sam_progress_get_fraction (SAM_PROGRESS (object));
}

/* The worker imports on its own connection; the main store hears of it. */
static void
test_async (XmlFixture    *fixture,
            gconstpointer  data)
{
  g_autoptr(SamTestRegister) reg = rich_register (21);
  g_autoptr(SamProgress) progress = sam_progress_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "in.xml", NULL);
  g_autofree char *out_path = g_build_filename (fixture->dir, "out.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) out_file = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *written = NULL;
  g_autofree char *message = NULL;
  AsyncState state = { 0 };

  state.loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), &state);
  g_signal_connect (progress, "notify::fraction", G_CALLBACK (notify_cb), &state);

  sam_test_register_write_xml (reg, path, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &xml, NULL, &error);
  g_assert_no_error (error);

  sam_xml_import_async (fixture->store, file, SAM_IMPORT_REPLACE, progress, NULL, import_done_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_cmpuint (state.summary.added, ==, sam_test_register_n_rows (reg));
  g_assert_cmpuint (state.changed, ==, 1);
  sam_import_summary_clear (&state.summary);

  /* The progress reaches the main thread in an idle. */
  sam_test_wait_for (state.notified_fraction == 1.0);
  g_assert_cmpuint (state.notified, >=, 1);
  g_assert_cmpfloat (sam_progress_get_fraction (progress), ==, 1.0);
  message = sam_progress_dup_message (progress);
  g_assert_nonnull (message);

  sam_xml_export_async (fixture->store, out_file, progress, NULL, export_done_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_file_get_contents (out_path, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, xml);

  /* A failing import changes nothing and emits nothing. */
  sam_xml_import_async (fixture->store, file, SAM_IMPORT_REPLACE, NULL, NULL, import_done_cb, &state);
  g_main_loop_run (state.loop);
  g_assert_false (state.ok);
  g_assert_error (state.error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_EMPTY);
  g_clear_error (&state.error);
  g_assert_cmpuint (state.changed, ==, 1);

  /* The worker thread drops its task, and with it the store, just after
   * returning the result. */
  sam_test_wait_for (G_OBJECT (fixture->store)->ref_count == 1);
  g_signal_handlers_disconnect_by_data (fixture->store, &state);
  g_main_loop_unref (state.loop);
}

/* The kill loop: a child imports or exports and is killed at a random
 * moment; the register must pass integrity_check and hold all or nothing,
 * and an export target must be the old file or the whole new one. */

static GPid
spawn_child (const char *mode,
             const char *db,
             const char *xml)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self, "--child", mode, db, xml, NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = NULL;
  GPid pid;

  /* The audit log records the time: pinned, two whole runs leave the same
   * bytes. */
  env = g_environ_setenv (g_get_environ (), "SAM_NOW", "2026-05-20T10:00:00+02:00", TRUE);
  g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  return pid;
}

static int
wait_child (GPid pid)
{
  int status = 0;

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (pid);

  return status;
}

/* Kills @pid at a random moment of work that takes about @duration µs (or
 * after it). This sleeps rather than waits for a state: the moment,
 * unknown to the child, is what the test is about. */
static void
kill_child_at_random (GPid    pid,
                      GRand  *rand,
                      gint64  duration)
{
  g_usleep (g_rand_int_range (rand, 0, duration * 11 / 10 + 1));
  kill (pid, SIGKILL);
  wait_child (pid);
}

static gint64
run_child (const char *mode,
           const char *db,
           const char *xml)
{
  gint64 start = g_get_monotonic_time ();
  int status = wait_child (spawn_child (mode, db, xml));

  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  return g_get_monotonic_time () - start;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_file_get_contents (from, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, len, &error);
  g_assert_no_error (error);
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}


static void
test_kill_import (XmlFixture    *fixture,
                  gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  g_autoptr(SamTestRegister) reg = NULL;
  g_autofree char *xml = g_build_filename (fixture->dir, "in.xml", NULL);
  g_autofree char *template = g_build_filename (fixture->dir, "template.sqlite", NULL);
  g_autofree char *db = g_build_filename (fixture->dir, "killed.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  SamTestRegisterSize size = {
    .organisations = 20, .people = 200, .groups = 60, .relations = 30, .commissions = 30,
    .seats = 60, .assignments = 300, .meetings = 150, .participations = 200, .agenda_items = 300,
    .attendances = 300, .decisions = 500, .escalations = 40, .info = 2, .text_length = 20,
  };
  guint n_rows, n_empty = 0, n_full = 0;
  gint64 duration;

  reg = sam_test_register_new (rand, &size);
  n_rows = sam_test_register_n_rows (reg);
  sam_test_register_write_xml (reg, xml, &error);
  g_assert_no_error (error);

  {
    g_autoptr(SamStore) store = sam_test_open_store (fixture->dir, "template.sqlite");
  }

  copy_file (template, db);
  duration = run_child ("import", db, xml);
  g_assert_cmpuint (count_rows (db), ==, n_rows);
  g_test_message ("an import of %u rows takes %.0f ms", n_rows, duration / 1000.0);

  for (guint i = 0; i < KILLS; i++)
    {
      GPid pid;
      guint rows;

      remove_database (db);
      copy_file (template, db);
      pid = spawn_child ("import", db, xml);
      kill_child_at_random (pid, rand, duration);

      assert_integrity (db);
      rows = count_rows (db);
      if (rows == 0)
        n_empty++;
      else if (rows == n_rows)
        n_full++;
      else
        g_error ("kill %u left %u of %u rows", i, rows, n_rows);
    }
  g_test_message ("killed imports: %u left nothing, %u everything", n_empty, n_full);
}

/* The merge's kill loop: a child merges a file into a register that holds
 * data (updating rows, adding rows, keeping registered decisions against a
 * changed copy) and is killed at a random moment; the register must pass
 * integrity_check and be, row for row, audit log and search index too,
 * either as it was or as a whole merge leaves it. */
static void
test_kill_merge (XmlFixture    *fixture,
                 gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (97);
  g_autoptr(SamTestRegister) reg = NULL;
  g_autoptr(GString) incoming = NULL;
  g_autofree char *xml = g_build_filename (fixture->dir, "incoming.xml", NULL);
  g_autofree char *template = g_build_filename (fixture->dir, "template.sqlite", NULL);
  g_autofree char *db = g_build_filename (fixture->dir, "killed.sqlite", NULL);
  g_autofree char *base = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *merged = NULL;
  g_autoptr(GError) error = NULL;
  SamTestRegisterSize size = {
    .organisations = 20, .people = 200, .groups = 60, .relations = 30, .commissions = 30,
    .seats = 60, .assignments = 300, .meetings = 150, .participations = 200, .agenda_items = 300,
    .attendances = 300, .decisions = 500, .escalations = 40, .info = 2, .text_length = 20,
  };
  guint n_unchanged = 0, n_merged = 0;
  gint64 duration;
  char *end;
  gsize len;

  reg = sam_test_register_new (rand, &size);
  base = sam_test_register_to_xml (reg, &len);
  {
    g_autoptr(SamStore) store = sam_test_open_store (fixture->dir, "template.sqlite");

    import_string (store, base, len, SAM_IMPORT_REPLACE, NULL, &error);
    g_assert_no_error (error);
  }

  /* The same register with every name and title changed, and organisations
   * added: updates, additions, unchanged rows and conflicts. */
  incoming = g_string_new (base);
  g_string_replace (incoming, " name=\"", " name=\"Ändrat ", 0);
  g_string_replace (incoming, " title=\"", " title=\"Ändrat ", 0);
  end = strstr (incoming->str, "  </organisations>");
  g_assert_nonnull (end);
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *row = g_strdup_printf ("    <organisation id=\"0d0e1c3e-1111-4111-8111-%012u\" "
                                              "name=\"Ny %u\" kind=\"other\"/>\n", i, i);

      g_string_insert (incoming, end - incoming->str, row);
    }
  g_file_set_contents (xml, incoming->str, incoming->len, &error);
  g_assert_no_error (error);

  copy_file (template, db);
  unchanged = dump_database (db);
  duration = run_child ("merge", db, xml);
  assert_integrity (db);
  merged = dump_database (db);
  g_assert_cmpstr (merged, !=, unchanged);
  g_test_message ("a merge of %" G_GSIZE_FORMAT " bytes takes %.0f ms", incoming->len, duration / 1000.0);

  for (guint i = 0; i < KILLS; i++)
    {
      g_autofree char *after = NULL;
      GPid pid;

      remove_database (db);
      copy_file (template, db);
      pid = spawn_child ("merge", db, xml);
      kill_child_at_random (pid, rand, duration);

      assert_integrity (db);
      after = dump_database (db);
      if (strcmp (after, unchanged) == 0)
        n_unchanged++;
      else if (strcmp (after, merged) == 0)
        n_merged++;
      else
        g_error ("kill %u left the register neither as it was nor merged", i);
    }
  g_test_message ("killed merges: %u left the register as it was, %u merged", n_unchanged, n_merged);
}

static void
test_kill_export (XmlFixture    *fixture,
                  gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (98);
  g_autoptr(SamTestRegister) reg = NULL;
  g_autofree char *target = g_build_filename (fixture->dir, "target.xml", NULL);
  g_autofree char *db = g_build_filename (fixture->dir, "export.sqlite", NULL);
  g_autofree char *old = NULL;
  g_autofree char *new = NULL;
  g_autoptr(GError) error = NULL;
  SamTestRegisterSize size = {
    .organisations = 20, .people = 300, .groups = 80, .relations = 30, .commissions = 40,
    .seats = 60, .assignments = 500, .meetings = 300, .participations = 300, .agenda_items = 600,
    .attendances = 600, .decisions = 1500, .escalations = 50, .info = 2, .text_length = 30,
  };
  guint n_old = 0, n_new = 0;
  gint64 duration;
  gsize len;

  reg = sam_test_register_new (rand, &size);
  new = sam_test_register_to_xml (reg, &len);
  {
    g_autoptr(SamStore) store = sam_test_open_store (fixture->dir, "export.sqlite");

    import_string (store, new, len, SAM_IMPORT_REPLACE, NULL, &error);
    g_assert_no_error (error);
  }
  old = g_strdup ("<?xml version=\"1.0\"?>\n<register/>\n");

  g_file_set_contents (target, old, -1, &error);
  g_assert_no_error (error);
  duration = run_child ("export", db, target);
  g_test_message ("an export of %" G_GSIZE_FORMAT " bytes takes %.0f ms", len, duration / 1000.0);

  for (guint i = 0; i < KILLS; i++)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GDir) dir = NULL;
      const char *name;
      GPid pid;

      g_file_set_contents (target, old, -1, &error);
      g_assert_no_error (error);
      pid = spawn_child ("export", db, target);
      kill_child_at_random (pid, rand, duration);

      g_file_get_contents (target, &contents, NULL, &error);
      g_assert_no_error (error);
      if (strcmp (contents, old) == 0)
        n_old++;
      else if (strcmp (contents, new) == 0)
        n_new++;
      else
        g_error ("kill %u left a partial export", i);

      /* A killed writer may leave its temporary file; it is never the target. */
      dir = g_dir_open (fixture->dir, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_prefix (name, ".target.xml."))
          {
            g_autofree char *stale = g_build_filename (fixture->dir, name, NULL);

            g_unlink (stale);
          }
    }
  assert_integrity (db);
  g_test_message ("killed exports: %u left the old file, %u the new one", n_old, n_new);
}

/* The killed child: test-xml --child import|merge|export DATABASE FILE */
static int
run_as_child (const char *mode,
              const char *db,
              const char *xml)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  store = sam_store_open (db, &error);
  if (store == NULL)
    ok = FALSE;
  else if (strcmp (mode, "import") == 0)
    ok = sam_xml_import (store, xml, SAM_IMPORT_REPLACE, NULL, NULL, NULL, &error);
  else if (strcmp (mode, "merge") == 0)
    ok = sam_xml_import (store, xml, SAM_IMPORT_MERGE, NULL, NULL, NULL, &error);
  else
    ok = sam_xml_export (store, xml, NULL, NULL, &error);

  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

/* The demo's folder goes away even if its register is still open, as it
 * may be when the application quits: with the lock file beside it. */
static void
test_demo_remove_while_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(SamStore) store = sam_demo_open (&dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  sam_demo_remove (dir);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && strcmp (argv[1], "--child") == 0)
    return run_as_child (argv[2], argv[3], argv[4]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/xml/round-trip/rich", XmlFixture, NULL, fixture_set_up, test_round_trip_rich, fixture_tear_down);
  g_test_add_func ("/xml/round-trip/random", test_round_trip_random);
  g_test_add_func ("/xml/demo/remove-while-open", test_demo_remove_while_open);
  g_test_add ("/xml/xsd/validates", XmlFixture, NULL, fixture_set_up, test_export_validates, fixture_tear_down);
  g_test_add_func ("/xml/xsd/matches-schema", test_xsd_matches_schema);
  g_test_add ("/xml/import/hostile", XmlFixture, NULL, fixture_set_up, test_hostile, fixture_tear_down);
  g_test_add ("/xml/import/rollback", XmlFixture, NULL, fixture_set_up, test_rollback, fixture_tear_down);
  g_test_add ("/xml/import/merge", XmlFixture, NULL, fixture_set_up, test_merge, fixture_tear_down);
  g_test_add ("/xml/import/cycles", XmlFixture, NULL, fixture_set_up, test_import_cycles, fixture_tear_down);
  g_test_add ("/xml/merge/write-between", XmlFixture, NULL, fixture_set_up, test_merge_write_between, fixture_tear_down);
  g_test_add ("/xml/merge/write-elsewhere", XmlFixture, NULL, fixture_set_up, test_merge_write_elsewhere,
              fixture_tear_down);
  g_test_add ("/xml/merge/writer-waits", XmlFixture, NULL, fixture_set_up, test_merge_writer_waits, fixture_tear_down);
  g_test_add ("/xml/merge/cycle", XmlFixture, NULL, fixture_set_up, test_merge_cycle, fixture_tear_down);
  g_test_add ("/xml/merge/lifecycle", XmlFixture, NULL, fixture_set_up, test_merge_lifecycle, fixture_tear_down);
  g_test_add ("/xml/merge/same-number", XmlFixture, NULL, fixture_set_up, test_merge_same_number, fixture_tear_down);
  g_test_add ("/xml/import/datetime-offset", XmlFixture, NULL, fixture_set_up, test_datetime_offset, fixture_tear_down);
  g_test_add ("/xml/import/lenient-forms", XmlFixture, NULL, fixture_set_up, test_lenient_forms, fixture_tear_down);
  g_test_add ("/xml/import/follow-up-decision", XmlFixture, NULL, fixture_set_up, test_follow_up_decision, fixture_tear_down);
  g_test_add ("/xml/export/failure", XmlFixture, NULL, fixture_set_up, test_export_failure, fixture_tear_down);
  g_test_add ("/xml/async", XmlFixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/xml/kill/import", XmlFixture, NULL, fixture_set_up, test_kill_import, fixture_tear_down);
  g_test_add ("/xml/kill/export", XmlFixture, NULL, fixture_set_up, test_kill_export, fixture_tear_down);
  g_test_add ("/xml/kill/merge", XmlFixture, NULL, fixture_set_up, test_kill_merge, fixture_tear_down);

  return g_test_run ();
}
