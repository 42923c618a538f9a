package pgferry.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import pgferry.cli.Main;

/** The SQLite generators: same seed, same bytes; counts follow the scale; the data satisfies the schema. */
class SampleGeneratorsTest {

    @TempDir
    Path dir;

    /**
     * SHA-256 of each output at scale 200, seed 7. A change to a generator, a schema or the SQLite
     * library changes these: update them deliberately, after checking the new output.
     */
    private static final Map<String, String> RECORDED = Map.of(
            "atlas/atlas.db", "4ca09f62f38df1d0fab07cb0617ab0d3220f94424e537b85521727408756ed3a",
            "atlas/admin-data.json", "f42a0fd1964f5e926479af840f28606507970907bf482e70bdb5c16f1ec88ea3",
            "arb/arb.db", "44d4b30827cca916b1636611ae3a8c4dabbbe4a6142d35d57794d20104705a8b",
            "aitrader/aitrader.db", "74d4c2f5764d4ed4c9844682361973207fdf3a9011deb7e14ead17cc94714ad9");

    @ParameterizedTest
    @CsvSource({"atlas,atlas.db", "atlas,admin-data.json", "arb,arb.db", "aitrader,aitrader.db"})
    void sameSeedGivesTheSameBytesAsRecorded(String system, String file) throws Exception {
        SampleSystem s = Systems.byName(system).orElseThrow();
        s.generate(200, 7, dir.resolve("one"));
        s.generate(200, 7, dir.resolve("two"));
        String first = sha256(dir.resolve("one").resolve(file));
        assertThat(sha256(dir.resolve("two").resolve(file))).isEqualTo(first);
        assertThat(first).as("recorded hash of %s/%s", system, file).isEqualTo(RECORDED.get(system + "/" + file));
    }

    /** Past one JDBC batch (10,000 rows), where inserts into several tables interleave. */
    @ParameterizedTest
    @ValueSource(strings = {"atlas", "arb", "aitrader"})
    void sameSeedGivesTheSameBytesAcrossManyBatches(String system) throws Exception {
        SampleSystem s = Systems.byName(system).orElseThrow();
        Path one = s.generate(25_000, 9, dir.resolve("one"));
        Path two = s.generate(25_000, 9, dir.resolve("two"));
        assertThat(sha256(two)).isEqualTo(sha256(one));
    }

    @ParameterizedTest
    @ValueSource(strings = {"atlas", "arb", "aitrader"})
    void anotherSeedGivesOtherData(String system) throws Exception {
        SampleSystem s = Systems.byName(system).orElseThrow();
        Path a = s.generate(200, 7, dir.resolve("a"));
        Path b = s.generate(200, 8, dir.resolve("b"));
        assertThat(sha256(a)).isNotEqualTo(sha256(b));
    }

    @ParameterizedTest
    @CsvSource({"atlas,equity_curves", "arb,onchain_trades", "aitrader,predictions"})
    void theBiggestTableHasScaleRowsAndTheOthersGrowWithIt(String system, String biggest) throws Exception {
        SampleSystem s = Systems.byName(system).orElseThrow();
        Map<String, Long> small = counts(s.generate(400, 1, dir.resolve("small")));
        Map<String, Long> large = counts(s.generate(4000, 1, dir.resolve("large")));
        assertThat(small.get(biggest)).isEqualTo(400);
        assertThat(large.get(biggest)).isEqualTo(4000);
        small.forEach((table, n) -> {
            assertThat(n).as("%s.%s is never empty", system, table).isPositive();
            assertThat(large.get(table)).as("%s.%s does not shrink", system, table).isGreaterThanOrEqualTo(n);
            assertThat(large.get(biggest)).as("%s is the biggest table", biggest).isGreaterThanOrEqualTo(large.get(table));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"atlas", "arb", "aitrader"})
    void theDataSatisfiesTheSqliteSchema(String system) throws Exception {
        Path db = Systems.byName(system).orElseThrow().generate(3000, 3, dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            assertThat(strings(st, "PRAGMA integrity_check")).containsExactly("ok");
            assertThat(strings(st, "PRAGMA foreign_key_check")).isEmpty();
            assertThat(strings(st, "PRAGMA journal_mode")).containsExactly("delete");
            assertThat(strings(st, "PRAGMA page_size")).containsExactly("4096");
            // the CHECKs were enforced at insert; the schema also has them (not a table without constraints)
            assertThat(strings(st, "SELECT sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%CHECK%'")).isNotEmpty();
        }
    }

    @Test
    void theArbSchemaRejectsWhatTheAppWouldNeverWrite() throws Exception {
        Path db = Systems.byName("arb").orElseThrow().generate(50, 1, dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            String row = "INSERT INTO onchain_trades (tx_hash, log_index, block_number, symbol, direction, onchain_input_symbol,"
                    + " onchain_input_amount, onchain_input_amount_raw, onchain_output_symbol, onchain_output_amount, onchain_io_ratio,"
                    + " onchain_price_per_share_cents, status) VALUES ('0x" + "ab".repeat(32) + "', 0, 1, 'AAPL', %s, 'USDC', %s, '1', 'tAAPL', 1.0, 1.0, 100.0, %s)";
            assertThatThrownBy(() -> st.executeUpdate(String.format(row, "'BUY'", "-1.5", "'PENDING'"))).hasMessageContaining("CHECK");
            assertThatThrownBy(() -> st.executeUpdate(String.format(row, "'HOLD'", "1.5", "'PENDING'"))).hasMessageContaining("CHECK");
            assertThatThrownBy(() -> st.executeUpdate(String.format(row, "'BUY'", "1.5", "'LOST'"))).hasMessageContaining("CHECK");
            st.executeUpdate(String.format(row, "'BUY'", "1.5", "'PENDING'"));
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO schwab_auth VALUES (2, 'a', '2025-01-01T00:00:00Z', 'r', '2025-01-01T00:00:00Z', '2025-01-01 00:00:00')"))
                    .hasMessageContaining("CHECK");
        }
    }

    @Test
    void theAtlasAdminFileSitsBesideTheDatabase() throws Exception {
        Path db = Systems.byName("atlas").orElseThrow().generate(100, 1, dir);
        Path admin = db.resolveSibling("admin-data.json");
        String json = Files.readString(admin);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("userBalances").size())
                .isEqualTo(counts(db).get("users").intValue());
        assertThat(json).contains("\"treasury\": {").endsWith("}\n");
    }

    @Test
    void theSampleCommandWritesTheSourceAndRefusesABadScale() {
        assertThat(Main.execute("sample", "arb", "--scale", "20", "--out", dir.toString())).isZero();
        assertThat(dir.resolve("arb.db")).isRegularFile();
        assertThat(dir.resolve("arb.db.partial")).doesNotExist();
        assertThat(Main.execute("sample", "arb", "--scale", "0", "--out", dir.toString())).isEqualTo(Main.EXIT_USER_ERROR);
    }

    static Map<String, Long> counts(Path db) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String table : strings(st, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw e;
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
