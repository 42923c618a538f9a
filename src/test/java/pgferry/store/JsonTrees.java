package pgferry.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compares two JSON-file folders tree by tree and lists every difference, with the round trip's
 * documented normalisations only: numbers by value (100.0 = 100.00), a time text by its instant (naive =
 * UTC, so {@code 2025-01-06T14:30:11} = {@code 2025-01-06T14:30:11+00:00}), object members in any order,
 * and, for the files named in {@code sortedById}, the top-level records in any order (compared by "id").
 */
final class JsonTrees {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    private JsonTrees() {
    }

    /** Every difference: "file: not exported", "file.path: missing in the export", "file.path: a vs b", ... */
    static List<String> differences(Path source, Path export, Set<String> sortedById) throws IOException {
        List<String> out = new ArrayList<>();
        for (String rel : files(source)) {
            Path exported = export.resolve(rel);
            if (!Files.exists(exported)) {
                out.add(rel + ": not exported");
                continue;
            }
            JsonNode a = JSON.readTree(source.resolve(rel).toFile());
            JsonNode b = JSON.readTree(exported.toFile());
            if (sortedById.contains(rel)) {
                a = sorted(a);
                b = sorted(b);
            }
            compare(a, b, rel, out);
        }
        for (String rel : files(export)) {
            if (!Files.exists(source.resolve(rel))) {
                out.add(rel + ": exported, not in the source");
            }
        }
        return out;
    }

    private static JsonNode sorted(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        items.sort(Comparator.comparing(n -> n.path("id").asText()));
        return JSON.createArrayNode().addAll(items);
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    private static void compare(JsonNode a, JsonNode b, String at, List<String> out) {
        if (a.isObject() && b.isObject()) {
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!b.has(f)) {
                    out.add(at + "." + f + ": missing in the export");
                } else {
                    compare(a.get(f), b.get(f), at + "." + f, out);
                }
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!a.has(f)) {
                    out.add(at + "." + f + ": only in the export");
                }
            }
        } else if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                out.add(at + ": " + a.size() + " elements vs " + b.size());
                return;
            }
            for (int i = 0; i < a.size(); i++) {
                compare(a.get(i), b.get(i), at + "[" + i + "]", out);
            }
        } else if (a.isNumber() && b.isNumber()) {
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
                out.add(at + ": " + a + " vs " + b);
            }
        } else if (a.isTextual() && b.isTextual()) {
            if (!a.asText().equals(b.asText())) {
                Instant x = JsonExport.instant(a.asText());
                if (x == null || !x.equals(JsonExport.instant(b.asText()))) {
                    out.add(at + ": " + a + " vs " + b);
                }
            }
        } else if (!a.equals(b)) {
            out.add(at + ": " + a + " vs " + b);
        }
    }
}
