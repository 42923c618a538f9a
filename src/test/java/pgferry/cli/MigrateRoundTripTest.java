package pgferry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.MigrationFixture.execute;
import static pgferry.MigrationFixture.lines;
import static pgferry.MigrationFixture.pgferry;
import static pgferry.MigrationFixture.query;
import static pgferry.MigrationFixture.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.MigrationFixture;
import pgferry.MigrationFixture.Run;
import pgferry.testing.PgDatabase;
import pgferry.testing.TestDatabases;

/** A realistic schema migrated, verified, resumed, loaded data-only, and a changed row found by verify. */
class MigrateRoundTripTest {

    @TempDir
    Path dir;

    private Path realistic() throws Exception {
        Path file = sqlite(dir, "trading.db",
                "PRAGMA foreign_keys = ON",
                "CREATE TABLE accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE,"
                        + " created_at DATETIME NOT NULL DEFAULT (datetime('now')))",
                "CREATE TABLE orders (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE ON UPDATE RESTRICT,"
                        + " symbol TEXT NOT NULL, side TEXT NOT NULL CHECK (side IN ('buy', 'sell')),"
                        + " price REAL NOT NULL CHECK (price > 0), qty REAL NOT NULL, placed_at DATETIME NOT NULL,"
                        + " meta TEXT, open BOOLEAN NOT NULL DEFAULT 1)",
                "CREATE INDEX orders_open ON orders (symbol) WHERE open = 1",
                "CREATE INDEX orders_account ON orders (account_id, placed_at DESC)",
                "INSERT INTO accounts (name, created_at) VALUES ('alice', '2024-01-01 09:00:00'), ('bob', '2024-01-02 10:30:00'),"
                        + " ('gone', '2024-01-03 00:00:00')",
                "DELETE FROM accounts WHERE name = 'gone'");
        Random random = new Random(7);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (account_id, symbol, side, price, qty, placed_at, meta, open)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= 3000; i++) {
                    ps.setInt(1, 1 + i % 2);
                    ps.setString(2, "SYM" + (i % 17));
                    ps.setString(3, i % 3 == 0 ? "sell" : "buy");
                    // any double: bit-exactness must hold for all of them, not just short decimals
                    ps.setDouble(4, i % 5 == 0 ? 0.1 * i : Math.abs(random.nextDouble() * Math.pow(10, random.nextInt(12) - 4)) + 1e-9);
                    ps.setDouble(5, Double.longBitsToDouble((random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x3000000000000000L));
                    ps.setString(6, String.format("2024-03-%02dT%02d:%02d:%02d.%03dZ", 1 + i % 28, i % 24, i % 60, i % 60, i % 1000));
                    ps.setString(7, "{\"n\":" + i + ",\"tags\":[\"a\",\"b\"],\"fee\":0." + (i % 90 + 10) + "}");
                    ps.setInt(8, i % 2);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return file;
    }

    @Test
    void realisticSchemaRoundTripsExactlyAndVerifies() throws Exception {
        Path file = realistic();
        Path rejects = dir.resolve("rejects.jsonl");
        try (PgDatabase db = TestDatabases.shared().create()) {
            Run run = pgferry("migrate", "sqlite:" + file, MigrationFixture.target(db), "--rejects", rejects.toString(),
                    "--report", dir.resolve("report.json").toString());
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
            assertThat(lines(rejects)).isEmpty();
            assertThat(run.out()).containsPattern("orders\\s+loaded\\s+3000\\s+3000\\s+0");
            assertThat(dir.resolve("report.json")).content().contains("\"loadedRows\" : 3000");

            // types, constraints and indexes
            assertThat(query(db, "SELECT column_name || ':' || data_type || ':' || is_nullable FROM information_schema.columns"
                    + " WHERE table_name = 'orders' ORDER BY ordinal_position")).contains("price:numeric:NO",
                    "placed_at:timestamp with time zone:NO", "meta:jsonb:YES", "open:boolean:NO");
            assertThat(query(db, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'orders'::regclass AND contype = 'f'"))
                    .singleElement().asString().contains("ON UPDATE RESTRICT", "ON DELETE CASCADE");
            assertThat(query(db, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'orders'::regclass AND contype = 'c'"))
                    .containsExactly("2");
            assertThat(query(db, "SELECT indexdef FROM pg_indexes WHERE indexname = 'orders_open'"))
                    .singleElement().asString().contains("WHERE");

            // identity restarted past the max (and past SQLite's AUTOINCREMENT high-water mark: 'gone' was id 3)
            execute(db, "INSERT INTO accounts (name, created_at) VALUES ('carol', now())");
            assertThat(query(db, "SELECT id FROM accounts WHERE name = 'carol'")).containsExactly("4");
            execute(db, "INSERT INTO orders (account_id, symbol, side, price, qty, placed_at) VALUES (1, 'X', 'buy', 1, 1, now())");
            assertThat(query(db, "SELECT max(id) FROM orders")).containsExactly("3001");
            execute(db, "DELETE FROM orders WHERE id = 3001");
            execute(db, "DELETE FROM accounts WHERE name = 'carol'");

            // 100% of REAL values bit-exact
            Map<Long, double[]> source = new HashMap<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, price, qty FROM orders")) {
                while (rs.next()) {
                    source.put(rs.getLong(1), new double[]{rs.getDouble(2), rs.getDouble(3)});
                }
            }
            int compared = 0;
            try (Connection c = db.connection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, price::text, qty::text FROM orders")) {
                while (rs.next()) {
                    double[] s = source.get(rs.getLong(1));
                    assertThat(Double.parseDouble(rs.getString(2))).isEqualTo(s[0]);
                    assertThat(Double.parseDouble(rs.getString(3))).isEqualTo(s[1]);
                    compared++;
                }
            }
            assertThat(compared).isEqualTo(3000);
            assertThat(query(db, "SELECT price::text FROM orders WHERE id = 5")).containsExactly("0.5");

            Run verify = pgferry("verify", file.toString(), MigrationFixture.target(db), "--rejects", rejects.toString());
            assertThat(verify.exit()).as(verify.out()).isEqualTo(0);
            assertThat(verify.out()).containsPattern("orders\\s+3000\\s+0\\s+3000\\s+match");

            // a changed target value is found, narrowed to exactly that row, both values shown
            execute(db, "UPDATE orders SET price = price + 0.01 WHERE id = 1234");
            Run changed = pgferry("verify", file.toString(), MigrationFixture.target(db), "--rejects", rejects.toString());
            assertThat(changed.exit()).isEqualTo(1);
            assertThat(changed.out()).containsPattern("orders\\s+3000\\s+0\\s+3000\\s+DIFFERS");
            String p = query(db, "SELECT price::text FROM orders WHERE id = 1234").get(0);
            assertThat(changed.out()).contains("id=1234  [price]").contains("target: price=" + p)
                    .containsOnlyOnce("id=").containsPattern("source: price=\\d");
        }
    }

    @Test
    void rejectedRowsAreReportedApartAndTheRestVerifies() throws Exception {
        Path file = sqlite(dir, "r.db", "CREATE TABLE t (id INTEGER PRIMARY KEY, v REAL)",
                "INSERT INTO t VALUES (1, 1.5), (2, 'oops'), (3, 2.5)");
        Path rejects = dir.resolve("rejects.jsonl");
        try (PgDatabase db = TestDatabases.shared().create()) {
            assertThat(pgferry("migrate", file.toString(), MigrationFixture.target(db), "--rejects", rejects.toString(), "--max-rejects", "1").exit())
                    .isEqualTo(0);
            Run verify = pgferry("verify", file.toString(), MigrationFixture.target(db), "--rejects", rejects.toString());
            assertThat(verify.exit()).as(verify.out()).isEqualTo(0);
            assertThat(verify.out()).containsPattern("t\\s+3\\s+1\\s+2\\s+match").contains("1 rejected rows left out");
        }
    }

    @Test
    void resumeSkipsCompleteTablesAfterAFailure() throws Exception {
        Path file = sqlite(dir, "resume.db", "CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT)",
                "CREATE TABLE b (id INTEGER PRIMARY KEY, v TEXT)",
                "INSERT INTO a VALUES (1, 'x'), (2, 'y')", "INSERT INTO b VALUES (1, 'z')");
        Path rejects = dir.resolve("rejects.jsonl");
        try (PgDatabase db = TestDatabases.shared().create()) {
            // something in the target stops table b: a view holding its name
            execute(db, "CREATE VIEW b AS SELECT 1 AS id");
            Run first = pgferry("migrate", file.toString(), MigrationFixture.target(db), "--rejects", rejects.toString());
            assertThat(first.exit()).isEqualTo(1);
            assertThat(first.out()).containsPattern("a\\s+loaded\\s+2\\s+2\\s+0").containsPattern("b\\s+failed")
                    .contains("constraints and indexes not created");
            assertThat(query(db, "SELECT count(*) FROM a")).containsExactly("2");
            // the failed table left nothing behind; fix the cause and run again
            execute(db, "DROP VIEW b");
            Run second = pgferry("migrate", file.toString(), MigrationFixture.target(db), "--rejects", rejects.toString());
            assertThat(second.exit()).as(second.out()).isEqualTo(0);
            assertThat(second.out()).containsPattern("a\\s+skipped\\s+2\\s+2\\s+0").containsPattern("b\\s+loaded\\s+1\\s+1\\s+0");
            assertThat(query(db, "SELECT count(*) FROM a")).containsExactly("2");
            assertThat(query(db, "SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND conrelid IN ('a'::regclass, 'b'::regclass)"))
                    .containsExactly("2");
            // a third run has nothing left to do
            Run third = pgferry("migrate", file.toString(), MigrationFixture.target(db), "--rejects", rejects.toString());
            assertThat(third.exit()).isEqualTo(0);
            assertThat(third.out()).containsPattern("b\\s+skipped").containsPattern("b_pkey\\s+skipped")
                    .containsPattern("a_pkey\\s+skipped");
        }
    }

    @Test
    void aKilledLoadLeavesNoPartialTable() throws Exception {
        Path file = sqlite(dir, "big.db", "CREATE TABLE big (id INTEGER PRIMARY KEY, v TEXT)",
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000)"
                        + " INSERT INTO big SELECT i, hex(randomblob(40)) FROM n");
        try (PgDatabase db = TestDatabases.shared().create()) {
            Thread killer = new Thread(() -> {
                try {
                    for (int i = 0; i < 2000; i++) {
                        List<String> killed = query(db, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND query LIKE 'COPY%'");
                        if (!killed.isEmpty()) {
                            return;
                        }
                        Thread.sleep(5);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            killer.start();
            Run run = pgferry("migrate", file.toString(), MigrationFixture.target(db), "--rejects", dir.resolve("r.jsonl").toString());
            killer.join();
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).containsPattern("big\\s+failed");
            assertThat(query(db, "SELECT count(*) FROM pg_class WHERE relname = 'big'")).containsExactly("0");
            Run again = pgferry("migrate", file.toString(), MigrationFixture.target(db), "--rejects", dir.resolve("r.jsonl").toString());
            assertThat(again.exit()).isEqualTo(0);
            assertThat(query(db, "SELECT count(*) FROM big")).containsExactly("300000");
        }
    }

    @Test
    void dataOnlyLoadsIntoAnExistingSchemaByNames() throws Exception {
        Path file = sqlite(dir, "d.db", "CREATE TABLE Accounts (Id INTEGER PRIMARY KEY, Name TEXT NOT NULL)",
                "CREATE TABLE trades (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES Accounts (Id), price REAL)",
                "INSERT INTO Accounts VALUES (1, 'alice'), (2, 'bob')",
                "INSERT INTO trades VALUES (10, 1, 1.25), (11, 2, 0.1)");
        try (PgDatabase db = TestDatabases.shared().create()) {
            // a Flyway-style schema: other column order, an extra column with a default, exact types, FK in place
            execute(db, "CREATE TABLE accounts (name text NOT NULL, id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " created_at timestamptz NOT NULL DEFAULT now());"
                    + " CREATE TABLE trades (id bigint PRIMARY KEY, price numeric(18,8), account_id bigint REFERENCES accounts (id))");
            Run run = pgferry("migrate", file.toString(), MigrationFixture.target(db), "--data-only", "--rejects", dir.resolve("r.jsonl").toString());
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
            assertThat(query(db, "SELECT id, name FROM accounts ORDER BY id")).containsExactly("1|alice", "2|bob");
            assertThat(query(db, "SELECT id, account_id, price FROM trades ORDER BY id"))
                    .containsExactly("10|1|1.25000000", "11|2|0.10000000");
            assertThat(pgferry("verify", file.toString(), MigrationFixture.target(db), "--rejects", dir.resolve("r.jsonl").toString()).exit())
                    .isEqualTo(0);
            execute(db, "INSERT INTO accounts (name) VALUES ('carol')");
            assertThat(query(db, "SELECT id FROM accounts WHERE name = 'carol'")).containsExactly("3");
        }
        try (PgDatabase db = TestDatabases.shared().create()) {
            execute(db, "CREATE TABLE accounts (id bigint PRIMARY KEY, full_name text)");
            Run run = pgferry("migrate", file.toString(), MigrationFixture.target(db), "--data-only", "--rejects", dir.resolve("r.jsonl").toString());
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("no column name").contains("public.accounts");
            assertThat(query(db, "SELECT count(*) FROM accounts")).containsExactly("0");
        }
    }

    @Test
    void aPlanFromTheFirstRowsThatDoesNotHoldIsRedoneFromEveryRow() throws Exception {
        // the first rows say "JSON" and "0/1 boolean"; later rows say otherwise: nothing may be rejected
        Path file = sqlite(dir, "s.db", "CREATE TABLE t (id INTEGER PRIMARY KEY, doc TEXT, flag INTEGER)",
                "CREATE TABLE other (id INTEGER PRIMARY KEY, v REAL)",
                "INSERT INTO t VALUES (1, '{\"a\":1}', 0), (2, '[1,2]', 1), (3, '{\"b\":2}', 1), (4, 'plain text', 7)",
                "INSERT INTO other VALUES (1, 0.1), (2, 0.2), (3, 0.3)");
        Path rejects = dir.resolve("rejects.jsonl");
        try (PgDatabase db = TestDatabases.shared().create()) {
            Run run = pgferry("migrate", file.toString(), MigrationFixture.target(db), "--sample-rows", "2", "--rejects", rejects.toString());
            assertThat(run.exit()).as(run.out()).isEqualTo(0);
            assertThat(lines(rejects)).isEmpty();
            assertThat(run.out()).containsPattern("t\\s+loaded\\s+4\\s+4\\s+0").containsPattern("other\\s+loaded\\s+3\\s+3\\s+0");
            assertThat(query(db, "SELECT doc, flag FROM t ORDER BY id")).containsExactly("{\"a\":1}|0", "[1,2]|1",
                    "{\"b\":2}|1", "plain text|7");
            Run verify = pgferry("verify", file.toString(), MigrationFixture.target(db), "--sample-rows", "2", "--rejects", rejects.toString());
            assertThat(verify.exit()).as(verify.out()).isEqualTo(0);
        }
    }
}
