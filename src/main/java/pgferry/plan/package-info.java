/**
 * Cast rules: how each source table and column lands in PostgreSQL.
 *
 * <p>Entry point: {@link pgferry.plan.Planner#plan} → {@link pgferry.plan.MigrationPlan} (tables in
 * foreign-key order, each a {@link pgferry.plan.TablePlan} of {@link pgferry.plan.ColumnPlan}s with a
 * target {@link pgferry.plan.TargetType} and a {@link pgferry.plan.ValueConverter}; renames; warnings;
 * the {@link pgferry.plan.NumericAudit precision audit}). {@link pgferry.plan.DdlWriter} renders the
 * DDL in three groups (tables; keys, checks and indexes after the data; foreign keys last).
 *
 * <p>Contract for the loader: for every source row, convert every column with its converter; if any
 * returns a {@link pgferry.plan.Rejection}, the row goes to the rejects file with that reason and is
 * not loaded; otherwise the {@link pgferry.plan.Converted.Value} texts (null = SQL NULL) are the
 * PostgreSQL input forms to COPY (after COPY text-format escaping). Converters never throw for bad
 * data. Duplicate primary/unique keys are not visible per value (SQLite allows NULLs and, after
 * conversion, two source values may become equal, e.g. two spellings of one instant): the loader
 * must detect them when it adds the key after the data and reject all but the first row (by rowid).
 */
package pgferry.plan;
