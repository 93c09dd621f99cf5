-- The sort keys of schema version 4, kept up to date on the store's own
-- connections. These triggers are TEMP because they call sv_key (), which
-- only the store defines: in the file they would stop every other SQLite
-- program from writing to the decision and group tables. Only the changed
-- row is touched, and a save that keeps the text keeps its keys. A bulk
-- import into an empty register drops the insert triggers, fills the keys
-- once at its commit and creates them again from here.

CREATE TEMP TRIGGER IF NOT EXISTS decision_sort_keys_ai AFTER INSERT ON main.decision BEGIN
  UPDATE decision SET title_key = sv_key (NEW.title), responsible_key = sv_key (NEW.responsible)
  WHERE id = NEW.id;
END;

CREATE TEMP TRIGGER IF NOT EXISTS decision_sort_keys_au AFTER UPDATE OF title, responsible ON main.decision
WHEN NEW.title IS NOT OLD.title OR NEW.responsible IS NOT OLD.responsible
BEGIN
  UPDATE decision SET title_key = sv_key (NEW.title), responsible_key = sv_key (NEW.responsible)
  WHERE id = NEW.id;
END;

CREATE TEMP TRIGGER IF NOT EXISTS grp_sort_keys_ai AFTER INSERT ON main.grp BEGIN
  UPDATE grp SET code_key = sv_key (NEW.code), name_key = sv_key (NEW.name) WHERE id = NEW.id;
END;

CREATE TEMP TRIGGER IF NOT EXISTS grp_sort_keys_au AFTER UPDATE OF code, name ON main.grp
WHEN NEW.code IS NOT OLD.code OR NEW.name IS NOT OLD.name
BEGIN
  UPDATE grp SET code_key = sv_key (NEW.code), name_key = sv_key (NEW.name) WHERE id = NEW.id;
END;
