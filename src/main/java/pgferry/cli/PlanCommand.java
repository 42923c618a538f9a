package pgferry.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import pgferry.plan.MigrationPlan;
import pgferry.plan.MappingPlanner;
import pgferry.plan.Planner;
import pgferry.source.json.JsonStore;
import pgferry.report.PlanReport;
import pgferry.source.sqlite.SqliteSource;

/** {@code pgferry plan SOURCE [TARGET]}: prints the DDL and the precision audit; writes nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Read a SQLite file and print the PostgreSQL DDL, the precision audit, renames and warnings. Writes nothing.")
public final class PlanCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "SQLite file (sqlite:PATH or PATH) or JSON-file store (json:DIR with --mapping FILE).")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TARGET", description = "Target URL (not contacted by plan).")
    String target;

    @Mixin
    PlanningOptions planning;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (JsonSources.isJson(source)) {
            JsonStore store = JsonSources.open(source, planning.mapping);
            PlanReport.print(MappingPlanner.plan(store, planning.planOptions(false)), planning.schema, out);
            return 0;
        }
        try (SqliteSource src = SqliteSource.open(Endpoints.source(source))) {
            MigrationPlan plan = Planner.plan(src, planning.planOptions());
            PlanReport.print(plan, planning.schema, out);
        }
        return 0;
    }
}
