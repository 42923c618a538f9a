package pgferry.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A result read into memory for comparison: a label (the engine, say), column names and rows. PostgreSQL
 * values are read by their type: {@code timestamptz} as {@link OffsetDateTime}, {@code timestamp} as
 * {@link LocalDateTime}, {@code date} as {@link LocalDate}, {@code json}/{@code jsonb} as {@link Json}.
 */
public record Rows(String label, List<String> columns, List<List<Object>> values) {

    /** Text that is JSON (a {@code json}/{@code jsonb} column): compared as a JSON tree. */
    public record Json(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    public Rows {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : values) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        values = Collections.unmodifiableList(copy);
    }

    /** Rows given in code; columns are named c1, c2, ... */
    public static Rows of(String label, List<List<Object>> values) {
        int width = values.isEmpty() ? 0 : values.get(0).size();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
            columns.add("c" + i);
        }
        return new Rows(label, columns, values);
    }

    /** Reads every remaining row of {@code rs} (which the caller closes). */
    public static Rows read(String label, ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            columns.add(md.getColumnLabel(i));
            String type = md.getColumnTypeName(i);
            types.add(type == null ? "" : type.toLowerCase(Locale.ROOT));
        }
        boolean postgres = rs.getStatement() != null
                && rs.getStatement().getConnection().getMetaData().getURL().startsWith("jdbc:postgresql:");
        List<List<Object>> values = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(postgres ? postgresValue(rs, i, types.get(i - 1)) : rs.getObject(i));
            }
            values.add(row);
        }
        return new Rows(label, columns, values);
    }

    /** Runs {@code sql} with {@code params} on {@code c} and reads the result. */
    public static Rows query(String label, Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return read(label, rs);
            }
        }
    }

    private static Object postgresValue(ResultSet rs, int i, String type) throws SQLException {
        {
            switch (type) {
                case "timestamptz":
                    return rs.getObject(i, OffsetDateTime.class);
                case "timestamp":
                    return rs.getObject(i, LocalDateTime.class);
                case "date":
                    return rs.getObject(i, LocalDate.class);
                case "json":
                case "jsonb": {
                    String text = rs.getString(i);
                    return text == null ? null : new Json(text);
                }
                default:
                    break;
            }
        }
        return rs.getObject(i);
    }

    @Override
    public String toString() {
        return label + " " + columns + " " + values.size() + " rows";
    }
}
