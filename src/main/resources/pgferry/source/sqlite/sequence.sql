-- The highest AUTOINCREMENT value ever handed out for one table (?1 = table name).
SELECT seq FROM sqlite_sequence WHERE name = ?1
