package pgferry.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns JMH's JSON and the speed scripts' results into {@code <out>/<date>-<host>/REPORT.md}, {@code report.html} and
 * {@code charts/*.svg}: environment, tables (score ± error, min-max), log-log charts, speed-up ratios and one
 * sentence per finding. It renders; it measures nothing.
 *
 * <p>{@code java -cp benchmarks.jar pgferry.bench.report.Report --jmh FILE [--results DIR] [--out DIR] [--date D] [--host H] [--profile P]}
 */
public final class Report {
    static final List<String> STORES = List.of("json_file", "json_stream", "sqlite", "postgres");

    /** What an operation is, in words. */
    record Operation(String key, String title, String noun, String file, String phrase) {
    }

    static final Map<String, Operation> OPERATIONS = new LinkedHashMap<>();

    static {
        add("UserBenchmarks.findByEmail", "Point lookup: a metagauge user by email (findByEmail)", "users", "users.json", "finding a user by email");
        add("TradeBenchmarks.pointLookup", "Point lookup: a prescient trade by trade_id", "trades", "paper_trades.json", "finding a trade by trade_id");
        add("TradeBenchmarks.range", "Range: one market's trades in a 30-day window", "trades", "paper_trades.json", "fetching one market's trades in a 30-day window");
        add("TradeBenchmarks.aggregate", "Aggregate: P&L per market", "trades", "paper_trades.json", "summing P&L per market");
        add("TradeBenchmarks.append", "Append one trade", "trades", "paper_trades.json", "appending one trade");
        add("BotBenchmarks.containment", "JSON containment: atlas bots whose conditions use RSI", "bots", "bots.json",
                "finding the bots whose conditions use RSI");
    }

    private static void add(String key, String title, String noun, String file, String phrase) {
        OPERATIONS.put(key, new Operation(key, title, noun, file, phrase));
    }

    static String storeLabel(String store) {
        return switch (store) {
            case "json_file" -> "JSON file, parsed whole";
            case "json_stream" -> "JSON file, streamed";
            case "sqlite" -> "SQLite + indexes";
            case "postgres" -> "PostgreSQL + indexes";
            default -> store;
        };
    }

    private final List<Measurement> measurements;
    private final List<ScriptResult> scripts;
    private final Map<String, String> environment;
    private final String profile;
    private final String settings;

    public Report(List<Measurement> measurements, List<ScriptResult> scripts, Map<String, String> environment, String profile,
                  String settings) {
        this.measurements = measurements;
        this.scripts = scripts;
        this.environment = environment;
        this.profile = profile;
        this.settings = settings;
    }

    private Operation operation(String key) {
        return OPERATIONS.getOrDefault(key, new Operation(key, key, "rows", "the JSON file", key));
    }

    private List<String> operationKeys() {
        List<String> keys = new ArrayList<>();
        OPERATIONS.keySet().forEach(k -> {
            if (measurements.stream().anyMatch(m -> m.key().equals(k))) {
                keys.add(k);
            }
        });
        measurements.stream().map(Measurement::key).distinct().filter(k -> !keys.contains(k)).forEach(keys::add);
        return keys;
    }

    private Optional<Measurement> find(String key, String store, long size) {
        return measurements.stream().filter(m -> m.key().equals(key) && m.store().equals(store) && m.size() == size).findFirst();
    }

    private List<String> storesOf(String key) {
        List<String> present = measurements.stream().filter(m -> m.key().equals(key)).map(Measurement::store).distinct().toList();
        List<String> ordered = new ArrayList<>(STORES.stream().filter(present::contains).toList());
        present.stream().filter(s -> !ordered.contains(s)).forEach(ordered::add);
        return ordered;
    }

    private TreeSet<Long> sizesOf(String key) {
        return measurements.stream().filter(m -> m.key().equals(key)).map(Measurement::size).collect(Collectors.toCollection(TreeSet::new));
    }

    static String cell(Measurement m) {
        double f = Units.toMicros(m.unit());
        String s = Units.time(m.micros());
        if (!Double.isNaN(m.error())) {
            s += " ± " + Units.time(m.error() * f);
        }
        if (!Double.isNaN(m.min())) {
            s += " (" + Units.time(m.min() * f) + "–" + Units.time(m.max() * f) + ")";
        }
        return s;
    }

    static String faster(double baseMicros, double micros) {
        double r = baseMicros / micros;
        return r >= 1 ? Units.ratio(r) + " faster than" : Units.ratio(1 / r) + " slower than";
    }

    /** The finding for one operation at its largest measured size, in one sentence; empty without a JSON baseline. */
    Optional<String> sentence(String key) {
        Operation op = operation(key);
        if (sizesOf(key).isEmpty()) {
            return Optional.empty();
        }
        long size = sizesOf(key).last();
        Optional<Measurement> file = find(key, "json_file", size);
        Optional<Measurement> pg = find(key, "postgres", size);
        if (file.isEmpty() || pg.isEmpty()) {
            return Optional.empty();
        }
        double base = file.get().micros();
        StringBuilder s = new StringBuilder("At ").append(Units.size(size)).append(' ').append(op.noun()).append(", ")
                .append(op.phrase()).append(" with PostgreSQL and its indexes takes ").append(Units.time(pg.get().micros()))
                .append(": ").append(faster(base, pg.get().micros())).append(" reading ").append(op.file())
                .append(" whole (").append(Units.time(base)).append(")");
        find(key, "json_stream", size).ifPresent(m -> s.append("; against the file streamed (").append(Units.time(m.micros()))
                .append(") PostgreSQL is ").append(faster(m.micros(), pg.get().micros()).replace(" than", "")));
        find(key, "sqlite", size).ifPresent(m -> s.append("; SQLite with the same indexes takes ").append(Units.time(m.micros())));
        return Optional.of(s.append('.').toString());
    }

    public Doc build(String date, String host) {
        Doc d = new Doc();
        d.heading(1, "pgferry benchmarks: JSON files against indexed queries (" + date + ", " + host + ")");
        d.para("Profile **" + profile + "**. " + settings + " In every trial, before any timing, the store's answer to the "
                + "timed query was checked against the JSON file read as the application read it (exact decimals, same rows "
                + "in the same order); a store that answered differently would have stopped the run. Stores are loaded once "
                + "per data set and reused by later trials (fixtures keyed by the data file's SHA-256); loading is never timed. Times are JMH average time per operation, "
                + "± JMH's 99.9% error, with the fastest and slowest iteration in brackets.");
        d.heading(2, "Environment");
        List<List<String>> env = new ArrayList<>();
        environment.forEach((k, v) -> env.add(List.of(k, v)));
        d.table(List.of("", ""), env);

        d.heading(2, "Findings");
        List<String> findings = new ArrayList<>();
        for (String key : operationKeys()) {
            sentence(key).ifPresent(findings::add);
        }
        for (ScriptResult s : scripts) {
            for (ScriptResult.Ratio r : s.ratios()) {
                findings.add(s.title() + ": " + r.label() + " = " + Units.ratio(r.value()) + ".");
            }
        }
        d.bullets(findings.isEmpty() ? List.of("No results with both a JSON file and PostgreSQL measurement.") : findings);

        d.heading(2, "Results by operation");
        for (String key : operationKeys()) {
            Operation op = operation(key);
            List<String> stores = storesOf(key);
            TreeSet<Long> sizes = sizesOf(key);
            d.heading(3, op.title());
            String chart = "charts/" + key + ".svg";
            d.image(chart, op.title() + ": time per operation against " + op.noun() + ", log-log");
            List<String> header = new ArrayList<>();
            header.add(op.noun());
            stores.forEach(s -> header.add(storeLabel(s)));
            List<List<String>> rows = new ArrayList<>();
            for (long size : sizes) {
                List<String> r = new ArrayList<>();
                r.add(Units.size(size));
                for (String s : stores) {
                    r.add(find(key, s, size).map(Report::cell).orElse("—"));
                }
                rows.add(r);
            }
            d.table(header, rows);
            if (stores.contains("json_file")) {
                List<String> rh = new ArrayList<>();
                rh.add("speed-up over " + op.file() + " parsed whole");
                stores.stream().filter(s -> !s.equals("json_file")).forEach(s -> rh.add(storeLabel(s)));
                List<List<String>> rr = new ArrayList<>();
                for (long size : sizes) {
                    List<String> r = new ArrayList<>();
                    r.add(Units.size(size) + " " + op.noun());
                    Optional<Measurement> base = find(key, "json_file", size);
                    for (String s : stores) {
                        if (!s.equals("json_file")) {
                            Optional<Measurement> m = find(key, s, size);
                            r.add(base.isPresent() && m.isPresent() ? Units.ratio(base.get().micros() / m.get().micros()) : "—");
                        }
                    }
                    rr.add(r);
                }
                d.table(rh, rr);
            }
            sentence(key).ifPresent(d::para);
        }

        if (!scripts.isEmpty()) {
            d.heading(2, "pgferry's own speed");
            for (ScriptResult s : scripts) {
                d.heading(3, s.title());
                List<List<String>> rows = new ArrayList<>();
                for (ScriptResult.Row r : s.rows()) {
                    rows.add(List.of(r.label(), num(r.value()) + " " + s.unit(),
                            r.min() == null ? "—" : num(r.min()) + "–" + num(r.max()),
                            r.target() == null ? "—" : "≤ " + num(r.target()) + " " + s.unit(),
                            r.target() == null ? "—" : Units.ratio(r.value() / r.target()) + " of target",
                            r.n() == null ? "—" : r.n().toString()));
                }
                d.table(List.of("measure", "median", "min–max", "target", "vs target", "n"), rows);
                if (!s.ratios().isEmpty()) {
                    d.bullets(s.ratios().stream().map(r -> r.label() + ": **" + Units.ratio(r.value()) + "**").toList());
                }
                if (!s.notes().isBlank()) {
                    d.para(s.notes());
                }
            }
        }

        d.heading(2, "How these numbers were made");
        d.bullets(List.of(
                "`JSON file, parsed whole`: every call reads the whole file and parses it into a tree (Jackson, decimals as BigDecimal), then filters in memory, as prescient (`json.load`) and metagauge (`JSON.parse`, `users.find`) did; an append reads, adds and rewrites the whole file.",
                "`JSON file, streamed`: Jackson's streaming parser reads only the fields a query needs and stops at a point lookup's match; an append writes the record over the closing bracket. The best honest use of a JSON file: still no index.",
                "`SQLite + indexes`: xerial sqlite-jdbc, the PostgreSQL schema's columns and indexes (money as INTEGER cents: SQLite has no exact decimal); bots keep the payload as JSON text (atlas's own layout) and are scanned with `json_each`.",
                "`PostgreSQL + indexes`: the systems' own Flyway schemas (NUMERIC money, TIMESTAMPTZ, the declared indexes; atlas's GIN `jsonb_path_ops` index on bots.payload), loaded by COPY, then ANALYZE.",
                "Data: the seed systems' generators (prescient trades, metagauge users), seed 42; point lookups probe the middle record; bots use atlas's payload generator with rows of our own (atlas makes one bot per 250 equity points).",
                "Appends: SQLite and PostgreSQL commit each INSERT (durable: fsync); the JSON variants do not fsync, as the apps did not."));
        return d;
    }

    private static String num(double v) {
        return Units.sig(v);
    }

    /** Writes the report and its charts into {@code dir}; returns REPORT.md. */
    public Path write(Path dir, String date, String host) {
        try {
            Path charts = dir.resolve("charts");
            Files.createDirectories(charts);
            for (String key : operationKeys()) {
                Operation op = operation(key);
                Charts.latencyBySize(op.title(), op.noun(), measurements.stream().filter(m -> m.key().equals(key)).toList(),
                        storesOf(key), charts.resolve(key + ".svg"));
            }
            Doc doc = build(date, host);
            Path md = dir.resolve("REPORT.md");
            Files.writeString(md, doc.markdown(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("report.html"), doc.html("pgferry benchmarks " + date + " " + host, dir), StandardCharsets.UTF_8);
            return md;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir, e);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        if (!a.containsKey("--jmh")) {
            System.err.println("usage: Report --jmh jmh.json [--results DIR] [--out DIR] [--date YYYY-MM-DD] [--host NAME] [--profile quick|full] [--settings TEXT]");
            System.exit(2);
        }
        List<Measurement> ms = JmhJson.read(Path.of(a.get("--jmh")));
        List<ScriptResult> scripts = ScriptResult.readAll(a.containsKey("--results") ? Path.of(a.get("--results")) : null);
        String date = a.getOrDefault("--date", LocalDate.now().toString());
        String host = a.getOrDefault("--host", InetAddress.getLocalHost().getHostName());
        Path dir = Path.of(a.getOrDefault("--out", "reports")).resolve(date + "-" + host);
        Report r = new Report(ms, scripts, Environment.describe(System.getenv("DATABASE_URL")), a.getOrDefault("--profile", "custom"),
                a.getOrDefault("--settings", ""));
        System.out.println("report: " + r.write(dir, date, host));
    }
}
