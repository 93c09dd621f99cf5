-- Samordna register, schema version 1.
-- Every row that crosses an XML exchange carries a stable UUID. Names are
-- sorted with the "sv" collation in queries, never in the DDL, so the plain
-- sqlite3 shell can still open and query the file.

CREATE TABLE organisation (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),
  short_name  TEXT,
  kind        TEXT NOT NULL DEFAULT 'administration'
              CHECK (kind IN ('administration', 'private_provider', 'municipality',
                              'academia', 'other_region', 'national_body', 'other'))
);

CREATE TABLE person (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL CHECK (length (trim (name)) > 0),
  title           TEXT,
  email           TEXT,
  phone           TEXT,
  organisation_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL
);
CREATE INDEX person_organisation ON person (organisation_id);

CREATE TABLE grp (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  code        TEXT UNIQUE,
  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),
  kind        TEXT NOT NULL
              CHECK (kind IN ('council', 'subgroup', 'process_team', 'management_group',
                              'executive_group', 'priority_council', 'clinical_management',
                              'corporate_group', 'national_programme_area',
                              'regional_programme_area', 'other')),
  parent_id   INTEGER REFERENCES grp (id) ON DELETE RESTRICT,
  position    INTEGER NOT NULL DEFAULT 0,
  description TEXT,
  established TEXT,
  dissolved   TEXT,
  CHECK (parent_id IS NULL OR parent_id <> id),
  CHECK (dissolved IS NULL OR established IS NULL OR dissolved >= established)
);
CREATE INDEX grp_parent ON grp (parent_id, position);

-- Secondary edges between groups, drawn dashed in the chart.
CREATE TABLE group_relation (
  id            INTEGER PRIMARY KEY,
  uuid          TEXT NOT NULL UNIQUE,
  from_group_id INTEGER NOT NULL REFERENCES grp (id) ON DELETE CASCADE,
  to_group_id   INTEGER NOT NULL REFERENCES grp (id) ON DELETE RESTRICT,
  kind          TEXT NOT NULL CHECK (kind IN ('reports_to', 'escalates_to', 'prepares_for')),
  UNIQUE (from_group_id, to_group_id, kind),
  CHECK (from_group_id <> to_group_id)
);
CREATE INDEX group_relation_to ON group_relation (to_group_id);

-- The uppdragshandling a group works under.
CREATE TABLE commission (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  group_id        INTEGER NOT NULL UNIQUE REFERENCES grp (id) ON DELETE CASCADE,
  title           TEXT,
  registry_number TEXT,
  dated           TEXT,
  revision        TEXT,
  area            TEXT,
  commissioner    TEXT,
  commissionee    TEXT,
  background      TEXT,
  purpose         TEXT,
  tasks           TEXT,
  chair_rule      TEXT,
  members_rule    TEXT,
  co_opted_rule   TEXT,
  subgroups_rule  TEXT,
  boundaries      TEXT,
  reporting       TEXT,
  decision_rules  TEXT,
  routine_mandate TEXT,
  decision_maker  TEXT,
  decided         TEXT,
  distribution    TEXT,
  min_meetings    INTEGER CHECK (min_meetings IS NULL OR min_meetings >= 0),
  max_meetings    INTEGER CHECK (max_meetings IS NULL OR max_meetings >= 0),
  max_co_opted    INTEGER CHECK (max_co_opted IS NULL OR max_co_opted >= 0),
  CHECK (min_meetings IS NULL OR max_meetings IS NULL OR min_meetings <= max_meetings)
);

