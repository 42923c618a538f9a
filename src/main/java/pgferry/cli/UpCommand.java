package pgferry.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import pgferry.services.LocalService;

@Command(name = "up", description = {
        "Start the local PostgreSQL from the embedded binaries (settings: services/postgres.json, data: .postgres-data).",
        "Returns once it accepts connections and leaves it running in the background; prints DATABASE_URL."})
final class UpCommand implements Callable<Integer> {
    @Mixin ServiceOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LocalService service = new LocalService(options.settings());
        if (!service.status().running() && pgferry.services.PostgresBinaries.needsUnpacking()) {
            out.println("unpacking the embedded PostgreSQL binaries (first run on this machine)...");
            out.flush();
        }
        LocalService.Started started = service.up();
        String where = started.settings().host() + ":" + started.settings().port();
        if (started.alreadyRunning()) {
            out.println("PostgreSQL is already running on " + where + " (data: " + started.settings().dataDir() + ")");
        } else {
            out.println("PostgreSQL " + started.postgresVersion() + " is running on " + where
                    + (started.createdCluster() ? " (new cluster in " : " (data: ") + started.settings().dataDir() + ")");
        }
        out.println("DATABASE_URL=" + started.databaseUrl());
        out.println("stop it with: pgferry down");
        return 0;
    }
}
