package pgferry.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import pgferry.source.json.Mapping;

/**
 * How export-json prints JSON so that files read like the application's own: {@code PYTHON}
 * ({@code json.dump(x, f, indent=2)}: non-ASCII escaped, floats always with a fraction or an exponent,
 * {@code 100.0}, {@code 5e-05}) or {@code JAVASCRIPT} ({@code JSON.stringify(x, null, 2)}: UTF-8 as is,
 * {@code 100}, {@code 0.00005}). Both indent by two spaces and write {@code "key": value}. Numbers are
 * printed from {@link BigDecimal}; no value passes through a double.
 */
public enum ExportStyle {
    PYTHON, JAVASCRIPT;

    private static final JsonFactory PYTHON_FACTORY = JsonFactory.builder().build();
    private static final JsonFactory JS_FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    private static final BigDecimal PY_SMALL = new BigDecimal("1e-4");
    private static final BigDecimal PY_LARGE = new BigDecimal("1e16");
    private static final BigDecimal JS_SMALL = new BigDecimal("1e-6");
    private static final BigDecimal JS_LARGE = new BigDecimal("1e21");

    /**
     * The style of a mapping's files: PYTHON when any column says its times are Python's
     * ({@code "format": "python"}), else JAVASCRIPT.
     */
    public static ExportStyle of(Mapping mapping) {
        boolean python = mapping.tables().stream().flatMap(t -> t.columns().stream())
                .anyMatch(c -> "python".equals(c.format()));
        return python ? PYTHON : JAVASCRIPT;
    }

    /** A pretty-printing generator in this style on {@code out} (UTF-8). */
    JsonGenerator open(OutputStream out) throws IOException {
        JsonGenerator g = (this == PYTHON ? PYTHON_FACTORY : JS_FACTORY).createGenerator(out, JsonEncoding.UTF8);
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator("");
        g.setPrettyPrinter(new DefaultPrettyPrinter(separators).withObjectIndenter(indent).withArrayIndenter(indent));
        if (this == PYTHON) {
            g.setCharacterEscapes(new AsciiEscapes());
        }
        return g;
    }

    /**
     * A number's text. {@code integral}: written as an integer ({@code 12}). Otherwise a float as the
     * application printed it: Python {@code 100.0}, {@code 0.635}, {@code 5e-05}, {@code 1e+16};
     * JavaScript {@code 100}, {@code 0.635}, {@code 5e-7}, {@code 1e+21}.
     */
    public String number(BigDecimal value, boolean integral) {
        BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (integral && v.scale() <= 0) {
            return v.toPlainString();
        }
        BigDecimal abs = v.abs();
        boolean py = this == PYTHON;
        if (v.signum() != 0 && (abs.compareTo(py ? PY_SMALL : JS_SMALL) < 0 || abs.compareTo(py ? PY_LARGE : JS_LARGE) >= 0)) {
            return exponent(v, py);
        }
        String s = v.toPlainString();
        return py && s.indexOf('.') < 0 ? s + ".0" : s;
    }

    /** {@code d.ddd} then {@code e±NN} (Python pads the exponent to two digits, JavaScript does not). */
    private static String exponent(BigDecimal v, boolean py) {
        String digits = v.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - v.scale();
        StringBuilder b = new StringBuilder();
        if (v.signum() < 0) {
            b.append('-');
        }
        b.append(digits.charAt(0));
        if (digits.length() > 1) {
            b.append('.').append(digits, 1, digits.length());
        }
        b.append('e').append(exp < 0 ? '-' : '+');
        String e = Integer.toString(Math.abs(exp));
        if (py && e.length() < 2) {
            b.append('0');
        }
        return b.append(e).toString();
    }

    /**
     * A point in time in a file's form ({@code format} of the column): {@code python}
     * {@code 2025-01-06T14:30:11.123456+00:00} (no fraction when the microseconds are 0); {@code javascript}
     * {@code 2025-01-06T14:30:11.123Z} (microseconds kept when not whole milliseconds: never rounded away);
     * {@code iso} or none: {@code 2025-01-06T14:30:11Z}, with milliseconds or microseconds when present.
     */
    public static String time(OffsetDateTime t, String format) {
        LocalDateTime u = t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        int micros = u.getNano() / 1000;
        String f = format == null ? "iso" : format.toLowerCase(Locale.ROOT);
        StringBuilder b = dateTime(u);
        switch (f) {
            case "python" -> {
                if (micros != 0) {
                    b.append('.').append(pad(micros, 6));
                }
                return b.append("+00:00").toString();
            }
            case "javascript" -> {
                b.append('.').append(micros % 1000 == 0 ? pad(micros / 1000, 3) : pad(micros, 6));
                return b.append('Z').toString();
            }
            default -> {
                if (micros != 0) {
                    b.append('.').append(micros % 1000 == 0 ? pad(micros / 1000, 3) : pad(micros, 6));
                }
                return b.append('Z').toString();
            }
        }
    }

    /** A time without a zone (a TIMESTAMP column): Python's naive {@code isoformat()}. */
    public static String time(LocalDateTime t) {
        StringBuilder b = dateTime(t);
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            b.append('.').append(pad(micros, 6));
        }
        return b.toString();
    }

    private static StringBuilder dateTime(LocalDateTime t) {
        StringBuilder b = new StringBuilder(32);
        b.append(pad(t.getYear(), 4)).append('-').append(pad(t.getMonthValue(), 2)).append('-')
                .append(pad(t.getDayOfMonth(), 2)).append('T').append(pad(t.getHour(), 2)).append(':')
                .append(pad(t.getMinute(), 2)).append(':').append(pad(t.getSecond(), 2));
        return b;
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    /** Python's {@code ensure_ascii}: every char above 0x7F as a lower-case {@code \}{@code uXXXX} per UTF-16 unit. */
    private static final class AsciiEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch < 0x80 ? null : new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
        }
    }
}
