-- Samordna register, schema version 6: an agenda item that follows up a
-- decision names that decision.
--
-- Until now a follow-up item was known by the decision number in its
-- title, matched as text: “AOI 2026:1” was found in “AOI 2026:14”, and a
-- retitled item lost its decision. The item now records which decision it
-- reports on; a decision that is deleted (only drafts can be) leaves the
-- item in place, reporting on nothing in particular.
ALTER TABLE agenda_item ADD COLUMN decision_id INTEGER REFERENCES decision (id) ON DELETE SET NULL;
-- Which meetings have reported on a decision, and deleting a decision,
-- both look up the items by it.
CREATE INDEX agenda_item_decision ON agenda_item (decision_id);

-- The follow-up items made before: bound to the decision their title names,
-- when it names exactly one decision of the meeting's groups. A number
-- counts only whole (“AOI 2026:1” is not in “AOI 2026:14”, nor “IVA 2026:1”
-- in “AOI-IVA 2026:1”): the title and the number are compared with spaces
-- around them, after the punctuation a number may stand next to is made a
-- space in both. A title that names two decisions, or none, stays unbound.
WITH normal (item_id, meeting_id, title) AS (
  SELECT id, meeting_id,
         ' ' || replace (replace (replace (replace (replace (replace (replace (replace (replace (
           title, char (9), ' '), char (10), ' '), ',', ' '), '.', ' '), ';', ' '), '(', ' '), ')', ' '),
           '“', ' '), '”', ' ') || ' '
  FROM agenda_item WHERE kind = 'follow_up'
),
number (decision_id, group_id, text) AS (
  SELECT d.id, d.group_id,
         ' ' || replace (replace (replace (replace (replace (replace (replace (replace (replace (
           CASE WHEN coalesce (g.code, '') = '' THEN '' ELSE g.code || ' ' END || d.year || ':' || d.serial,
           char (9), ' '), char (10), ' '), ',', ' '), '.', ' '), ';', ' '), '(', ' '), ')', ' '),
           '“', ' '), '”', ' ') || ' '
  FROM decision d JOIN grp g ON g.id = d.group_id
  WHERE d.year IS NOT NULL AND d.serial IS NOT NULL
),
named (item_id, decision_id) AS (
  SELECT n.item_id, min (number.decision_id)
  FROM normal n
  JOIN meeting_group mg ON mg.meeting_id = n.meeting_id
  JOIN number ON number.group_id = mg.group_id AND instr (n.title, number.text) > 0
  GROUP BY n.item_id
  HAVING count (DISTINCT number.decision_id) = 1
)
UPDATE agenda_item SET decision_id = named.decision_id
FROM named WHERE agenda_item.id = named.item_id;
