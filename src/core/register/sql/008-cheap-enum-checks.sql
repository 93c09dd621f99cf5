-- Samordna register, schema version 8: the closed sets checked as cheaply
-- as the rest of a row.
--
-- SQLite (3.40) evaluates CHECK (x IN ('a', 'b', …)) by building a
-- temporary table of the words for every row it writes; on a large import
-- that costs more than writing the rows. The same rule written as
-- x = 'a' OR x = 'b' OR … is a few comparisons. The rules are the same, word
-- for word, and so is every other CHECK; only their spelling changes.
--
-- SQLite cannot change a CHECK in place, so each table with a closed set is
-- made anew, as https://www.sqlite.org/lang_altertable.html#otheralter
-- says: the store runs this with foreign keys off, in one transaction, and
-- checks the references before it commits (sam-store-migrate.c). Every
-- row keeps its id, and so its UUID, its references and its full-text
-- entry. The columns keep their order, later migrations' included. The
-- triggers go first, since a trigger on one table may name another, and
-- come back last, each as the migration that made it wrote it; so do the
-- indexes and the full-text triggers (fts-triggers.sql).

DROP TRIGGER IF EXISTS decision_fixed_text;
DROP TRIGGER IF EXISTS decision_no_delete_registered;
DROP TRIGGER IF EXISTS decision_sort_keys_stale;
DROP TRIGGER IF EXISTS decision_no_redraft;
DROP TRIGGER IF EXISTS decision_number_range_insert;
DROP TRIGGER IF EXISTS decision_number_range_update;
DROP TRIGGER IF EXISTS decision_withdrawn_reason_insert;
DROP TRIGGER IF EXISTS decision_withdrawn_reason_update;
DROP TRIGGER IF EXISTS decision_stays_closed;
DROP TRIGGER IF EXISTS decision_no_circle;
DROP TRIGGER IF EXISTS grp_code_fixed;
DROP TRIGGER IF EXISTS grp_no_circle;
DROP TRIGGER IF EXISTS group_relation_no_circle_insert;
DROP TRIGGER IF EXISTS group_relation_no_circle_update;
DROP TRIGGER IF EXISTS decision_fts_ai;
DROP TRIGGER IF EXISTS decision_fts_ad;
DROP TRIGGER IF EXISTS decision_fts_au;
DROP TRIGGER IF EXISTS meeting_fts_ai;
DROP TRIGGER IF EXISTS meeting_fts_ad;
DROP TRIGGER IF EXISTS meeting_fts_au;
DROP TRIGGER IF EXISTS agenda_item_fts_ai;
DROP TRIGGER IF EXISTS agenda_item_fts_ad;
DROP TRIGGER IF EXISTS agenda_item_fts_au;

-- organisation

CREATE TABLE organisation_008 (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),
  short_name  TEXT,
  kind        TEXT NOT NULL DEFAULT 'administration'
              CHECK (kind = 'administration' OR kind = 'private_provider' OR kind = 'municipality'
                     OR kind = 'academia' OR kind = 'other_region' OR kind = 'national_body'
                     OR kind = 'other')
);
INSERT INTO organisation_008 (id, uuid, name, short_name, kind)
  SELECT id, uuid, name, short_name, kind FROM organisation;
DROP TABLE organisation;
ALTER TABLE organisation_008 RENAME TO organisation;

-- grp

CREATE TABLE grp_008 (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  code        TEXT UNIQUE,
  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),
  kind        TEXT NOT NULL
              CHECK (kind = 'council' OR kind = 'subgroup' OR kind = 'process_team'
                     OR kind = 'management_group' OR kind = 'executive_group'
                     OR kind = 'priority_council' OR kind = 'clinical_management'
                     OR kind = 'corporate_group' OR kind = 'national_programme_area'
                     OR kind = 'regional_programme_area' OR kind = 'other'),
  parent_id   INTEGER REFERENCES grp (id) ON DELETE RESTRICT,
  position    INTEGER NOT NULL DEFAULT 0,
  description TEXT,
  established TEXT,
  dissolved   TEXT,
  code_key    BLOB,
  name_key    BLOB,
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK (dissolved IS NULL OR established IS NULL OR dissolved >= established)
);
INSERT INTO grp_008 (id, uuid, code, name, kind, parent_id, position, description, established, dissolved,
                     code_key, name_key)
  SELECT id, uuid, code, name, kind, parent_id, position, description, established, dissolved,
         code_key, name_key
  FROM grp;
