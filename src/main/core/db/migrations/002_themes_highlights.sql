-- Themes (codes) and highlights (coded passages). Highlights anchor on the clean body with a
-- W3C TextPositionSelector (start, end) and TextQuoteSelector (exact, prefix, suffix).
CREATE TABLE themes (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  color TEXT NOT NULL CHECK (color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  description TEXT NOT NULL DEFAULT '',
  -- JSON: {"terms": [...], "context": [...]}; terms say what the theme is about, context words
  -- must also appear nearby for a suggestion (so "staff" alone is not "embassy staffing").
  keywords TEXT NOT NULL DEFAULT '{"terms":[],"context":[]}',
  position INTEGER NOT NULL,
  deleted_at TEXT
) STRICT;

CREATE UNIQUE INDEX themes_by_name ON themes (name COLLATE NOCASE) WHERE deleted_at IS NULL;

CREATE TABLE highlights (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  theme_id INTEGER REFERENCES themes (id) ON DELETE SET NULL,
  start INTEGER NOT NULL CHECK (start >= 0),
  "end" INTEGER NOT NULL CHECK ("end" > start),
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  suffix TEXT NOT NULL DEFAULT '',
  comment TEXT NOT NULL DEFAULT '',
  -- 'anchored' while exact === body[start:end]; 'orphan' when re-anchoring failed (kept, shown).
  anchor TEXT NOT NULL DEFAULT 'anchored' CHECK (anchor IN ('anchored', 'orphan')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX highlights_by_article ON highlights (article_id, start);
CREATE INDEX highlights_by_theme ON highlights (theme_id, article_id);

-- A rejected suggestion is never proposed again for that span of that article.
CREATE TABLE suggestion_rejections (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  theme_id INTEGER NOT NULL REFERENCES themes (id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (article_id, theme_id, start, "end")
) STRICT, WITHOUT ROWID;

INSERT INTO themes (name, color, description, keywords, position) VALUES
  ('Embassy staffing', '#e0a100', 'Diplomats and staff at the missions: numbers, expulsions, visas, local hires.',
   '{"terms":["staff","staffing","personnel","diplomats","expel","expelled","expulsion","expulsions","visa","visas","rotation","employees","hire","hiring","accreditation","headcount","parity","operations"],"context":["embassy","embassies","mission","missions","diplomatic","consulate","consular","diplomats","ambassador"]}',
   1),
  ('Diplomatic properties', '#2f8f5b', 'Seized or closed compounds, residences and other diplomatic property.',
   '{"terms":["property","properties","compound","compounds","premises","dacha","estate","estates","buildings","seized","seizure","confiscated","return"],"context":["diplomatic","embassy","consulate","mission","russian-owned","seized","closed","compounds"]}',
   2),
  ('Direct flights', '#3b6fd8', 'Restoring direct air links between the two countries.',
   '{"terms":["flights","flight","air","airline","airlines","aviation","airspace","routes","carriers"],"context":["direct","resume","resumption","restore","restoring","restoration","suspended","links","between"]}',
   3);
