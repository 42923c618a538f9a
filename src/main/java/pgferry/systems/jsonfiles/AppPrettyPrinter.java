package pgferry.systems.jsonfiles;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * Indents exactly as Python's {@code json.dump(x, f, indent=2)} and Node's {@code JSON.stringify(x, null, 2)}
 * do (the two agree): two spaces per level, one member or element per line, {@code "key": value}, a comma
 * at the end of the line, and {@code []} / {@code {}} for empty containers. One instance per generator.
 */
final class AppPrettyPrinter implements PrettyPrinter {

    private int level;

    private void newline(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
        for (int i = 0; i < level; i++) {
            g.writeRaw("  ");
        }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
        level++;
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        level--;
        if (entries > 0) {
            newline(g);
        }
        g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newline(g);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw('[');
        level++;
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        level--;
        if (values > 0) {
            newline(g);
        }
        g.writeRaw(']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(',');
        newline(g);
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
        newline(g);
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
        newline(g);
    }
}
