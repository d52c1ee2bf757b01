-- Notes (Lexical JSON), their derived links (for backlinks) and full-text search over their text.
CREATE TABLE notes (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  plain TEXT NOT NULL DEFAULT '',
  -- Set together for the note of a matrix cell (round × theme).
  round_id INTEGER,
  theme_id INTEGER REFERENCES themes (id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

CREATE INDEX notes_by_updated ON notes (deleted_at, updated_at DESC);
CREATE UNIQUE INDEX notes_by_cell ON notes (round_id, theme_id) WHERE round_id IS NOT NULL AND theme_id IS NOT NULL AND deleted_at IS NULL;

-- Derived from the note's content on every save, in the same transaction.
CREATE TABLE note_links (
  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'note', 'round', 'theme', 'highlight')),
  target_id INTEGER NOT NULL,
  context TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX note_links_by_target ON note_links (kind, target_id);
CREATE INDEX note_links_by_note ON note_links (note_id);

CREATE VIRTUAL TABLE notes_fts USING fts5 (
  title,
  plain,
  content = 'notes',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts (rowid, title, plain) VALUES (new.id, new.title, new.plain);
END;

CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, title, plain) VALUES ('delete', old.id, old.title, old.plain);
END;

CREATE TRIGGER notes_fts_update AFTER UPDATE OF title, plain ON notes BEGIN
  INSERT INTO notes_fts (notes_fts, rowid, title, plain) VALUES ('delete', old.id, old.title, old.plain);
  INSERT INTO notes_fts (rowid, title, plain) VALUES (new.id, new.title, new.plain);
END;
