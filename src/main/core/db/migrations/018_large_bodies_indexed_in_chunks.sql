-- Large bodies are indexed in bounded pieces (issue 17 item 2). FTS5 tokenizes a row in one
-- statement, about 50-140 ms per MB for both article indexes, so a 15 MB body (under the import cap)
-- held the core's thread for 1-2 s in the import's write. A body longer than 1 MiB of UTF-8
-- (1048576 bytes, search/chunks.ts LARGE_BODY) is now left out of articles_fts / articles_fts_exact and
-- indexed as pieces of about 256 K characters in article_chunks_fts / _exact instead, one piece per
-- transaction with turns of the event loop between them (search/chunks.ts). Every body up to that
-- size is indexed as before, in the same statement as its row, so search finds, ranks and
-- snippets normal articles exactly as it did. The size is octet_length(), which SQLite reads from
-- the value's header: length() counts characters by reading the whole text (~50 ms for 15 MB), and
-- each trigger's WHEN would do that again in the import's write.

-- The normal index's content: its rebuild and integrity-check see only the articles it holds.
CREATE VIEW articles_fts_rows AS SELECT id, title, body FROM articles WHERE octet_length(body) <= 1048576;

-- A large article's pieces: its title with the first, its body in order. Written by search/chunks.ts.
-- No foreign key: a cascade would take every piece out of the piece indexes in the delete's own
-- statement, as long as indexing the body took; pieces of a deleted or rewritten body are listed in
-- article_chunks_dropped instead, left out of search at once, and deleted one per transaction.
CREATE TABLE article_chunks (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  UNIQUE (article_id, seq)
) STRICT;

-- Large articles whose pieces are not all written yet, and where the next piece starts (a UTF-16
-- offset into the body, as JavaScript counts). A killed process resumes here when it opens again.
CREATE TABLE article_index_pending (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  next_seq INTEGER NOT NULL DEFAULT 0,
  next_offset INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Pieces whose article was deleted or whose body changed: search skips them; search/chunks.ts deletes
-- them (before writing new pieces, so an article restored under its id never meets its old pieces).
CREATE TABLE article_chunks_dropped (
  chunk_id INTEGER PRIMARY KEY
) STRICT;

CREATE VIRTUAL TABLE article_chunks_fts USING fts5 (
  title,
  body,
  content = 'article_chunks',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE article_chunks_fts_exact USING fts5 (
  title,
  body,
  content = 'article_chunks',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER article_chunks_insert AFTER INSERT ON article_chunks BEGIN
  INSERT INTO article_chunks_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
  INSERT INTO article_chunks_fts_exact (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER article_chunks_title AFTER UPDATE OF title ON article_chunks BEGIN
  INSERT INTO article_chunks_fts (article_chunks_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO article_chunks_fts_exact (article_chunks_fts_exact, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO article_chunks_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
  INSERT INTO article_chunks_fts_exact (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER article_chunks_delete AFTER DELETE ON article_chunks BEGIN
  INSERT INTO article_chunks_fts (article_chunks_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO article_chunks_fts_exact (article_chunks_fts_exact, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

-- The two article indexes again, over the view: same tokenizers and options as 009 and 015.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TRIGGER articles_fts_exact_insert;
DROP TRIGGER articles_fts_exact_delete;
DROP TRIGGER articles_fts_exact_update;
DROP TABLE articles_fts;
DROP TABLE articles_fts_exact;

CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title,
  body,
  content = 'articles_fts_rows',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE articles_fts_exact USING fts5 (
  title,
  body,
  content = 'articles_fts_rows',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO articles_fts_exact (articles_fts_exact) VALUES ('rebuild');

-- Large articles already stored are pieced by search/chunks.ts once the notebook is open.
INSERT INTO article_index_pending (article_id) SELECT id FROM articles WHERE octet_length(body) > 1048576;

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles WHEN octet_length(new.body) <= 1048576 BEGIN
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
  INSERT INTO articles_fts_exact (rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER articles_fts_insert_large AFTER INSERT ON articles WHEN octet_length(new.body) > 1048576 BEGIN
  INSERT INTO article_index_pending (article_id) VALUES (new.id);
END;

-- A large article's pending row goes with it (ON DELETE CASCADE); its pieces are dropped.
CREATE TRIGGER articles_chunks_drop AFTER DELETE ON articles WHEN octet_length(old.body) > 1048576 BEGIN
  INSERT OR IGNORE INTO article_chunks_dropped (chunk_id) SELECT id FROM article_chunks WHERE article_id = old.id;
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles WHEN octet_length(old.body) <= 1048576 BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO articles_fts_exact (articles_fts_exact, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

-- An edit that changes the title or the body (edits.ts sets every field, changed or not) moves the
-- article between the two ways as its new length says. A large article's new body is pieced again;
-- a new title goes to its first piece only, so retitling stays bounded.
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles
WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body)
    SELECT 'delete', old.id, old.title, old.body WHERE octet_length(old.body) <= 1048576;
  INSERT INTO articles_fts_exact (articles_fts_exact, rowid, title, body)
    SELECT 'delete', old.id, old.title, old.body WHERE octet_length(old.body) <= 1048576;
  INSERT INTO articles_fts (rowid, title, body) SELECT new.id, new.title, new.body WHERE octet_length(new.body) <= 1048576;
  INSERT INTO articles_fts_exact (rowid, title, body) SELECT new.id, new.title, new.body WHERE octet_length(new.body) <= 1048576;
  UPDATE article_chunks SET title = new.title
    WHERE article_id = new.id AND seq = 0 AND old.body IS new.body AND id NOT IN (SELECT chunk_id FROM article_chunks_dropped);
  INSERT OR IGNORE INTO article_chunks_dropped (chunk_id)
    SELECT id FROM article_chunks WHERE article_id = old.id AND old.body IS NOT new.body;
  DELETE FROM article_index_pending WHERE article_id = old.id AND old.body IS NOT new.body;
  INSERT INTO article_index_pending (article_id) SELECT new.id WHERE octet_length(new.body) > 1048576 AND old.body IS NOT new.body;
END;
