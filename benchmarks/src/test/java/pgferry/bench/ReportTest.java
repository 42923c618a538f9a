package pgferry.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import pgferry.bench.report.Charts;
import pgferry.bench.report.JmhJson;
import pgferry.bench.report.Measurement;
import pgferry.bench.report.Report;
import pgferry.bench.report.ScriptResult;

/** The report generator on a small committed JMH JSON fixture and one script result. */
class ReportTest {
    private List<Measurement> ms;
    private List<ScriptResult> scripts;

    @BeforeEach
    void read() throws Exception {
        ms = JmhJson.read(resource("jmh-fixture.json"));
        Path results = Files.createTempDirectory("results");
        Files.copy(resource("script-fixture.json"), results.resolve("embedded-start.json"));
        scripts = ScriptResult.readAll(results);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(ReportTest.class.getClassLoader().getResource(name).toURI());
    }

    private Report report() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CPU", "Test CPU @ 2.0GHz");
        env.put("Cores", "2");
        env.put("PostgreSQL", "PostgreSQL 17.6");
        env.put("SQLite", "SQLite 3.50.3");
        return new Report(ms, scripts, env, "quick", "JMH: 1 fork, 3 iterations.");
    }

    @Test
    void jmhJsonIsReadWithParamsErrorsAndRawMinMax() {
        assertThat(ms).hasSize(11);
        Measurement m = ms.stream().filter(x -> x.operation().equals("pointLookup") && x.store().equals("json_file") && x.size() == 10000)
                .findFirst().orElseThrow();
        assertThat(m.benchmark()).isEqualTo("TradeBenchmarks");
        assertThat(m.score()).isEqualTo(50000.0);
        assertThat(m.error()).isEqualTo(1000.0);
        assertThat(m.min()).isEqualTo(49000.0);
        assertThat(m.max()).isEqualTo(51000.0);
        assertThat(ms.stream().filter(x -> x.operation().equals("append")).allMatch(x -> Double.isNaN(x.error()))).isTrue();
    }

    @Test
    void markdownHasEnvironmentTablesRatiosAndSentences(@TempDir Path dir) throws Exception {
        Path md = report().write(dir, "2025-01-02", "testhost");
        String text = Files.readString(md);
        assertThat(text).contains("| CPU | Test CPU @ 2.0GHz |", "| PostgreSQL | PostgreSQL 17.6 |", "| SQLite | SQLite 3.50.3 |");
        // the table: score ± error (min–max), per size and store
        assertThat(text).contains("| trades | JSON file, parsed whole | JSON file, streamed | SQLite + indexes | PostgreSQL + indexes |");
        assertThat(text).contains("| 10k | 50.0 ms ± 1.00 ms (49.0 ms–51.0 ms) | 20.0 ms ± 500 µs (19.5 ms–20.5 ms) | 25.0 µs ± 1.00 µs (24.0 µs–26.0 µs) | 100 µs ± 5.00 µs (95.0 µs–105 µs) |");
        // speed-ups over the whole-file JSON: 50000/20000, 50000/25, 50000/100
        assertThat(text).contains("| 10k trades | 2.50× | 2000× | 500× |");
        assertThat(text).contains("| 1k trades | 2.50× | 250× | 50× |");
        // one sentence per finding, at the largest size, with the right words for faster and slower
        assertThat(text).contains("At 10k trades, finding a trade by trade_id with PostgreSQL and its indexes takes 100 µs: "
                + "500× faster than reading paper_trades.json whole (50.0 ms); against the file streamed (20.0 ms) PostgreSQL is 200× faster"
                + "; SQLite with the same indexes takes 25.0 µs.");
        assertThat(text).contains("At 1k trades, appending one trade with PostgreSQL and its indexes takes 2.00 ms: 4.00× faster than "
                + "reading paper_trades.json whole (8.00 ms); against the file streamed (400 µs) PostgreSQL is 5.00× slower.");
        // a NaN error is not printed as a number
        assertThat(text).contains("| 1k | 8.00 ms (8.00 ms–8.00 ms) |").doesNotContain("NaN");
        // the script's results with target ratio
        assertThat(text).contains("### pgferry up/down", "| first start (unpack+initdb+start) | 3.00 s | 2.80–3.40 | ≤ 6.00 s | 0.500× of target | 5 |",
                "first start / warm start: **1.50×**");
        assertThat(text).contains("![Point lookup: a prescient trade by trade_id: time per operation against trades, log-log](charts/TradeBenchmarks.pointLookup.svg)");
    }

    @Test
    void chartsAreSvgWithOneLinePerStoreOnLogAxes(@TempDir Path dir) throws Exception {
        report().write(dir, "2025-01-02", "testhost");
        Path svg = dir.resolve("charts/TradeBenchmarks.pointLookup.svg");
        assertThat(svg).exists();
        assertThat(Files.readString(svg)).contains("<svg").contains("<path");
        XYChart chart = Charts.build("t", "trades", ms.stream().filter(m -> m.operation().equals("pointLookup")).toList(),
                List.of("json_file", "json_stream", "sqlite", "postgres"));
        assertThat(chart.getStyler().isXAxisLogarithmic()).isTrue();
        assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(chart.getSeriesMap().keySet())
                .containsExactly("JSON file, parsed whole", "JSON file, streamed", "SQLite + indexes", "PostgreSQL + indexes");
        XYSeries pg = chart.getSeriesMap().get("PostgreSQL + indexes");
        assertThat(pg.getXData()).containsExactly(1000.0, 10000.0);
        assertThat(pg.getYData()).containsExactly(0.1, 0.1);          // ms
        assertThat(chart.getSeriesMap().get("JSON file, parsed whole").getYData()).containsExactly(5.0, 50.0);
        assertThat(dir.resolve("charts/TradeBenchmarks.append.svg")).exists();
        try (var files = Files.list(dir.resolve("charts"))) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Test
    void htmlIsSelfContainedWithInlineCharts(@TempDir Path dir) throws Exception {
        report().write(dir, "2025-01-02", "testhost");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("<td>10k trades</td><td>2.50×</td><td>2000×</td><td>500×</td>")
                .contains("<li>At 10k trades, finding a trade by trade_id").doesNotContain("NaN");
    }
}
