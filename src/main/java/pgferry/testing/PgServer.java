package pgferry.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A running PostgreSQL server the harness may create databases on, whichever provider gave it.
 *
 * @param provider    which provider gave it
 * @param url         how to reach it; {@code url.database()} is the maintenance database the harness
 *                    connects to for CREATE/DROP DATABASE
 * @param description one line for logs and test reports (no password)
 */
public record PgServer(PgProviders.Kind provider, TestDatabaseUrl url, String description) {

    /** JDBC URL of {@code database} on this server (user and password go separately). */
    public String jdbcUrl(String database) {
        return url.jdbcUrl(database);
    }

    public String user() {
        return url.user();
    }

    /** Opens a connection to {@code database} as the URL's user; the caller closes it. */
    public Connection connect(String database, String applicationName) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", url.user());
        if (url.password() != null) {
            props.setProperty("password", url.password());
        }
        if (applicationName != null) {
            props.setProperty("ApplicationName", applicationName);
        }
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    @Override
    public String toString() {
        return description;
    }
}
