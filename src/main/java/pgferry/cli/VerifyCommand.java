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
import pgferry.load.LoadPlan;
import pgferry.load.Target;
import pgferry.load.TargetColumnTypes;
import pgferry.plan.PlanOptions;
import pgferry.plan.MappingPlanner;
import pgferry.plan.Planner;
import pgferry.source.json.JsonStore;
import pgferry.report.MigrationReport;
import pgferry.report.VerifyReport;
import pgferry.source.sqlite.SqliteSource;
import pgferry.verify.Verifier;
import pgferry.verify.VerifyResult;

/** {@code pgferry verify SOURCE [TARGET]}: compares counts and checksums, lists differing rows; writes nothing. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Compare a SQLite file with its migrated PostgreSQL tables: row counts and checksums of canonical values, "
                + "narrowed to the differing rows. Writes nothing. Exit status 1 on any difference.")
public final class VerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "SQLite file (sqlite:PATH or PATH) or JSON-file store (json:DIR with --mapping FILE).")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TARGET",
            description = "postgresql://user@host:port/db (default: the local service from services/postgres.json).")
    String target;

    @Mixin
    PlanningOptions planning;

    @Option(names = "--workers", defaultValue = "2", description = "Tables compared in parallel (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--max-diffs", defaultValue = "20", description = "Differing rows listed per table (default: ${DEFAULT-VALUE}).")
    int maxDiffs;

    @Option(names = "--rejects", defaultValue = "rejects.jsonl", paramLabel = "FILE",
            description = "The migration's rejects file: its rows are left out of the comparison (default: ${DEFAULT-VALUE}).")
    Path rejects;

    @Option(names = "--sample-rows", defaultValue = "20000", paramLabel = "N", hidden = true,
            description = "Plan types from the first N rows of each table, checked against the target (0 = every row).")
    long sampleRows;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the result as JSON.")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (JsonSources.isJson(source)) {
            JsonStore store = JsonSources.open(source, planning.mapping);
            Target tgt = Endpoints.target(target);
            LoadPlan load = LoadPlan.of(MappingPlanner.plan(store, planning.planOptions(false)), planning.schema);
            VerifyResult result = new Verifier("json:" + store.dir(), store, tgt, workers, maxDiffs)
                    .run(load.tables(), rejects);
            return report(result, out);
        }
        Path file = Endpoints.source(source);
        Target tgt = Endpoints.target(target);
        LoadPlan load;
        PlanOptions planned = planning.planOptions();
        try (SqliteSource src = SqliteSource.open(file)) {
            // compare each value as the type the target column has (the user's --cast still wins)
            planned = planned.withCasts(TargetColumnTypes.implied(src.catalog(), tgt, planning.schema).and(planned.casts()));
            load = LoadPlan.of(Planner.plan(src, planned.withSampleRows(sampleRows)), planning.schema, src);
        }
        PlanOptions options = planned;
        java.util.function.Supplier<java.util.List<pgferry.load.TableLoad>> full = sampleRows <= 0 ? null : () -> {
            try (SqliteSource src = SqliteSource.open(file)) {
                return LoadPlan.of(Planner.plan(src, options), planning.schema, src).tables();
            }
        };
        try (java.sql.Connection probe = tgt.connect()) {
            probe.isValid(5);
        } catch (java.sql.SQLException e) {
            throw new pgferry.UserError("cannot reach " + tgt.display() + ": check the TARGET URL");
        }
        VerifyResult result = new Verifier(file, tgt, workers, maxDiffs).run(load.tables(), full, rejects);
        return report(result, out);
    }

    private int report(VerifyResult result, PrintWriter out) {
        VerifyReport.print(result, out);
        if (report != null) {
            MigrationReport.writeJson(VerifyReport.json(result), report);
        }
        return result.matched() ? 0 : 1;
    }
}
