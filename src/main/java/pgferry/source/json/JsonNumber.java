package pgferry.source.json;

import java.math.BigDecimal;

/**
 * A JSON number exactly as written in the file ("250.0", "5e-05", "-0.0"): never parsed through double.
 *
 * @param text the number's text
 */
public record JsonNumber(String text) {

    public BigDecimal decimal() {
        return new BigDecimal(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
