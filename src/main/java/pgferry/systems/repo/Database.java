package pgferry.systems.repo;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import pgferry.UserError;
import pgferry.config.ConnectionPools;
import pgferry.config.DatabaseUrl;

/**
 * The database a system's repository runs on, chosen as seed 000's "Environment-Based Selection" does:
 * PostgreSQL when {@code DATABASE_URL} is set (a HikariCP pool, production rules and pool size from the
 * environment), else the system's SQLite file ({@code SQLITE_PATH}, else the app's default path).
 */
public final class Database implements AutoCloseable {

    /** The variable naming the SQLite file when no {@code DATABASE_URL} is set. */
    public static final String SQLITE_PATH = "SQLITE_PATH";

    private final Dialect dialect;
    private final DataSource dataSource;
    private final String description;
    private final AutoCloseable onClose;

    private Database(Dialect dialect, DataSource dataSource, String description, AutoCloseable onClose) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.description = description;
        this.onClose = onClose;
    }

    /**
     * PostgreSQL if {@code DATABASE_URL} is set (its missing parts from the {@code PG*} variables), else the
     * SQLite file {@code SQLITE_PATH} or {@code defaultSqliteFile}.
     */
    public static Database fromEnvironment(Map<String, String> env, Path defaultSqliteFile) {
        String url = env.get("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return postgres(DatabaseUrl.fromEnvironment(env).orElseThrow(), env);
        }
        String path = env.get(SQLITE_PATH);
        return sqlite(path == null || path.isBlank() ? defaultSqliteFile : Path.of(path.strip()));
    }

    /** An existing SQLite file, foreign keys enforced (as PostgreSQL always does). */
    public static Database sqlite(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("SQLite database " + file + " does not exist: set " + SQLITE_PATH
                    + " to the app's database file, or set DATABASE_URL to use PostgreSQL");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5_000);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try (Connection c = ds.getConnection()) {
            c.getMetaData(); // opens the file: a directory or a non-database fails here
        } catch (SQLException e) {
            throw new UserError("cannot open SQLite database " + file + " (" + e.getMessage().lines().findFirst().orElse("")
                    + "): set " + SQLITE_PATH + " to the app's database file");
        }
        return new Database(Dialect.SQLITE, ds, "sqlite:" + file, () -> { });
    }

    /** A pool on {@code url} (production rules and pool size as {@code env} says). */
    public static Database postgres(DatabaseUrl url, Map<String, String> env) {
        HikariDataSource pool = ConnectionPools.create(url, env);
        return new Database(Dialect.POSTGRES, pool, url.toString(), pool::close);
    }

    /** A data source someone else owns (a test harness, an app's own pool); the dialect from its URL. */
    public static Database of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            Dialect d = Dialect.of(c);
            return new Database(d, dataSource, d.label() + " data source", () -> { });
        } catch (SQLException e) {
            throw new RepositoryException(e);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Where this is, password masked. */
    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() {
        try {
            onClose.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + description + ": " + e.getMessage(), e);
        }
    }
}
