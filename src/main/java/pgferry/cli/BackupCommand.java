package pgferry.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import pgferry.backup.Backups;
import pgferry.config.DatabaseUrl;
import pgferry.config.Targets;

@Command(name = "backup", description = "Back a database up with pg_dump (custom format), the password passed as PGPASSWORD.")
final class BackupCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
            description = "postgresql://user@host:port/database (default: $DATABASE_URL, else the local service).")
    String target;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Backup file to write, e.g. backups/prescient.dump.")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        DatabaseUrl db = Targets.resolve(target, System.getenv());
        Backups.BackupResult r = new Backups(System.getenv()).backup(db, out);
        spec.commandLine().getOut().printf("backed up %s (PostgreSQL %s) to %s: %,d bytes in %.1f s with pg_dump %s%n",
                db, r.serverVersion(), r.file(), r.bytes(), (System.nanoTime() - start) / 1e9, r.toolVersion());
        return 0;
    }
}
