package pgferry.bench.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** The records of a top-level JSON array, one tree at a time (for loading a store without holding the file). */
public final class JsonRecords {
    private JsonRecords() {
    }

    public static <T> Iterable<T> of(Path file, Function<JsonNode, T> map) {
        return () -> new Iterator<>() {
            private final JsonParser p = JsonFiles.openArray(file);
            private JsonToken next = advance();

            private JsonToken advance() {
                try {
                    JsonToken t = p.nextToken();
                    if (t != JsonToken.START_OBJECT) {
                        p.close();
                    }
                    return t;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }

            @Override
            public boolean hasNext() {
                return next == JsonToken.START_OBJECT;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    JsonNode n = JsonFiles.MAPPER.readTree(p);
                    next = advance();
                    return map.apply(n);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }
        };
    }
}
