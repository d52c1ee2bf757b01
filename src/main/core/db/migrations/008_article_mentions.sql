-- Whether the suggestion models find a theme in an article: what a matrix cell with no highlight
-- needs to say "mentioned, not coded" or "not covered". Working it out reads the rounds' articles
-- (seconds on a large notebook), so the answers outlive a restart. They hold while the signature
-- (articles, themes' keywords, rejections, terms learnt from highlights; rounds/matrix.ts) is the
-- one stored beside them; otherwise they are cleared and worked out again. A cache: losing it costs
-- time, never data.
CREATE TABLE article_mentions (
  article_id INTEGER NOT NULL,
  theme_id INTEGER NOT NULL,
  mentioned INTEGER NOT NULL CHECK (mentioned IN (0, 1)),
  PRIMARY KEY (article_id, theme_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE article_mentions_signature (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  signature TEXT NOT NULL
) STRICT;

-- An article's answers go with it, and with its text (re-cleaning rewrites the body).
CREATE TRIGGER articles_mentions_delete AFTER DELETE ON articles
BEGIN
  DELETE FROM article_mentions WHERE article_id = OLD.id;
END;

CREATE TRIGGER articles_mentions_body AFTER UPDATE OF body ON articles WHEN OLD.body IS NOT NEW.body
BEGIN
  DELETE FROM article_mentions WHERE article_id = NEW.id;
END;
