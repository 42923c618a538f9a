package pgferry.bench.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Jackson set up as pgferry reads JSON: numbers with a fraction as BigDecimal, never through double. */
public final class JsonFiles {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private JsonFiles() {
    }

    /** The whole file as one tree, as {@code json.load(f)} / {@code JSON.parse(fs.readFileSync(f))} did. */
    public static JsonNode readWhole(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** One JSON text as a tree (numbers with a fraction as BigDecimal). */
    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + json, e);
        }
    }

    /** A streaming parser positioned on the top-level array's START_ARRAY. */
    public static JsonParser openArray(Path file) {
        try {
            JsonParser p = MAPPER.createParser(file.toFile());
            if (p.nextToken() != JsonToken.START_ARRAY) {
                p.close();
                throw new IllegalStateException(file + " is not a JSON array");
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Skips the rest of the object the parser is inside (after a field's value). */
    public static void skipRestOfObject(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            if (t == JsonToken.FIELD_NAME) {
                p.nextToken();
                p.skipChildren();
            }
        }
    }

    /** The current scalar value as text, or null. */
    public static String text(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
    }
}
