package pgferry.systems;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.testing.PgTest;

/**
 * Each system's Flyway migrations apply to an empty database, apply nothing the second time, and
 * hold every table and column of the system's SQLite file under the same name (so the data can be
 * loaded by name).
 */
@PgTest
class SystemSchemasTest {

    @TempDir
    Path dir;

    @Test
    void atlas(DataSource db) throws Exception {
        check("atlas", db, Set.of("app_config", "treasury", "user_balances", "nexus_correlations"));
    }

    @Test
    void arb(DataSource db) throws Exception {
        check("arb", db, Set.of());
    }

    @Test
    void aitrader(DataSource db) throws Exception {
        check("aitrader", db, Set.of());
    }

    private void check(String name, DataSource db, Set<String> newInPostgres) throws Exception {
        SampleSystem system = Systems.byName(name).orElseThrow();
        Flyway flyway = Flyway.configure().dataSource(db).locations(system.flywayLocation()).load();
        assertThat(flyway.info().pending()).as("%s has migrations", name).isNotEmpty();

        int pending = flyway.info().pending().length;
        assertThat(flyway.migrate().migrationsExecuted).isEqualTo(pending);
        assertThat(flyway.migrate().migrationsExecuted).as("second run").isZero();
        flyway.validate();

        Path source = system.generate(3000, 1, dir);
        Set<String> sqlite = sqliteColumns(source);
        Set<String> postgres = new TreeSet<>();
        try (Connection c = db.getConnection()) {
            postgres.addAll(SystemSql.column(c, "SELECT table_name || '.' || column_name FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history'"
                    + " AND table_name NOT IN (SELECT matviewname FROM pg_matviews)"));
        }
        assertThat(postgres).as("every SQLite column has its PostgreSQL column").containsAll(sqlite);
        Set<String> extra = new TreeSet<>(postgres);
        extra.removeAll(sqlite);
        extra.removeIf(col -> newInPostgres.contains(col.substring(0, col.indexOf('.'))));
        assertThat(extra).as("PostgreSQL columns with no SQLite source").isEmpty();
        everyNumberFitsItsNumericColumn(db, source);
    }

    /**
     * The generated values are valid for the target: every value of a column that becomes
     * numeric(p,s) (REAL read as its shortest decimal, INTEGER, or decimal TEXT) has at most s
     * decimals and p - s integer digits, so a loader never has to round or reject one.
     */
    private static void everyNumberFitsItsNumericColumn(DataSource db, Path source) throws SQLException {
        List<String[]> numeric = new ArrayList<>();
        try (Connection pg = db.getConnection(); Statement st = pg.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name, column_name, numeric_precision, numeric_scale FROM information_schema.columns"
                        + " WHERE table_schema = 'public' AND data_type = 'numeric' ORDER BY 1, 2")) {
            while (rs.next()) {
                numeric.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        int checked = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source); Statement st = c.createStatement()) {
            for (String[] col : numeric) {
                if (SampleGeneratorsTest.strings(st, "SELECT name FROM pragma_table_info('" + col[0] + "') WHERE name = '" + col[1] + "'").isEmpty()) {
                    continue;
                }
                int precision = Integer.parseInt(col[2]);
                int scale = Integer.parseInt(col[3]);
                try (ResultSet rs = st.executeQuery("SELECT \"" + col[1] + "\", typeof(\"" + col[1] + "\") FROM \"" + col[0] + "\" WHERE \"" + col[1] + "\" IS NOT NULL")) {
                    while (rs.next()) {
                        BigDecimal v = switch (rs.getString(2)) {
                            case "real" -> new BigDecimal(Double.toString(rs.getDouble(1)));
                            case "integer" -> BigDecimal.valueOf(rs.getLong(1));
                            default -> new BigDecimal(rs.getString(1));
                        };
                        BigDecimal stripped = v.stripTrailingZeros();
                        int decimals = Math.max(0, stripped.scale());
                        int integerDigits = Math.max(0, stripped.precision() - stripped.scale());
                        assertThat(decimals).as("%s.%s = %s: decimals within numeric(%d,%d)", col[0], col[1], v.toPlainString(), precision, scale)
                                .isLessThanOrEqualTo(scale);
                        assertThat(integerDigits).as("%s.%s = %s: integer digits within numeric(%d,%d)", col[0], col[1], v.toPlainString(), precision, scale)
                                .isLessThanOrEqualTo(precision - scale);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isPositive();
    }

    private static Set<String> sqliteColumns(Path db) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String t : SampleGeneratorsTest.strings(st, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                for (String col : SampleGeneratorsTest.strings(st, "SELECT name FROM pragma_table_info('" + t + "')")) {
                    out.add(t + "." + col);
                }
            }
        }
        return out;
    }
}
