package pgferry.source.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pgferry.source.SourceReadException;

/**
 * Streams the records of one JSON file with Jackson's streaming parser: the elements of the top-level
 * array, of an array at a path inside a wrapper object ({"signals": [...]}), or the one object of a
 * single-object file. Only the current record is in memory (plus the wrapper's own small fields before
 * the array, for "root" columns). A file that cannot be read as a whole (malformed, truncated, empty,
 * wrong shape) is a {@link SourceReadException} naming the file, line and column.
 */
final class RecordStream implements AutoCloseable {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** One record: its value, the line it starts on, the first duplicate key inside it (or null). */
    record Record(Object value, long line, JsonTree.Duplicate duplicate) {
    }

    private final Path file;
    private final String display;
    private final List<String> path;
    private final boolean single;
    private final JsonParser parser;
    private final Map<String, Object> wrapper = new LinkedHashMap<>();
    private boolean inArray;
    private boolean done;
    private boolean singleGiven;

    RecordStream(Path file, String display, String recordsPath, boolean single) {
        this.file = file;
        this.display = display;
        this.path = JsonTree.path(recordsPath);
        this.single = single;
        try {
            if (Files.size(file) == 0) {
                throw new SourceReadException("file " + display + " is empty (0 bytes): expected "
                        + expected() + "; restore it from a backup (or write " + (single ? "the object" : "[]")
                        + " for no records)");
            }
            InputStream in = Files.newInputStream(file);
            this.parser = FACTORY.createParser(in);
        } catch (IOException e) {
            throw new SourceReadException("cannot read file " + display + ": " + e.getMessage());
        }
    }

    private String expected() {
        String where = path.isEmpty() ? "at the top level" : "at \"" + String.join(".", path) + "\" inside a top-level object";
        return (single ? "one JSON object " : "a JSON array of records ") + where;
    }

    /** Fields of the wrapper object read so far (those before the records array). */
    Map<String, Object> wrapper() {
        return wrapper;
    }

    /** The next record, or null at the end of the file. */
    Record next() {
        try {
            return advance();
        } catch (JsonEOFException e) {
            throw new SourceReadException("file " + display + " is truncated" + at(e.getLocation())
                    + " (the JSON ends inside " + (inArray ? "the records array" : "a value")
                    + "): restore it from a backup");
        } catch (StreamReadException e) {
            throw new SourceReadException("file " + display + " is not valid JSON" + at(e.getLocation()) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("").replaceAll("\\s+", " ")
                    + "; fix the file or restore it from a backup");
        } catch (IOException e) {
            throw new SourceReadException("cannot read file " + display + ": " + e.getMessage());
        }
    }

    private static String at(JsonLocation l) {
        return l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }

    private Record advance() throws IOException {
        if (done) {
            return null;
        }
        if (!inArray && !singleGiven) {
            JsonToken t = parser.nextToken();
            if (t == null) {
                throw new SourceReadException("file " + display + " holds no JSON value (only whitespace): expected "
                        + expected() + "; restore it from a backup");
            }
            descend(t, 0);
            if (single) {
                singleGiven = true;
                return readRecord();
            }
            inArray = true;
        }
        if (single) {
            finish();
            return null;
        }
        JsonToken t = parser.nextToken();
        if (t == JsonToken.END_ARRAY) {
            inArray = false;
            finish();
            return null;
        }
        if (t == null) {
            throw new JsonEOFException(parser, null, "end of input");
        }
        return readRecord();
    }

    private Record readRecord() throws IOException {
        long line = parser.currentTokenLocation().getLineNr();
        JsonTree.Duplicate[] dup = new JsonTree.Duplicate[1];
        Object v = JsonTree.read(parser, dup);
        return new Record(v, line, dup[0]);
    }

    /** From the token {@code t} at path depth {@code depth}, walks to the records (array, or object when single). */
    private void descend(JsonToken t, int depth) throws IOException {
        if (depth == path.size()) {
            JsonToken want = single ? JsonToken.START_OBJECT : JsonToken.START_ARRAY;
            if (t != want) {
                JsonLocation l = parser.currentTokenLocation();
                String found = describe(t);
                String hint = !single && t == JsonToken.START_OBJECT
                        ? " (if the records are in an array inside it, set \"records\" to that field, e.g. \"signals\"; "
                        + "if the file is one record, set \"single\": true)"
                        : single && t == JsonToken.START_ARRAY ? " (for an array of records drop \"single\")" : "";
                throw new SourceReadException("file " + display + at(l) + ": expected " + expected() + ", found "
                        + found + hint);
            }
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            throw new SourceReadException("file " + display + at(parser.currentTokenLocation()) + ": expected "
                    + expected() + ", found " + describe(t));
        }
        String step = path.get(depth);
        while (true) {
            JsonToken n = parser.nextToken();
            if (n != JsonToken.FIELD_NAME) {
                throw new SourceReadException("file " + display + ": the top-level object has no field \""
                        + String.join(".", path.subList(0, depth + 1)) + "\": expected " + expected()
                        + "; check \"records\" in the mapping");
            }
            String name = parser.currentName();
            long line = parser.currentLocation().getLineNr();
            JsonToken v = parser.nextToken();
            if (name.equals(step)) {
                descend(v, depth + 1);
                return;
            }
            if (depth == 0) {
                putWrapper(name, line);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** After the records: reads the rest of the wrapper and checks that nothing follows the JSON value. */
    private void finish() throws IOException {
        done = true;
        // close the enclosing objects of the path, keeping the wrapper's later fields
        for (int depth = path.size() - 1; depth >= 0; depth--) {
            JsonToken n;
            while ((n = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                long line = parser.currentLocation().getLineNr();
                parser.nextToken();
                if (name.equals(path.get(depth))) {
                    throw duplicate(name, depth, line);
                }
                if (depth == 0) {
                    putWrapper(name, line);
                } else {
                    parser.skipChildren();
                }
            }
            if (n == null) {
                throw new JsonEOFException(parser, null, "end of input");
            }
        }
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw new SourceReadException("file " + display + at(parser.currentTokenLocation())
                    + ": more JSON after the end of the top-level value; fix the file (two documents concatenated?)");
        }
    }

    /** Reads a field of the top-level object (not the records) into {@link #wrapper}; a repeated key fails the file. */
    private void putWrapper(String name, long line) throws IOException {
        JsonTree.Duplicate[] dup = new JsonTree.Duplicate[1];
        Object value = JsonTree.read(parser, dup);
        if (wrapper.containsKey(name)) {
            throw duplicate(name, 0, line);
        }
        if (dup[0] != null) {
            JsonTree.Duplicate d = dup[0];
            throw new SourceReadException("file " + display + ": duplicate key \"" + d.key() + "\" in \"" + name
                    + (d.path().isEmpty() ? "" : "." + d.path()) + "\" of the top-level object (line " + d.line()
                    + "): a JSON object must not repeat a key (one of the values would be lost); fix the file");
        }
        wrapper.put(name, value);
    }

    private SourceReadException duplicate(String name, int depth, long line) {
        String in = depth == 0 ? "the top-level object" : "\"" + String.join(".", path.subList(0, depth)) + "\"";
        return new SourceReadException("file " + display + ": duplicate key \"" + name + "\" in " + in + " (line " + line
                + "): a JSON object must not repeat a key (one of the values would be lost); fix the file");
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
