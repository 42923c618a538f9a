package pgferry.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test body once per engine: on SQLite (a fresh database file in a temporary directory, with
 * {@link #sqliteSchema()} applied) and on PostgreSQL (the test's own database cloned from the template of
 * {@link #migrations()}). The method may take {@link Engine}, {@link javax.sql.DataSource},
 * {@link java.sql.Connection} (closed afterwards) and {@link ParityResults} (to compare what the two runs
 * saw, row by row).
 *
 * <pre>{@code
 * @ParityTest(sqliteSchema = "classpath:schema/sqlite.sql", migrations = "classpath:db/migration")
 * void balances(Engine engine, Connection c, ParityResults results) throws SQLException {
 *     new Ledger(c).post("alice", "12.50");
 *     results.record("balances", c, "SELECT account, amount FROM balance ORDER BY account");
 * }
 * }</pre>
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(ParityExtension.class)
public @interface ParityTest {

    /** SQL script creating the SQLite schema: {@code classpath:...} or a file path. */
    String sqliteSchema();

    /** Flyway locations of the PostgreSQL schema. */
    String[] migrations() default {};

    /** Engines to run on, in this order. */
    Engine[] engines() default {Engine.SQLITE, Engine.POSTGRES};

    /** Whether SQLite enforces foreign keys ({@code PRAGMA foreign_keys}), as PostgreSQL always does. */
    boolean sqliteForeignKeys() default true;
}
