package pgferry.bench.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pgferry.bench.Answer;

/**
 * Bots kept as a JSON file, scanned for "uses indicator X": {@link #whole} parses the file into trees and filters;
 * {@link #streaming} reads only each record's id and payload. Either way every payload is examined.
 */
public final class JsonBots implements BotStore {
    private final Path file;
    private final boolean streaming;

    private JsonBots(Path file, boolean streaming) {
        this.file = file;
        this.streaming = streaming;
    }

    public static JsonBots whole(Path file) {
        return new JsonBots(file, false);
    }

    public static JsonBots streaming(Path file) {
        return new JsonBots(file, true);
    }

    /** Does the payload have a condition whose text is {@code indicator} (what {@code payload @> {"conditions":[{"text":X}]}} asks)? */
    public static boolean uses(JsonNode payload, String indicator) {
        if (payload == null || !payload.isObject()) {
            return false;
        }
        JsonNode conditions = payload.get("conditions");
        if (conditions == null || !conditions.isArray()) {
            return false;
        }
        for (JsonNode c : conditions) {
            JsonNode t = c.get("text");
            if (t != null && t.isTextual() && t.textValue().equals(indicator)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Answer botsUsing(String indicator) {
        List<String> ids = new ArrayList<>();
        if (streaming) {
            try (JsonParser p = JsonFiles.openArray(file)) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String id = null;
                    JsonNode payload = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        JsonToken v = p.nextToken();
                        if (f.equals("id")) {
                            id = p.getText();
                        } else if (f.equals("payload")) {
                            payload = JsonFiles.MAPPER.readTree(p);
                        } else if (v.isStructStart()) {
                            p.skipChildren();
                        }
                    }
                    if (uses(payload, indicator)) {
                        ids.add(id);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        } else {
            for (JsonNode b : JsonFiles.readWhole(file)) {
                if (uses(b.get("payload"), indicator)) {
                    ids.add(b.path("id").asText());
                }
            }
        }
        ids.sort(null);
        List<List<Object>> rows = new ArrayList<>(ids.size());
        for (String id : ids) {
            rows.add(List.of(id));
        }
        return Answer.of(rows);
    }

    @Override
    public void close() {
    }
}
