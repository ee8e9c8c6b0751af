-- An incident's duplicates are found through an index: the timeline of an incident
-- (`id = $1 OR duplicate_of = $1`) and deleting incidents (the foreign key's check) used to scan
-- every incident for each one.
CREATE INDEX IF NOT EXISTS incidents_duplicate_of_idx ON incidents (duplicate_of)
  WHERE duplicate_of IS NOT NULL;
