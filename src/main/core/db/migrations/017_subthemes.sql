-- Sub-themes, one level (issue 18 item 3): a theme may sit under a top-level theme, as a code
-- under its parent code in a codebook. The one-level rule (a theme with a parent has no children)
-- is the core's (themes/repo.ts: setThemeParent, restoreTheme), which says why in its error.
-- A deleted parent keeps its children's parent_id: while it is in the trash they show at the top
-- level, and Undo (restore, unmerge) puts them back under it without remembering anything else.
ALTER TABLE themes ADD COLUMN parent_id INTEGER REFERENCES themes (id) ON DELETE SET NULL CHECK (parent_id <> id);

CREATE INDEX themes_by_parent ON themes (parent_id) WHERE parent_id IS NOT NULL;
