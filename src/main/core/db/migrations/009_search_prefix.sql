-- Prefix queries match words as they are written (issue 18): articles_fts indexes Porter stems, so
-- `staff*` was matched against the stem of "staffing" ("staf") and missed it. This second index
-- over the same columns keeps the words unstemmed; search uses it for queries that hold a prefix
-- (search/fts.ts) and the stemmed one for the rest.
CREATE VIRTUAL TABLE articles_fts_exact USING fts5 (
  title,
  body,
  content = 'articles',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

INSERT INTO articles_fts_exact (articles_fts_exact) VALUES ('rebuild');

CREATE TRIGGER articles_fts_exact_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts_exact (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER articles_fts_exact_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts_exact (articles_fts_exact, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER articles_fts_exact_update AFTER UPDATE OF title, body ON articles BEGIN
  INSERT INTO articles_fts_exact (articles_fts_exact, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO articles_fts_exact (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
