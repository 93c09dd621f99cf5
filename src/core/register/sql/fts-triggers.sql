-- Keep the full-text indexes in step with ordinary edits. A bulk import drops
-- these, inserts, rebuilds each index once and creates them again, all in
-- the import's transaction.
CREATE TRIGGER decision_fts_ai AFTER INSERT ON decision BEGIN
  INSERT INTO decision_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
CREATE TRIGGER decision_fts_ad AFTER DELETE ON decision BEGIN
  INSERT INTO decision_fts (decision_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
END;
CREATE TRIGGER decision_fts_au AFTER UPDATE OF title, body ON decision BEGIN
  INSERT INTO decision_fts (decision_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
  INSERT INTO decision_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
END;
CREATE TRIGGER meeting_fts_ai AFTER INSERT ON meeting BEGIN
  INSERT INTO meeting_fts (rowid, title, notes) VALUES (NEW.id, NEW.title, NEW.notes);
END;
CREATE TRIGGER meeting_fts_ad AFTER DELETE ON meeting BEGIN
  INSERT INTO meeting_fts (meeting_fts, rowid, title, notes) VALUES ('delete', OLD.id, OLD.title, OLD.notes);
END;
CREATE TRIGGER meeting_fts_au AFTER UPDATE OF title, notes ON meeting BEGIN
  INSERT INTO meeting_fts (meeting_fts, rowid, title, notes) VALUES ('delete', OLD.id, OLD.title, OLD.notes);
  INSERT INTO meeting_fts (rowid, title, notes) VALUES (NEW.id, NEW.title, NEW.notes);
END;
CREATE TRIGGER agenda_item_fts_ai AFTER INSERT ON agenda_item BEGIN
  INSERT INTO agenda_item_fts (rowid, title, notes) VALUES (NEW.id, NEW.title, NEW.notes);
END;
CREATE TRIGGER agenda_item_fts_ad AFTER DELETE ON agenda_item BEGIN
  INSERT INTO agenda_item_fts (agenda_item_fts, rowid, title, notes) VALUES ('delete', OLD.id, OLD.title, OLD.notes);
END;
CREATE TRIGGER agenda_item_fts_au AFTER UPDATE OF title, notes ON agenda_item BEGIN
  INSERT INTO agenda_item_fts (agenda_item_fts, rowid, title, notes) VALUES ('delete', OLD.id, OLD.title, OLD.notes);
  INSERT INTO agenda_item_fts (rowid, title, notes) VALUES (NEW.id, NEW.title, NEW.notes);
END;
