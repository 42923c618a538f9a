package pgferry.plan;

/**
 * How numbers in a date-time column are read, decided per column from its values (see Planner):
 * the largest magnitude picks seconds, milliseconds or microseconds since 1970-01-01 UTC; a column
 * whose numbers all lie in the Julian-day range of years 1-9999 holds Julian days (read as SQLite
 * does, to the millisecond).
 */
public enum TimeNumbers {
    EPOCH_SECONDS(1), EPOCH_MILLIS(1_000), EPOCH_MICROS(1_000_000), JULIAN_DAY(0);

    /** Julian day numbers of 0001-01-01 00:00 and 9999-12-31 24:00 (UTC). */
    public static final double JULIAN_MIN = 1721425.5;
    public static final double JULIAN_MAX = 5373484.5;

    private final long perSecond;

    TimeNumbers(long perSecond) {
        this.perSecond = perSecond;
    }

    /** Units per second for the epoch kinds (0 for Julian days). */
    public long perSecond() {
        return perSecond;
    }

    /** The epoch unit for a column whose largest absolute number is {@code maxAbs}; null when too large. */
    public static TimeNumbers epochUnitFor(double maxAbs) {
        if (maxAbs < 1e11) {
            return EPOCH_SECONDS;
        }
        if (maxAbs < 1e14) {
            return EPOCH_MILLIS;
        }
        if (maxAbs < 1e17) {
            return EPOCH_MICROS;
        }
        return null;
    }

    public String describe() {
        return switch (this) {
            case EPOCH_SECONDS -> "seconds since 1970-01-01 UTC";
            case EPOCH_MILLIS -> "milliseconds since 1970-01-01 UTC";
            case EPOCH_MICROS -> "microseconds since 1970-01-01 UTC";
            case JULIAN_DAY -> "Julian day numbers";
        };
    }
}
