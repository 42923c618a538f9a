package pgferry.bench.report;

/**
 * One JMH result: benchmark class and method, its store and size parameters, the score (mean time per operation)
 * with JMH's 99.9% error (NaN when there were too few iterations) and the min and max iteration.
 */
public record Measurement(String benchmark, String operation, String store, long size, double score, double error,
                          double min, double max, String unit) {

    /** "TradeBenchmarks.pointLookup". */
    public String key() {
        return benchmark + "." + operation;
    }

    /** The score in microseconds. */
    public double micros() {
        return score * Units.toMicros(unit);
    }
}
