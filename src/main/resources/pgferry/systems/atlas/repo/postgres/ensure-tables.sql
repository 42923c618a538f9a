-- Flyway (V3__atlas_nexus_correlations.sql) owns the table on PostgreSQL; this only fails clearly
-- when the migrations have not been run.
SELECT 1 FROM nexus_correlations LIMIT 0
