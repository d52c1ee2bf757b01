-- Secrets that belong to the notebook (issue 17 F6). `export-mac` signs the manifest an export
-- leaves in its folder (export/manifest.ts): only a manifest this notebook signed is believed, so
-- a planted one cannot make an export replace or remove the user's files. randomblob draws from
-- SQLite's generator, seeded from the operating system's.
CREATE TABLE notebook_secrets (
  name TEXT PRIMARY KEY,
  value BLOB NOT NULL CHECK (length(value) >= 32)
) STRICT;

INSERT INTO notebook_secrets (name, value) VALUES ('export-mac', randomblob(32));
