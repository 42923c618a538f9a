package pgferry.systems.jsonfiles;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Timestamps in the text forms the applications wrote, built by hand (no locale, no wall clock):
 * Python {@code datetime.isoformat()} without and with an offset, and JavaScript {@code toISOString()}.
 */
public final class AppTimestamps {
    private AppTimestamps() {
    }

    /** Python naive {@code isoformat()}: {@code 2025-01-06T14:30:11.123456}, no fraction when the microseconds are 0. */
    public static String pythonNaive(LocalDateTime t) {
        StringBuilder b = dateTime(t);
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            b.append('.');
            pad(b, micros, 6);
        }
        return b.toString();
    }

    /** Python aware UTC {@code isoformat()}: {@code 2025-01-06T14:30:11.123456+00:00}. */
    public static String pythonUtc(LocalDateTime t) {
        return pythonNaive(t) + "+00:00";
    }

    /** JavaScript {@code Date.toISOString()}: {@code 2025-01-06T14:30:11.123Z} (always milliseconds). */
    public static String jsIso(LocalDateTime t) {
        StringBuilder b = dateTime(t);
        b.append('.');
        pad(b, t.getNano() / 1_000_000, 3);
        return b.append('Z').toString();
    }

    /** An API timestamp without fraction: {@code 2025-12-31T12:00:00Z}. */
    public static String isoSecondsZ(LocalDateTime t) {
        return dateTime(t).append('Z').toString();
    }

    /** {@code 2025-01-06}. */
    public static String date(LocalDate d) {
        StringBuilder b = new StringBuilder(10);
        pad(b, d.getYear(), 4);
        b.append('-');
        pad(b, d.getMonthValue(), 2);
        b.append('-');
        pad(b, d.getDayOfMonth(), 2);
        return b.toString();
    }

    /** {@code 2025-01}. */
    public static String yearMonth(LocalDate d) {
        return date(d).substring(0, 7);
    }

    private static StringBuilder dateTime(LocalDateTime t) {
        StringBuilder b = new StringBuilder(32);
        b.append(date(t.toLocalDate())).append('T');
        pad(b, t.getHour(), 2);
        b.append(':');
        pad(b, t.getMinute(), 2);
        b.append(':');
        pad(b, t.getSecond(), 2);
        return b;
    }

    private static void pad(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }
}