DROP TABLE grp;
ALTER TABLE grp_008 RENAME TO grp;
CREATE INDEX grp_parent ON grp (parent_id, position, name_key);
CREATE INDEX grp_code_key ON grp (code_key);

-- group_relation

CREATE TABLE group_relation_008 (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  from_group_id INTEGER NOT NULL REFERENCES grp (id) ON DELETE CASCADE,
  to_group_id   INTEGER NOT NULL REFERENCES grp (id) ON DELETE RESTRICT,
  kind          TEXT NOT NULL
                CHECK (kind = 'reports_to' OR kind = 'escalates_to' OR kind = 'prepares_for'),
  UNIQUE (from_group_id, to_group_id, kind),
  CHECK (from_group_id <> to_group_id)
);
INSERT INTO group_relation_008 (id, uuid, from_group_id, to_group_id, kind)
  SELECT id, uuid, from_group_id, to_group_id, kind FROM group_relation;
DROP TABLE group_relation;
ALTER TABLE group_relation_008 RENAME TO group_relation;
CREATE INDEX group_relation_to ON group_relation (to_group_id);

-- assignment

CREATE TABLE assignment_008 (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
  group_id        INTEGER NOT NULL REFERENCES grp (id) ON DELETE CASCADE,
  role            TEXT NOT NULL
                  CHECK (role = 'chair' OR role = 'member' OR role = 'co_opted' OR role = 'coordinator'
                         OR role = 'contact_person'),
  organisation_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL,
  appointed_by    TEXT,
  starts          TEXT,
  ends            TEXT,
  note            TEXT,
  CHECK (ends IS NULL OR starts IS NULL OR ends >= starts)
);
INSERT INTO assignment_008 (id, uuid, person_id, group_id, role, organisation_id, appointed_by, starts, ends, note)
  SELECT id, uuid, person_id, group_id, role, organisation_id, appointed_by, starts, ends, note FROM assignment;
DROP TABLE assignment;
ALTER TABLE assignment_008 RENAME TO assignment;
CREATE INDEX assignment_group ON assignment (group_id, role);
CREATE INDEX assignment_person ON assignment (person_id);

-- meeting

CREATE TABLE meeting_008 (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL CHECK (length (trim (title)) > 0),
  kind        TEXT NOT NULL DEFAULT 'ordinary'
              CHECK (kind = 'ordinary' OR kind = 'extra' OR kind = 'dialogue'),
  status      TEXT NOT NULL DEFAULT 'planned'
              CHECK (status = 'planned' OR status = 'confirmed' OR status = 'held' OR status = 'cancelled'),
  starts      TEXT NOT NULL,
  ends        TEXT NOT NULL,
  place       TEXT,
  link        TEXT,
  notes       TEXT,
  prepares_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
  CHECK (ends >= starts)
);
INSERT INTO meeting_008 (id, uuid, title, kind, status, starts, ends, place, link, notes, prepares_id)
  SELECT id, uuid, title, kind, status, starts, ends, place, link, notes, prepares_id FROM meeting;
DROP TABLE meeting;
ALTER TABLE meeting_008 RENAME TO meeting;
CREATE INDEX meeting_starts ON meeting (starts);

-- agenda_item

CREATE TABLE agenda_item_008 (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  meeting_id   INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL DEFAULT 0,
  title        TEXT NOT NULL CHECK (length (trim (title)) > 0),
  presenter    TEXT,
  kind         TEXT NOT NULL DEFAULT 'information'
               CHECK (kind = 'information' OR kind = 'discussion' OR kind = 'decision' OR kind = 'follow_up'),
  notes        TEXT,
  decision_id  INTEGER REFERENCES decision (id) ON DELETE SET NULL
);
INSERT INTO agenda_item_008 (id, uuid, meeting_id, position, title, presenter, kind, notes, decision_id)
  SELECT id, uuid, meeting_id, position, title, presenter, kind, notes, decision_id FROM agenda_item;
DROP TABLE agenda_item;
ALTER TABLE agenda_item_008 RENAME TO agenda_item;
CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position);
CREATE INDEX agenda_item_decision ON agenda_item (decision_id);

-- attendance

CREATE TABLE attendance_008 (
  id                INTEGER PRIMARY KEY,
  uuid              TEXT NOT NULL UNIQUE,
  meeting_id        INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  person_id         INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
  status            TEXT NOT NULL
                    CHECK (status = 'present' OR status = 'absent' OR status = 'substitute'),
  substitute_for_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  UNIQUE (meeting_id, person_id)
);
INSERT INTO attendance_008 (id, uuid, meeting_id, person_id, status, substitute_for_id)
  SELECT id, uuid, meeting_id, person_id, status, substitute_for_id FROM attendance;
