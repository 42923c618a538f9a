package pgferry.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a speed script (benchmarks/scripts/*.sh) measured, from its {@code benchmarks/results/<name>.json}:
 * <pre>{"name": "embedded-start", "title": "...", "unit": "s",
 *  "rows":   [{"label": "first start", "value": 3.21, "min": 3.0, "max": 3.5, "target": 6.0, "n": 5}],
 *  "ratios": [{"label": "first start / target", "value": 0.54}],
 *  "notes":  "..."}</pre>
 * {@code min}, {@code max}, {@code target}, {@code n}, {@code ratios} and {@code notes} are optional.
 */
public record ScriptResult(String name, String title, String unit, List<Row> rows, List<Ratio> ratios, String notes) {

    public record Row(String label, double value, Double min, Double max, Double target, Integer n) {
    }

    public record Ratio(String label, double value) {
    }

    public static List<ScriptResult> readAll(Path dir) {
        List<ScriptResult> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(read(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static ScriptResult read(Path file) {
        try {
            JsonNode n = new ObjectMapper().readTree(file.toFile());
            List<Row> rows = new ArrayList<>();
            for (JsonNode r : n.path("rows")) {
                rows.add(new Row(r.path("label").asText(), r.path("value").asDouble(), opt(r, "min"), opt(r, "max"),
                        opt(r, "target"), r.has("n") ? r.get("n").asInt() : null));
            }
            List<Ratio> ratios = new ArrayList<>();
            for (JsonNode r : n.path("ratios")) {
                ratios.add(new Ratio(r.path("label").asText(), r.path("value").asDouble()));
            }
            String name = n.path("name").asText(file.getFileName().toString().replace(".json", ""));
            return new ScriptResult(name, n.path("title").asText(name), n.path("unit").asText(""), rows, ratios,
                    n.path("notes").asText(""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read script results " + file, e);
        }
    }

    private static Double opt(JsonNode r, String f) {
        return r.hasNonNull(f) ? r.get(f).asDouble() : null;
    }
}
