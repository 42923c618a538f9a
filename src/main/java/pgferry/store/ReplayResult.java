package pgferry.store;

import java.util.List;

/**
 * What one replay of an outbox did.
 *
 * @param entriesDone  outbox entries now marked done
 * @param keysSynced   natural keys whose PostgreSQL row was made equal to the JSON file
 * @param failures     one line per key PostgreSQL refused (constraint, type...); those entries stay pending
 * @param pendingLeft  entries still pending after this replay
 */
public record ReplayResult(int entriesDone, int keysSynced, List<String> failures, int pendingLeft) {

    public static final ReplayResult NOTHING = new ReplayResult(0, 0, List.of(), 0);

    public boolean complete() {
        return pendingLeft == 0;
    }
}
