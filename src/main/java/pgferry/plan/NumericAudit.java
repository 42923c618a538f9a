package pgferry.plan;

/**
 * The precision audit of one numeric source column (REAL, FLOAT, DOUBLE, NUMERIC, DECIMAL...), from
 * reading every value: how many digits its exact (shortest-decimal) values need.
 *
 * @param table            source table
 * @param column           source column
 * @param declaredType     the declared source type
 * @param values           non-null numeric values seen (REAL + INTEGER + numeric text)
 * @param reals            of which REAL (double) values
 * @param maxIntegerDigits most digits before the decimal point (0 for |v| &lt; 1)
 * @param maxScale         most digits after the decimal point of the shortest decimals
 * @param nonFinite        ±Infinity (and NaN) values seen
 * @param negativeZeros    -0.0 values seen (loaded as 0: NUMERIC has no negative zero)
 * @param recommended      the smallest numeric(p,s) that holds every value exactly, "numeric" when
 *                         p would exceed 1000, or null when the column held no numbers
 * @param planned          the type the plan uses
 */
public record NumericAudit(String table, String column, String declaredType, long values, long reals,
                           int maxIntegerDigits, int maxScale, long nonFinite, long negativeZeros,
                           String recommended, String planned) {
}
