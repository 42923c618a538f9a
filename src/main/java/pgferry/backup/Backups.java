package pgferry.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import pgferry.UserError;
import pgferry.config.DatabaseUrl;
import pgferry.store.SqlText;

/**
 * {@code pg_dump --format=custom} backups and {@code pg_restore} restores of one database. The password
 * goes to the programs as {@code PGPASSWORD} in their environment, never on their command line (where
 * any user of the machine could read it in the process list).
 */
public final class Backups {

    private static final byte[] CUSTOM_MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, String> env;

    /** @param env the environment to find the programs in (PATH, PGFERRY_PG_BIN) and to pass on to them */
    public Backups(Map<String, String> env) {
        this.env = env;
    }

    /** What a backup made. */
    public record BackupResult(Path file, long bytes, String serverVersion, String toolVersion) {
    }

    /** What a restore did. */
    public record RestoreResult(int relations, String toolVersion) {
    }

    /** A program to run: its arguments (no secret in them) and the environment added for it. */
    public record Invocation(List<String> command, Map<String, String> environment) {
    }

    /**
     * Dumps {@code target} to {@code out} in pg_dump's custom format. The dump goes to a temporary file
     * beside {@code out} that is renamed into place only when pg_dump succeeded.
     */
    public BackupResult backup(DatabaseUrl target, Path out) {
        PgClientTool pgDump = PgClientTool.locate("pg_dump", env);
        ServerVersion server = serverVersion(target);
        if (server.major() > pgDump.major()) {
            throw new UserError("pg_dump " + pgDump.version() + " (" + pgDump.path() + ") cannot dump PostgreSQL "
                    + server.text() + " at " + target + ": pg_dump must be as new as the server; install the version "
                    + server.major() + " client (Debian/Ubuntu: apt-get install postgresql-client-" + server.major()
                    + ") and put it first on PATH or set " + PgClientTool.BIN_ENV + " to its bin folder");
        }
        Path file = out.toAbsolutePath().normalize();
        Path tmp;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".partial");
        } catch (IOException e) {
            throw new UserError("cannot write in " + file.getParent() + ": " + e.getMessage());
        }
        try {
            run(dumpInvocation(pgDump, target, tmp), "pg_dump of " + target);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new BackupResult(file, Files.size(file), server.text(), pgDump.version());
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover .partial file is harmless and visibly named
            }
        }
    }

    /**
     * Restores a custom-format backup into {@code target}, in one transaction (a failure leaves the
     * database as it was). The database must hold no tables, views or sequences unless {@code clean},
     * which drops the backup's objects before recreating them.
     */
    public RestoreResult restore(Path backup, DatabaseUrl target, boolean clean, boolean noOwner) {
        Path file = backup.toAbsolutePath().normalize();
        requireCustomFormat(file);
        PgClientTool pgRestore = PgClientTool.locate("pg_restore", env);
        List<String> existing = userRelations(target);
        if (!existing.isEmpty() && !clean) {
            throw new UserError(target + " is not empty (" + existing.size() + " tables, views or sequences, e.g. "
                    + existing.get(0) + "); restore into an empty database (createdb NAME), or pass --clean to drop and"
                    + " recreate the objects the backup holds");
        }
        run(restoreInvocation(pgRestore, target, file, clean, noOwner), "pg_restore into " + target);
        return new RestoreResult(userRelations(target).size(), pgRestore.version());
    }

    /** The pg_dump command line and environment; public so that tests can check no secret is on the line. */
    public static Invocation dumpInvocation(PgClientTool pgDump, DatabaseUrl target, Path out) {
        List<String> cmd = new ArrayList<>(List.of(pgDump.path().toString(), "--format=custom", "--file=" + out,
                "--host=" + target.host(), "--port=" + target.port(), "--no-password",
                "--dbname=" + target.database()));
        target.user().ifPresent(u -> cmd.add(cmd.size() - 1, "--username=" + u));
        return new Invocation(cmd, target.libpqEnvironment());
    }

    public static Invocation restoreInvocation(PgClientTool pgRestore, DatabaseUrl target, Path file, boolean clean,
                                               boolean noOwner) {
        List<String> cmd = new ArrayList<>(List.of(pgRestore.path().toString(), "--host=" + target.host(),
                "--port=" + target.port(), "--no-password",
                "--dbname=" + target.database(), "--single-transaction", "--exit-on-error"));
        target.user().ifPresent(u -> cmd.add(3, "--username=" + u));
        if (clean) {
            cmd.add("--clean");
            cmd.add("--if-exists");
        }
        if (noOwner) {
            cmd.add("--no-owner");
            cmd.add("--no-privileges");
        }
        cmd.add(file.toString());
        return new Invocation(cmd, target.libpqEnvironment());
    }

    /** Names ({@code schema.name}) of the tables, views and sequences of the database. */
    public static List<String> userRelations(DatabaseUrl target) {
        List<String> names = new ArrayList<>();
        try (Connection c = target.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SqlText.load("pgferry/backup/user_relations.sql"))) {
            while (rs.next()) {
                names.add(rs.getString(1) + "." + rs.getString(2));
            }
        } catch (SQLException e) {
            throw cannotConnect(target, e);
        }
        return names;
    }

    record ServerVersion(int major, String text) {
    }

    static ServerVersion serverVersion(DatabaseUrl target) {
        try (Connection c = target.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SqlText.load("pgferry/backup/server_version.sql"))) {
            rs.next();
            return new ServerVersion(rs.getInt(1) / 10000, rs.getString(2).split(" ")[0]);
        } catch (SQLException e) {
            throw cannotConnect(target, e);
        }
    }

    private static UserError cannotConnect(DatabaseUrl target, SQLException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new UserError("cannot connect to " + target + ": " + reason + "; check the URL and that the server runs");
    }

    private static void requireCustomFormat(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + " does not exist; give the file written by pgferry backup --out");
        }
        byte[] head = new byte[CUSTOM_MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n < head.length || !java.util.Arrays.equals(head, CUSTOM_MAGIC)) {
                throw new UserError(file + " is not a pg_dump custom-format backup (it does not start with PGDMP);"
                        + " a plain .sql dump is restored with psql -f FILE");
            }
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }

    private void run(Invocation inv, String what) {
        ProcessBuilder pb = new ProcessBuilder(inv.command()).redirectErrorStream(true);
        pb.environment().remove("PGPASSWORD");
        pb.environment().putAll(inv.environment());
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(1, TimeUnit.HOURS);
            if (p.exitValue() != 0) {
                String last = out.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse("no output");
                throw new UserError(what + " failed (exit " + p.exitValue() + "): " + last);
            }
        } catch (IOException e) {
            throw new UserError("cannot run " + inv.command().get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(what + " was interrupted");
        }
    }
}
