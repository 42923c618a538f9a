package pgferry.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.bench.Answer;
import pgferry.bench.AnswerCheck;

class FixturesTest {

    private static Answer answer(String v) {
        return Answer.of(List.of(Arrays.asList("a", 3L, new BigDecimal("250.10"), Instant.parse("2025-01-06T00:02:41.264722Z"), null, v)));
    }

    @Test
    void referenceAnswersAreComputedOnceAndReadBackExactly(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("data.json"), "[1]");
        AtomicInteger computed = new AtomicInteger();
        Map<String, Answer> first = Fixtures.reference(data, "q", "v1", () -> {
            computed.incrementAndGet();
            return Map.of("x", answer("one"));
        });
        Map<String, Answer> again = Fixtures.reference(data, "q", "v1", () -> {
            computed.incrementAndGet();
            return Map.of("x", answer("other"));
        });
        assertThat(computed).hasValue(1);
        assertThat(AnswerCheck.firstDifference(first.get("x"), again.get("x"))).isEmpty();
        assertThat(again.get("x").rows().get(0).get(2)).isEqualTo(new BigDecimal("250.10"));   // scale kept
    }

    @Test
    void aChangedDataFileMakesNewReferenceAnswers(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("data.json"), "[1]");
        Fixtures.reference(data, "q", "v1", () -> Map.of("x", answer("one")));
        Files.writeString(data, "[2]");                                       // same size: only the content and mtime differ
        Files.setLastModifiedTime(data, FileTime.fromMillis(Files.getLastModifiedTime(data).toMillis() + 5000));
        Map<String, Answer> after = Fixtures.reference(data, "q", "v1", () -> Map.of("x", answer("two")));
        assertThat(after.get("x").rows().get(0).get(5)).isEqualTo("two");
        Map<String, Answer> newCode = Fixtures.reference(data, "q", "v2", () -> Map.of("x", answer("three")));
        assertThat(newCode.get("x").rows().get(0).get(5)).isEqualTo("three");   // other code: computed again
    }

    @Test
    void theCodeHashFollowsTheClassFiles() {
        assertThat(Fixtures.code(Fixtures.class)).isEqualTo(Fixtures.code(Fixtures.class)).hasSize(64);
        assertThat(Fixtures.code(Fixtures.class)).isNotEqualTo(Fixtures.code(Times.class));
    }

    @Test
    void sha256IsTheFilesAndFollowsItsContent(@TempDir Path dir) throws IOException {
        Path data = Files.writeString(dir.resolve("data.json"), "abc");
        assertThat(Fixtures.sha256(data)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Fixtures.sha256(data)).isEqualTo(Fixtures.sha256("abc"));   // the remembered hash
        Files.writeString(data, "abcd");
        assertThat(Fixtures.sha256(data)).isEqualTo(Fixtures.sha256("abcd"));
    }

    @Test
    void aSqliteFixtureIsBuiltOncePerDataAndLoader(@TempDir Path dir) throws IOException, SQLException {
        Path data = Files.writeString(dir.resolve("data.json"), "[1,2,3]");
        AtomicInteger builds = new AtomicInteger();
        Path db = Fixtures.sqlite(data, "t", "loader v1", (file, json) -> build(file, builds));
        assertThat(Fixtures.sqlite(data, "t", "loader v1", (file, json) -> build(file, builds))).isEqualTo(db);
        assertThat(builds).hasValue(1);
        assertThat(count(db)).isEqualTo(3);
        Path other = Fixtures.sqlite(data, "t", "loader v2", (file, json) -> build(file, builds));
        assertThat(other).isNotEqualTo(db);
        assertThat(builds).hasValue(2);
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp-"));
        }
    }

    private static void build(Path file, AtomicInteger builds) {
        builds.incrementAndGet();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (v INTEGER)");
            st.execute("INSERT INTO t VALUES (1), (2), (3)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
