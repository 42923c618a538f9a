package pgferry.bench.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import pgferry.bench.Answer;
import pgferry.bench.data.Fixtures;
import pgferry.bench.data.Times;

/** Users and bots in SQLite and PostgreSQL (one small class each; SQL in the matching resource files). */
public final class SqlStores {
    public static final String USERS_SCHEMA = "pgferry_bench_metagauge";
    public static final String BOTS_SCHEMA = "pgferry_bench_atlas";
    private static final Instant BOTS_CREATED = Instant.parse("2025-01-01T00:00:00Z");

    private SqlStores() {
    }

    static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Connection sqlite(Path db, SqlFile sql) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        try (Statement st = c.createStatement()) {
            for (String s : sql.script("schema")) {
                st.execute(s);
            }
        }
        return c;
    }

    /**
     * A private copy (in {@code dir}) of the SQLite fixture for {@code json}, built once per data file and loader by
     * creating the schema and {@code load}ing it (see {@link pgferry.bench.data.Fixtures#sqlite}); opened.
     */
    static Connection sqliteFixture(Path json, Path dir, String name, SqlFile sql, Loader load) {
        String loader = sql.text() + "\n" + Fixtures.code(SqlStores.class, JsonRecords.class, Times.class);
        Path fixture = Fixtures.sqlite(json, name, loader, (db, data) -> {
            try (Connection c = sqlite(db, sql)) {
                load.load(c, data);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot load SQLite " + db + ": " + e.getMessage(), e);
            }
        });
        Path db = Fixtures.copy(fixture, dir, name + ".db");
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + db);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open SQLite " + db + ": " + e.getMessage(), e);
        }
    }

    interface Loader {
        void load(Connection c, Path json) throws SQLException;
    }

    /** The PostgreSQL fixture schema {@code prefix_<size>} for {@code json}, loaded once by {@code load} (see {@link Postgres#fixture}). */
    static Connection postgresFixture(String prefix, int size, Path json, SqlFile sql, String flywayLocation,
                                      java.util.function.Consumer<Connection> load) {
        String key = Fixtures.sha256(Fixtures.sha256(json) + "\n" + sql.text() + "\n"
                + Fixtures.code(SqlStores.class, Postgres.class, JsonRecords.class, Times.class));
        return Postgres.fixture(prefix + "_" + size, key, flywayLocation, load);
    }

    static <T> void batchLoad(Connection c, PreparedStatement insert, Iterable<T> rows, Binder<T> bind) throws SQLException {
        c.setAutoCommit(false);
        int n = 0;
        for (T row : rows) {
            bind.bind(insert, row);
            insert.addBatch();
            if (++n % 5000 == 0) {
                insert.executeBatch();
            }
        }
        insert.executeBatch();
        c.commit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE");
        }
    }

    interface Binder<T> {
        void bind(PreparedStatement p, T row) throws SQLException;
    }

    static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** metagauge users in SQLite, UNIQUE index on email (a private copy, in {@code dir}, of the loaded fixture). */
    public static UserStore sqliteUsers(Path json, Path dir) {
        SqlFile sql = SqlFile.load("users-sqlite.sql");
        try {
            Connection c = sqliteFixture(json, dir, "users", sql, (conn, data) ->
                    batchLoad(conn, conn.prepareStatement(sql.get("insert")), JsonRecords.of(data, n -> n), (p, u) -> {
                p.setString(1, text(u, "id"));
                p.setString(2, text(u, "email"));
                p.setString(3, text(u, "passwordHash"));
                p.setString(4, text(u, "name"));
                p.setString(5, text(u, "tier"));
                p.setString(6, text(u, "apiKey"));
                p.setInt(7, u.path("isActive").asBoolean() ? 1 : 0);
                p.setInt(8, u.path("emailVerified").asBoolean() ? 1 : 0);
                p.setLong(9, Times.parse(text(u, "createdAt")).toEpochMilli());
                p.setLong(10, Times.parse(text(u, "updatedAt")).toEpochMilli());
                p.setString(11, text(u, "lastLoginAt"));
            }));
            PreparedStatement byEmail = c.prepareStatement(sql.get("by_email"));
            return new UserStore() {
                @Override
                public Answer userByEmail(String email) {
                    try {
                        byEmail.setString(1, email);
                        try (ResultSet rs = byEmail.executeQuery()) {
                            return rs.next() ? Answer.row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    Instant.ofEpochMilli(rs.getLong(5))) : Answer.empty();
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }

                @Override
                public void close() {
                    SqlStores.close(c);
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare SQLite users: " + e.getMessage(), e);
        }
    }

    /** metagauge users in PostgreSQL (its Flyway schema: users_email_key UNIQUE), the fixture schema {@code pgferry_bench_metagauge_<size>}. */
    public static UserStore postgresUsers(int size, Path json, String flywayLocation) {
        SqlFile sql = SqlFile.load("users-postgres.sql");
        Connection c = postgresFixture(USERS_SCHEMA, size, json, sql, flywayLocation, conn -> {
            Postgres.copy(conn, sql.get("copy"), JsonRecords.of(json, u -> Arrays.asList(text(u, "id"), text(u, "email"),
                    text(u, "passwordHash"), text(u, "name"), text(u, "tier"), text(u, "apiKey"), u.path("isActive").asBoolean(),
                    u.path("emailVerified").asBoolean(), Times.parse(text(u, "createdAt")), Times.parse(text(u, "updatedAt")),
                    Times.parse(text(u, "lastLoginAt")))));
            Postgres.execute(conn, sql.get("analyze"));
        });
        try {
            PreparedStatement byEmail = c.prepareStatement(sql.get("by_email"));
            return new UserStore() {
                @Override
                public Answer userByEmail(String email) {
                    try {
                        byEmail.setString(1, email);
                        try (ResultSet rs = byEmail.executeQuery()) {
                            return rs.next() ? Answer.row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getObject(5, OffsetDateTime.class).toInstant()) : Answer.empty();
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }

                @Override
                public void close() {
                    SqlStores.close(c);
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Answer ids(PreparedStatement q, String param) throws SQLException {
        q.setString(1, param);
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                rows.add(List.of(rs.getString(1)));
            }
        }
        return Answer.of(rows);
    }

    /** atlas bots in SQLite, payload as JSON text scanned with json_each (a private copy, in {@code dir}, of the loaded fixture). */
    public static BotStore sqliteBots(Path json, Path dir) {
        SqlFile sql = SqlFile.load("bots-sqlite.sql");
        try {
            Connection c = sqliteFixture(json, dir, "bots", sql, (conn, data) ->
                    batchLoad(conn, conn.prepareStatement(sql.get("insert")), JsonRecords.of(data, n -> n), (p, b) -> {
                p.setString(1, text(b, "id"));
                p.setString(2, text(b, "name"));
                p.setString(3, text(b, "symbol"));
                p.setString(4, text(b, "visibility"));
                JsonNode payload = b.get("payload");
                p.setString(5, payload == null || payload.isNull() ? null : payload.toString());
            }));
            PreparedStatement using = c.prepareStatement(sql.get("using"));
            return new BotStore() {
                @Override
                public Answer botsUsing(String indicator) {
                    try {
                        return ids(using, indicator);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }

                @Override
                public void close() {
                    SqlStores.close(c);
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare SQLite bots: " + e.getMessage(), e);
        }
    }

    /** atlas bots in PostgreSQL (its Flyway schema: payload jsonb with the GIN index idx_bots_payload), the fixture schema {@code pgferry_bench_atlas_<size>}. */
    public static BotStore postgresBots(int size, Path json, String flywayLocation) {
        SqlFile sql = SqlFile.load("bots-postgres.sql");
        Connection c = postgresFixture(BOTS_SCHEMA, size, json, sql, flywayLocation, conn -> {
            Postgres.copy(conn, sql.get("copy"), JsonRecords.of(json, b -> {
                JsonNode payload = b.get("payload");
                return Arrays.asList(text(b, "id"), text(b, "name"), text(b, "symbol"), text(b, "visibility"),
                        payload == null || payload.isNull() ? null : payload.toString(), BOTS_CREATED);
            }));
            Postgres.execute(conn, sql.get("analyze"));
        });
        try {
            PreparedStatement using = c.prepareStatement(sql.get("using"));
            return new BotStore() {
                @Override
                public Answer botsUsing(String indicator) {
                    try {
                        String probe = JsonFiles.MAPPER.writeValueAsString(
                                java.util.Map.of("conditions", List.of(java.util.Map.of("text", indicator))));
                        return ids(using, probe);
                    } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }

                @Override
                public void close() {
                    SqlStores.close(c);
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
