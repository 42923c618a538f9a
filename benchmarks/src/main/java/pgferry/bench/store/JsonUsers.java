package pgferry.bench.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import pgferry.bench.Answer;
import pgferry.bench.data.Times;

/**
 * metagauge's users.json, two ways: {@link #whole} as the app did it ({@code const users = await UserStorage.findAll();
 * users.find(u => u.email === email)}: parse the whole file, then search), and {@link #streaming}, which stops at the
 * match and skips the other records' fields unread.
 */
public final class JsonUsers implements UserStore {
    private final Path file;
    private final boolean streaming;

    private JsonUsers(Path file, boolean streaming) {
        this.file = file;
        this.streaming = streaming;
    }

    public static JsonUsers whole(Path file) {
        return new JsonUsers(file, false);
    }

    public static JsonUsers streaming(Path file) {
        return new JsonUsers(file, true);
    }

    public static Answer answer(JsonNode u) {
        return Answer.row(u.path("id").asText(), u.path("email").asText(), u.path("name").isNull() ? null : u.path("name").asText(),
                u.path("tier").asText(), Times.parse(u.path("createdAt").asText()));
    }

    @Override
    public Answer userByEmail(String email) {
        return streaming ? stream(email) : whole(email);
    }

    private Answer whole(String email) {
        for (JsonNode u : JsonFiles.readWhole(file)) {
            if (email.equals(u.path("email").asText())) {
                return answer(u);
            }
        }
        return Answer.empty();
    }

    private Answer stream(String email) {
        try (JsonParser p = JsonFiles.openArray(file)) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
                ObjectNode seen = JsonFiles.MAPPER.createObjectNode();
                boolean skipped = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    p.nextToken();
                    if (f.equals("email") && !email.equals(p.getText())) {
                        JsonFiles.skipRestOfObject(p);
                        skipped = true;
                        break;
                    }
                    seen.set(f, JsonFiles.MAPPER.readTree(p));
                }
                if (!skipped && email.equals(seen.path("email").asText())) {
                    return answer(seen);
                }
            }
            return Answer.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void close() {
    }
}
