package pgferry.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.MigrationFixture.execute;
import static pgferry.MigrationFixture.pgferry;
import static pgferry.MigrationFixture.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.MigrationFixture;
import pgferry.MigrationFixture.Run;
import pgferry.testing.PgDatabase;
import pgferry.testing.TestDatabases;

/**
 * Target checksums computed inside PostgreSQL: each kind's SQL canonical form is the JVM's, the row
 * hash is the JVM's, and verify still finds every kind of difference (in both the PostgreSQL and the
 * JVM-only modes).
 */
class VerifyInPostgresTest {

    @TempDir
    Path dir;

    private static final String[][] VALUES = {
        // type, values (SQL literals)
        {"numeric", "1.50", "0.000", "-0.5", "100", "123456789012345678901234567890.000000000001", "'NaN'", "'Infinity'",
            "'-Infinity'", "-0.00", "7"},
        {"numeric(12,4)", "1.5000", "0", "-12.3400"},
        {"timestamptz", "'2023-11-14 22:13:23.129+00'", "'2023-11-14 22:13:23.100+02'", "'0044-03-15 00:00:00+00 BC'",
            "'10000-01-01 00:00:00+00'", "'infinity'", "'-infinity'", "'0001-01-01 00:00:00+00'", "'9999-12-31 23:59:59.999999+00'",
            "'0999-01-01 00:00:00.000001+00'"},
        {"timestamp", "'2023-11-14 22:13:23.129'", "'0044-03-15 00:00:00 BC'", "'10000-01-01 00:00:00'", "'infinity'",
            "'0001-01-01 00:00:00'", "'2020-02-29 12:00:00.5'"},
        {"date", "'2024-02-29'", "'0044-03-15 BC'", "'infinity'"},
        {"boolean", "true", "false"},
        {"bigint", "-9223372036854775808", "0", "42"},
        {"integer", "-2147483648", "7"},
        {"smallint", "-32768", "12"},
        {"text", "''", "'tab\there'", "'é 漢字 😀'", "'x''y'"},
        {"varchar(20)", "'abc'"},
        {"bytea", "'\\x00ff10'", "''"},
        {"jsonb", "'{\"b\":1,\"a\":[1.50,\"x\"],\"aa\":null}'", "'\"s\"'", "'1e3'", "'-0.0'", "'{\"é\":\"😀\"}'"},
        {"uuid", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'"},
        {"text[]", "'{a,\"b c\",NULL}'"},
    };

    @Test
    void canonicalSqlIsTheJvmsCanonicalForm() throws Exception {
        try (PgDatabase db = TestDatabases.shared().create(); Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute(TableVerifier.load("session.sql"));
            int checked = 0;
            for (String[] type : VALUES) {
                Canonical.Kind kind = Canonical.kindOf(type[0]);
                String expr = TableVerifier.canonicalSql(kind, type[0].equals("jsonb"));
                assertThat(expr).as(type[0]).isNotNull();
                List<String> literals = new ArrayList<>(List.of(type).subList(1, type.length));
                literals.add("NULL");
                for (String lit : literals) {
                    String v = "(" + lit + ")::" + type[0];
                    try (ResultSet rs = st.executeQuery("SELECT " + v + "::text, " + expr.replace("{c}", v))) {
                        rs.next();
                        String text = rs.getString(1);
                        assertThat(rs.getString(2)).as(type[0] + " " + lit)
                                .isEqualTo(Canonical.ofTarget(kind, type[0].equals("jsonb"), text));
                        checked++;
                    }
                }
            }
            assertThat(checked).isGreaterThan(50);
            // the benchmark's kinds are summed inside PostgreSQL; a float8 column keeps the table in the JVM
            Canonical.Kind[] trading = {Canonical.Kind.INTEGER, Canonical.Kind.TEXT, Canonical.Kind.NUMERIC,
                Canonical.Kind.TIMESTAMPTZ, Canonical.Kind.JSON, Canonical.Kind.BOOLEAN};
            assertThat(TableVerifier.sumsInPostgres(c, trading, new boolean[]{false, false, false, false, true, false})).isTrue();
            assertThat(TableVerifier.sumsInPostgres(c, trading, new boolean[6])).isFalse();
            assertThat(TableVerifier.sumsInPostgres(c, new Canonical.Kind[]{Canonical.Kind.INTEGER, Canonical.Kind.FLOAT8},
                    new boolean[2])).isFalse();
            assertThat(TableVerifier.canonicalSql(Canonical.Kind.FLOAT8, false)).isNull();
            assertThat(TableVerifier.canonicalSql(Canonical.Kind.JSON, false)).isNull();
        }
    }

    @Test
    void rowHashIsPostgresMd5OfTheSameEncoding() throws Exception {
        Random r = new Random(7);
        String alphabet = "ab:N0123456789 \t\n\r\u000b\f\\'\"(),é漢😀\u00a0\u2028";
        try (PgDatabase db = TestDatabases.shared().create(); Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT ('x' || md5(ROW(c0, c1)::text))::bit(64)::bigint"
                     + " FROM (SELECT ?::text AS c0, ?::text AS c1) v")) {
            RowHash hash = new RowHash();
            for (int k = 0; k < 500; k++) {
                String[] row = new String[2];
                for (int j = 0; j < 2; j++) {
                    if (r.nextInt(6) == 0) {
                        continue;
                    }
                    StringBuilder b = new StringBuilder();
                    int len = r.nextInt(k % 50 == 0 ? 2000 : 30);
                    for (int i = 0; i < len; i++) {
                        b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
                    }
                    row[j] = b.toString();
                }
                ps.setString(1, row[0]);
                ps.setString(2, row[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(hash.of(row)).as(java.util.Arrays.toString(row)).isEqualTo(rs.getLong(1));
                }
            }
            // the record form is unambiguous: moving a char between values changes the hash
            assertThat(hash.of(new String[]{"ab", "c"})).isNotEqualTo(hash.of(new String[]{"a", "bc"}));
            assertThat(hash.of(new String[]{"a,b", "c"})).isNotEqualTo(hash.of(new String[]{"a", "b,c"}));
            assertThat(hash.of(new String[]{"\"", null})).isNotEqualTo(hash.of(new String[]{"\"\"", ""}));
            assertThat(hash.of(new String[]{null, "N"})).isNotEqualTo(hash.of(new String[]{"N", null}));
            assertThat(hash.of(new String[]{""})).isNotEqualTo(hash.of(new String[]{null}));
        }
    }

    private Path source() throws Exception {
        List<String> sql = new ArrayList<>(List.of(
                "CREATE TABLE trades (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, price REAL NOT NULL, qty REAL,"
                        + " at DATETIME NOT NULL, payload TEXT, maker BOOLEAN NOT NULL)",
                "CREATE TABLE fx (id INTEGER PRIMARY KEY, rate REAL NOT NULL)"));
        StringBuilder trades = new StringBuilder("INSERT INTO trades VALUES ");
        StringBuilder fx = new StringBuilder("INSERT INTO fx VALUES ");
        for (int i = 1; i <= 3000; i++) {
            trades.append(i > 1 ? "," : "").append(String.format(java.util.Locale.ROOT,
                    "(%d, 'SYM%03d', %s, %s, '2024-03-%02dT%02d:%02d:%02d.%03dZ', '{\"order\":\"o-%d\",\"fee\":0.%02d,\"tags\":[1,2]}', %d)",
                    i, i % 200, (i * 7919 % 100000) / 1000.0 + 1, i % 7 == 0 ? "NULL" : Double.toString(i / 8.0),
                    1 + i % 28, i % 24, i % 60, i % 60, i % 1000, i, i % 90 + 10, i % 2));
            fx.append(i > 1 ? "," : "").append("(").append(i).append(", ").append(1 + i / 3.0).append(")");
        }
        sql.add(trades.toString());
        sql.add(fx.toString());
        return sqlite(dir, "src.db", sql.toArray(String[]::new));
    }

    @Test
    void everyKindOfDifferenceIsFound() throws Exception {
        Path file = source();
        Path rejects = dir.resolve("rejects.jsonl");
        try (PgDatabase db = TestDatabases.shared().create()) {
            String target = MigrationFixture.target(db);
            Run m = pgferry("migrate", "sqlite:" + file, target, "--rejects", rejects.toString(),
                    "--cast", "fx.rate=double precision");
            assertThat(m.exit()).as(m.out() + m.err()).isZero();
            Run ok = pgferry("verify", file.toString(), target, "--rejects", rejects.toString());
            assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
            assertThat(ok.out()).containsPattern("trades\\s+3000\\s+0\\s+3000\\s+match").containsPattern("fx\\s+3000\\s+0\\s+3000\\s+match");

            // the same values in another text form still match (numeric 1.5 stored as 1.500)
            execute(db, "UPDATE trades SET price = price * 1.00 WHERE id BETWEEN 100 AND 200");
            Run same = pgferry("verify", file.toString(), target, "--rejects", rejects.toString());
            assertThat(same.exit()).as(same.out()).isZero();

            String[][] changes = {
                {"UPDATE trades SET price = price + 0.00000001 WHERE id = 17", "id=17  [price]"},
                {"UPDATE trades SET at = at + interval '1 microsecond' WHERE id = 18", "id=18  [at]"},
                {"UPDATE trades SET payload = jsonb_set(payload, '{fee}', '0.5') WHERE id = 19", "id=19  [payload]"},
                {"UPDATE trades SET payload = payload - 'tags' WHERE id = 20", "id=20  [payload]"},
                {"UPDATE trades SET symbol = symbol || ' ' WHERE id = 21", "id=21  [symbol]"},
                {"UPDATE trades SET maker = NOT maker WHERE id = 22", "id=22  [maker]"},
                {"UPDATE trades SET qty = NULL WHERE id = 23", "id=23  [qty]"},
                {"UPDATE trades SET qty = 0 WHERE id = 28", "id=28  [qty]"},
                {"DELETE FROM trades WHERE id = 24", "id=24"},
                {"INSERT INTO trades SELECT 5000, symbol, price, qty, at, payload, maker FROM trades WHERE id = 25", "id=5000"},
                {"UPDATE trades SET symbol = CASE id WHEN 26 THEN (SELECT symbol FROM trades WHERE id = 27)"
                        + " ELSE (SELECT symbol FROM trades WHERE id = 26) END WHERE id IN (26, 27)", "id=26  [symbol]"},
                {"UPDATE fx SET rate = rate + 1e-12 WHERE id = 30", "id=30  [rate]"},
            };
            execute(db, "CREATE TABLE public.trades_saved AS SELECT * FROM trades");
            execute(db, "CREATE TABLE public.fx_saved AS SELECT * FROM fx");
            for (String[] change : changes) {
                execute(db, change[0]);
                Run diff = pgferry("verify", file.toString(), target, "--rejects", rejects.toString());
                assertThat(diff.exit()).as(change[0] + "\n" + diff.out()).isEqualTo(1);
                assertThat(diff.out()).as(change[0]).contains("DIFFERS").contains(change[1]);
                // back to the migrated state for the next change
                execute(db, "TRUNCATE trades, fx");
                execute(db, "INSERT INTO trades SELECT * FROM public.trades_saved");
                execute(db, "INSERT INTO fx SELECT * FROM public.fx_saved");
            }
            Run restored = pgferry("verify", file.toString(), target, "--rejects", rejects.toString());
            assertThat(restored.exit()).as(restored.out()).isZero();
        }
    }
}
