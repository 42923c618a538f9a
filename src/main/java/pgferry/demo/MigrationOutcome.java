package pgferry.demo;

import pgferry.load.MigrationResult;
import pgferry.verify.VerifyResult;

/**
 * What migrating and verifying one system gave.
 *
 * @param status        {@code verified} (zero differences), {@code differs}, {@code failed} or {@code pending}
 * @param tables        tables loaded
 * @param rows          rows loaded
 * @param rejects       rows rejected (in the rejects file)
 * @param migrateMillis wall time of the migration (planning included)
 * @param verifyMillis  wall time of the verification
 * @param differences   tables whose comparison differed
 * @param detail        for anything but {@code verified}: one line saying what
 * @param migration     the engine's own result (null when pending)
 * @param verify        the verifier's own result (null when pending)
 */
public record MigrationOutcome(String status, int tables, long rows, long rejects, long migrateMillis, long verifyMillis,
                               long differences, String detail, MigrationResult migration, VerifyResult verify) {

    public static final String VERIFIED = "verified";
    public static final String DIFFERS = "differs";
    public static final String FAILED = "failed";
    public static final String PENDING = "pending";

    static MigrationOutcome of(MigrationResult m, long migrateMillis, VerifyResult v, long verifyMillis) {
        long differing = SystemMigration.differingTables(v);
        String status;
        String detail = null;
        if (m.anyFailure()) {
            status = FAILED;
            detail = m.tables().stream().filter(t -> t.error() != null).map(t -> t.sourceTable() + ": " + t.error())
                    .findFirst().orElse("a constraint or index failed after the data");
        } else if (!v.matched()) {
            status = DIFFERS;
            detail = SystemMigration.firstDifference(v);
        } else if (m.totalRejected() > 0) {
            status = DIFFERS;
            detail = m.totalRejected() + " rows rejected (see " + m.rejectsFile() + ")";
        } else {
            status = VERIFIED;
        }
        return new MigrationOutcome(status, m.tables().size(), SystemMigration.loadedRows(m), m.totalRejected(),
                migrateMillis, verifyMillis, differing, detail, m, v);
    }

    static MigrationOutcome pending(String why) {
        return new MigrationOutcome(PENDING, 0, 0, 0, 0, 0, 0, why, null, null);
    }

    public boolean verified() {
        return VERIFIED.equals(status);
    }

    /** The verify column of the summary. */
    public String verifyCell() {
        return switch (status) {
            case VERIFIED -> "0 differences";
            case DIFFERS -> differences > 0 ? differences + " tables differ" : rejects + " rejects";
            case FAILED -> "FAILED";
            default -> "PENDING";
        };
    }
}
