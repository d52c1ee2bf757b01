-- A re-imported article is matched to its earlier version by the title the cleaner detected, even
-- after the user renamed it: index that JSON field so the lookup is a search, not a table scan
-- (a scan reads every stored body and raw page, which made large imports quadratic).
CREATE INDEX articles_by_detected_title ON articles (json_extract(edits, '$.title.detected') COLLATE NOCASE)
  WHERE json_extract(edits, '$.title.detected') IS NOT NULL;
