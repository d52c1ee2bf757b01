-- Typed links between passages (issue 21): "this passage contradicts that one". A link joins two
-- highlights by id with a relation from a list the user can edit. The highlights are not foreign
-- keys: deleting an article takes its highlights into the trash (migration 010) and Undo brings
-- them back under the same ids, so a link outlives its ends' absence and is shown again when both
-- are back. Deleting hides a link (deleted_at) and says why (deleted_with), so each undo restores
-- exactly the links its own delete hid (links/repo.ts).
CREATE TABLE link_relations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  -- How the relation reads from the other end ("is contradicted by"); empty: the same both ways.
  inverse TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL,
  deleted_at TEXT
) STRICT;

CREATE UNIQUE INDEX link_relations_by_name ON link_relations (name COLLATE NOCASE) WHERE deleted_at IS NULL;

INSERT INTO link_relations (name, inverse, position) VALUES
  ('supports', 'is supported by', 1),
  ('contradicts', '', 2),
  ('repeats', '', 3),
  ('quotes', 'is quoted by', 4),
  ('updates', 'is updated by', 5);

CREATE TABLE passage_links (
  id INTEGER PRIMARY KEY,
  from_highlight INTEGER NOT NULL,
  to_highlight INTEGER NOT NULL CHECK (to_highlight <> from_highlight),
  relation_id INTEGER NOT NULL REFERENCES link_relations (id),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  deleted_at TEXT,
  -- What hid it: the user ('link'), a deleted highlight ('highlight') or a deleted article ('article').
  deleted_with TEXT CHECK (deleted_with IN ('link', 'highlight', 'article'))
) STRICT;

CREATE INDEX passage_links_from ON passage_links (from_highlight);
CREATE INDEX passage_links_to ON passage_links (to_highlight);

-- Claim groups the user rejected in a round (claims/): never proposed again there.
CREATE TABLE claim_rejections (
  round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  -- The proposal's stable key (claims/propose.ts claimKey).
  claim_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (round_id, claim_key)
) STRICT, WITHOUT ROWID;
