-- The stemmed full-text index without prefix indexes. Since migration 009 every query holding a
-- prefix runs on articles_fts_exact (search/fts.ts ftsTable), so the 2- and 3-character prefix
-- indexes of articles_fts were written for every imported word and never read. They tripled the
-- stemmed index's work: storing an article (issue 17 item 2: the import's store step runs on the
-- core's thread) cost about 22% more CPU for short articles and 35% more for a 5 MB body, and made
-- the file larger. Rebuilt here from the stored articles (once, at the upgrade); same tokenizer,
-- same columns, same triggers, so every query that is not a prefix query finds what it found.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title,
  body,
  content = 'articles',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
