package pgferry.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import pgferry.store.prescient.Trade;

/** Deterministic prescient trades for tests, with exact money and microsecond timestamps (what TIMESTAMPTZ keeps). */
final class TestTrades {

    static final String PRESCIENT_SCHEMA = "classpath:pgferry/systems/prescient/postgres";
    private static final OffsetDateTime T0 = OffsetDateTime.of(2025, 10, 27, 14, 30, 0, 0, ZoneOffset.UTC);

    private TestTrades() {
    }

    static Trade trade(String id, int i) {
        return new Trade(id, T0.plusSeconds(i).plusNanos((i % 1000) * 1000L), "mkt-" + (i % 17),
                "Will event " + (i % 17) + " happen? \"quoted\" ünïcode", i % 2 == 0 ? "buy_yes" : "buy_no",
                new BigDecimal(i % 500 + ".25"), new BigDecimal("0." + String.format("%06d", (i * 7919) % 1000000)),
                new BigDecimal("0.8" + i % 10 + "00"), i % 3 == 0 ? null : "edge " + i, "open", "ev-" + i % 5,
                "Event " + i % 5, T0.plusDays(30), null, null, null, null);
    }

    /** Same values in the same order, ignoring the scale of decimals. */
    static <T> void assertSameValues(List<T> actual, List<T> expected) {
        assertThat(actual).usingRecursiveFieldByFieldElementComparator(
                        org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactlyElementsOf(expected);
    }

    /** Same trades, ignoring the scale of decimals (10.5 and 10.50 are the same money). */
    static void assertSameTrades(List<Trade> actual, List<Trade> expected) {
        Comparator<Trade> byId = Comparator.comparing(Trade::tradeId);
        assertThat(actual.stream().sorted(byId).toList())
                .usingRecursiveFieldByFieldElementComparator(
                        org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                .containsExactlyElementsOf(expected.stream().sorted(byId).toList());
    }
}
