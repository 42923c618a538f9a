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

@Command(name = "restore", description = "Restore a pgferry backup (pg_dump custom format) with pg_restore, in one transaction.")
final class RestoreCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The backup file (from pgferry backup --out).")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TARGET",
            description = "postgresql://user@host:port/database, an empty database (default: $DATABASE_URL, else the local service).")
    String target;

    @Option(names = "--clean", description = "Drop the backup's objects in TARGET before recreating them (TARGET need not be empty).")
    boolean clean;

    @Option(names = "--no-owner", description = "Do not restore owners and privileges (TARGET's user owns everything).")
    boolean noOwner;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        DatabaseUrl db = Targets.resolve(target, System.getenv());
        Backups.RestoreResult r = new Backups(System.getenv()).restore(file, db, clean, noOwner);
        spec.commandLine().getOut().printf("restored %s into %s: %d tables, views and sequences in %.1f s with pg_restore %s%n",
                file, db, r.relations(), (System.nanoTime() - start) / 1e9, r.toolVersion());
        return 0;
    }
}
