package pgferry.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerCheckTest {
    private static final Instant T = Instant.parse("2025-01-06T00:02:41.264722Z");

    private static Answer pnl(String cents) {
        return Answer.of(List.of(Arrays.asList("506500", 3L, new BigDecimal("250.00"), new BigDecimal(cents)),
                Arrays.asList("507675", 1L, new BigDecimal("77.44"), null)));
    }

    @Test
    void equalAnswersPass() {
        assertThatCode(() -> AnswerCheck.requireSame("aggregate", "json_file", pnl("-157.41"), "postgres", pnl("-157.41")))
                .doesNotThrowAnyException();
    }

    @Test
    void decimalsCompareByValueNotScale() {
        // PostgreSQL NUMERIC(15,2) gives 250.00 where the JSON file says 250.0: the same number
        assertThat(AnswerCheck.firstDifference(Answer.row(new BigDecimal("250.0")), Answer.row(new BigDecimal("250.00")))).isEmpty();
        assertThat(AnswerCheck.firstDifference(Answer.row(5L), Answer.row(new BigDecimal("5.00")))).isEmpty();
    }

    @Test
    void aCentOffIsCaughtAndNamed() {
        assertThatThrownBy(() -> AnswerCheck.requireSame("aggregate (P&L per market)", "json_file", pnl("-157.41"), "sqlite", pnl("-157.42")))
                .isInstanceOf(AnswerCheck.Mismatch.class)
                .hasMessageContaining("refusing to benchmark: sqlite answers aggregate (P&L per market) differently from json_file")
                .hasMessageContaining("row 0 column 3 is BigDecimal -157.42, expected BigDecimal -157.41");
    }

    @Test
    void aDoubleRoundingIsCaught() {
        // 0.1 + 0.2 through double is 0.30000000000000004: exact comparison sees it
        BigDecimal viaDouble = new BigDecimal(0.1 + 0.2);
        assertThat(AnswerCheck.firstDifference(Answer.row(new BigDecimal("0.3")), Answer.row(viaDouble))).isPresent();
    }

    @Test
    void missingExtraAndReorderedRowsAreCaught() {
        Answer two = Answer.of(List.of(List.of("a"), List.of("b")));
        assertThat(AnswerCheck.firstDifference(two, Answer.of(List.of(List.of("a")))))
                .hasValueSatisfying(d -> assertThat(d).contains("1 rows, expected 2").contains("first missing row [b]"));
        assertThat(AnswerCheck.firstDifference(Answer.of(List.of(List.of("a"))), two))
                .hasValueSatisfying(d -> assertThat(d).contains("first extra row [b]"));
        assertThat(AnswerCheck.firstDifference(two, Answer.of(List.of(List.of("b"), List.of("a"))))).isPresent();
    }

    @Test
    void nullTimeAndTypeDifferencesAreCaught() {
        assertThat(AnswerCheck.firstDifference(Answer.row((Object) null), Answer.row(BigDecimal.ZERO))).isPresent();
        assertThat(AnswerCheck.firstDifference(Answer.row(T), Answer.row(T.plusNanos(1000)))).isPresent();
        assertThat(AnswerCheck.firstDifference(Answer.row("5"), Answer.row(5L))).isPresent();
        assertThat(AnswerCheck.firstDifference(Answer.row(T), Answer.row(Instant.parse("2025-01-06T00:02:41.264722Z")))).isEmpty();
    }

    @Test
    void anEmptyReferenceProvesNothingAndIsRefused() {
        assertThatThrownBy(() -> AnswerCheck.requireSame("point lookup", "json_file", Answer.empty(), "postgres", Answer.empty()))
                .isInstanceOf(AnswerCheck.Mismatch.class).hasMessageContaining("empty answer");
    }

    @Test
    void doublesAreNotAcceptedInAnswers() {
        assertThatThrownBy(() -> Answer.row(0.1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Double");
    }

    /** The real setup on real stores (a generated paper_trades.json, a SQLite file): all three JSON/SQLite stores pass. */
    @Test
    void realTradeSetupPassesOnJsonAndSqlite(@TempDir Path dir) {
        System.setProperty("pgferry.bench.data", dir.resolve("data").toString());
        System.setProperty("pgferry.bench.work", dir.resolve("work").toString());
        try {
            for (String store : List.of("json_file", "json_stream", "sqlite")) {
                TradeBenchmarks b = new TradeBenchmarks();
                b.size = 300;
                b.store = store;
                b.prepare("all");
                try {
                    assertThat(b.pointLookup().size()).isEqualTo(1);
                    assertThat(b.aggregate().size()).isGreaterThan(1);
                    b.append();
                } finally {
                    b.tearDown();
                }
            }
        } finally {
            System.clearProperty("pgferry.bench.data");
            System.clearProperty("pgferry.bench.work");
        }
    }

    /** A cached SQLite fixture that no longer matches the JSON file (here: tampered with) is refused, not timed. */
    @Test
    void aTamperedSqliteFixtureIsRefused(@TempDir Path dir) throws Exception {
        System.setProperty("pgferry.bench.data", dir.resolve("data").toString());
        System.setProperty("pgferry.bench.work", dir.resolve("work").toString());
        try {
            TradeBenchmarks first = new TradeBenchmarks();
            first.size = 300;
            first.store = "sqlite";
            first.prepare("pointLookup");                          // builds and checks the fixture
            first.tearDown();
            Path fixture;
            try (var files = java.nio.file.Files.walk(dir.resolve("data"))) {
                fixture = files.filter(p -> p.getFileName().toString().matches("paper_trades\\.json\\.trades-.*\\.db"))
                        .findFirst().orElseThrow();
            }
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + fixture); var st = c.createStatement()) {
                st.executeUpdate("UPDATE trades SET amount_cents = amount_cents + 1");   // one cent more on every trade
            }
            TradeBenchmarks again = new TradeBenchmarks();
            again.size = 300;
            again.store = "sqlite";
            try {
                assertThatThrownBy(() -> again.prepare("pointLookup"))
                        .isInstanceOf(AnswerCheck.Mismatch.class)
                        .hasMessageContaining("refusing to benchmark: sqlite answers point lookup");
            } finally {
                again.tearDown();
            }
        } finally {
            System.clearProperty("pgferry.bench.data");
            System.clearProperty("pgferry.bench.work");
        }
    }
}
