-- Samordna register, schema version 7: the register's rules kept by the
-- schema too, and a deleted person forgotten by the audit log.
--
-- Samordna checks every row it writes (sam-store-rules.c) and says in a
-- message what is wrong. These triggers keep the same rules for any
-- other program that writes to the file, so that no register can come to
-- hold what would freeze a walk over it or make it unexportable. Their
-- messages are for the debug log; the store maps them to its own.

-- A decision's number is a serial from 1 in a year between 1900 and 2200.
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

-- A decision is withdrawn with a reason.
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

-- A withdrawn or superseded decision stays so.
CREATE TRIGGER decision_stays_closed
BEFORE UPDATE OF status ON decision
WHEN OLD.status IN ('withdrawn', 'superseded') AND NEW.status IS NOT OLD.status
BEGIN
  SELECT RAISE (ABORT, 'registered decision is fixed');
END;

-- A group's short code is part of every number it gave.
CREATE TRIGGER grp_code_fixed
BEFORE UPDATE OF code ON grp
WHEN OLD.code IS NOT NEW.code
  AND EXISTS (SELECT 1 FROM decision WHERE group_id = OLD.id AND status <> 'draft')
BEGIN
  SELECT RAISE (ABORT, 'group code is fixed');
END;

-- No circles: no group under its own subgroup, no decision superseding one
-- that supersedes it, no relations of one kind that lead back. UNION keeps
-- each walk finite whatever the file holds. An import lifts these while
-- its rows come in, in any order, and looks for circles at its commit.
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

-- A person deleted from the register is forgotten by its audit log too:
-- what was done stays, but not their name, job title, e-mail or phone.
CREATE TRIGGER person_forget_audit
AFTER DELETE ON person
BEGIN
  UPDATE audit_log
  SET before = CASE WHEN json_valid (before)
                    THEN json_set (before, '$.name', NULL, '$.title', NULL, '$.email', NULL, '$.phone', NULL)
               END,
      after = CASE WHEN json_valid (after)
                   THEN json_set (after, '$.name', NULL, '$.title', NULL, '$.email', NULL, '$.phone', NULL)
              END
  WHERE entity = 'person'
    AND (entity_uuid = OLD.uuid
         OR (action = 'merge' AND json_valid (before) AND json_extract (before, '$.uuid') = OLD.uuid));
END;

-- And the people deleted before this version.
UPDATE audit_log
SET before = CASE WHEN json_valid (before)
                  THEN json_set (before, '$.name', NULL, '$.title', NULL, '$.email', NULL, '$.phone', NULL)
             END,
    after = CASE WHEN json_valid (after)
                 THEN json_set (after, '$.name', NULL, '$.title', NULL, '$.email', NULL, '$.phone', NULL)
            END
WHERE entity = 'person'
  AND ((entity_uuid IS NOT NULL AND entity_uuid NOT IN (SELECT uuid FROM person))
       OR (action = 'merge' AND json_valid (before)
           AND json_extract (before, '$.uuid') NOT IN (SELECT uuid FROM person)));
