-- Statements of the test harness (pgferry.testing). Each starts with "-- name: <name>".
-- Identifiers and literals in DDL are produced by the server with format(%I, %L) from parameters,
-- so nothing is ever concatenated into SQL by the Java side.

-- name: server_version_num
SELECT current_setting('server_version_num')::int, current_setting('fsync')

-- name: templates
SELECT d.datname, shobj_description(d.oid, 'pg_database') FROM pg_database d WHERE d.datname LIKE 'pgferry\_tpl\_%'

-- name: test_databases
SELECT d.datname FROM pg_database d WHERE d.datname LIKE 'pgferry\_test\_%'

-- name: live_owners
SELECT DISTINCT a.application_name FROM pg_stat_activity a WHERE a.application_name LIKE 'pgferry-test-owner %'

-- name: advisory_lock
SELECT pg_advisory_lock(?)

-- name: create_empty_ddl
SELECT format('CREATE DATABASE %I TEMPLATE template0', ?)

-- name: clone_ddl
SELECT format('CREATE DATABASE %I TEMPLATE %I', ?, ?)

-- name: clone_strategy_ddl
SELECT format('CREATE DATABASE %I TEMPLATE %I STRATEGY %s', ?, ?, CASE WHEN ? = 'FILE_COPY' THEN 'FILE_COPY' ELSE 'WAL_LOG' END)

-- name: seal_template_ddl
SELECT format('COMMENT ON DATABASE %I IS %L', ?, ?)

-- name: disallow_connections_ddl
SELECT format('ALTER DATABASE %I ALLOW_CONNECTIONS false', ?)

-- name: drop_force_ddl
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', ?)

-- name: drop_ddl
SELECT format('DROP DATABASE IF EXISTS %I', ?)

-- name: terminate_sessions
SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a WHERE a.datname = ? AND a.pid <> pg_backend_pid()

-- name: truncate_all
DO $$
DECLARE
  tables text;
BEGIN
  SELECT string_agg(format('%I.%I', n.nspname, c.relname), ', ')
    INTO tables
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p')
     AND NOT c.relispartition
     AND n.nspname NOT IN ('pg_catalog', 'information_schema')
     AND n.nspname NOT LIKE 'pg\_%'
     AND c.relname <> 'flyway_schema_history';
  IF tables IS NOT NULL THEN
    EXECUTE 'TRUNCATE TABLE ' || tables || ' RESTART IDENTITY CASCADE';
  END IF;
END
$$
