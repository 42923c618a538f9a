package pgferry.plan;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * How to plan. Start from {@link #defaults()} and change what you need:
 * <pre>{@code PlanOptions.defaults().withSourceTimeZone(ZoneId.of("Europe/Berlin")).withCasts(casts)}</pre>
 *
 * @param sourceTimeZone zone of date-time text written without an offset (default UTC)
 * @param casts          user type overrides
 * @param nonFinite      what becomes of REAL NaN/±Infinity (default: reject)
 * @param readData       read the tables to refine types and audit numbers (default true); false plans
 *                       from declared types alone
 * @param tables         source tables to plan (empty = all)
 * @param excludeTables  source tables to leave out
 * @param progress       told about rows read while profiling, or null
 * @param sampleRows     read at most this many rows per table while profiling (0 = all); a sampled plan
 *                       is a guess that the loader must confirm (see pgferry.load)
 */
public record PlanOptions(ZoneId sourceTimeZone, Casts casts, NonFinite nonFinite, boolean readData,
                          List<String> tables, List<String> excludeTables, Progress progress, long sampleRows) {

    /** Receives progress while the planner reads tables. */
    @FunctionalInterface
    public interface Progress {
        /** Called every {@link #EVERY} rows and at the end of each table. */
        void rowsRead(String table, long rows, long totalRows);

        long EVERY = 50_000;
    }

    public PlanOptions {
        Objects.requireNonNull(sourceTimeZone, "sourceTimeZone");
        Objects.requireNonNull(casts, "casts");
        Objects.requireNonNull(nonFinite, "nonFinite");
        tables = List.copyOf(tables);
        excludeTables = List.copyOf(excludeTables);
    }

    public static PlanOptions defaults() {
        return new PlanOptions(ZoneOffset.UTC, Casts.none(), NonFinite.REJECT, true, List.of(), List.of(), null, 0);
    }

    public PlanOptions withSourceTimeZone(ZoneId zone) {
        return new PlanOptions(zone, casts, nonFinite, readData, tables, excludeTables, progress, sampleRows);
    }

    public PlanOptions withCasts(Casts c) {
        return new PlanOptions(sourceTimeZone, c, nonFinite, readData, tables, excludeTables, progress, sampleRows);
    }

    public PlanOptions withNonFinite(NonFinite n) {
        return new PlanOptions(sourceTimeZone, casts, n, readData, tables, excludeTables, progress, sampleRows);
    }

    public PlanOptions withReadData(boolean read) {
        return new PlanOptions(sourceTimeZone, casts, nonFinite, read, tables, excludeTables, progress, sampleRows);
    }

    public PlanOptions withTables(List<String> include, List<String> exclude) {
        return new PlanOptions(sourceTimeZone, casts, nonFinite, readData, include, exclude, progress, sampleRows);
    }

    public PlanOptions withProgress(Progress p) {
        return new PlanOptions(sourceTimeZone, casts, nonFinite, readData, tables, excludeTables, p, sampleRows);
    }

    /** Profile at most {@code rows} rows per table (0 = every row). */
    public PlanOptions withSampleRows(long rows) {
        return new PlanOptions(sourceTimeZone, casts, nonFinite, readData, tables, excludeTables, progress, rows);
    }
}
