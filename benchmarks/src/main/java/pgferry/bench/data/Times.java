package pgferry.bench.data;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The seed apps' time texts as instants: naive ISO-8601 is read as UTC (pgferry's default source zone). */
public final class Times {
    private Times() {
    }

    public static Instant parse(String text) {
        if (text == null) {
            return null;
        }
        if (text.endsWith("Z") || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10) {
            return OffsetDateTime.parse(text).toInstant();
        }
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }

    /** Epoch microseconds, how the SQLite store keeps time (orders as numbers, exact to the microsecond). */
    public static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    public static Instant fromMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
