package pgferry.systems.jsonfiles;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How an application wrote its JSON files: Python's {@code json.dump(..., indent=2)} (non-ASCII escaped,
 * floats in {@code repr} form: {@code 100.0}, {@code 5e-05}) or Node's {@code JSON.stringify(..., null, 2)}
 * (UTF-8 as is, numbers in JavaScript form: {@code 100}, {@code 0.00005}). Numbers are written as text
 * from a {@link BigDecimal}, so no value ever passes through a double here.
 */
public enum JsonFileStyle {
    PYTHON, NODE;

    private static final JsonFactory PYTHON_FACTORY = JsonFactory.builder().build();
    /** Node writes an emoji as its 4 UTF-8 bytes; Jackson would escape the surrogate pair unless told. */
    private static final JsonFactory NODE_FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    private static final BigDecimal PY_SMALL = new BigDecimal("0.0001");
    private static final BigDecimal JS_SMALL = new BigDecimal("0.000001");

    /** A streaming generator on a new file (parents created) writing in this style; close it to finish the file. */
    public JsonGenerator open(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            JsonGenerator g = (this == PYTHON ? PYTHON_FACTORY : NODE_FACTORY).createGenerator(out, JsonEncoding.UTF8);
            g.setPrettyPrinter(new AppPrettyPrinter());
            if (this == PYTHON) {
                g.setCharacterEscapes(new PythonAsciiEscapes());
            }
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Writes {@code value} as the application's JSON serializer would print that number. */
    public void number(JsonGenerator g, BigDecimal value) throws IOException {
        g.writeNumber(numberText(value));
    }

    /** Writes a number, or {@code null} when there is none. */
    public void numberOrNull(JsonGenerator g, BigDecimal value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            number(g, value);
        }
    }

    /**
     * The text of a float as the application printed it. Python: the shortest repr, always with a
     * fraction or an exponent ({@code 100.0}, {@code 0.635}, {@code 5e-05}, {@code 1.25e-05}). Node:
     * {@code 100}, {@code 0.635}, {@code 0.00005}, and exponent form below 1e-6 ({@code 5e-7}).
     */
    public String numberText(BigDecimal value) {
        BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        BigDecimal abs = v.abs();
        if (this == PYTHON) {
            if (v.signum() != 0 && abs.compareTo(PY_SMALL) < 0) {
                return exponentForm(v, "e-", 2);
            }
            String s = v.toPlainString();
            return s.indexOf('.') < 0 ? s + ".0" : s;
        }
        if (v.signum() != 0 && abs.compareTo(JS_SMALL) < 0) {
            return exponentForm(v, "e-", 1);
        }
        return v.toPlainString();
    }

    /** {@code d.ddd} then {@code e-} and the exponent padded to {@code minDigits} (Python pads to 2, JS not). */
    private static String exponentForm(BigDecimal v, String marker, int minDigits) {
        String digits = v.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - v.scale(); // negative here
        StringBuilder b = new StringBuilder();
        if (v.signum() < 0) {
            b.append('-');
        }
        b.append(digits.charAt(0));
        if (digits.length() > 1) {
            b.append('.').append(digits, 1, digits.length());
        }
        String exp = Integer.toString(-exponent);
        b.append(marker);
        for (int i = exp.length(); i < minDigits; i++) {
            b.append('0');
        }
        return b.append(exp).toString();
    }
}
