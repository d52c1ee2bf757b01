-- Rounds of talks and the articles that report or recall them. Detection proposes; the user's
-- decisions (accepting, editing, moving articles, rejecting a proposal) are stored and always win.
CREATE TABLE rounds (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  -- EDTF subset: YYYY-MM-DD, YYYY-MM, YYYY, or with an unknown year XXXX-MM-DD / XXXX-MM; null when unknown.
  date TEXT CHECK (date IS NULL OR date GLOB '[0-9X][0-9X][0-9X][0-9X]' OR date GLOB '[0-9X][0-9X][0-9X][0-9X]-[0-1][0-9]'
    OR date GLOB '[0-9X][0-9X][0-9X][0-9X]-[0-1][0-9]-[0-3][0-9]'),
  venue TEXT,
  participants TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(participants) AND json_type(participants) = 'array'),
  summary TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted')),
  -- Human sentences saying why detection proposed the round.
  reasons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(reasons) AND json_type(reasons) = 'array'),
  -- Fields the user set by hand (["title", "date", …]); a round with edits is never rewritten by detection.
  edited TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(edited) AND json_type(edited) = 'array'),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX rounds_by_date ON rounds (date, id);

CREATE TABLE article_rounds (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  -- 'reports': the article is about this round; 'mentions': it only recalls it.
  role TEXT NOT NULL CHECK (role IN ('reports', 'mentions')),
  -- 'user' memberships are never removed or changed by detection.
  source TEXT NOT NULL CHECK (source IN ('detected', 'user')),
  PRIMARY KEY (round_id, article_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX article_rounds_by_article ON article_rounds (article_id, round_id);

-- The user took this article out of this round: detection never puts it back.
CREATE TABLE round_exclusions (
  round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (round_id, article_id)
) STRICT, WITHOUT ROWID;

-- A proposal the user deleted: the articles that reported it (JSON array of ids). Detection does
-- not propose a round again whose reporting articles are all among them.
CREATE TABLE round_rejections (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL UNIQUE,
  articles TEXT NOT NULL CHECK (json_valid(articles) AND json_type(articles) = 'array'),
  created_at TEXT NOT NULL
) STRICT;
