-- The rounds × themes counts, kept up to date by triggers so the matrix reads them (a few thousand
-- rows) instead of grouping every coded highlight of every reporting article on each opening
-- (rounds/matrix.ts; its test holds these tables to that grouped query after every kind of write).

-- Coded highlights per article and theme: how many, so a cell knows when an article stops counting.
CREATE TABLE article_theme_counts (
  article_id INTEGER NOT NULL,
  theme_id INTEGER NOT NULL,
  highlights INTEGER NOT NULL,
  PRIMARY KEY (article_id, theme_id)
) STRICT, WITHOUT ROWID;

-- Per round and theme, over the articles that report the round: articles with a highlight of the
-- theme, and those highlights. A row exists only while highlights > 0.
CREATE TABLE matrix_cells (
  round_id INTEGER NOT NULL,
  theme_id INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  highlights INTEGER NOT NULL,
  PRIMARY KEY (round_id, theme_id)
) STRICT, WITHOUT ROWID;

INSERT INTO article_theme_counts (article_id, theme_id, highlights)
  SELECT article_id, theme_id, count(*) FROM highlights WHERE theme_id IS NOT NULL GROUP BY article_id, theme_id;

INSERT INTO matrix_cells (round_id, theme_id, articles, highlights)
  SELECT ar.round_id, c.theme_id, count(*), sum(c.highlights)
  FROM article_rounds ar JOIN article_theme_counts c ON c.article_id = ar.article_id
  WHERE ar.role = 'reports'
  GROUP BY ar.round_id, c.theme_id;

-- A highlight's (article, theme) leaves: one fewer; the article stops counting for the cells of the
-- rounds it reports when it was its last highlight of the theme. Cascaded deletes (an article, a
-- round) fire these too, in either order: whichever of highlights and article_rounds goes first
-- takes the counts with it, the other then finds nothing left to subtract.
CREATE TRIGGER highlights_cells_delete AFTER DELETE ON highlights WHEN OLD.theme_id IS NOT NULL
BEGIN
  UPDATE article_theme_counts SET highlights = highlights - 1 WHERE article_id = OLD.article_id AND theme_id = OLD.theme_id;
  UPDATE matrix_cells SET highlights = highlights - 1,
      articles = articles - coalesce((SELECT highlights <= 0 FROM article_theme_counts WHERE article_id = OLD.article_id AND theme_id = OLD.theme_id), 0)
    WHERE theme_id = OLD.theme_id
      AND round_id IN (SELECT round_id FROM article_rounds WHERE article_id = OLD.article_id AND role = 'reports');
  DELETE FROM matrix_cells WHERE theme_id = OLD.theme_id AND highlights <= 0
    AND round_id IN (SELECT round_id FROM article_rounds WHERE article_id = OLD.article_id AND role = 'reports');
  DELETE FROM article_theme_counts WHERE article_id = OLD.article_id AND theme_id = OLD.theme_id AND highlights <= 0;
END;

CREATE TRIGGER highlights_cells_insert AFTER INSERT ON highlights WHEN NEW.theme_id IS NOT NULL
BEGIN
  INSERT INTO article_theme_counts (article_id, theme_id, highlights) VALUES (NEW.article_id, NEW.theme_id, 1)
    ON CONFLICT (article_id, theme_id) DO UPDATE SET highlights = highlights + 1;
  INSERT INTO matrix_cells (round_id, theme_id, articles, highlights)
    SELECT ar.round_id, NEW.theme_id,
        (SELECT highlights = 1 FROM article_theme_counts WHERE article_id = NEW.article_id AND theme_id = NEW.theme_id), 1
    FROM article_rounds ar WHERE ar.article_id = NEW.article_id AND ar.role = 'reports'
    ON CONFLICT (round_id, theme_id) DO UPDATE SET articles = articles + excluded.articles, highlights = highlights + 1;
END;

-- Recoding (theme changed, a theme merged or deleted) or moving a highlight: out of the old cell, into the new.
CREATE TRIGGER highlights_cells_update AFTER UPDATE OF article_id, theme_id ON highlights
  WHEN OLD.article_id IS NOT NEW.article_id OR OLD.theme_id IS NOT NEW.theme_id
