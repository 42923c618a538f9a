package pgferry.systems.prescient;

import static org.assertj.core.api.Assertions.assertThat;
import static pgferry.systems.JsonTrees.assertFits;
import static pgferry.systems.JsonTrees.assertTimestamp;
import static pgferry.systems.JsonTrees.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pgferry.cli.Main;
import pgferry.systems.Systems;
import pgferry.systems.TreeHash;

class PrescientSystemTest {
    /** SHA-256 of the tree for scale 300, seed 42; a change to the generator changes it (update it knowingly). */
    static final String SCALE_300_SEED_42 = "4b72094b34e2090dc212ad947063587769bd7f04c287c9ec3921e9851f34466d";

    @TempDir
    Path dir;

    private Path generate(String name, int scale, long seed) {
        return Systems.byName("prescient").orElseThrow().generate(scale, seed, dir.resolve(name));
    }

    @Test
    void sameSeedSameBytes() {
        String a = TreeHash.sha256(generate("a", 300, 42));
        String b = TreeHash.sha256(generate("b", 300, 42));
        assertThat(a).isEqualTo(b).isEqualTo(SCALE_300_SEED_42);
        assertThat(TreeHash.sha256(generate("c", 300, 43))).isNotEqualTo(a);
    }

    @Test
    void theShippedExampleTreeIsWhatScale12Seed42Writes() throws Exception {
        Path example = Path.of("src/test/resources/pgferry/systems/prescient/example-data");
        Path data = generate("x", 12, 42);
        assertThat(TreeHash.files(data)).isEqualTo(TreeHash.files(example));
        for (String f : TreeHash.files(data)) {
            assertThat(Files.readString(data.resolve(f))).as(f).isEqualTo(Files.readString(example.resolve(f)));
        }
    }

