-- Samordna register, schema version 9: words found inside Swedish
-- compounds.
--
-- The word index (decision_fts) finds a word by its start, so "kapacitet"
-- missed "operationskapacitet". A trigram index beside it finds any run of
-- three characters or more anywhere in the title and text. Case is folded
-- but marks are kept, as in the word index: å, ä and ö stay letters of
-- their own. Words of one or two letters, which have no trigram, are still
-- looked up in the word index (sam-store-decisions.c). Its triggers are
-- in fts-trigram-triggers.sql, which the store runs after this file, so
-- that an import can drop and recreate them as it does the others.
--
-- A register made to look older than it is, as a test makes one, may
-- have the index already: it is then rebuilt.
DROP TRIGGER IF EXISTS decision_trgm_ai;
DROP TRIGGER IF EXISTS decision_trgm_ad;
DROP TRIGGER IF EXISTS decision_trgm_au;
CREATE VIRTUAL TABLE IF NOT EXISTS decision_trgm USING fts5 (
  title, body, content = 'decision', content_rowid = 'id',
  tokenize = "trigram case_sensitive 0"
);
INSERT INTO decision_trgm (decision_trgm) VALUES ('rebuild');
