package pgferry.cli;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import pgferry.UserError;
import pgferry.plan.Casts;
import pgferry.plan.NonFinite;
import pgferry.plan.PlanOptions;

/** Options shared by plan, migrate and verify: what to plan and how. */
final class PlanningOptions {

    @Option(names = "--tables", split = ",", paramLabel = "TABLE", description = "Only these source tables (comma-separated).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--exclude", split = ",", paramLabel = "TABLE", description = "Leave these source tables out.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--cast", paramLabel = "TABLE.COLUMN=TYPE",
            description = "Override a column's PostgreSQL type, e.g. --cast trades.price='numeric(18,6)' (repeatable).")
    List<String> casts = new ArrayList<>();

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "SQLite source: JSON file of type overrides {\"trades.price\": \"numeric(18,6)\"} (--cast wins). "
                    + "json:DIR source: the mapping file (which files feed which tables and columns).")
    Path mapping;

    @Option(names = "--source-timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Zone of date-time text without an offset (default: ${DEFAULT-VALUE}).")
    String sourceTimeZone;

    @Option(names = "--non-finite", paramLabel = "POLICY", defaultValue = "REJECT",
            description = "REAL NaN/Infinity: REJECT (default), KEEP or NULL.")
    NonFinite nonFinite;

    @Option(names = "--schema", paramLabel = "SCHEMA", defaultValue = "public",
            description = "Target schema (default: ${DEFAULT-VALUE}).")
    String schema;

    PlanOptions planOptions() {
        return planOptions(true);
    }

    /** @param mappingIsCasts false for a JSON source, whose --mapping is the table mapping, not type overrides */
    PlanOptions planOptions(boolean mappingIsCasts) {
        ZoneId zone;
        try {
            zone = ZoneId.of(sourceTimeZone);
        } catch (DateTimeException e) {
            throw new UserError("--source-timezone " + sourceTimeZone
                    + " is not a time zone: use a region like Europe/Berlin or an offset like +02:00");
        }
        Casts c = mapping == null || !mappingIsCasts ? Casts.none() : Casts.fromFile(mapping);
        c = c.and(Casts.parse(casts));
        return PlanOptions.defaults().withSourceTimeZone(zone).withCasts(c).withNonFinite(nonFinite)
                .withTables(tables, exclude);
    }
}
