package pgferry.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pgferry.UserError;

/** A SQL script (schema for the SQLite side of a parity test), split into statements and run in order. */
public final class SqlScript {

    private SqlScript() {
    }

    /** Reads {@code classpath:path} or a file path. */
    public static String read(String location) {
        if (location.startsWith("classpath:")) {
            String path = location.substring("classpath:".length());
            path = path.startsWith("/") ? path.substring(1) : path;
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (InputStream in = (loader != null ? loader : SqlScript.class.getClassLoader()).getResourceAsStream(path)) {
                if (in == null) {
                    throw new UserError(location + ": no such resource on the test classpath; check sqliteSchema");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path file = Path.of(location.startsWith("file:") ? location.substring(5) : location);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UserError(location + ": cannot read (" + e.getMessage() + "); check sqliteSchema");
        }
    }

    /** Runs every statement of the script at {@code location}; the error names the statement that failed. */
    public static void run(Connection c, String location) throws SQLException {
        List<String> statements = split(read(location));
        try (Statement st = c.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                try {
                    st.execute(statements.get(i));
                } catch (SQLException e) {
                    throw new SQLException(location + ", statement " + (i + 1) + " failed: " + e.getMessage()
                            + " [" + statements.get(i).lines().findFirst().orElse("") + "]", e.getSQLState(), e);
                }
            }
        }
    }

    /**
     * Splits at semicolons outside quotes, comments and trigger bodies ({@code CREATE TRIGGER ... BEGIN ... END;}).
     */
    public static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int n = script.length();
        int depth = 0;
        for (int i = 0; i < n; i++) {
            char ch = script.charAt(i);
            if (ch == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end;
                current.append('\n');
                continue;
            }
            if (ch == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
                current.append(' ');
                continue;
            }
            if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') {
                char close = ch == '[' ? ']' : ch;
                int j = i + 1;
                while (j < n) {
                    if (script.charAt(j) == close) {
                        if (close != ']' && j + 1 < n && script.charAt(j + 1) == close) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                current.append(script, i, Math.min(j + 1, n));
                i = j;
                continue;
            }
            if (Character.isLetter(ch) && (i == 0 || !Character.isLetterOrDigit(script.charAt(i - 1)))) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(script.charAt(j)) || script.charAt(j) == '_')) {
                    j++;
                }
                String word = script.substring(i, j).toUpperCase(Locale.ROOT);
                if (word.equals("BEGIN") && current.toString().toUpperCase(Locale.ROOT).contains("TRIGGER")) {
                    depth++;
                } else if (word.equals("CASE") && depth > 0) {
                    depth++;
                } else if (word.equals("END") && depth > 0) {
                    depth--;
                }
                current.append(script, i, j);
                i = j - 1;
                continue;
            }
            if (ch == ';' && depth == 0) {
                String s = current.toString().strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
                current.setLength(0);
                continue;
            }
            current.append(ch);
        }
        String s = current.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        return out;
    }
}
