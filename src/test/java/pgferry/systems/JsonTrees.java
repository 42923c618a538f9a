package pgferry.systems;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Reading generated JSON the strict way: numbers as BigDecimal, duplicate keys an error. */
public final class JsonTrees {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Python naive / aware isoformat(), JS toISOString(), API seconds with Z. */
    public static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{6})?(\\+00:00)?|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z");

    private JsonTrees() {
    }

    public static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** The number fits NUMERIC(precision, scale) without rounding. */
    public static void assertFits(JsonNode n, int precision, int scale, String what) {
        assertThat(n.isNumber()).as("%s is a JSON number: %s", what, n).isTrue();
        BigDecimal v = n.decimalValue().stripTrailingZeros();
        assertThat(Math.max(v.scale(), 0)).as("%s decimals: %s", what, n).isLessThanOrEqualTo(scale);
        assertThat(v.precision() - v.scale()).as("%s integer digits: %s", what, n).isLessThanOrEqualTo(precision - scale);
    }

    public static void assertTimestamp(JsonNode n, String what) {
        assertThat(n.isTextual()).as("%s is text: %s", what, n).isTrue();
        assertThat(n.asText()).as(what).matches(TIMESTAMP);
    }
}
