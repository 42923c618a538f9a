package pgferry.systems.repo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How a SQLite column holds a point in time (the app's own habit; PostgreSQL holds every one of them as
 * {@code timestamptz}). The form also fixes the column's precision, and the repository truncates an
 * instant to it on BOTH engines, so the two hold the same instant.
 */
public enum TimeForm {
    /** Integer seconds since 1970 (drizzle {@code integer({mode: 'timestamp'})}). */
    EPOCH_SECONDS(ChronoUnit.SECONDS),
    /** Integer milliseconds since 1970 (drizzle {@code integer({mode: 'timestamp_ms'})}). */
    EPOCH_MILLIS(ChronoUnit.MILLIS),
    /** {@code 2025-03-04 15:16:17}, UTC (SQLite's CURRENT_TIMESTAMP). */
    SQL_SECONDS(ChronoUnit.SECONDS),
    /** {@code 2025-03-04 15:16:17.123456}, naive UTC (SQLAlchemy's DateTime). */
    SQL_MICROS(ChronoUnit.MICROS),
    /** {@code 2025-03-04T15:16:17.123456+00:00}, fraction only when not zero (chrono's RFC 3339). */
    RFC3339(ChronoUnit.MICROS);

    private final ChronoUnit precision;

    TimeForm(ChronoUnit precision) {
        this.precision = precision;
    }

    /** {@code t} cut to what this form can hold. */
    public Instant truncate(Instant t) {
        return t.truncatedTo(precision);
    }
}
