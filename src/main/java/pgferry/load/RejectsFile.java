package pgferry.load;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pgferry.UserError;

/**
 * The rejects file ({@code rejects.jsonl}): one JSON object per rejected source row, appended and
 * flushed line by line so that a crash never loses a reject already counted. Each line:
 * <pre>{"table":"trades","key":{"id":17},"rowid":17,"column":"price","value":"NaN","reason":"..."}</pre>
 * {@code value} is the raw source value as text; values that are not valid UTF-8 text are written
 * as {@code "hex:..."} and blobs as {@code "X'..'"} (see {@code SqliteValue.display()}).
 * Thread-safe: workers share one file.
 */
public final class RejectsFile implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    /** One rejected row. {@code rowid} is null for tables without one. */
    public record Reject(String table, Map<String, Object> key, Long rowid, String column, String value,
                         String reason) {
    }

    private final Path path;
    private final OutputStream out;
    private long count;

    private RejectsFile(Path path, OutputStream out) {
        this.path = path;
        this.out = out;
    }

    /** Opens {@code path} for appending, creating it (and its folder) when missing. */
    public static RejectsFile append(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            return new RejectsFile(path, out);
        } catch (IOException e) {
            throw new UserError("cannot write the rejects file " + path + " (" + e.getMessage()
                    + "): choose another path with --rejects");
        }
    }

    public Path path() {
        return path;
    }

    /** Appends one reject and flushes it to the file. */
    public synchronized void write(Reject reject) {
        try {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(256);
            try (JsonGenerator g = JSON.createGenerator(line, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("table", reject.table());
                g.writeObjectFieldStart("key");
                for (Map.Entry<String, Object> e : reject.key().entrySet()) {
                    g.writeFieldName(e.getKey());
                    Object v = e.getValue();
                    if (v == null) {
                        g.writeNull();
                    } else if (v instanceof Long l) {
                        g.writeNumber(l);
                    } else if (v instanceof Integer i) {
                        g.writeNumber(i);
                    } else {
                        g.writeString(v.toString());
                    }
                }
                g.writeEndObject();
                if (reject.rowid() != null) {
                    g.writeNumberField("rowid", reject.rowid());
                }
                g.writeStringField("column", reject.column());
                g.writeStringField("value", reject.value());
                g.writeStringField("reason", reject.reason());
                g.writeEndObject();
            }
            line.write('\n');
            out.write(line.toByteArray());
            out.flush();
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + path, e);
        }
    }

    /** Appends every line of another rejects file (a table's pending rejects) and flushes. */
    public synchronized void appendAll(Path other) {
        try {
            byte[] bytes = Files.readAllBytes(other);
            out.write(bytes);
            out.flush();
            for (byte b : bytes) {
                if (b == '\n') {
                    count++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append " + other + " to " + path, e);
        }
    }

    /** Rejects written through this handle. */
    public synchronized long count() {
        return count;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path, e);
        }
    }

    /** Reads every reject of a file (an absent file has none). */
    public static List<Reject> read(Path path) {
        List<Reject> rejects = new ArrayList<>();
        if (!Files.isRegularFile(path)) {
            return rejects;
        }
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = mapper.readTree(line);
                } catch (IOException e) {
                    throw new UserError(path + " line " + n + " is not JSON: fix or remove that line");
                }
                Map<String, Object> key = new LinkedHashMap<>();
                node.path("key").fields().forEachRemaining(e -> key.put(e.getKey(),
                        e.getValue().isNull() ? null : e.getValue().isIntegralNumber() ? e.getValue().asLong()
                                : e.getValue().asText()));
                rejects.add(new Reject(node.path("table").asText(), key,
                        node.hasNonNull("rowid") ? node.get("rowid").asLong() : null,
                        node.path("column").asText(null), node.path("value").asText(null),
                        node.path("reason").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return rejects;
    }
}
