package pgferry.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import pgferry.UserError;
import pgferry.load.LoadPlan;
import pgferry.load.MigrationResult;
import pgferry.load.Migrator;
import pgferry.load.Target;
import pgferry.load.TargetColumnTypes;
import pgferry.plan.MigrationPlan;
import pgferry.plan.PlanOptions;
import pgferry.plan.MappingPlanner;
import pgferry.plan.Planner;
import pgferry.source.json.JsonStore;
import java.util.function.Supplier;
import pgferry.report.MigrationReport;
import pgferry.report.ProgressDisplay;
import pgferry.source.sqlite.SqliteSource;

/** {@code pgferry migrate SOURCE [TARGET]}: schema and data, constraints after the data, resumable. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Migrate a SQLite file into PostgreSQL: tables, data (COPY), then keys, checks, indexes, foreign keys. "
                + "Every source row is loaded or written to the rejects file. Re-running resumes.")
public final class MigrateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "SQLite file (sqlite:PATH or PATH) or JSON-file store (json:DIR with --mapping FILE).")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TARGET",
            description = "postgresql://user@host:port/db (default: the local service from services/postgres.json).")
    String target;

    @Mixin
    PlanningOptions planning;

    @Option(names = "--workers", defaultValue = "2", description = "Tables loaded in parallel (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--schema-only", description = "Create the tables only (no data, no constraints).")
    boolean schemaOnly;

    @Option(names = "--data-only", description = "Load into existing tables (e.g. your Flyway schema), matched by name.")
    boolean dataOnly;

    @Option(names = "--max-rejects", defaultValue = "0",
            description = "Rejected rows allowed before the exit status is 1 (default: ${DEFAULT-VALUE}).")
    long maxRejects;

    @Option(names = "--rejects", defaultValue = "rejects.jsonl", paramLabel = "FILE",
            description = "Where rejected rows go, one JSON line each (default: ${DEFAULT-VALUE}).")
    Path rejects;

    @Option(names = "--sample-rows", defaultValue = "20000", paramLabel = "N", hidden = true,
            description = "Plan types from the first N rows of each table, confirmed while loading (0 = read every row first).")
    long sampleRows;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the end-of-run report as JSON.")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (schemaOnly && dataOnly) {
            throw new UserError("--schema-only and --data-only exclude each other: choose one");
        }
        if (workers < 1) {
            throw new UserError("--workers must be at least 1");
        }
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        if (JsonSources.isJson(source)) {
            return migrateJson(started, out);
        }
        Path file = Endpoints.source(source);
        Target tgt = Endpoints.target(target);
        // a plan from the first rows of each table; the load confirms it or falls back to every row
        boolean sampled = !dataOnly && !schemaOnly && sampleRows > 0;
        PlanOptions planned = planning.planOptions().withSampleRows(sampled ? sampleRows : 0);
        LoadPlan load;
        MigrationPlan plan;
        try (SqliteSource src = SqliteSource.open(file)) {
            if (dataOnly) {
                // convert (and check) each value for the existing column's type; the user's --cast still wins
                planned = planned.withCasts(TargetColumnTypes.implied(src.catalog(), tgt, planning.schema).and(planned.casts()));
            }
            plan = Planner.plan(src, planned);
            load = LoadPlan.of(plan, planning.schema, src);
        }
        PlanOptions options = planned;
        Supplier<LoadPlan> full = !sampled ? null : () -> {
            try (SqliteSource src = SqliteSource.open(file)) {
                return LoadPlan.of(Planner.plan(src, options.withSampleRows(0)), planning.schema, src);
            }
        };
        String description = (schemaOnly ? "schema-only " : dataOnly ? "data-only " : "") + "workers=" + workers;
        Migrator migrator = new Migrator(file, tgt, new Migrator.Options(workers, dataOnly, schemaOnly, rejects, description, started),
                ProgressDisplay.forCurrentProcess());
        List<String> warnings = plan.warnings().stream().map(Object::toString).toList();
        MigrationResult result = migrator.run(load, full, warnings);
        return finish(result, out);
    }

    /** json:DIR --mapping FILE: the mapping's declared types, the same load, report and rejects. */
    private int migrateJson(long started, PrintWriter out) {
        JsonStore store = JsonSources.open(source, planning.mapping);
        Target tgt = Endpoints.target(target);
        MigrationPlan plan = MappingPlanner.plan(store, planning.planOptions(false));
        LoadPlan load = LoadPlan.of(plan, planning.schema);
        String description = (schemaOnly ? "schema-only " : dataOnly ? "data-only " : "") + "workers=" + workers;
        Migrator migrator = new Migrator("json:" + store.dir(), store, tgt,
                new Migrator.Options(workers, dataOnly, schemaOnly, rejects, description, started),
                ProgressDisplay.forCurrentProcess());
        List<String> warnings = plan.warnings().stream().map(Object::toString).toList();
        return finish(JsonSources.withUnknownFields(migrator.run(load, null, warnings), store), out);
    }

    private int finish(MigrationResult result, PrintWriter out) {
        MigrationReport.print(result, out);
        if (report != null) {
            MigrationReport.writeJson(MigrationReport.json(result), report);
        }
        if (result.anyFailure()) {
            return 1;
        }
        if (result.totalRejected() > maxRejects) {
            out.printf("%d rows rejected, more than --max-rejects %d: exit status 1%n", result.totalRejected(), maxRejects);
            out.flush();
            return 1;
        }
        return 0;
    }
}
