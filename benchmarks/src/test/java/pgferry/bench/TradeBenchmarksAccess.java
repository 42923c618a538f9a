package pgferry.bench;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@link TradeBenchmarks}' trial setup, one call of the timed operation and the tear-down, from tests in other packages. */
public final class TradeBenchmarksAccess {
    private TradeBenchmarksAccess() {
    }

    public static void run(String store, int size, String operation) {
        TradeBenchmarks b = new TradeBenchmarks();
        b.size = size;
        b.store = store;
        try {
            b.prepare(operation);
            switch (operation) {
                case "append" -> assertThat(b.append()).isEqualTo(1);
                case "range" -> assertThat(b.range().size()).isPositive();
                case "aggregate" -> assertThat(b.aggregate().size()).isGreaterThan(1);
                default -> assertThat(b.pointLookup().size()).isEqualTo(1);
            }
        } finally {
            b.tearDown();
        }
    }
}
