package pgferry.bench.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import pgferry.systems.atlas.BotPayloads;
import pgferry.systems.jsonfiles.JsonFileStyle;
import pgferry.systems.metagauge.UsersFileOnly;
import pgferry.systems.prescient.PrescientSystem;

/**
 * The benchmark data, made by the seed systems' own generators once per (system, size, seed) and cached under
 * {@code target/data/<system>/<size>-<seed>/} (override with {@code -Dpgferry.bench.data=DIR}). A cache entry is
 * written to a temporary folder and renamed into place, so a half-written entry is never used.
 */
public final class Datasets {
    public static final long SEED = 42;
    private static final String[] SYMBOLS = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "AAPL", "TSLA", "NVDA", "SPY", "QQQ", "EURUSD", "XAUUSD"};
    private static final String[] STYLES = {"Mean Reversion", "Momentum", "Trend Rider", "Breakout", "Swing", "Dip Buyer"};

    private final Path root;

    public Datasets(Path root) {
        this.root = root;
    }

    public static Datasets fromSystemProperty() {
        return new Datasets(Path.of(System.getProperty("pgferry.bench.data", "target/data")).toAbsolutePath());
    }

    /** prescient's trades/paper_trades.json with {@code size} trades (the generator's scale is the trade count). */
    public Path trades(int size, long seed) {
        Path dir = cached("prescient", size, seed, out -> new PrescientSystem().generate(size, seed, out));
        return dir.resolve("data/trades/paper_trades.json");
    }

    /** metagauge's users.json with {@code size} users. */
    public Path users(int size, long seed) {
        Path dir = cached("metagauge-users", size, seed, out -> UsersFileOnly.write(size, seed, out.resolve("users.json")));
        return dir.resolve("users.json");
    }

    /**
     * atlas bots as a JSON file (Node style, {@code [{id, name, symbol, visibility, payload{...}}]}) with {@code size} bots.
     * The payloads come from atlas's generator; the rows are ours, because atlas's generator makes one bot per 250
     * equity-curve points (a million bots would need 250 million points).
     */
    public Path bots(int size, long seed) {
        Path dir = cached("atlas-bots", size, seed, out -> writeBots(size, seed, out.resolve("bots.json")));
        return dir.resolve("bots.json");
    }

    static void writeBots(int size, long seed, Path file) {
        ObjectMapper mapper = new ObjectMapper();
        SplittableRandom r = new SplittableRandom(seed);
        try (JsonGenerator g = JsonFileStyle.NODE.open(file)) {
            g.writeStartArray();
            for (int b = 0; b < size; b++) {
                String symbol = SYMBOLS[r.nextInt(SYMBOLS.length)];
                g.writeStartObject();
                g.writeStringField("id", String.format("bot_%07d", b));
                g.writeStringField("name", symbol + " " + STYLES[r.nextInt(STYLES.length)] + " #" + b);
                g.writeStringField("symbol", symbol);
                g.writeStringField("visibility", r.nextInt(3) == 0 ? "nexus" : "private");
                g.writeFieldName("payload");
                if (r.nextInt(50) == 0) {
                    g.writeNull();
                } else {
                    mapper.writeTree(g, mapper.readTree(BotPayloads.payload(r, symbol)));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private Path cached(String system, int size, long seed, Consumer<Path> generate) {
        Path dir = root.resolve(system).resolve(size + "-" + seed);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        try {
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), ".tmp-" + size + "-");
            generate.accept(tmp);
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                deleteTree(tmp); // another run made it first
            } catch (IOException e) {
                if (!Files.isDirectory(dir)) {
                    throw e;
                }
                deleteTree(tmp);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cache benchmark data under " + dir, e);
        }
    }

    public static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