DROP TABLE attendance;
ALTER TABLE attendance_008 RENAME TO attendance;
CREATE INDEX attendance_person ON attendance (person_id);

-- decision

CREATE TABLE decision_008 (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  group_id        INTEGER NOT NULL REFERENCES grp (id) ON DELETE RESTRICT,
  year            INTEGER,
  serial          INTEGER,
  decided         TEXT,
  meeting_id      INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
  agenda_item_id  INTEGER REFERENCES agenda_item (id) ON DELETE SET NULL,
  title           TEXT NOT NULL CHECK (length (trim (title)) > 0),
  body            TEXT,
  mandate         TEXT NOT NULL DEFAULT 'line_mandates'
                  CHECK (mandate = 'line_mandates' OR mandate = 'chair_routine'
                         OR mandate = 'management_assignment' OR mandate = 'none'),
  status          TEXT NOT NULL DEFAULT 'draft'
                  CHECK (status = 'draft' OR status = 'decided' OR status = 'escalated'
                         OR status = 'in_implementation' OR status = 'implemented'
                         OR status = 'withdrawn' OR status = 'superseded'),
  responsible     TEXT,
  follow_up       TEXT,
  supersedes_id   INTEGER REFERENCES decision (id) ON DELETE RESTRICT,
  withdrawn_reason TEXT,
  title_key       BLOB,
  responsible_key BLOB,
  UNIQUE (group_id, year, serial),
  CHECK ((year IS NULL) = (serial IS NULL)),
  CHECK (status = 'draft' OR serial IS NOT NULL)
);
INSERT INTO decision_008 (id, uuid, group_id, year, serial, decided, meeting_id, agenda_item_id, title, body,
                          mandate, status, responsible, follow_up, supersedes_id, withdrawn_reason,
                          title_key, responsible_key)
  SELECT id, uuid, group_id, year, serial, decided, meeting_id, agenda_item_id, title, body,
         mandate, status, responsible, follow_up, supersedes_id, withdrawn_reason,
         title_key, responsible_key
  FROM decision;
DROP TABLE decision;
ALTER TABLE decision_008 RENAME TO decision;
CREATE INDEX decision_decided ON decision (decided);
CREATE INDEX decision_follow_up ON decision (follow_up) WHERE follow_up IS NOT NULL;
CREATE INDEX decision_group_year ON decision (group_id, year, serial);
CREATE INDEX decision_meeting ON decision (meeting_id);
CREATE INDEX decision_supersedes ON decision (supersedes_id);
CREATE INDEX decision_title_key ON decision (title_key);
CREATE INDEX decision_responsible_key ON decision (responsible_key);
CREATE INDEX decision_status ON decision (status);
CREATE INDEX decision_mandate ON decision (mandate);
CREATE INDEX decision_year_group ON decision (year, group_id, serial);

-- The triggers, as schema versions 1, 4 and 7 made them.

CREATE TRIGGER decision_fixed_text
BEFORE UPDATE OF group_id, year, serial, decided, title, body, mandate, supersedes_id ON decision
WHEN OLD.status <> 'draft'
  AND (OLD.group_id IS NOT NEW.group_id OR OLD.year IS NOT NEW.year
       OR OLD.serial IS NOT NEW.serial OR OLD.decided IS NOT NEW.decided
       OR OLD.title IS NOT NEW.title OR OLD.body IS NOT NEW.body
       OR OLD.mandate IS NOT NEW.mandate OR OLD.supersedes_id IS NOT NEW.supersedes_id)
BEGIN
  SELECT RAISE (ABORT, 'registered decision is fixed');
END;

CREATE TRIGGER decision_no_delete_registered
BEFORE DELETE ON decision
WHEN OLD.status <> 'draft'
BEGIN
  SELECT RAISE (ABORT, 'registered decision is fixed');
END;

CREATE TRIGGER decision_sort_keys_stale
AFTER UPDATE OF title, responsible ON decision
WHEN NOT EXISTS (SELECT 1 FROM pragma_function_list WHERE name = 'sv_key')
BEGIN
  UPDATE decision SET title_key = NULL WHERE id = NEW.id;
END;

