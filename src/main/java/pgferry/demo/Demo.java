package pgferry.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import pgferry.UserError;
import pgferry.config.DatabaseUrl;
import pgferry.config.Secrets;
import pgferry.config.ServiceSettings;
import pgferry.systems.SampleSystem;
import pgferry.systems.Systems;

/**
 * {@code pgferry demo}: the five seed systems, each generated, migrated into its Flyway schema in its
 * own database {@code pgferry_demo_<system>}, verified, and exercised on what it moved to PostgreSQL
 * for; then one summary table and a report (Markdown + JSON).
 *
 * <pre>{@code
 * DemoResult r = Demo.run(DemoOptions.defaults().withScale(200), new PrintWriter(System.out, true));
 * }</pre>
 */
public final class Demo {

    private static final Map<String, Exercise> EXERCISES = Map.of(
            "atlas", new AtlasExercise(),
            "arb", new ArbExercise(),
            "prescient", new PrescientExercise(),
            "metagauge", new MetagaugeExercise(),
            "aitrader", new AitraderExercise());

    private final DemoOptions options;
    private final PrintWriter out;
    private final long t0 = System.nanoTime();

    private Demo(DemoOptions options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the demo, printing progress to {@code out}; the report files are written before it returns. */
    public static DemoResult run(DemoOptions options, PrintWriter out) {
        return new Demo(options, out).run();
    }

    /** The systems a run covers, checked. */
    static List<SampleSystem> systems(List<String> names) {
        if (names.isEmpty()) {
            return Systems.all();
        }
        List<SampleSystem> chosen = new ArrayList<>();
        for (String n : names) {
            chosen.add(Systems.byName(n.trim()).orElseThrow(() -> new UserError("unknown system '" + n + "' in --systems; choose from: "
                    + Systems.all().stream().map(SampleSystem::name).collect(Collectors.joining(", ")))));
        }
        return chosen;
    }

    private DemoResult run() {
        if (options.scale() < 1) {
            throw new UserError("--scale must be at least 1 (was " + options.scale() + ")");
        }
        List<SampleSystem> systems = systems(options.systems());
        Path outDir = options.out().toAbsolutePath().normalize();
        try {
            Files.createDirectories(outDir.resolve("sources"));
        } catch (IOException e) {
            throw new UserError("cannot create the report folder " + outDir + " (" + e.getMessage() + "); choose another with --out DIR");
        }
        progress("pgferry demo: " + systems.size() + " systems at scale " + options.scale() + ", seed " + options.seed()
                + "; sources and report in " + outDir);
        List<SystemOutcome> outcomes = new ArrayList<>();
        DemoResult result;
        try (DemoServer server = DemoServer.choose(options.target(), options.env(), ServiceSettings.load(), options.keep(), this::progress)) {
            progress("PostgreSQL: " + server.display() + " (" + server.kind().label()
                    + (server.kind() == DemoServer.Kind.EMBEDDED ? ", started in " + seconds(server.startMillis())
                    + (server.unpackedBinaries() ? " including the first unpack of the binaries" : "") : "") + ")");
            for (SampleSystem system : systems) {
                outcomes.add(runSystem(system, server, outDir));
            }
            result = new DemoResult(server.display(), server.kind().name().toLowerCase(Locale.ROOT), server.startMillis(),
                    server.unpackedBinaries(), options.scale(), options.seed(), outcomes, elapsedMillis(),
                    outDir.resolve(DemoReport.MARKDOWN), outDir.resolve(DemoReport.JSON));
            String kept = server.keptNote();
            if (kept != null) {
                progress(kept);
            }
        }
        DemoReport.write(result);
        out.println();
        DemoReport.printSummary(result, out);
        out.println();
        out.println("report: " + result.markdownReport() + " and " + result.jsonReport());
        out.println(result.ok() ? "all " + outcomes.size() + " systems migrated, verified with 0 differences and exercised in "
                + seconds(result.wallMillis())
                : "NOT all systems verified and exercised: see the table above (exit status 1)");
        out.flush();
        return result;
    }

    private SystemOutcome runSystem(SampleSystem system, DemoServer server, Path outDir) {
        String name = system.name();
        String kind = system.sourceKind().name().toLowerCase(Locale.ROOT);
        Exercise exercise = EXERCISES.get(name);
        progress(name + " (" + kind + "): generating the source at scale " + options.scale());
        long g0 = System.nanoTime();
        Path sourceDir = outDir.resolve("sources").resolve(name);
        DemoServer.deleteTree(sourceDir);
        Path source = system.generate(options.scale(), options.seed(), sourceDir);
        long generateMillis = (System.nanoTime() - g0) / 1_000_000;
        DatabaseUrl db = server.recreateDatabase(name);
        progress(name + ": generated " + outDir.relativize(source.toAbsolutePath()) + " in " + seconds(generateMillis)
                + "; database " + db.database() + " recreated, applying " + system.flywayLocation());
        if (system.sourceKind() == SampleSystem.SourceKind.JSON) {
            progress(name + ": json:" + outDir.relativize(source.toAbsolutePath()) + " --mapping src/main/resources/"
                    + SystemMigration.mappingResource(system));
        }
        if (!SystemMigration.casts(system).isEmpty()) {
            progress(name + ": --cast " + String.join(" --cast ", SystemMigration.casts(system)));
        }
        MigrationOutcome migration;
        try {
            SystemMigration.applySchema(system, db);
            migration = SystemMigration.run(system, source, db, outDir.resolve(name + "-rejects.jsonl"));
        } catch (RuntimeException e) {
            migration = new MigrationOutcome(MigrationOutcome.FAILED, 0, 0, 0, 0, 0, 0, oneLine(e), null, null);
        }
        switch (migration.status()) {
            case MigrationOutcome.PENDING -> progress(name + ": migrate PENDING: " + migration.detail());
            case MigrationOutcome.FAILED -> progress(name + ": migrate FAILED: " + migration.detail());
            default -> progress(name + ": migrated " + migration.tables() + " tables, " + migration.rows() + " rows, "
                    + migration.rejects() + " rejects in " + seconds(migration.migrateMillis()) + "; verify: "
                    + migration.verifyCell() + " (" + seconds(migration.verifyMillis()) + ")"
                    + (migration.detail() == null ? "" : ": " + migration.detail()));
        }
        List<String> lines = List.of();
        Map<String, Object> facts = Map.of();
        List<String> failures = List.of();
        String status;
        if (!migration.verified()) {
            status = "skipped";
            progress(name + ": exercise skipped (" + exercise.title() + "): it needs the migrated data");
        } else {
            progress(name + ": " + exercise.title());
            ExerciseContext ctx = new ExerciseContext(system, source, db, server, outDir, this::progress);
            try {
                exercise.run(ctx);
            } catch (Exception e) {
                ctx.fail(oneLine(e));
            }
            lines = ctx.lines();
            facts = ctx.facts();
            failures = ctx.failures();
            status = failures.isEmpty() ? "ok" : "failed";
        }
        return new SystemOutcome(name, kind, outDir.relativize(source.toAbsolutePath()).toString(), db.toString(),
                generateMillis, migration, exercise.title(), lines, facts, status, failures);
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return Secrets.mask(m);
    }

    private void progress(String line) {
        out.println(String.format(Locale.ROOT, "[%5.1fs] ", elapsedMillis() / 1000.0) + line);
        out.flush();
    }

    private long elapsedMillis() {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
