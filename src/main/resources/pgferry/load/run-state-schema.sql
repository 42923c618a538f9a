-- pgferry's run state in the target, for resume: one row per migrate run, one row per loaded table,
-- one row per post-data statement done. Created once per run, before any worker starts.
CREATE SCHEMA IF NOT EXISTS pgferry;
CREATE TABLE IF NOT EXISTS pgferry.migration_run (
    run_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source       text        NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    status       text        NOT NULL DEFAULT 'running',
    options      text
);
CREATE TABLE IF NOT EXISTS pgferry.table_state (
    source        text        NOT NULL,
    target_schema text        NOT NULL,
    table_name    text        NOT NULL,
    status        text        NOT NULL,
    run_id        bigint      NOT NULL,
    rows_source   bigint      NOT NULL,
    rows_loaded   bigint      NOT NULL,
    rows_rejected bigint      NOT NULL,
    bytes         bigint      NOT NULL,
    millis        bigint      NOT NULL,
    finished_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source, target_schema, table_name)
);
CREATE TABLE IF NOT EXISTS pgferry.post_data_state (
    source        text        NOT NULL,
    target_schema text        NOT NULL,
    statement     text        NOT NULL,
    run_id        bigint      NOT NULL,
    finished_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source, target_schema, statement)
);