CREATE TRIGGER decision_no_redraft
BEFORE UPDATE OF status ON decision
WHEN OLD.status <> 'draft' AND NEW.status = 'draft'
BEGIN
  SELECT RAISE (ABORT, 'registered decision is fixed');
END;

CREATE TRIGGER decision_number_range_insert
BEFORE INSERT ON decision
WHEN NEW.serial IS NOT NULL
  AND (NEW.serial < 1 OR NEW.year IS NULL OR NEW.year < 1900 OR NEW.year > 2200)
BEGIN
  SELECT RAISE (ABORT, 'decision number out of range');
END;

CREATE TRIGGER decision_number_range_update
BEFORE UPDATE OF year, serial ON decision
WHEN NEW.serial IS NOT NULL
  AND (NEW.serial < 1 OR NEW.year IS NULL OR NEW.year < 1900 OR NEW.year > 2200)
BEGIN
  SELECT RAISE (ABORT, 'decision number out of range');
END;

CREATE TRIGGER decision_withdrawn_reason_insert
BEFORE INSERT ON decision
WHEN NEW.status = 'withdrawn'
  AND length (trim (coalesce (NEW.withdrawn_reason, ''), ' ' || char (9, 10, 13))) = 0
BEGIN
  SELECT RAISE (ABORT, 'withdrawn without a reason');
END;

CREATE TRIGGER decision_withdrawn_reason_update
BEFORE UPDATE OF status, withdrawn_reason ON decision
WHEN NEW.status = 'withdrawn'
  AND length (trim (coalesce (NEW.withdrawn_reason, ''), ' ' || char (9, 10, 13))) = 0
BEGIN
  SELECT RAISE (ABORT, 'withdrawn without a reason');
END;

CREATE TRIGGER decision_stays_closed
BEFORE UPDATE OF status ON decision
WHEN OLD.status IN ('withdrawn', 'superseded') AND NEW.status IS NOT OLD.status
BEGIN
  SELECT RAISE (ABORT, 'registered decision is fixed');
END;

CREATE TRIGGER grp_code_fixed
BEFORE UPDATE OF code ON grp
WHEN OLD.code IS NOT NEW.code
  AND EXISTS (SELECT 1 FROM decision WHERE group_id = OLD.id AND status <> 'draft')
BEGIN
  SELECT RAISE (ABORT, 'group code is fixed');
END;

CREATE TRIGGER grp_no_circle
BEFORE UPDATE OF parent_id ON grp
WHEN NEW.parent_id IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'circle')
  WHERE EXISTS (WITH RECURSIVE up (id) AS (
                  SELECT NEW.parent_id
                  UNION SELECT g.parent_id FROM grp g JOIN up ON g.id = up.id WHERE g.parent_id IS NOT NULL)
                SELECT 1 FROM up WHERE id = NEW.id);
END;

CREATE TRIGGER decision_no_circle
BEFORE UPDATE OF supersedes_id ON decision
WHEN NEW.supersedes_id IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'circle')
  WHERE EXISTS (WITH RECURSIVE chain (id) AS (
                  SELECT NEW.supersedes_id
                  UNION SELECT d.supersedes_id FROM decision d JOIN chain ON d.id = chain.id
                  WHERE d.supersedes_id IS NOT NULL)
                SELECT 1 FROM chain WHERE id = NEW.id);
END;

CREATE TRIGGER group_relation_no_circle_insert
BEFORE INSERT ON group_relation
BEGIN
  SELECT RAISE (ABORT, 'circle')
  WHERE EXISTS (WITH RECURSIVE reach (id) AS (
                  SELECT NEW.to_group_id
                  UNION SELECT r.to_group_id FROM group_relation r JOIN reach ON r.from_group_id = reach.id
                  WHERE r.kind = NEW.kind)
                SELECT 1 FROM reach WHERE id = NEW.from_group_id);
END;

CREATE TRIGGER group_relation_no_circle_update
BEFORE UPDATE OF from_group_id, to_group_id, kind ON group_relation
BEGIN
  SELECT RAISE (ABORT, 'circle')
  WHERE EXISTS (WITH RECURSIVE reach (id) AS (
                  SELECT NEW.to_group_id
                  UNION SELECT r.to_group_id FROM group_relation r JOIN reach ON r.from_group_id = reach.id
                  WHERE r.kind = NEW.kind AND r.id <> NEW.id)
                SELECT 1 FROM reach WHERE id = NEW.from_group_id);
END;

-- The full-text triggers of fts-triggers.sql come back after this file
-- (sam-store-migrate.c), from that file itself.
