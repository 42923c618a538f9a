/**
 * What the seed systems' data-access code shares so that ONE repository per system runs on SQLite
 * (local development, no {@code DATABASE_URL}) and on PostgreSQL (production, {@code DATABASE_URL} set),
 * as seed 000's "Environment-Based Selection" asks:
 * <ul>
 *   <li>{@link pgferry.systems.repo.Database}: the choice of engine from the environment;</li>
 *   <li>{@link pgferry.systems.repo.Dialect}: every difference in how a value is written and read
 *       (money REAL vs NUMERIC, time text/epoch vs TIMESTAMPTZ, JSON text vs JSONB, 0/1 vs boolean,
 *       uint256 text vs NUMERIC), one method per concern;</li>
 *   <li>{@link pgferry.systems.repo.RepoSql}: the SQL text, one file per statement, with a dialect's own
 *       file only where the statement itself differs (JSON containment, a job queue's row lock).</li>
 * </ul>
 * Upsert ({@code INSERT ... ON CONFLICT ... DO UPDATE SET x = excluded.x}, SQLite 3.24+),
 * {@code RETURNING} (SQLite 3.35+), {@code NULLS LAST} (3.30+) and {@code IS NOT DISTINCT FROM} (3.39+)
 * are written once: the bundled SQLite (3.50) and PostgreSQL accept the same text.
 */
package pgferry.systems.repo;
