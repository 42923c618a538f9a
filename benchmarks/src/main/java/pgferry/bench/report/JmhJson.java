package pgferry.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads JMH's {@code -rf json} output: benchmark, params (size, store), primaryMetric score, error and raw data. */
public final class JmhJson {
    private JmhJson() {
    }

    public static List<Measurement> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JMH results " + file, e);
        }
        List<Measurement> out = new ArrayList<>();
        for (JsonNode r : root) {
            String full = r.path("benchmark").asText();
            String[] parts = full.split("\\.");
            String operation = parts[parts.length - 1];
            String benchmark = parts.length >= 2 ? parts[parts.length - 2] : full;
            JsonNode params = r.path("params");
            JsonNode m = r.path("primaryMetric");
            double min = Double.NaN;
            double max = Double.NaN;
            for (JsonNode fork : m.path("rawData")) {
                for (JsonNode v : fork) {
                    double d = v.asDouble();
                    min = Double.isNaN(min) ? d : Math.min(min, d);
                    max = Double.isNaN(max) ? d : Math.max(max, d);
                }
            }
            out.add(new Measurement(benchmark, operation, params.path("store").asText("-"), params.path("size").asLong(0),
                    number(m.path("score")), number(m.path("scoreError")), min, max, m.path("scoreUnit").asText("us/op")));
        }
        return out;
    }

    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        try {
            return Double.parseDouble(n.asText());   // JMH writes "NaN" as a string
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
