package pgferry.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One test's own PostgreSQL database, cloned from its migration set's template. {@link #close()} drops it.
 * The JDBC URL carries the user but never the password ({@link #password()} has it, when there is one).
 */
public final class PgDatabase implements AutoCloseable {

    private final TestDatabases owner;
    private final String name;
    private final MigrationSet migrations;
    private final PGSimpleDataSource dataSource;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Connection resetConnection;

    PgDatabase(TestDatabases owner, String name, MigrationSet migrations) {
        this.owner = owner;
        this.name = name;
        this.migrations = migrations;
        PgServer server = owner.server();
        this.dataSource = new PGSimpleDataSource();
        dataSource.setURL(server.jdbcUrl(name));
        dataSource.setUser(server.user());
        if (server.url().password() != null) {
            dataSource.setPassword(server.url().password());
        }
    }

    /** Database name, {@code pgferry_test_...}. */
    public String name() {
        return name;
    }

    /** JDBC URL with {@code user=}, e.g. for an application under test that takes one URL. */
    public String jdbcUrl() {
        String url = owner.server().jdbcUrl(name);
        return url + (url.contains("?") ? "&" : "?") + "user=" + owner.server().user();
    }

    public String user() {
        return owner.server().user();
    }

    /** The password, or {@code null} (embedded and trust-auth servers have none). */
    public String password() {
        return owner.server().url().password();
    }

    public PgServer server() {
        return owner.server();
    }

    public MigrationSet migrations() {
        return migrations;
    }

    /** A DataSource opening a new connection to this database on each call. */
    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Empties every user table (all schemas, except Flyway's history) with one
     * {@code TRUNCATE ... RESTART IDENTITY CASCADE}: the cheap reset between tries of a property test.
     */
    public synchronized void reset() throws SQLException {
        if (resetConnection == null || resetConnection.isClosed()) {
            resetConnection = dataSource.getConnection();
            resetConnection.setAutoCommit(true);
        }
        try (Statement st = resetConnection.createStatement()) {
            st.execute(HarnessSql.get("truncate_all"));
        }
    }

    /** Drops the database (sessions still open on it are ended). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            synchronized (this) {
                if (resetConnection != null) {
                    try {
                        resetConnection.close();
                    } catch (SQLException e) {
                        // dropped anyway
                    }
                }
            }
            owner.drop(name);
        }
    }

    @Override
    public String toString() {
        return name + " on " + owner.server();
    }
}
