package pgferry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** The harness's SQL, read from {@code pgferry/testing/harness.sql}, and the two ways it is run. */
final class HarnessSql {

    private static final Map<String, String> STATEMENTS = load();

    private HarnessSql() {
    }

    static String get(String name) {
        String sql = STATEMENTS.get(name);
        if (sql == null) {
            throw new IllegalStateException("no statement '" + name + "' in pgferry/testing/harness.sql");
        }
        return sql;
    }

    /**
     * Runs a {@code *_ddl} statement: the server formats the DDL from the parameters (identifiers with
     * {@code %I}, literals with {@code %L}), then the DDL runs.
     */
    static void ddl(Connection c, String name, Object... params) throws SQLException {
        String ddl;
        try (PreparedStatement ps = c.prepareStatement(get(name))) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ddl = rs.getString(1);
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute(ddl);
        }
    }

    private static Map<String, String> load() {
        try (InputStream in = HarnessSql.class.getResourceAsStream("/pgferry/testing/harness.sql")) {
            if (in == null) {
                throw new IllegalStateException("pgferry/testing/harness.sql is missing from the classpath");
            }
            Map<String, String> map = new HashMap<>();
            String name = null;
            StringBuilder body = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("-- name: ")) {
                    if (name != null) {
                        map.put(name, body.toString().strip());
                    }
                    name = line.substring("-- name: ".length()).strip();
                    body.setLength(0);
                } else if (name != null && !(line.startsWith("--") && body.toString().isBlank())) {
                    body.append(line).append('\n');
                }
            }
            if (name != null) {
                map.put(name, body.toString().strip());
            }
            return map;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