-- An organisation whose head appoints a member (a seat) under a commission.
CREATE TABLE commission_seat (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  commission_id   INTEGER NOT NULL REFERENCES commission (id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
  seats           INTEGER NOT NULL DEFAULT 1 CHECK (seats > 0),
  UNIQUE (commission_id, organisation_id)
);

-- A person in a role in a group, representing an organisation, for a term.
CREATE TABLE assignment (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
  group_id        INTEGER NOT NULL REFERENCES grp (id) ON DELETE CASCADE,
  role            TEXT NOT NULL
                  CHECK (role IN ('chair', 'member', 'co_opted', 'coordinator', 'contact_person')),
  organisation_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL,
  appointed_by    TEXT,
  starts          TEXT,
  ends            TEXT,
  note            TEXT,
  CHECK (ends IS NULL OR starts IS NULL OR ends >= starts)
);
CREATE INDEX assignment_group ON assignment (group_id, role);
CREATE INDEX assignment_person ON assignment (person_id);

-- Times are stored in UTC as YYYY-MM-DDTHH:MM:SSZ and shown in Europe/Stockholm.
CREATE TABLE meeting (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL CHECK (length (trim (title)) > 0),
  kind        TEXT NOT NULL DEFAULT 'ordinary' CHECK (kind IN ('ordinary', 'extra', 'dialogue')),
  status      TEXT NOT NULL DEFAULT 'planned'
              CHECK (status IN ('planned', 'confirmed', 'held', 'cancelled')),
  starts      TEXT NOT NULL,
  ends        TEXT NOT NULL,
  place       TEXT,
  link        TEXT,
  notes       TEXT,
  prepares_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
  CHECK (ends >= starts)
);
CREATE INDEX meeting_starts ON meeting (starts);

CREATE TABLE meeting_group (
  id         INTEGER PRIMARY KEY,
  uuid       TEXT NOT NULL UNIQUE,
  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  group_id   INTEGER NOT NULL REFERENCES grp (id) ON DELETE RESTRICT,
  UNIQUE (meeting_id, group_id)
);
CREATE INDEX meeting_group_group ON meeting_group (group_id);

CREATE TABLE agenda_item (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  meeting_id   INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL DEFAULT 0,
  title        TEXT NOT NULL CHECK (length (trim (title)) > 0),
  presenter    TEXT,
  kind         TEXT NOT NULL DEFAULT 'information'
               CHECK (kind IN ('information', 'discussion', 'decision', 'follow_up')),
  notes        TEXT
);
CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position);

CREATE TABLE attendance (
  id                INTEGER PRIMARY KEY,
  uuid              TEXT NOT NULL UNIQUE,
  meeting_id        INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
  person_id         INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
  status            TEXT NOT NULL CHECK (status IN ('present', 'absent', 'substitute')),
  substitute_for_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
  UNIQUE (meeting_id, person_id)
);
CREATE INDEX attendance_person ON attendance (person_id);

-- A decision gets its number (year, serial) per group when registered.
CREATE TABLE decision (
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
                  CHECK (mandate IN ('line_mandates', 'chair_routine',
                                     'management_assignment', 'none')),
  status          TEXT NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'decided', 'escalated', 'in_implementation',
                                    'implemented', 'withdrawn', 'superseded')),
  responsible     TEXT,
  follow_up       TEXT,
  supersedes_id   INTEGER REFERENCES decision (id) ON DELETE RESTRICT,
  withdrawn_reason TEXT,
  UNIQUE (group_id, year, serial),
  CHECK ((year IS NULL) = (serial IS NULL)),
  CHECK (status = 'draft' OR serial IS NOT NULL)
);
CREATE INDEX decision_decided ON decision (decided);
CREATE INDEX decision_follow_up ON decision (follow_up) WHERE follow_up IS NOT NULL;
CREATE INDEX decision_group_year ON decision (group_id, year, serial);
CREATE INDEX decision_meeting ON decision (meeting_id);
CREATE INDEX decision_supersedes ON decision (supersedes_id);

CREATE TABLE escalation (
  id           INTEGER PRIMARY KEY,
  uuid         TEXT NOT NULL UNIQUE,
  decision_id  INTEGER NOT NULL REFERENCES decision (id) ON DELETE CASCADE,
  to_group_id  INTEGER REFERENCES grp (id) ON DELETE RESTRICT,
  to_other     TEXT,
  reason       TEXT NOT NULL CHECK (length (trim (reason)) > 0),
  escalated    TEXT NOT NULL,
  answer       TEXT,
  answered     TEXT,
  CHECK (to_group_id IS NOT NULL OR to_other IS NOT NULL),
  CHECK ((answer IS NULL) = (answered IS NULL))
);
CREATE INDEX escalation_decision ON escalation (decision_id);
CREATE INDEX escalation_to ON escalation (to_group_id) WHERE answered IS NULL;

-- A registered decision's wording and number are fixed: corrections are new
-- decisions that supersede it.
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

CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  who         TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_uuid TEXT,
  before      TEXT,
  after       TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity_uuid);

-- Register-wide facts (its name, the region) that travel with an exchange.
CREATE TABLE register_info (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Full-text search. remove_diacritics 0 keeps å, ä and ö apart from a and o.
CREATE VIRTUAL TABLE decision_fts USING fts5 (
  title, body, content = 'decision', content_rowid = 'id',
  tokenize = "unicode61 remove_diacritics 0"
);
CREATE VIRTUAL TABLE meeting_fts USING fts5 (
  title, notes, content = 'meeting', content_rowid = 'id',
  tokenize = "unicode61 remove_diacritics 0"
);
CREATE VIRTUAL TABLE agenda_item_fts USING fts5 (
  title, notes, content = 'agenda_item', content_rowid = 'id',
  tokenize = "unicode61 remove_diacritics 0"
);
