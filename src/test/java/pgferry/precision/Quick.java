package pgferry.precision;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.ExceptionReporter;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;

/**
 * QuickTheories set up the same way for every precision property: a fixed seed (so a run can be replayed),
 * a modest number of examples, and the seed printed before each property runs.
 *
 * <p><b>Replaying a failure.</b> QuickTheories prints the shrunk falsifying value(s) and "Seed was N" when a
 * property fails. Every property here runs with seed {@link #DEFAULT_SEED} unless the {@code QT_SEED} system
 * property says otherwise, so a failure replays as it happened with the same command; to try other seeds:
 * <pre>
 * ./mvnw -q -B test -Dtest='pgferry.precision.**' -DQT_SEED=12345
 * ./mvnw -q -B test -Dtest='RealToNumericPropertiesTest' -DQT_SEED=12345 -DQT_EXAMPLES=5000
 * </pre>
 * ({@code QT_EXAMPLES} overrides every property's example count; surefire passes {@code -D} user properties
 * to the test JVM.)
 */
final class Quick {

    /** The seed every property uses unless {@code -DQT_SEED=...} is given. */
    static final long DEFAULT_SEED = 20_261_122L;

    /** Shrink cycles: enough to reach a small counterexample, few enough that a database property stays quick. */
    static final int SHRINK_CYCLES = 200;

    private Quick() {
    }

    static long seed() {
        return Long.getLong("QT_SEED", DEFAULT_SEED);
    }

    /** A QuickTheory with the fixed seed and {@code examples} examples (or {@code QT_EXAMPLES}); prints both. */
    static QuickTheory qt(String property, int examples) {
        long seed = seed();
        int n = Integer.getInteger("QT_EXAMPLES", examples);
        System.out.printf("[precision] %s: %d examples, seed %d (replay: -DQT_SEED=%d)%n", property, n, seed, seed);
        return QuickTheory.qt().withFixedSeed(seed).withExamples(n).withShrinkCycles(SHRINK_CYCLES);
    }

    /** A property QuickTheories falsified: its shrunk counterexample and QuickTheories' own report. */
    record Falsified<T>(T smallest, String report) {
    }

    /**
     * Runs a property that must NOT hold: a demonstration that some generated value breaks it. Returns the shrunk
     * counterexample and prints QuickTheories' report; fails when every example passed (the demonstration would
     * otherwise vanish silently).
     */
    @SuppressWarnings("unchecked")
    static <T> Falsified<T> expectFalsified(String property, QuickTheory qt, Gen<T> gen, Consumer<T> mustFail) {
        AtomicReference<Object> smallest = new AtomicReference<>();
        Reporter capturing = new Reporter() {
            private final ExceptionReporter standard = new ExceptionReporter();

            @Override
            public void falisification(long seed, int examplesUsed, Object smallestFound, Throwable cause,
                                       List<Object> examples, AsString<Object> toString) {
                smallest.set(smallestFound);
                standard.falisification(seed, examplesUsed, smallestFound, cause, examples, toString);
            }

            @Override
            public void falisification(long seed, int examplesUsed, Object smallestFound, List<Object> examples,
                                       AsString<Object> toString) {
                smallest.set(smallestFound);
                standard.falisification(seed, examplesUsed, smallestFound, examples, toString);
            }

            @Override
            public void valuesExhausted(int examplesUsed) {
                standard.valuesExhausted(examplesUsed);
            }
        };
        try {
            qt.withReporter(capturing).forAll(gen).checkAssert(mustFail);
        } catch (AssertionError e) {
            if (smallest.get() == null) {
                throw e;
            }
            System.out.println("[precision] " + property + ": counterexample found, as expected. QuickTheories says:");
            System.out.println(indent(withoutStackTraces(e.getMessage())));
            return new Falsified<>((T) smallest.get(), e.getMessage());
        }
        throw new AssertionError(property + ": no generated value broke it (seed " + seed()
                + "); the demonstration that it does not hold has vanished");
    }

    /** QuickTheories' report without the stack trace of the cause (its first line, the assertion, stays). */
    static String withoutStackTraces(String report) {
        StringBuilder b = new StringBuilder();
        for (String line : String.valueOf(report).split("\n")) {
            if (!line.stripLeading().startsWith("at ") && !line.stripLeading().startsWith("... ")) {
                b.append(line).append('\n');
            }
        }
        return b.toString().stripTrailing();
    }

    static String indent(String text) {
        return "    " + String.valueOf(text).replace("\n", "\n    ");
    }
}
