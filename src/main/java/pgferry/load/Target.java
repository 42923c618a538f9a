package pgferry.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import pgferry.UserError;

/**
 * A PostgreSQL target: a JDBC URL without credentials, the connection properties (user, password),
 * and a display form that never holds the password.
 *
 * @param jdbcUrl    jdbc:postgresql://host:port/db[?params], never with a password
 * @param properties user, password and other connection properties
 * @param display    what messages and reports show (password masked)
 */
public record Target(String jdbcUrl, Properties properties, String display) {

    /** Opens a connection; failures are one-line user errors naming the target (password masked). */
    public Connection connect() {
        try {
            Properties p = new Properties();
            p.putAll(properties);
            p.putIfAbsent("ApplicationName", "pgferry");
            return DriverManager.getConnection(jdbcUrl, p);
        } catch (SQLException e) {
            String reason = e.getMessage() == null ? e.getSQLState() : e.getMessage().lines().findFirst().orElse("");
            String password = properties.getProperty("password");
            if (password != null && !password.isEmpty()) {
                reason = reason.replace(password, "***");
            }
            throw new UserError("cannot connect to " + display + " (" + reason
                    + "): check the TARGET URL, or start the local service with 'pgferry up'");
        }
    }
}
