package pgferry.report;

import java.io.PrintWriter;
import java.util.Locale;
import pgferry.plan.DdlWriter;
import pgferry.plan.MigrationPlan;
import pgferry.plan.NumericAudit;
import pgferry.plan.PlanWarning;
import pgferry.plan.Rename;
import pgferry.plan.TablePlan;

/** Renders a plan: the DDL, the precision audit, the renames and the warnings. */
public final class PlanReport {

    private PlanReport() {
    }

    public static void print(MigrationPlan plan, String schema, PrintWriter out) {
        out.println("-- pgferry plan for " + plan.source());
        out.println("-- date-time text without an offset is read in " + plan.sourceTimeZone());
        if (!plan.dataRead()) {
            out.println("-- planned from declared types only (data not read)");
        }
        out.println();
        out.print(new DdlWriter(schema).script(plan));
        out.println();
        out.println("-- column types");
        for (TablePlan t : plan.tables()) {
            t.columns().forEach(c -> out.printf(Locale.ROOT, "--   %s.%s %s -> %s (%s)%n", t.source().name(),
                    c.source().name(), c.source().declaredType().isEmpty() ? "(no type)" : c.source().declaredType(),
                    c.type().sql(), c.rule()));
        }
        if (!plan.audit().isEmpty()) {
            out.println();
            out.println("-- precision audit (every value read; shortest decimals of REAL values)");
            out.printf(Locale.ROOT, "--   %-30s %10s %10s %8s %6s %10s  %-16s %s%n", "column", "values", "reals",
                    "int.dig", "scale", "nonfinite", "recommended", "planned");
            for (NumericAudit a : plan.audit()) {
                out.printf(Locale.ROOT, "--   %-30s %10d %10d %8d %6d %10d  %-16s %s%n", a.table() + "." + a.column(),
                        a.values(), a.reals(), a.maxIntegerDigits(), a.maxScale(), a.nonFinite(),
                        a.recommended() == null ? "-" : a.recommended(), a.planned());
            }
        }
        if (!plan.renames().isEmpty()) {
            out.println();
            out.println("-- renames");
            for (Rename r : plan.renames()) {
                out.println("--   " + r);
            }
        }
        if (!plan.warnings().isEmpty()) {
            out.println();
            out.println("-- warnings");
            for (PlanWarning w : plan.warnings()) {
                out.println("--   " + w);
            }
        }
        out.flush();
    }
}
