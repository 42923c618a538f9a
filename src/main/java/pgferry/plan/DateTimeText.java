package pgferry.plan;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Parses date-time text in the ISO-8601 and SQLite forms, strictly, and formats the results for
 * PostgreSQL. Accepted: {@code YYYY-MM-DD}, then optionally {@code T} or a space and
 * {@code HH:MM[:SS[.fraction]]}, then optionally (after an optional space) {@code Z},
 * {@code ±HH:MM}, {@code ±HHMM} or {@code ±HH}. Impossible values (February 30, hour 24, the zero
 * date 0000-00-00, year 0) are invalid, never adjusted.
 */
final class DateTimeText {

    /** Outcome of a parse: exactly one of (ok fields) or a reason. */
    record Parsed(LocalDateTime local, ZoneOffset offset, boolean dateOnly, String problem, boolean dateShaped) {
        boolean ok() {
            return problem == null;
        }
    }

    private DateTimeText() {
    }

    private static Parsed notDateTime(String s) {
        return new Parsed(null, null, false, s.isEmpty() ? "empty string is not a date-time"
                : "text '" + TextCheck.excerpt(s) + "' is not an ISO-8601 date-time", false);
    }

    private static Parsed invalid(String reason) {
        return new Parsed(null, null, false, reason, true);
    }

