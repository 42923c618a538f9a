-- Triggers: reported (not migrated).
SELECT name, tbl_name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name
