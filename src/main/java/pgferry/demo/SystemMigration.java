package pgferry.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pgferry.plan.MappingPlanner;
import pgferry.source.json.JsonStore;
import pgferry.source.json.Mapping;
import java.util.Map;
import pgferry.plan.Casts;
import org.flywaydb.core.Flyway;
import pgferry.config.DatabaseUrl;
import pgferry.load.LoadPlan;
import pgferry.load.MigrationResult;
import pgferry.load.Migrator;
import pgferry.load.ProgressListener;
import pgferry.load.Target;
import pgferry.load.TableResult;
import pgferry.plan.MigrationPlan;
import pgferry.plan.PlanOptions;
import pgferry.plan.Planner;
import pgferry.source.sqlite.SqliteSource;
import pgferry.systems.SampleSystem;
import pgferry.verify.TableVerification;
import pgferry.verify.Verifier;
import pgferry.verify.VerifyResult;

/**
 * One system's way into PostgreSQL, with the same library calls as {@code pgferry migrate --data-only}
 * and {@code pgferry verify}: the system's Flyway schema is applied to its empty database, the source
 * is loaded into it by table and column names, then compared.
 */
final class SystemMigration {

    static final int WORKERS = 2;

    /**
     * The {@code --cast} options a user gives for each system, as they would on the command line.
     * atlas: drizzle keeps timestamps in INTEGER columns (epoch seconds for users, milliseconds for
     * bots); declared INTEGER they would plan as bigint, so they are cast to timestamptz, and the
     * planner picks seconds or milliseconds per column from the values.
     */
    static final Map<String, List<String>> CASTS = Map.of(
            "atlas", List.of("users.created_at=timestamptz", "users.last_login_at=timestamptz",
                    "bots.created_at=timestamptz", "bots.updated_at=timestamptz"));
    static final int MAX_DIFFS = 20;

    private SystemMigration() {
    }

    /** Applies the system's Flyway migrations to {@code db}. */
    static void applySchema(SampleSystem system, DatabaseUrl db) {
        Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user().orElse(null), db.password().orElse(null))
                .locations(system.flywayLocation())
                .loggers("slf4j")
                .load()
                .migrate();
    }

    /** Migrates (data only) and verifies; for JSON sources see {@link #json}. */
    static MigrationOutcome run(SampleSystem system, Path source, DatabaseUrl db, Path rejects) {
        try {
            Files.deleteIfExists(rejects); // a previous run's rejects would be left out of the comparison
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the old rejects file " + rejects, e);
        }
        return switch (system.sourceKind()) {
            case SQLITE -> sqlite(source, db, rejects, casts(system));
            case JSON -> json(system, source, db, rejects);
        };
    }

    static Target target(DatabaseUrl db) {
        return new Target(db.jdbcUrl(), db.properties(), db.toString());
    }

    /** The casts of a system, as {@code --cast} options. */
    static List<String> casts(SampleSystem system) {
        return CASTS.getOrDefault(system.name(), List.of());
    }

    private static MigrationOutcome sqlite(Path file, DatabaseUrl db, Path rejects, List<String> casts) {
        long started = System.nanoTime();
        Target target = target(db);
        PlanOptions options = PlanOptions.defaults().withCasts(Casts.parse(casts));
        MigrationPlan plan;
        LoadPlan load;
        try (SqliteSource src = SqliteSource.open(file)) {
            plan = Planner.plan(src, options);
            load = LoadPlan.of(plan, "public", src);
        }
        Migrator migrator = new Migrator(file, target,
                new Migrator.Options(WORKERS, true, false, rejects, "data-only workers=" + WORKERS + " (demo)", started),
                ProgressListener.NONE);
        List<String> warnings = plan.warnings().stream().map(Object::toString).toList();
        MigrationResult migration = migrator.run(load, null, warnings);
        long migrateMillis = (System.nanoTime() - started) / 1_000_000;
        long v0 = System.nanoTime();
        VerifyResult verify = new Verifier(file, target, WORKERS, MAX_DIFFS).run(load.tables(), rejects);
        long verifyMillis = (System.nanoTime() - v0) / 1_000_000;
        return MigrationOutcome.of(migration, migrateMillis, verify, verifyMillis);
    }

    /** The shipped mapping of a JSON system (the {@code --mapping FILE} of {@code pgferry migrate json:DIR}). */
    static String mappingResource(SampleSystem system) {
        return "pgferry/systems/" + system.name() + "/mapping.json";
    }

    /** {@code pgferry migrate json:DIR --mapping FILE --data-only} and {@code pgferry verify json:DIR --mapping FILE}. */
    private static MigrationOutcome json(SampleSystem system, Path dir, DatabaseUrl db, Path rejects) {
        long started = System.nanoTime();
        Target target = target(db);
        JsonStore store = JsonStore.open(dir, Mapping.resource(mappingResource(system)));
        MigrationPlan plan = MappingPlanner.plan(store, PlanOptions.defaults());
        LoadPlan load = LoadPlan.of(plan, "public");
        Migrator migrator = new Migrator("json:" + store.dir(), store, target,
                new Migrator.Options(WORKERS, true, false, rejects, "data-only workers=" + WORKERS + " (demo)", started),
                ProgressListener.NONE);
        List<String> warnings = new ArrayList<>(plan.warnings().stream().map(Object::toString).toList());
        MigrationResult migration = migrator.run(load, null, warnings);
        long migrateMillis = (System.nanoTime() - started) / 1_000_000;
        long v0 = System.nanoTime();
        VerifyResult verify = new Verifier("json:" + store.dir(), store, target, WORKERS, MAX_DIFFS).run(load.tables(), rejects);
        long verifyMillis = (System.nanoTime() - v0) / 1_000_000;
        return MigrationOutcome.of(migration, migrateMillis, verify, verifyMillis);
    }

    /** Row counts of a migration: tables, rows loaded, rows rejected. */
    static long loadedRows(MigrationResult r) {
        return r.tables().stream().mapToLong(TableResult::loadedRows).sum();
    }

    static long differingTables(VerifyResult v) {
        return v.tables().stream().filter(t -> !t.matched()).count();
    }

    static String firstDifference(VerifyResult v) {
        return v.tables().stream().filter(t -> !t.matched()).findFirst()
                .map(SystemMigration::describe).orElse(null);
    }

    private static String describe(TableVerification t) {
        if (t.error() != null) {
            return t.sourceTable() + ": " + t.error();
        }
        return t.sourceTable() + ": " + t.sourceRows() + " source rows, " + t.targetRows() + " target rows, "
                + t.differingRanges() + " differing key ranges";
    }
}
