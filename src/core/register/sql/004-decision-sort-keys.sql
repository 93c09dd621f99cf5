-- Samordna register, schema version 4: the decision register at 100 000
-- decisions, and one more rule of its life.
--
-- Sort keys. Sorting by title or responsible in Swedish order with the "sv"
-- collation compares every row with ICU, and an index declared with that
-- collation would keep the plain sqlite3 shell from opening the file. So
-- each sorted text column gets its ICU sort key for Swedish (a BLOB that
-- compares bytewise in the same order), with an ordinary index: sorting is
-- then an index walk, in Samordna and in any SQLite program. The keys are
-- derived data, never exchanged. sv_key () exists only on the store's own
-- connections, which keep the keys up to date with temporary triggers
-- (sort-key-triggers.sql), so nothing in this file needs it after the
-- statements below and other programs can still write to the register.

ALTER TABLE decision ADD COLUMN title_key BLOB;
ALTER TABLE decision ADD COLUMN responsible_key BLOB;
ALTER TABLE grp ADD COLUMN code_key BLOB;

UPDATE decision SET title_key = sv_key (title), responsible_key = sv_key (responsible);
UPDATE grp SET code_key = sv_key (code);

-- The row id is part of every index entry, so these also give the id
-- order that breaks ties between equal keys.
CREATE INDEX decision_title_key ON decision (title_key);
CREATE INDEX decision_responsible_key ON decision (responsible_key);
-- Sorting and filtering by status or mandate walk these instead of
-- sorting the whole register.
CREATE INDEX decision_status ON decision (status);
CREATE INDEX decision_mandate ON decision (mandate);

-- Sort keys change between ICU versions; the store recomputes them when the
-- collator's version differs from the one recorded here.
CREATE TABLE sort_key_collator (
  version TEXT NOT NULL
);
INSERT INTO sort_key_collator (version) VALUES (sv_key_version ());

-- A program without sv_key () that changes a title or a responsible marks
-- the row's keys as missing (a title_key of NULL; a row it inserts has
-- none either), and the store fills them in when it next opens the
-- register. Groups are few: the store compares all their keys then.
CREATE TRIGGER decision_sort_keys_stale
AFTER UPDATE OF title, responsible ON decision
WHEN NOT EXISTS (SELECT 1 FROM pragma_function_list WHERE name = 'sv_key')
BEGIN
  UPDATE decision SET title_key = NULL WHERE id = NEW.id;
END;

-- A registered decision keeps its number, so it can never become a draft
-- again, whatever path the update takes.
CREATE TRIGGER decision_no_redraft
BEFORE UPDATE OF status ON decision
WHEN OLD.status <> 'draft' AND NEW.status = 'draft'
BEGIN
  SELECT RAISE (ABORT, 'registered decision is fixed');
END;

-- Search as you type asks for prefixes of two to four characters; without
-- prefix indexes FTS5 merges the lists of every word that starts with them.
DROP TABLE decision_fts;
CREATE VIRTUAL TABLE decision_fts USING fts5 (
  title, body, content = 'decision', content_rowid = 'id',
  tokenize = "unicode61 remove_diacritics 0", prefix = '2 3 4'
);
INSERT INTO decision_fts (decision_fts) VALUES ('rebuild');
