package pgferry.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import pgferry.source.sqlite.SqliteValue;

class ConvertersTest {

    static final ZoneId UTC = ZoneOffset.UTC;

    static SqliteValue i(long v) {
        return SqliteValue.ofInteger(v);
    }

    static SqliteValue r(double v) {
        return SqliteValue.ofReal(v);
    }

    static SqliteValue t(String v) {
        return SqliteValue.ofText(v);
    }

    static SqliteValue raw(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int k = 0; k < bytes.length; k++) {
            b[k] = (byte) bytes[k];
        }
        return SqliteValue.ofTextBytes(b);
    }

    static SqliteValue blob(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int k = 0; k < bytes.length; k++) {
            b[k] = (byte) bytes[k];
        }
        return SqliteValue.ofBlob(b);
    }

    static String ok(ValueConverter c, SqliteValue v) {
        Converted out = c.convert(v);
        assertThat(out).as("%s", v).isInstanceOf(Converted.Value.class);
        return ((Converted.Value) out).text();
    }

    static String rejected(ValueConverter c, SqliteValue v) {
        Converted out = c.convert(v);
        assertThat(out).as("%s", v).isInstanceOf(Rejection.class);
        String reason = ((Rejection) out).reason();
        assertThat(reason).isNotBlank().doesNotContain("\n");
        return reason;
    }

    @Test
    void nullStaysNullEverywhere() {
        for (TargetType.Kind k : TargetType.Kind.values()) {
            ValueConverter c = Converters.forType(TargetType.of(k), UTC, NonFinite.REJECT, TimeNumbers.EPOCH_SECONDS);
            assertThat(c.convert(SqliteValue.NULL)).isEqualTo(Converted.NULL);
        }
        ValueConverter pk = Converters.notNull(Converters.text(), "NULL in primary key column code");
        assertThat(rejected(pk, SqliteValue.NULL)).isEqualTo("NULL in primary key column code");
        assertThat(ok(pk, t("x"))).isEqualTo("x");
    }

    @Test
    void bigint() {
        ValueConverter c = Converters.forType(TargetType.BIGINT, UTC, NonFinite.REJECT, null);
        assertThat(ok(c, i(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
        assertThat(ok(c, t("42"))).isEqualTo("42");
        assertThat(ok(c, r(3.0))).isEqualTo("3");
        assertThat(rejected(c, t("99999999999999999999"))).isEqualTo("text '99999999999999999999' is beyond bigint range");
        assertThat(rejected(c, r(1e20))).isEqualTo("REAL 100000000000000000000 is beyond bigint range");
        assertThat(rejected(c, r(1.5))).isEqualTo("REAL 1.5 is not a whole number; target is bigint");
        assertThat(rejected(c, t("12abc"))).isEqualTo("text '12abc' is not an integer");
        assertThat(rejected(c, t(""))).isEqualTo("text '' is not an integer");
        assertThat(rejected(c, blob(1, 2))).isEqualTo("blob (2 bytes) is not an integer");
        ValueConverter small = Converters.forType(TargetType.parse("smallint"), UTC, NonFinite.REJECT, null);
        assertThat(rejected(small, i(40000))).isEqualTo("integer 40000 is beyond smallint range");
    }

    @Test
    void booleanFromZeroOne() {
        ValueConverter c = Converters.bool();
        assertThat(ok(c, i(0))).isEqualTo("false");
        assertThat(ok(c, i(1))).isEqualTo("true");
        assertThat(ok(c, t("TRUE"))).isEqualTo("true");
        assertThat(rejected(c, i(2))).isEqualTo("integer 2 is not a boolean (0 or 1)");
        assertThat(rejected(c, t("yes"))).isEqualTo("text 'yes' is not a boolean (0 or 1)");
    }

    @Test
    void numericIsExactShortestDecimal() {
        ValueConverter c = Converters.forType(TargetType.NUMERIC, UTC, NonFinite.REJECT, null);
        assertThat(ok(c, r(0.1))).isEqualTo("0.1");
        assertThat(ok(c, r(101.123456))).isEqualTo("101.123456");
        assertThat(ok(c, r(1e-10))).isEqualTo("0.0000000001");
        assertThat(ok(c, r(-0.0))).isEqualTo("0");
        assertThat(ok(c, i(-7))).isEqualTo("-7");
        assertThat(ok(c, t("1.50"))).isEqualTo("1.50");
        assertThat(ok(c, t("2.5e3"))).isEqualTo("2500");
        assertThat(rejected(c, t("N/A"))).isEqualTo("text 'N/A' is not a number");
        assertThat(rejected(c, t(" 1.5"))).isEqualTo("text ' 1.5' is not a number");
        assertThat(rejected(c, blob(0))).isEqualTo("blob (1 bytes) is not a number");
        assertThat(rejected(c, r(Double.POSITIVE_INFINITY))).startsWith("REAL Infinity is not a finite number");
        assertThat(rejected(c, r(Double.NEGATIVE_INFINITY))).startsWith("REAL -Infinity is not a finite number");
        assertThat(rejected(c, r(Double.NaN))).startsWith("REAL NaN is not a finite number");
        ValueConverter keep = Converters.forType(TargetType.NUMERIC, UTC, NonFinite.KEEP, null);
        assertThat(ok(keep, r(Double.NEGATIVE_INFINITY))).isEqualTo("-Infinity");
        ValueConverter toNull = Converters.forType(TargetType.NUMERIC, UTC, NonFinite.NULL, null);
        assertThat(ok(toNull, r(Double.NaN))).isNull();
    }

    @Test
    void numericWithPrecisionAndScaleNeverRounds() {
        ValueConverter c = Converters.forType(TargetType.parse("numeric(10,2)"), UTC, NonFinite.REJECT, null);
        assertThat(ok(c, r(123.45))).isEqualTo("123.45");
        assertThat(ok(c, r(99999999.99))).isEqualTo("99999999.99");
        assertThat(ok(c, t("1.500"))).isEqualTo("1.500");
        assertThat(rejected(c, r(123.456))).isEqualTo("value 123.456 has scale 3 > 2 of numeric(10,2)");
        assertThat(rejected(c, r(0.1 + 0.2))).isEqualTo("value 0.30000000000000004 has scale 17 > 2 of numeric(10,2)");
        assertThat(rejected(c, i(123456789))).isEqualTo("value 123456789 has 9 integer digits > 8 allowed by numeric(10,2)");
        assertThat(rejected(c, r(Double.POSITIVE_INFINITY))).contains("not a finite number");
    }

    @Test
    void doubleAndRealOnlyWhenExact() {
        ValueConverter d = Converters.forType(TargetType.parse("double precision"), UTC, NonFinite.REJECT, null);
        assertThat(ok(d, r(0.1))).isEqualTo("0.1");
        assertThat(ok(d, i(1L << 53))).isEqualTo("9007199254740992");
        assertThat(rejected(d, i((1L << 53) + 1))).isEqualTo("integer 9007199254740993 cannot be stored exactly in double precision");
        assertThat(rejected(d, t("0.1000000000000000000001"))).contains("cannot be stored exactly in double precision");
        ValueConverter f = Converters.forType(TargetType.parse("real"), UTC, NonFinite.REJECT, null);
        assertThat(ok(f, r(0.5))).isEqualTo("0.5");
        assertThat(rejected(f, r(0.1))).isEqualTo("value 0.1 would change in real (float4); use numeric or double precision");
    }

    @Test
    void textRejectsNulAndInvalidUtf8() {
        ValueConverter c = Converters.text();
        assertThat(ok(c, t("grüße €"))).isEqualTo("grüße €");
        assertThat(ok(c, r(2.5))).isEqualTo("2.5");
        assertThat(rejected(c, raw('a', 0, 'b'))).isEqualTo("text contains a NUL byte at offset 1 (PostgreSQL text cannot hold NUL)");
        assertThat(rejected(c, raw('a', 0xC3, 0x28))).isEqualTo("text is not valid UTF-8 (byte 0xC3 at offset 1)");
        assertThat(rejected(c, raw(0xED, 0xA0, 0x80))).startsWith("text is not valid UTF-8"); // encoded surrogate
        assertThat(rejected(c, blob(1))).contains("blob (1 bytes) in a text column");
        ValueConverter v = Converters.forType(TargetType.parse("varchar(3)"), UTC, NonFinite.REJECT, null);
        assertThat(ok(v, t("äöü"))).isEqualTo("äöü");
        assertThat(rejected(v, t("abcd"))).isEqualTo("text of 4 characters is longer than varchar(3)");
    }

    @Test
    void byteaKeepsRawBytes() {
        ValueConverter c = Converters.bytea();
        assertThat(ok(c, blob(0, 0xFF, 0x10))).isEqualTo("\\x00ff10");
        assertThat(ok(c, raw(0xC3, 0x28))).isEqualTo("\\xc328");
        assertThat(rejected(c, i(5))).isEqualTo("integer 5 is not binary data");
    }

    @Test
    void jsonValidNoDuplicatesNoNul() {
        ValueConverter c = Converters.json();
        assertThat(ok(c, t("{\"a\": [1, 2.50, {\"b\": null}]}"))).isEqualTo("{\"a\": [1, 2.50, {\"b\": null}]}");
        assertThat(ok(c, t("[]"))).isEqualTo("[]");
        assertThat(rejected(c, t("{\"a\": 1, \"a\": 2}"))).isEqualTo("duplicate JSON key 'a'");
        assertThat(rejected(c, t("{\"x\": {\"k\": 1, \"k\": 1}}"))).isEqualTo("duplicate JSON key 'k'");
        assertThat(ok(c, t("[{\"k\": 1}, {\"k\": 2}]"))).isNotNull(); // same key in sibling objects is fine
        assertThat(rejected(c, t("{\"a\": 1"))).startsWith("invalid JSON at line 1");
        assertThat(rejected(c, t("{'a': 1}"))).startsWith("invalid JSON");
        assertThat(rejected(c, t("{\"a\": NaN}"))).startsWith("invalid JSON");
        assertThat(rejected(c, t("{} {}"))).isEqualTo("text holds more than one JSON value");
        assertThat(rejected(c, t("{\"a\": \"x\\u0000y\"}"))).isEqualTo("JSON string contains \\u0000, which PostgreSQL jsonb cannot store");
        assertThat(rejected(c, t("[\"\\ud800\"]"))).contains("unpaired UTF-16 surrogate");
        assertThat(rejected(c, t("[1e999999]"))).contains("beyond PostgreSQL numeric's range");
        assertThat(rejected(c, t(""))).isEqualTo("empty text is not JSON");
        assertThat(rejected(c, blob(1, 2))).startsWith("blob (2 bytes) is not JSON text");
    }

    @Test
    void uuid() {
        ValueConverter c = Converters.uuid();
        assertThat(ok(c, t("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"))).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(ok(c, blob(0xa0, 0xee, 0xbc, 0x99, 0x9c, 0x0b, 0x4e, 0xf8, 0xbb, 0x6d, 0x6b, 0xb9, 0xbd, 0x38, 0x0a, 0x11)))
                .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(rejected(c, t("nope"))).isEqualTo("text 'nope' is not a UUID");
    }

    @Test
    void timestamptzFromTextForms() {
        ValueConverter c = Converters.timestamptz(UTC, null);
        assertThat(ok(c, t("2024-01-15 10:30:00"))).isEqualTo("2024-01-15 10:30:00+00");
        assertThat(ok(c, t("2024-01-15T10:30:00.123Z"))).isEqualTo("2024-01-15 10:30:00.123+00");
        assertThat(ok(c, t("2024-01-15T10:30:00.123456+02:00"))).isEqualTo("2024-01-15 08:30:00.123456+00");
        assertThat(ok(c, t("2024-01-15 10:30-0530"))).isEqualTo("2024-01-15 16:00:00+00");
        assertThat(ok(c, t("2024-01-15 10:30:00 +01"))).isEqualTo("2024-01-15 09:30:00+00");
        assertThat(ok(c, t("2024-02-29"))).isEqualTo("2024-02-29 00:00:00+00");
        assertThat(ok(c, t("2024-01-15 10:30:00.120000000"))).isEqualTo("2024-01-15 10:30:00.12+00");
        ValueConverter berlin = Converters.timestamptz(ZoneId.of("Europe/Berlin"), null);
        assertThat(ok(berlin, t("2024-07-01 12:00:00"))).isEqualTo("2024-07-01 10:00:00+00");
        assertThat(ok(berlin, t("2024-07-01 12:00:00Z"))).isEqualTo("2024-07-01 12:00:00+00");
    }

    @Test
    void impossibleDatesAreRejectedNotGuessed() {
        ValueConverter c = Converters.timestamptz(UTC, null);
        assertThat(rejected(c, t("2023-02-29 10:00:00"))).isEqualTo("'2023-02-29 10:00:00' is not a real date (February has 28 days in 2023)");
        assertThat(rejected(c, t("2024-02-30"))).isEqualTo("'2024-02-30' is not a real date (February has 29 days in 2024)");
        assertThat(rejected(c, t("0000-00-00 00:00:00"))).isEqualTo("'0000-00-00 00:00:00' is a zero date (0000-00-00), not a real date");
        assertThat(rejected(c, t("0000-00-00"))).contains("zero date");
        assertThat(rejected(c, t(""))).isEqualTo("empty string is not a date-time");
        assertThat(rejected(c, t("2024-13-01"))).isEqualTo("'2024-13-01' has month 13, not 1-12");
        assertThat(rejected(c, t("2024-01-01 24:00:00"))).isEqualTo("'2024-01-01 24:00:00' has an impossible time of day");
        assertThat(rejected(c, t("yesterday"))).isEqualTo("text 'yesterday' is not an ISO-8601 date-time");
        assertThat(rejected(c, t("2024-01-15 10:30:00.1234567"))).contains("PostgreSQL keeps microseconds");
        assertThat(rejected(c, t("2024-01-15 10:30:00+25:00"))).contains("impossible UTC offset");
        ValueConverter ny = Converters.timestamptz(ZoneId.of("America/New_York"), null);
        assertThat(rejected(ny, t("2024-03-10 02:30:00"))).contains("does not exist in time zone America/New_York");
        assertThat(rejected(ny, t("2024-11-03 01:30:00"))).contains("is ambiguous in time zone America/New_York");
        assertThat(ok(ny, t("2024-11-03 01:30:00-04:00"))).isEqualTo("2024-11-03 05:30:00+00");
    }

    @Test
    void epochNumbersAndJulianDays() {
        assertThat(ok(Converters.timestamptz(UTC, TimeNumbers.EPOCH_SECONDS), i(1700000000))).isEqualTo("2023-11-14 22:13:20+00");
        assertThat(ok(Converters.timestamptz(UTC, TimeNumbers.EPOCH_SECONDS), r(1700000000.25))).isEqualTo("2023-11-14 22:13:20.25+00");
        assertThat(ok(Converters.timestamptz(UTC, TimeNumbers.EPOCH_MILLIS), i(1700000000123L))).isEqualTo("2023-11-14 22:13:20.123+00");
        assertThat(ok(Converters.timestamptz(UTC, TimeNumbers.EPOCH_MICROS), i(-1))).isEqualTo("1969-12-31 23:59:59.999999+00");
        assertThat(ok(Converters.timestamptz(UTC, TimeNumbers.JULIAN_DAY), r(2460000.5))).isEqualTo("2023-02-25 00:00:00+00");
        assertThat(ok(Converters.timestamptz(UTC, TimeNumbers.JULIAN_DAY), r(2440587.5))).isEqualTo("1970-01-01 00:00:00+00");
        assertThat(rejected(Converters.timestamptz(UTC, TimeNumbers.EPOCH_SECONDS), i(Long.MAX_VALUE))).contains("outside years 1-9999");
        assertThat(rejected(Converters.timestamptz(UTC, TimeNumbers.EPOCH_SECONDS), r(1.0000001e-7))).contains("sub-microsecond");
        assertThat(rejected(Converters.timestamptz(UTC, null), i(1700000000))).contains("whose values were text when planned");
        assertThat(rejected(Converters.timestamptz(UTC, TimeNumbers.JULIAN_DAY), r(12.5))).contains("outside years 1-9999");
        assertThat(rejected(Converters.timestamptz(UTC, TimeNumbers.EPOCH_SECONDS), blob(1))).isEqualTo("blob (1 bytes) is not a date-time");
    }

    @Test
    void dateAndTimestampWithoutZone() {
        ValueConverter d = Converters.date(UTC, TimeNumbers.EPOCH_SECONDS);
        assertThat(ok(d, t("2024-02-29"))).isEqualTo("2024-02-29");
        assertThat(ok(d, t("2024-02-29 00:00:00"))).isEqualTo("2024-02-29");
        assertThat(ok(d, i(86400))).isEqualTo("1970-01-02");
        assertThat(rejected(d, t("2024-02-29 10:00:00"))).isEqualTo("'2024-02-29 10:00:00' has a time of day; target is date");
        assertThat(rejected(d, t("2024-02-30"))).contains("not a real date");
        ValueConverter ts = Converters.timestamp(ZoneId.of("Europe/Berlin"), TimeNumbers.EPOCH_SECONDS);
        assertThat(ok(ts, t("2024-07-01 12:00:00"))).isEqualTo("2024-07-01 12:00:00");
        assertThat(ok(ts, t("2024-07-01 12:00:00Z"))).isEqualTo("2024-07-01 14:00:00");
        assertThat(ok(ts, i(0))).isEqualTo("1970-01-01 01:00:00");
    }
}