    static Parsed parse(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return notDateTime(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return notDateTime(s);
        }
        int i = 10;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nanos = 0;
        boolean dateOnly = true;
        if (i < n && (s.charAt(i) == 'T' || s.charAt(i) == 't' || s.charAt(i) == ' ')
                && i + 6 <= n && s.charAt(i + 3) == ':') {
            hour = digits(s, i + 1, 2);
            minute = digits(s, i + 4, 2);
            if (hour < 0 || minute < 0) {
                return notDateTime(s);
            }
            dateOnly = false;
            i += 6;
            if (i < n && s.charAt(i) == ':') {
                second = digits(s, i + 1, 2);
                if (second < 0 || i + 3 > n) {
                    return notDateTime(s);
                }
                i += 3;
                if (i < n && s.charAt(i) == '.') {
                    int start = ++i;
                    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                        i++;
                    }
                    int len = i - start;
                    if (len == 0) {
                        return notDateTime(s);
                    }
                    for (int k = 6; k < len; k++) {
                        if (s.charAt(start + k) != '0') {
                            return invalid("'" + TextCheck.excerpt(s) + "' has " + len
                                    + " fractional digits; PostgreSQL keeps microseconds (6)");
                        }
                    }
                    int frac = 0;
                    for (int k = 0; k < 9; k++) {
                        frac = frac * 10 + (k < len ? s.charAt(start + k) - '0' : 0);
                    }
                    nanos = frac;
                }
            }
        }
        ZoneOffset offset = null;
        if (i < n) {
            int j = i;
            if (s.charAt(j) == ' ' && j + 1 < n) {
                j++;
            }
            char c = s.charAt(j);
            if ((c == 'Z' || c == 'z') && j + 1 == n && !dateOnly) {
                offset = ZoneOffset.UTC;
                i = n;
            } else if ((c == '+' || c == '-') && !dateOnly) {
                int oh = digits(s, j + 1, 2);
                int om = 0;
                int rest = n - (j + 3);
                if (oh < 0) {
                    return notDateTime(s);
                }
                if (rest == 3 && s.charAt(j + 3) == ':') {
                    om = digits(s, j + 4, 2);
                } else if (rest == 2) {
                    om = digits(s, j + 3, 2);
                } else if (rest != 0) {
                    return notDateTime(s);
                }
                if (om < 0) {
                    return notDateTime(s);
                }
                if (oh > 18 || om > 59 || oh == 18 && om > 0) {
                    return invalid("'" + s + "' has an impossible UTC offset");
                }
                int total = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
                offset = ZoneOffset.ofTotalSeconds(total);
                i = n;
            }
        }
        if (i != n) {
            return notDateTime(s);
        }
        if (year == 0 && month == 0 && day == 0) {
            return invalid("'" + s + "' is a zero date (0000-00-00), not a real date");
        }
        if (year == 0) {
            return invalid("'" + s + "' has year 0, which does not exist (1 BC is year 0001 BC in PostgreSQL)");
        }
        if (month < 1 || month > 12) {
            return invalid("'" + s + "' has month " + month + ", not 1-12");
        }
        int maxDay = java.time.YearMonth.of(year, month).lengthOfMonth();
        if (day < 1 || day > maxDay) {
            return invalid("'" + s + "' is not a real date (" + java.time.Month.of(month).getDisplayName(
                    java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " has " + maxDay + " days in " + year + ")");
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return invalid("'" + s + "' has an impossible time of day");
        }
        return new Parsed(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset, dateOnly, null, true);
    }

    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * The offset to use for a local date-time without one, in the source zone; a {@link Rejection}
     * when the local time does not exist there (DST gap) or exists twice (DST overlap).
     */
    static Object offsetIn(LocalDateTime local, ZoneId zone, String original) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            return rules.getOffset(local);
        }
        List<ZoneOffset> valid = rules.getValidOffsets(local);
        if (valid.size() == 1) {
            return valid.get(0);
        }
        if (valid.isEmpty()) {
            return new Rejection("'" + original + "' does not exist in time zone " + zone
                    + " (skipped by a daylight-saving change); store it with an offset");
        }
        return new Rejection("'" + original + "' is ambiguous in time zone " + zone
                + " (occurs twice at a daylight-saving change); store it with an offset");
    }

    /**
     * Fast path for the commonest stored form, {@code YYYY-MM-DD(T| )HH:MM:SS[.f{1,9}](Z|z)}: its UTC
     * output "YYYY-MM-DD HH:MM:SS[.ffffff]+00" built straight from the text's digits, or null when the
     * text is any other form or not a real date-time (the general parse then decides and explains).
     * Gives what {@code formatLocalAsUtc(parse(s).local())} gives whenever it gives anything.
     */
    static String utcText(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(n - 1) != 'Z' && s.charAt(n - 1) != 'z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        char sep = s.charAt(10);
        if (sep != 'T' && sep != 't' && sep != ' ') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > monthLength(year, month)) {
            return null;
        }
        int fracDigits = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n - 21 < 1 || n - 21 > 9) {
                return null;
            }
            for (int k = 20; k < n - 1; k++) {
                char c = s.charAt(k);
                if (c < '0' || c > '9' || k >= 26 && c != '0') {
                    return null;
                }
            }
            fracDigits = Math.min(n - 21, 6);
            while (fracDigits > 0 && s.charAt(19 + fracDigits) == '0') {
                fracDigits--;
            }
        } else if (s.charAt(19) != 'Z' && s.charAt(19) != 'z') {
            return null;
        }
        byte[] b = new byte[19 + (fracDigits > 0 ? fracDigits + 1 : 0) + 3];
        for (int k = 0; k < 19; k++) {
            b[k] = (byte) s.charAt(k);
        }
        b[10] = ' ';
        int at = 19;
        if (fracDigits > 0) {
            for (int k = 19; k <= 19 + fracDigits; k++) {
                b[at++] = (byte) s.charAt(k);
            }
        }
        b[at++] = '+';
        b[at++] = '0';
        b[at] = '0';
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** "YYYY-MM-DD HH:MM:SS[.ffffff]+00" in UTC for the instant, or null when the year is outside 1..9999. */
    static String formatUtc(long epochSecond, int nanos) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, nanos, ZoneOffset.UTC);
        return format(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(),
                t.getNano(), true);
    }

    /** "YYYY-MM-DD HH:MM:SS[.ffffff]", or null when the year is outside 1..9999. */
    static String formatLocal(LocalDateTime t) {
        return format(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(),
                t.getNano(), false);
    }

    /** {@link #formatLocal} plus "+00" (the fields are already UTC), or null when the year is outside 1..9999. */
    static String formatLocalAsUtc(LocalDateTime t) {
        return format(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(),
                t.getNano(), true);
    }

    /**
     * The fields as "YYYY-MM-DD HH:MM:SS", then ".ffffff" without trailing zeros when the microseconds
     * are not zero (nanoseconds below a microsecond are dropped, as PostgreSQL keeps microseconds),
     * then "+00" when {@code utc}; null when the year is outside 1..9999. Written straight into bytes.
     */
    private static String format(int year, int month, int day, int hour, int minute, int second, int nanos, boolean utc) {
        if (year < 1 || year > 9999) {
            return null;
        }
        byte[] b = new byte[19 + 7 + 3];
        put4(b, 0, year);
        b[4] = '-';
        put2(b, 5, month);
        b[7] = '-';
        put2(b, 8, day);
        b[10] = ' ';
        put2(b, 11, hour);
        b[13] = ':';
        put2(b, 14, minute);
        b[16] = ':';
        put2(b, 17, second);
        int n = 19;
        int micros = nanos / 1000;
        if (micros != 0) {
            b[n++] = '.';
            int digits = 6;
            while (micros % 10 == 0) {
                micros /= 10;
                digits--;
            }
            for (int k = digits - 1; k >= 0; k--) {
                b[n + k] = (byte) ('0' + micros % 10);
                micros /= 10;
            }
            n += digits;
        }
        if (utc) {
            b[n++] = '+';
            b[n++] = '0';
            b[n++] = '0';
        }
        return new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void put2(byte[] b, int at, int v) {
        b[at] = (byte) ('0' + v / 10);
        b[at + 1] = (byte) ('0' + v % 10);
    }

    private static void put4(byte[] b, int at, int v) {
        b[at] = (byte) ('0' + v / 1000);
        b[at + 1] = (byte) ('0' + v / 100 % 10);
        b[at + 2] = (byte) ('0' + v / 10 % 10);
        b[at + 3] = (byte) ('0' + v % 10);
    }

    static String formatDate(LocalDateTime t) {
        if (t.getYear() < 1 || t.getYear() > 9999) {
            return null;
        }
        StringBuilder b = new StringBuilder(10);
        pad(b, t.getYear(), 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2);
        return b.toString();
    }

    private static StringBuilder pad(StringBuilder b, int v, int width) {
        String s = Integer.toString(v);
        for (int k = s.length(); k < width; k++) {
            b.append('0');
        }
        return b.append(s);
    }
}
