package pgferry.bench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import pgferry.config.DatabaseUrl;

/**
 * The PostgreSQL under test: {@code $DATABASE_URL} (or {@code -Dpgferry.bench.url}). Each data set lives in its own
 * schema ({@code pgferry_bench_<system>_<size>}) made by the system's Flyway migrations and loaded once
 * ({@link #fixture}); nothing outside schemas named {@code pgferry_bench_*} is touched.
 */
public final class Postgres {
    private Postgres() {
    }

    public static DatabaseUrl url() {
        String u = System.getProperty("pgferry.bench.url", System.getenv("DATABASE_URL"));
        if (u == null || u.isBlank()) {
            throw new IllegalStateException("set DATABASE_URL (or -Dpgferry.bench.url) to the PostgreSQL to benchmark; benchmarks/run.sh starts one");
        }
        return DatabaseUrl.parse(u);
    }

    /** Drops and recreates {@code schema} with the Flyway migrations at {@code location}; returns a connection using it. */
    public static Connection freshSchema(String schema, String location) {
        DatabaseUrl url = url();
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.properties()); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset schema " + schema + ": " + e.getMessage(), e);
        }
        flyway(schema, location).migrate();
        return connect(schema);
    }

    /**
     * A schema holding one data set, loaded once and reused by every later trial: when the schema's comment carries
     * {@code key} (the data file's hash and the loader's SQL, set only after a complete load and ANALYZE) and Flyway
     * validates it against the system's migrations, it is reused as it is; otherwise it is dropped, migrated and
     * {@code load}ed again. Trials only read a fixture; a trial that writes works on a {@link #freshSchema copy}.
     */
    public static Connection fixture(String schema, String key, String flywayLocation, Consumer<Connection> load) {
        String mark = "pgferry-bench fixture " + key;
        if (mark.equals(schemaComment(schema)) && flyway(schema, flywayLocation).validateWithResult().validationSuccessful) {
            return connect(schema);
        }
        Connection c = freshSchema(schema, flywayLocation);
        load.accept(c);
        execute(c, "COMMENT ON SCHEMA \"" + schema + "\" IS '" + mark.replace("'", "''") + "'");
        return c;
    }

    static String schemaComment(String schema) {
        DatabaseUrl url = url();
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.properties());
             PreparedStatement q = c.prepareStatement("SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = ?")) {
            q.setString(1, schema);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read schema " + schema + ": " + e.getMessage(), e);
        }
    }

    private static Flyway flyway(String schema, String location) {
        DatabaseUrl url = url();
        Properties p = url.properties();
        return Flyway.configure()
                .dataSource(url.jdbcUrl(), p.getProperty("user"), p.getProperty("password"))
                .schemas(schema).defaultSchema(schema).createSchemas(true)
                .locations(location).load();
    }

    public static Connection connect(String schema) {
        DatabaseUrl url = url();
        Properties p = url.properties();
        p.setProperty("currentSchema", schema);
        try {
            return DriverManager.getConnection(url.jdbcUrl(), p);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to PostgreSQL: " + e.getMessage(), e);
        }
    }

    public static void dropSchema(String schema) {
        DatabaseUrl url = url();
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.properties()); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /** COPY ... FROM STDIN (FORMAT csv) of rows of values (null = NULL), sent in chunks. */
    public static long copy(Connection c, String sql, Iterable<List<Object>> rows) {
        try {
            CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                StringBuilder b = new StringBuilder(1 << 20);
                for (List<Object> row : rows) {
                    for (int i = 0; i < row.size(); i++) {
                        if (i > 0) {
                            b.append(',');
                        }
                        Object v = row.get(i);
                        if (v != null) {
                            String s = v instanceof Instant t ? t.atOffset(ZoneOffset.UTC).toString()
                                    : v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString();
                            b.append('"').append(s.replace("\"", "\"\"")).append('"');
                        }
                    }
                    b.append('\n');
                    if (b.length() > (1 << 20)) {
                        flush(in, b);
                    }
                }
                flush(in, b);
                return in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        }
    }

    private static void flush(CopyIn in, StringBuilder b) throws SQLException {
        byte[] bytes = b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        b.setLength(0);
    }

    public static void execute(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static UncheckedIOException io(IOException e) {
        return new UncheckedIOException(e);
    }
}
