-- Articles and their full-text index. Bodies are clean text; raw keeps the decoded original.
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  outlet TEXT,
  wire TEXT,
  author TEXT,
  published TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  url TEXT,
  source_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'html')),
  encoding TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL,
  raw TEXT NOT NULL,
  words INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  version_of INTEGER REFERENCES articles (id) ON DELETE SET NULL
) STRICT;

CREATE INDEX articles_by_published ON articles (published, id);
CREATE INDEX articles_by_source ON articles (source_name);

-- External-content FTS5 over title + body; prefix indexes make short prefix queries fast.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title,
  body,
  content = 'articles',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3'
);

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
