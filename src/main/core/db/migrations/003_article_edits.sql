-- The user's own metadata for an article: a JSON object of the fields they set by hand
-- ({"title": "…", "published": null, …}). Edits win over detection on re-clean and carry over
-- to a newer version of the article; `raw` (already stored) keeps the original text to re-clean.
ALTER TABLE articles ADD COLUMN edits TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(edits) AND json_type(edits) = 'object');

-- A changed copy of an article already present is found by its URL or by title and outlet.
CREATE INDEX articles_by_url ON articles (url) WHERE url IS NOT NULL;
CREATE INDEX articles_by_title_outlet ON articles (title COLLATE NOCASE, outlet COLLATE NOCASE);
CREATE INDEX articles_by_version_of ON articles (version_of) WHERE version_of IS NOT NULL;
