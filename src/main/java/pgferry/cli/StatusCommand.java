package pgferry.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import pgferry.services.LocalService;

@Command(name = "status", description = "Say whether the local PostgreSQL runs, and where. Exit 0 when running, 3 when not.")
final class StatusCommand implements Callable<Integer> {
    /** pg_ctl's own status code for "not running". */
    static final int EXIT_NOT_RUNNING = 3;

    @Mixin ServiceOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LocalService.Status status = new LocalService(options.settings()).status();
        if (status.running()) {
            out.println("running: pid " + status.pid().orElseThrow() + " on " + status.settings().host() + ":"
                    + status.port() + ", data " + status.settings().dataDir());
            out.println("DATABASE_URL=" + status.databaseUrl());
            return 0;
        }
        out.println("not running (data " + status.settings().dataDir()
                + (status.initialized() ? ", initialized" : ", not created yet") + "); start it with: pgferry up");
        return EXIT_NOT_RUNNING;
    }
}
