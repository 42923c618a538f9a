package pgferry.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import pgferry.UserError;

/**
 * What to migrate from, as written on the command line:
 * <pre>
 *   sqlite:PATH              a SQLite database file (also sqlite:///relative.db, sqlite:////abs.db as SQLAlchemy writes them)
 *   PATH.db | .sqlite | .sqlite3
 *   PATH                     any existing file that starts with the SQLite header "SQLite format 3\0"
 *   json:DIR                 a JSON-file store (a directory, or one .json file)
 * </pre>
 * The file must exist; a SQLite source must carry the SQLite header (an empty file is an empty
 * SQLite database, as SQLite itself treats it).
 *
 * @param kind what reads it
 * @param path the file or directory, absolute and normalized
 */
public record SourceLocation(Kind kind, Path path) {

    public enum Kind { SQLITE, JSON }

    /** The 16 bytes every SQLite 3 database file starts with. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    public SourceLocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }

    /** Reads a source argument; relative paths are taken from the working directory. */
    public static SourceLocation parse(String argument) {
        return parse(argument, Path.of("").toAbsolutePath());
    }

    /** Reads a source argument; relative paths are taken from {@code base}. */
    public static SourceLocation parse(String argument, Path base) {
        if (argument == null || argument.isBlank()) {
            throw new UserError("source is empty; give sqlite:PATH, a .db/.sqlite file, or json:DIR");
        }
        String arg = argument.strip();
        String lower = arg.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgres:") || lower.startsWith("postgresql:") || lower.startsWith("jdbc:")) {
            throw new UserError("source " + Secrets.mask(arg) + " is a database URL; a source is sqlite:PATH, a .db/.sqlite file, or json:DIR (PostgreSQL is the target)");
        }
        if (lower.startsWith("sqlite:")) {
            String rest = arg.substring("sqlite:".length());
            if (rest.startsWith("///")) {
                rest = rest.substring(3); // sqlite:///relative.db, sqlite:////absolute.db
            } else if (rest.startsWith("//")) {
                rest = rest.substring(2);
            }
            if (rest.isEmpty() || rest.equals(":memory:")) {
                throw new UserError("source " + arg + " names no file; write sqlite:PATH/TO/FILE.db");
            }
            return sqlite(arg, resolve(base, rest));
        }
        if (lower.startsWith("json:")) {
            String rest = arg.substring("json:".length());
            if (rest.isEmpty()) {
                throw new UserError("source " + arg + " names no directory; write json:PATH/TO/STORE");
            }
            Path dir = resolve(base, rest);
            if (!Files.exists(dir)) {
                throw new UserError("source " + arg + ": " + dir + " does not exist; check the path of the JSON store");
            }
            if (!Files.isReadable(dir)) {
                throw new UserError("source " + arg + ": " + dir + " cannot be read; check its permissions");
            }
            if (Files.isRegularFile(dir) && !dir.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                throw new UserError("source " + arg + ": " + dir + " is a file but not .json; json: takes a directory of JSON files or one .json file");
            }
            return new SourceLocation(Kind.JSON, dir);
        }
        Path path = resolve(base, arg);
        if (!Files.exists(path)) {
            throw new UserError("source " + arg + " does not exist (looked for " + path + "); check the path");
        }
        if (Files.isDirectory(path)) {
            throw new UserError("source " + arg + " is a directory; for a JSON-file store write json:" + arg);
        }
        if (hasSqliteExtension(lower)) {
            return sqlite(arg, path);
        }
        if (startsWithSqliteHeader(path, arg)) {
            return new SourceLocation(Kind.SQLITE, path);
        }
        throw new UserError("source " + arg + " is not a SQLite database (no \"SQLite format 3\" header);"
                + " give a SQLite file, or json:DIR for JSON files");
    }

    private static SourceLocation sqlite(String arg, Path path) {
        if (!Files.exists(path)) {
            throw new UserError("source " + arg + " does not exist (looked for " + path + "); check the path");
        }
        if (Files.isDirectory(path)) {
            throw new UserError("source " + arg + " is a directory, not a SQLite file; for a JSON-file store write json:DIR");
        }
        if (!startsWithSqliteHeader(path, arg)) {
            throw new UserError("source " + arg + " is not a SQLite database (no \"SQLite format 3\" header at the start of "
                    + path + "); check that it is the right file");
        }
        return new SourceLocation(Kind.SQLITE, path);
    }

    private static boolean hasSqliteExtension(String lower) {
        return lower.endsWith(".db") || lower.endsWith(".sqlite") || lower.endsWith(".sqlite3");
    }

    /** True for a file that begins with the SQLite header, or an empty file (an empty SQLite database). */
    private static boolean startsWithSqliteHeader(Path path, String arg) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            return head.length == 0 || Arrays.equals(head, SQLITE_HEADER);
        } catch (IOException e) {
            throw new UserError("source " + arg + " cannot be read (" + e.getClass().getSimpleName() + "); check its permissions");
        }
    }

    private static Path resolve(Path base, String path) {
        String expanded = path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
        return base.resolve(expanded).toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        return (kind == Kind.SQLITE ? "sqlite:" : "json:") + path;
    }
}
