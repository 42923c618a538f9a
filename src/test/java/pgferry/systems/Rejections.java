package pgferry.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.util.PSQLException;

/** Runs a statement that PostgreSQL must refuse, and says which SQLSTATE and constraint refused it. */
public final class Rejections {
    private Rejections() {
    }

    public record Rejection(String sqlState, String constraint, String message) {
    }

    public static Rejection reject(Connection c, String sql) {
        PSQLException e = catchThrowableOfType(PSQLException.class, () -> {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            }
        });
        assertThat((Object) e).as("PostgreSQL must refuse: %s", sql).isNotNull();
        return new Rejection(e.getSQLState(), e.getServerErrorMessage() == null ? null : e.getServerErrorMessage().getConstraint(), e.getMessage());
    }

    public static void run(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
