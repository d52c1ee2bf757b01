-- Deleted articles (issue 18). Deleting takes the article out of `articles`, so search, the
-- matrix, rounds, the timeline and export stop seeing it without a filter in each of them, and
-- keeps here everything Undo needs to put it back as it was: the row, its highlights, rejected
-- suggestions, round memberships and exclusions, the note links to it and the articles that named
-- it as their earlier version (articles/trash.ts). Nothing is lost until the row here is removed.
CREATE TABLE deleted_articles (
  -- The article's own id: notes link and quote by id, so it comes back under the same one.
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  -- JSON, see articles/trash.ts (Snapshot).
  snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
  -- The largest id among its highlights: new highlights are numbered above it, so a quote in a
  -- note never points at another passage after Undo.
  highlight_max INTEGER NOT NULL DEFAULT 0,
  deleted_at TEXT NOT NULL
) STRICT;

CREATE INDEX deleted_articles_by_time ON deleted_articles (deleted_at);
