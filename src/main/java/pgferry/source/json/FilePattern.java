package pgferry.source.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A file name pattern relative to the store directory: {@code trades/paper_trades.json}, or with captures
 * {@code history/signals_archive_{month}.json} (a capture matches within one path segment and its text
 * becomes a column value), and {@code *} for any characters within a segment.
 */
public final class FilePattern {

    /** A file that matched, with its captured values. */
    public record Match(Path file, String relative, Map<String, String> captures) {
    }

    private static final Pattern CAPTURE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String text;
    private final Pattern regex;
    private final List<String> names = new ArrayList<>();

    public FilePattern(String text) {
        this.text = text;
        StringBuilder r = new StringBuilder();
        int i = 0;
        Matcher m = CAPTURE.matcher(text);
        while (m.find()) {
            r.append(literal(text.substring(i, m.start())));
            r.append("(?<").append(m.group(1)).append(">[^/]+?)");
            names.add(m.group(1));
            i = m.end();
        }
        r.append(literal(text.substring(i)));
        this.regex = Pattern.compile(r.toString());
    }

    private static String literal(String s) {
        StringBuilder b = new StringBuilder();
        for (String part : s.split("\\*", -1)) {
            if (b.length() > 0 || s.startsWith("*")) {
                b.append("[^/]*");
            }
            if (!part.isEmpty()) {
                b.append(Pattern.quote(part));
            }
        }
        return s.equals("*") ? "[^/]*" : b.toString();
    }

    public String text() {
        return text;
    }

    public boolean hasCaptures() {
        return !names.isEmpty();
    }

    /** The captures of a relative path ("a/b.json"), or null when it does not match. */
    public Map<String, String> match(String relative) {
        Matcher m = regex.matcher(relative);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(n, m.group(n));
        }
        return out;
    }

    /** The file name for captured values (export-json). */
    public String fill(Map<String, String> captures) {
        String out = text;
        for (Map.Entry<String, String> e : captures.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    /** The matching files under {@code dir}, sorted by relative path. */
    public List<Match> files(Path dir) {
        List<Match> out = new ArrayList<>();
        for (String rel : relativeFiles(dir)) {
            Map<String, String> c = match(rel);
            if (c != null) {
                out.add(new Match(dir.resolve(rel), rel, c));
            }
        }
        return out;
    }

    /** Every regular file under {@code dir}, as sorted relative paths with '/' separators. */
    public static List<String> relativeFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
