-- Prefix queries in notes match words as written, as in articles (migration 009): notes_fts holds
-- Porter stems, so `staff*` missed "staffing" (stem "staf"). This unstemmed index over the same
-- columns serves note queries that hold a prefix (notes/repo.ts listNotes).
CREATE VIRTUAL TABLE notes_fts_exact USING fts5 (
  title,
  plain,
  content = 'notes',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

INSERT INTO notes_fts_exact (notes_fts_exact) VALUES ('rebuild');

CREATE TRIGGER notes_fts_exact_insert AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts_exact (rowid, title, plain) VALUES (new.id, new.title, new.plain);
END;

CREATE TRIGGER notes_fts_exact_delete AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts_exact (notes_fts_exact, rowid, title, plain) VALUES ('delete', old.id, old.title, old.plain);
END;

CREATE TRIGGER notes_fts_exact_update AFTER UPDATE OF title, plain ON notes BEGIN
  INSERT INTO notes_fts_exact (notes_fts_exact, rowid, title, plain) VALUES ('delete', old.id, old.title, old.plain);
  INSERT INTO notes_fts_exact (rowid, title, plain) VALUES (new.id, new.title, new.plain);
END;