BEGIN
  UPDATE article_theme_counts SET highlights = highlights - 1
    WHERE OLD.theme_id IS NOT NULL AND article_id = OLD.article_id AND theme_id = OLD.theme_id;
  UPDATE matrix_cells SET highlights = highlights - 1,
      articles = articles - coalesce((SELECT highlights <= 0 FROM article_theme_counts WHERE article_id = OLD.article_id AND theme_id = OLD.theme_id), 0)
    WHERE OLD.theme_id IS NOT NULL AND theme_id = OLD.theme_id
      AND round_id IN (SELECT round_id FROM article_rounds WHERE article_id = OLD.article_id AND role = 'reports');
  DELETE FROM matrix_cells WHERE OLD.theme_id IS NOT NULL AND theme_id = OLD.theme_id AND highlights <= 0
    AND round_id IN (SELECT round_id FROM article_rounds WHERE article_id = OLD.article_id AND role = 'reports');
  DELETE FROM article_theme_counts WHERE OLD.theme_id IS NOT NULL AND article_id = OLD.article_id AND theme_id = OLD.theme_id AND highlights <= 0;

  INSERT INTO article_theme_counts (article_id, theme_id, highlights) SELECT NEW.article_id, NEW.theme_id, 1 WHERE NEW.theme_id IS NOT NULL
    ON CONFLICT (article_id, theme_id) DO UPDATE SET highlights = highlights + 1;
  INSERT INTO matrix_cells (round_id, theme_id, articles, highlights)
    SELECT ar.round_id, NEW.theme_id,
        (SELECT highlights = 1 FROM article_theme_counts WHERE article_id = NEW.article_id AND theme_id = NEW.theme_id), 1
    FROM article_rounds ar WHERE NEW.theme_id IS NOT NULL AND ar.article_id = NEW.article_id AND ar.role = 'reports'
    ON CONFLICT (round_id, theme_id) DO UPDATE SET articles = articles + excluded.articles, highlights = highlights + 1;
END;

-- An article starts or stops reporting a round: its coded themes join or leave the round's cells.
CREATE TRIGGER article_rounds_cells_insert AFTER INSERT ON article_rounds WHEN NEW.role = 'reports'
BEGIN
  INSERT INTO matrix_cells (round_id, theme_id, articles, highlights)
    SELECT NEW.round_id, c.theme_id, 1, c.highlights FROM article_theme_counts c WHERE c.article_id = NEW.article_id
    ON CONFLICT (round_id, theme_id) DO UPDATE SET articles = articles + 1, highlights = highlights + excluded.highlights;
END;

CREATE TRIGGER article_rounds_cells_delete AFTER DELETE ON article_rounds WHEN OLD.role = 'reports'
BEGIN
  UPDATE matrix_cells SET articles = articles - 1,
      highlights = highlights - (SELECT c.highlights FROM article_theme_counts c WHERE c.article_id = OLD.article_id AND c.theme_id = matrix_cells.theme_id)
    WHERE round_id = OLD.round_id AND theme_id IN (SELECT theme_id FROM article_theme_counts WHERE article_id = OLD.article_id);
  DELETE FROM matrix_cells WHERE round_id = OLD.round_id AND highlights <= 0;
END;

CREATE TRIGGER article_rounds_cells_update AFTER UPDATE OF article_id, round_id, role ON article_rounds
BEGIN
  UPDATE matrix_cells SET articles = articles - 1,
      highlights = highlights - (SELECT c.highlights FROM article_theme_counts c WHERE c.article_id = OLD.article_id AND c.theme_id = matrix_cells.theme_id)
    WHERE OLD.role = 'reports' AND round_id = OLD.round_id
      AND theme_id IN (SELECT theme_id FROM article_theme_counts WHERE article_id = OLD.article_id);
  DELETE FROM matrix_cells WHERE OLD.role = 'reports' AND round_id = OLD.round_id AND highlights <= 0;
  INSERT INTO matrix_cells (round_id, theme_id, articles, highlights)
    SELECT NEW.round_id, c.theme_id, 1, c.highlights FROM article_theme_counts c WHERE NEW.role = 'reports' AND c.article_id = NEW.article_id
    ON CONFLICT (round_id, theme_id) DO UPDATE SET articles = articles + 1, highlights = highlights + excluded.highlights;
END;
