package pgferry.backup;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pgferry.UserError;

/**
 * A PostgreSQL client program ({@code pg_dump}, {@code pg_restore}) found in {@code $PGFERRY_PG_BIN} or
 * on {@code PATH}, with its major version.
 */
public record PgClientTool(String name, Path path, int major, String version) {

    /** Folder searched before PATH, e.g. {@code /usr/lib/postgresql/17/bin}. */
    public static final String BIN_ENV = "PGFERRY_PG_BIN";

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+((\\d+)(\\.\\d+)?)");

    /** Finds {@code name}; a {@link UserError} saying how to install it when it is nowhere. */
    public static PgClientTool locate(String name, Map<String, String> env) {
        Path found = find(name, env).orElseThrow(() -> new UserError(name + " was not found (looked in " + BIN_ENV
                + " and PATH); install the PostgreSQL client programs (Debian/Ubuntu: apt-get install postgresql-client,"
                + " macOS: brew install libpq) or set " + BIN_ENV + " to the folder holding " + name));
        String out = run(found, "--version");
        Matcher m = VERSION.matcher(out);
        if (!m.find()) {
            throw new UserError(found + " --version printed '" + out.strip() + "', not a PostgreSQL version; point "
                    + BIN_ENV + " at a PostgreSQL bin folder");
        }
        return new PgClientTool(name, found, Integer.parseInt(m.group(2)), m.group(1));
    }

    static Optional<Path> find(String name, Map<String, String> env) {
        String bin = env.get(BIN_ENV);
        if (bin != null && !bin.isBlank()) {
            Path p = Path.of(bin, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String run(Path program, String arg) {
        try {
            Process p = new ProcessBuilder(program.toString(), arg).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            throw new UserError("cannot run " + program + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while running " + program);
        }
    }
}
