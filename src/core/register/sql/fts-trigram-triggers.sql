-- Keep the decisions' trigram index (schema version 9) in step with
-- ordinary edits, as fts-triggers.sql keeps the word indexes. A bulk
-- import drops these, inserts, rebuilds the index once and creates them
-- again, all in the import's transaction.
CREATE TRIGGER decision_trgm_ai AFTER INSERT ON decision BEGIN
  INSERT INTO decision_trgm (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
CREATE TRIGGER decision_trgm_ad AFTER DELETE ON decision BEGIN
  INSERT INTO decision_trgm (decision_trgm, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
END;
CREATE TRIGGER decision_trgm_au AFTER UPDATE OF title, body ON decision BEGIN
  INSERT INTO decision_trgm (decision_trgm, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
  INSERT INTO decision_trgm (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
