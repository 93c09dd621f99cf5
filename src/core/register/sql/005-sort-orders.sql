-- Samordna register, schema version 5: sorting the decision register by
-- group or by number without sorting the whole register, and the groups
-- by name without ICU in the query.
--
-- The groups' names get their Swedish sort keys too (see schema version
-- 4): the structure tree lists a parent's children, thousands at the top
-- of a large register, in the order of their names.
ALTER TABLE grp ADD COLUMN name_key BLOB;
UPDATE grp SET name_key = sv_key (name);
-- A parent's children in their order (position, then name) straight from
-- the index, with the row id breaking ties.
DROP INDEX grp_parent;
CREATE INDEX grp_parent ON grp (parent_id, position, name_key);
--
-- By group: the groups in the Swedish order of their codes, each with its
-- decisions from decision_group_year. The group's id follows its key in
-- the order, so that the walk over this index gives the order exactly.
CREATE INDEX grp_code_key ON grp (code_key);

-- By number (year, then group, then serial): one year at a time from this
-- index, each year's few thousand entries sorted by the group's key, and
-- the first page is shown before the later years are read.
CREATE INDEX decision_year_group ON decision (year, group_id, serial);
