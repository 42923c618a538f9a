package pgferry.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC helpers for the systems' PostgreSQL tests. */
public final class SystemSql {

    private SystemSql() {
    }

    /** Runs {@code sql} and asserts PostgreSQL refuses it with {@code sqlState} naming {@code constraint}. */
    public static void refuses(Connection c, String sql, String sqlState, String constraint) {
        Throwable t = catchThrowable(() -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate(sql);
            }
        });
        assertThat(t).as("PostgreSQL should refuse: %s", sql).isInstanceOf(SQLException.class);
        assertThat(((SQLException) t).getSQLState()).as(t.getMessage()).isEqualTo(sqlState);
        assertThat(t.getMessage()).contains(constraint);
    }

    public static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** First column of every row, as text. */
    public static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The plan of {@code query} as one text. */
    public static String explain(Connection c, String query) throws SQLException {
        return String.join("\n", column(c, "EXPLAIN " + query));
    }

    public static String single(Connection c, String sql) throws SQLException {
        List<String> rows = column(c, sql);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
