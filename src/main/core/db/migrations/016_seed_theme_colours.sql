-- Issue 19 item 2: the seeded themes' colours were amber #e0a100, green #2f8f5b and a blue
-- #3b6fd8 that reads as a live text selection. They take the palette of themes/repo.ts (Okabe–Ito
-- and Paul Tol, colour-blind safe): amber #c98a00, bluish green #009e73, purple #aa4499. New
-- themes then take red #cc3311, pink, grey... (repo.ts hands out the first palette colour no live
-- theme holds), so the seeds and the next themes stay apart.
--
-- A colour the user may have come to read as a theme is theirs: a seed theme is recoloured only
-- while (1) it still has its seeded colour (never edited), (2) no passage was ever coded with it
-- (no highlight, none inside a deleted article waiting in the trash), so no tint in the Reader or
-- the margin has been seen in it, and (3) no other theme (live or in the trash) already has the new
-- colour, so recolouring never makes two themes alike. Matched on the id 002 gave each seed
-- together with its seeded colour, so a theme the user renamed keeps its identity and a user's
-- theme with that name is left alone. A new notebook runs this right after 002: all three change.
UPDATE themes
SET color = CASE color WHEN '#e0a100' THEN '#c98a00' WHEN '#2f8f5b' THEN '#009e73' ELSE '#aa4499' END
WHERE (id, color) IN (VALUES (1, '#e0a100'), (2, '#2f8f5b'), (3, '#3b6fd8'))
  AND NOT EXISTS (SELECT 1 FROM highlights h WHERE h.theme_id = themes.id)
  AND NOT EXISTS (
    SELECT 1 FROM deleted_articles d, json_each(d.snapshot, '$.highlights') h
    WHERE json_extract(h.value, '$.theme_id') = themes.id
  )
  AND NOT EXISTS (
    SELECT 1 FROM themes o
    WHERE o.id <> themes.id
      AND o.color = CASE themes.color WHEN '#e0a100' THEN '#c98a00' WHEN '#2f8f5b' THEN '#009e73' ELSE '#aa4499' END
  );
