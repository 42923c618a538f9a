package pgferry.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import pgferry.UserError;
import pgferry.report.ConsistencyReport;
import pgferry.report.MigrationReport;
import pgferry.source.json.JsonStore;
import pgferry.store.Consistency;
import pgferry.store.ConsistencyResult;

/** {@code pgferry consistency json:DIR --mapping FILE [TARGET]}: every difference between a JSON store and PostgreSQL. */
@Command(name = "consistency", mixinStandardHelpOptions = true,
        description = "List every difference between a JSON-file store and PostgreSQL, per mapped table: rows only in the "
                + "JSON files, rows only in PostgreSQL, rows whose values differ (numbers as exact decimals, times by instant, "
                + "JSON by JSON equality). Writes nothing. Exit status 0 when both hold the same rows, 1 on any difference, "
                + "2 on a usage error.")
public final class ConsistencyCommand implements Callable<Integer> {

    /** Exit status when the store and PostgreSQL differ. */
    public static final int EXIT_DIFFERENT = 1;

    @Parameters(index = "0", paramLabel = "json:DIR", description = "The JSON-file store (with --mapping FILE).")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TARGET",
            description = "postgresql://user@host:port/db (default: the local service from services/postgres.json).")
    String target;

    @Mixin
    PlanningOptions planning;

    @Option(names = "--workers", defaultValue = "2", description = "Tables compared in parallel (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--max-diffs", defaultValue = "0", paramLabel = "N",
            description = "Differing rows listed per table at most (default: ${DEFAULT-VALUE} = every one).")
    int maxDiffs;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the result as JSON.")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!JsonSources.isJson(source)) {
            throw new UserError("consistency compares a JSON-file store: give json:DIR --mapping FILE (got " + source + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        JsonStore store = JsonSources.open(source, planning.mapping);
        ConsistencyResult result = Consistency.check(store, Endpoints.target(target), planning.planOptions(false),
                planning.schema, workers, maxDiffs);
        ConsistencyReport.print(result, out);
        if (report != null) {
            MigrationReport.writeJson(ConsistencyReport.json(result), report);
        }
        return result.consistent() ? 0 : EXIT_DIFFERENT;
    }
}
