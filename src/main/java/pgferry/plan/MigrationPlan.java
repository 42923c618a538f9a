package pgferry.plan;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import pgferry.catalog.View;

/**
 * The whole plan for one source: what every table and column becomes, and what could not be carried.
 *
 * @param source         the source file
 * @param sourceTimeZone the zone used for date-time text without an offset
 * @param tables         table plans in foreign-key dependency order (parents before children; a
 *                       cycle is broken and warned about)
 * @param renames        every identifier that differs between source and target
 * @param warnings       everything a person should read (dropped defaults/checks/indexes, unknown
 *                       types, data-driven decisions, views and triggers not migrated...)
 * @param audit          the precision audit, one entry per numeric source column
 * @param views          source views (not migrated; listed in warnings)
 * @param dataRead       true when the tables were read to refine types (the audit is then complete)
 */
public record MigrationPlan(Path source, ZoneId sourceTimeZone, List<TablePlan> tables, List<Rename> renames,
                            List<PlanWarning> warnings, List<NumericAudit> audit, List<View> views, boolean dataRead) {

    public MigrationPlan {
        tables = List.copyOf(tables);
        renames = List.copyOf(renames);
        warnings = List.copyOf(warnings);
        audit = List.copyOf(audit);
        views = List.copyOf(views);
    }

    /** The plan of a source table (matched case-insensitively). */
    public Optional<TablePlan> table(String sourceName) {
        return tables.stream().filter(t -> t.source().name().toLowerCase(Locale.ROOT)
                .equals(sourceName.toLowerCase(Locale.ROOT))).findFirst();
    }
}
