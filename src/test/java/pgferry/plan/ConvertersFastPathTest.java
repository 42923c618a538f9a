package pgferry.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import pgferry.source.sqlite.SqliteValue;

/** The converters' fast paths give byte-identical output (or the same rejection) as the general paths. */
class ConvertersFastPathTest {

    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("UTC"), ZoneId.of("Etc/UTC"),
            ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"), ZoneOffset.ofHours(5), ZoneId.of("Z"));

    /** The formatting the fast formatter replaced: String.format, then trailing fraction zeros cut. */
    private static String referenceLocal(LocalDateTime t) {
        if (t.getYear() < 1 || t.getYear() > 9999) {
            return null;
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", t.getYear(),
                t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()));
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            String f = String.format(Locale.ROOT, "%06d", micros);
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            b.append('.').append(f, 0, end);
        }
        return b.toString();
    }

    private static Gen<LocalDateTime> dateTimes() {
        return longs().between(-62_200_000_000L, 253_500_000_000L)
                .zip(integers().between(0, 999_999_999), integers().between(0, 3), (sec, nanos, shape) -> {
                    int n = switch (shape) {
                        case 0 -> 0;
                        case 1 -> nanos / 1_000_000 * 1_000_000;
                        case 2 -> nanos / 1000 * 1000;
                        default -> nanos;
                    };
                    return LocalDateTime.ofEpochSecond(sec, n, ZoneOffset.UTC);
                });
    }

    @Test
    void dateTimeFormattingMatchesTheReference() {
        qt().withExamples(100_000).forAll(dateTimes()).check(t -> {
            String ref = referenceLocal(t);
            String utc = DateTimeText.formatUtc(t.toEpochSecond(ZoneOffset.UTC), t.getNano());
            return java.util.Objects.equals(DateTimeText.formatLocal(t), ref)
                    && java.util.Objects.equals(utc, ref == null ? null : ref + "+00")
                    && java.util.Objects.equals(DateTimeText.formatLocalAsUtc(t), utc);
        });
        assertThat(DateTimeText.formatLocal(LocalDateTime.of(1, 1, 1, 0, 0, 0, 100_000))).isEqualTo("0001-01-01 00:00:00.0001");
        assertThat(DateTimeText.formatLocal(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999)))
                .isEqualTo("9999-12-31 23:59:59.999999");
        assertThat(DateTimeText.formatLocal(LocalDateTime.of(2024, 2, 29, 7, 5, 3, 999))).isEqualTo("2024-02-29 07:05:03");
    }

    /** Date-time-looking texts, valid and not: offsets of every form, fractions of 0-10 digits, bad fields. */
    private static Gen<String> dateTimeTexts() {
        Gen<LocalDateTime> when = dateTimes();
        return when.zip(integers().between(0, 11), integers().between(0, 10), integers().between(0, 9),
                (t, offsetForm, fracDigits, damage) -> {
                    String base = String.format(Locale.ROOT, "%04d-%02d-%02d%s%02d:%02d:%02d", Math.abs(t.getYear()) % 10000,
                            t.getMonthValue(), t.getDayOfMonth(), damage % 2 == 0 ? "T" : " ", t.getHour(), t.getMinute(),
                            t.getSecond());
                    String frac = fracDigits == 0 ? "" : "." + String.format(Locale.ROOT, "%09d", t.getNano())
                            .concat("0").substring(0, fracDigits);
                    String off = switch (offsetForm) {
                        case 0, 1, 2 -> "Z";
                        case 3 -> "z";
                        case 4 -> "+00:00";
                        case 5 -> "-00:00";
                        case 6 -> "+0000";
                        case 7 -> "+00";
                        case 8 -> "+05:30";
                        case 9 -> " Z";
                        default -> "";
                    };
                    String s = base + frac + off;
                    return switch (damage) {
                        case 7 -> s.substring(0, 10); // date only
                        case 8 -> s.replace(':', '-'); // not a time
                        case 9 -> s.substring(0, 8) + "30" + s.substring(10); // day 30 (Feb 30 sometimes)
                        default -> s;
                    };
                });
    }

    private static boolean sameResult(Converted a, Converted b) {
        if (a instanceof Rejection ra) {
            return b instanceof Rejection rb && ra.reason().equals(rb.reason());
        }
        return a.equals(b);
    }

    @Test
    void timestamptzFastPathEqualsGeneral() {
        qt().withExamples(60_000).forAll(dateTimeTexts(), integers().between(0, ZONES.size() - 1)).check((s, z) -> {
            ZoneId zone = ZONES.get(z);
            ValueConverter fast = Converters.timestamptz(zone, null);
            ValueConverter slow = Converters.timestamptzGeneral(zone, null);
            SqliteValue text = SqliteValue.ofText(s);
            SqliteValue bytes = SqliteValue.ofTextBytes(s.getBytes(StandardCharsets.UTF_8));
            return sameResult(fast.convert(text), slow.convert(text)) && sameResult(fast.convert(bytes), slow.convert(bytes));
        });
    }

    @Test
    void timestamptzFastPathExamples() {
        ValueConverter fast = Converters.timestamptz(ZoneOffset.UTC, TimeNumbers.EPOCH_SECONDS);
        ValueConverter slow = Converters.timestamptzGeneral(ZoneOffset.UTC, TimeNumbers.EPOCH_SECONDS);
        for (SqliteValue v : List.of(SqliteValue.ofText("2023-11-14T22:13:23.129Z"), SqliteValue.ofText("2023-11-14 22:13:23"),
                SqliteValue.ofText("2023-02-30T00:00:00Z"), SqliteValue.ofText("0000-00-00 00:00:00"), SqliteValue.ofText(""),
                SqliteValue.ofText("2023-11-14T22:13:23.1234567Z"), SqliteValue.ofText("2023-11-14T22:13:23.123456000Z"),
                SqliteValue.ofText("2023-11-14T22:13:23\0Z"), SqliteValue.ofTextBytes(new byte[]{'2', (byte) 0xff}),
                SqliteValue.ofText("0001-01-01T00:00:00+00:00"), SqliteValue.ofText("9999-12-31T23:59:59.999999Z"),
                SqliteValue.ofText("0001-01-01T00:30:00+01:00"), SqliteValue.ofInteger(1_700_000_000L),
                SqliteValue.ofReal(1.7e9), SqliteValue.NULL, SqliteValue.ofBlob(new byte[]{1}))) {
            assertThat(sameResult(fast.convert(v), slow.convert(v))).as(v.display()).isTrue();
        }
        assertThat(fast.convert(SqliteValue.ofText("2023-11-14T22:13:23.129Z"))).isEqualTo(Converted.of("2023-11-14 22:13:23.129+00"));
        for (String s : List.of("2023-11-14T22:13:23.Z", "2023-11-14T22:13:23.000Z", "2023-11-14T22:13:23.0000001Z",
                "2023-11-14T22:13:23.1000000000Z", "2023-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
                "2000-02-29T00:00:00Z", "0000-01-01T00:00:00Z", "2023-11-14t22:13:23z", "2023-11-14 22:13:23Z",
                "2023-04-31T00:00:00Z", "2023-11-14T24:00:00Z", "2023-11-14T23:60:00Z", "2023-11-14T23:59:60Z",
                "2023-13-01T00:00:00Z", "2023-00-10T00:00:00Z", "2023-11-00T00:00:00Z", "+023-11-14T22:13:23Z",
                "2023-11-14T22:13:23.12x4Z", "2023-11-14T22:13:23.120Z", "2023-11-14T22:13:23,12Z", "9999-12-31T23:59:59.9999999Z")) {
            SqliteValue v = SqliteValue.ofText(s);
            assertThat(sameResult(fast.convert(v), slow.convert(v))).as(s).isTrue();
            String utc = DateTimeText.utcText(s);
            if (utc != null) {
                assertThat(Converted.of(utc)).as(s).isEqualTo(slow.convert(v));
            }
        }
        assertThat(DateTimeText.utcText("2023-11-14T22:13:23.120Z")).isEqualTo("2023-11-14 22:13:23.12+00");
        assertThat(DateTimeText.utcText("2023-11-14T22:13:23.Z")).isNull();
    }
}