    @Test
    void theFilesHaveTheSeedsShapeAndFitTheSchema() {
        Path data = generate("s", 2500, 7);
        assertThat(TreeHash.files(data)).containsExactly(
                "events/filtered_events.json", "events/raw_events_backup.json",
                "history/portfolio_history.json", "history/signals_archive_2025-01.json",
                "history/signals_archive_2025-02.json", "history/signals_archive_2025-03.json",
                "history/signals_archive_2025-04.json", "markets/filtered_markets.json",
                "trades/current_signals.json", "trades/paper_trades.json", "trades/portfolio.json");

        JsonNode trades = read(data.resolve("trades/paper_trades.json"));
        assertThat(trades.isArray()).isTrue();
        assertThat(trades).hasSize(2500);
        Set<String> tradeIds = new HashSet<>();
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal invested = BigDecimal.ZERO;
        List<String> open = new ArrayList<>();
        int withoutEvent = 0;
        for (JsonNode t : trades) {
            assertThat(tradeIds.add(t.get("trade_id").asText())).as("unique trade_id").isTrue();
            assertTimestamp(t.get("timestamp"), "timestamp");
            assertThat(t.get("action").asText()).isIn("buy_yes", "buy_no");
            assertThat(t.get("status").asText()).isIn("open", "closed");
            assertFits(t.get("amount"), 15, 2, "amount");
            assertThat(t.get("amount").decimalValue()).isPositive();
            assertFits(t.get("entry_price"), 10, 6, "entry_price");
            assertFits(t.get("confidence"), 5, 4, "confidence");
            assertThat(t.get("confidence").decimalValue()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            withoutEvent += t.has("event_id") ? 0 : 1;
            if (t.get("status").asText().equals("open")) {
                open.add(t.get("trade_id").asText());
                invested = invested.add(t.get("amount").decimalValue());
                assertThat(t.has("exit_price")).isFalse();
            } else {
                assertFits(t.get("realized_pnl"), 15, 2, "realized_pnl");
                assertFits(t.get("exit_price"), 10, 6, "exit_price");
                assertTimestamp(t.get("exit_timestamp"), "exit_timestamp");
                realized = realized.add(t.get("realized_pnl").decimalValue());
            }
        }
        assertThat(withoutEvent).as("the oldest trades predate the event fields").isEqualTo(2500 / 20);
        assertThat(open).isNotEmpty();

        JsonNode portfolio = read(data.resolve("trades/portfolio.json"));
        assertThat(portfolio.isObject()).isTrue();
        assertThat(portfolio.get("trade_count").asInt()).isEqualTo(2500);
        assertThat(portfolio.get("total_invested").decimalValue()).isEqualByComparingTo(invested);
        assertThat(portfolio.get("total_profit_loss").decimalValue()).isEqualByComparingTo(realized);
        assertThat(portfolio.get("balance").decimalValue()).isEqualByComparingTo(new BigDecimal("10000").add(realized).subtract(invested));
        List<String> positions = new ArrayList<>();
        portfolio.get("positions").forEach(p -> positions.add(p.get("trade_id").asText()));
        assertThat(positions).isEqualTo(open);

        List<JsonNode> signals = new ArrayList<>();
        for (String f : TreeHash.files(data)) {
            if (f.startsWith("history/signals_archive_")) {
                String month = f.substring("history/signals_archive_".length(), f.length() - ".json".length());
                for (JsonNode archive : read(data.resolve(f))) {
                    assertThat(archive.get("archived_at").asText()).startsWith(month);
                    assertThat(archive.get("signals_count").asInt()).isEqualTo(archive.get("signals").size());
                    archive.get("signals").forEach(signals::add);
                }
            }
        }
        JsonNode current = read(data.resolve("trades/current_signals.json"));
        assertThat(current.get("total_signals").asInt()).isEqualTo(current.get("signals").size());
        current.get("signals").forEach(signals::add);
        Set<String> executed = new HashSet<>();
        for (JsonNode s : signals) {
            assertFits(s.get("market_liquidity"), 20, 6, "market_liquidity");
            assertFits(s.get("yes_price"), 10, 6, "yes_price");
            assertThat(s.get("yes_price").decimalValue().add(s.get("no_price").decimalValue())).isEqualByComparingTo("1");
            if (s.get("executed").asBoolean()) {
                assertThat(executed.add(s.get("trade_id").asText())).isTrue();
            } else {
                assertThat(s.get("trade_id").isNull()).isTrue();
            }
        }
        assertThat(executed).as("every trade came from exactly one executed signal").isEqualTo(tradeIds);
        assertThat(signals.size()).isBetween(2500, 2500 * 3 / 2);

        JsonNode history = read(data.resolve("history/portfolio_history.json"));
        assertThat(history).hasSize(100);
        assertThat(history.get(99).get("trade_count").asInt()).isEqualTo(2500);
        assertThat(history.get(99).get("balance").decimalValue()).isEqualByComparingTo(portfolio.get("balance").decimalValue());

        JsonNode raw = read(data.resolve("events/raw_events_backup.json"));
        assertThat(raw.get("events")).hasSize(25);
        int rawMarkets = 0;
        for (JsonNode e : raw.get("events")) {
            assertFits(e.get("liquidity"), 20, 6, "event liquidity");
            assertTimestamp(e.get("endDate"), "endDate");
            assertThat(e.get("markets").get(0).get("outcomePrices").isTextual()).as("the API's JSON-in-a-string").isTrue();
            rawMarkets += e.get("markets").size();
        }
        assertThat(rawMarkets).isEqualTo(50);
        JsonNode filtered = read(data.resolve("markets/filtered_markets.json"));
        assertThat(filtered.get("total_markets").asInt()).isEqualTo(filtered.get("markets").size());
        for (JsonNode m : filtered.get("markets")) {
            assertFits(m.get("yes_price"), 10, 6, "yes_price");
            assertFits(m.get("market_conviction"), 10, 6, "market_conviction");
            assertFits(m.get("liquidity"), 20, 6, "liquidity");
        }
    }

    @Test
    void scaleIsTheNumberOfTrades() {
        for (int scale : new int[] {1, 7, 450}) {
            Path data = generate("n" + scale, scale, 1);
            assertThat(read(data.resolve("trades/paper_trades.json"))).as("scale %d", scale).hasSize(scale);
            assertThat(read(data.resolve("events/raw_events_backup.json")).get("events")).hasSize(Math.max(2, scale / 100));
        }
    }

    @Test
    void theCommandWritesASampleAndRefusesAFolderThatAlreadyHoldsOne() throws Exception {
        Path out = dir.resolve("cli");
        assertThat(Main.execute("sample", "prescient", "--scale", "5", "--out", out.toString())).isZero();
        String before = TreeHash.sha256(out.resolve("data"));
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, "UTF-8"));
        int status;
        try {
            status = Main.execute("sample", "prescient", "--scale", "9", "--out", out.toString());
        } finally {
            System.setErr(err);
        }
        assertThat(status).isEqualTo(2);
        assertThat(captured.toString("UTF-8")).contains("already holds files").contains(out.resolve("data").toString());
        assertThat(TreeHash.sha256(out.resolve("data"))).as("nothing overwritten").isEqualTo(before);
    }
}
