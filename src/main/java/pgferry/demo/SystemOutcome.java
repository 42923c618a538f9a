package pgferry.demo;

import java.util.List;
import java.util.Map;

/**
 * One system's part of the demo.
 *
 * @param system           the system's name
 * @param sourceKind       {@code sqlite} or {@code json}
 * @param source           the generated source (file or folder)
 * @param database         the migrated database (password masked)
 * @param generateMillis   time to write the source
 * @param migration        migrate + verify
 * @param exerciseTitle    what the exercise shows
 * @param exerciseLines    what it printed
 * @param exerciseFacts    its figures (e.g. outbox entries), for the JSON report and the tests
 * @param exerciseStatus   {@code ok}, {@code failed}, or {@code skipped}
 * @param failures         why the exercise failed (empty when it did not)
 */
public record SystemOutcome(String system, String sourceKind, String source, String database, long generateMillis,
                            MigrationOutcome migration, String exerciseTitle, List<String> exerciseLines,
                            Map<String, Object> exerciseFacts, String exerciseStatus, List<String> failures) {

    public SystemOutcome {
        exerciseLines = List.copyOf(exerciseLines);
        exerciseFacts = Map.copyOf(exerciseFacts);
        failures = List.copyOf(failures);
    }

    /** Migrated, verified with zero differences, and its exercise held. */
    public boolean ok() {
        return migration.verified() && "ok".equals(exerciseStatus);
    }
}
