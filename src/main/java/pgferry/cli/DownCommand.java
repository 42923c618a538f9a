package pgferry.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import pgferry.services.LocalService;

@Command(name = "down", description = "Stop the local PostgreSQL started by 'pgferry up' (its data stays in .postgres-data).")
final class DownCommand implements Callable<Integer> {
    @Mixin ServiceOptions options;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LocalService service = new LocalService(options.settings());
        if (service.down()) {
            out.println("stopped PostgreSQL (data kept in " + service.settings().dataDir() + ")");
        } else {
            out.println("not running (nothing to stop)");
        }
        return 0;
    }
}
