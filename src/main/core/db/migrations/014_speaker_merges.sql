-- Who speaks (issue 21): the user merges two spellings of a speaker ("Berg" and "Anna Berg"
-- are one person, "Foreign Ministry" and "MFA" one body). A speaker is known by its key (claims/
-- statements.ts: the last word of the name, folded); a merge sends one key to another in every
-- round of the notebook. Unmerging deletes the row.
CREATE TABLE speaker_merges (
  from_key TEXT PRIMARY KEY,
  into_key TEXT NOT NULL CHECK (into_key <> from_key),
  -- How the merged name was written, to show what was merged.
  from_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
