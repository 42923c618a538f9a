package pgferry.bench.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Named SQL statements from a resource file: each starts at a line {@code -- name: NAME}. */
public final class SqlFile {
    private final String resource;
    private final String text;
    private final Map<String, String> statements = new LinkedHashMap<>();

    private SqlFile(String resource, String text) {
        this.resource = resource;
        this.text = text;
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("-- name: ")) {
                if (name != null) {
                    statements.put(name, body.toString().strip());
                }
                name = line.substring("-- name: ".length()).strip();
                body.setLength(0);
            } else if (!line.strip().startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        if (name != null) {
            statements.put(name, body.toString().strip());
        }
    }

    public static SqlFile load(String name) {
        String resource = "pgferry/bench/" + name;
        try (InputStream in = SqlFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new SqlFile(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole file as read (part of a fixture's key: a changed loader makes a new fixture). */
    public String text() {
        return text;
    }

    public String get(String name) {
        String s = statements.get(name);
        if (s == null) {
            throw new IllegalStateException(resource + " has no statement named " + name);
        }
        return s;
    }

    /** A script's statements (split on ';' at line ends). */
    public String[] script(String name) {
        return get(name).split(";\\s*\n");
    }
}
