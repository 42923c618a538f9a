package pgferry.systems.jsonfiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte-level forms the applications wrote: indentation, escapes, number text, timestamps. */
class JsonFileStyleTest {

    @TempDir
    Path dir;

    private String write(JsonFileStyle style) throws Exception {
        Path f = dir.resolve(style + ".json");
        try (JsonGenerator g = style.open(f)) {
            g.writeStartObject();
            g.writeStringField("title", "Zürich 🚀\nnext");
            g.writeArrayFieldStart("empty");
            g.writeEndArray();
            g.writeObjectFieldStart("none");
            g.writeEndObject();
            g.writeArrayFieldStart("prices");
            style.number(g, new BigDecimal("0.635"));
            style.number(g, new BigDecimal("100.00"));
            style.number(g, new BigDecimal("0.00005"));
            g.writeEndArray();
            g.writeNullField("reason");
            g.writeEndObject();
        }
        return Files.readString(f);
    }

    @Test
    void pythonJsonDumpIndent2() throws Exception {
        assertThat(write(JsonFileStyle.PYTHON)).isEqualTo("""
                {
                  "title": "Z\\u00fcrich \\ud83d\\ude80\\nnext",
                  "empty": [],
                  "none": {},
                  "prices": [
                    0.635,
                    100.0,
                    5e-05
                  ],
                  "reason": null
                }""");
    }

    @Test
    void nodeJsonStringifyIndent2() throws Exception {
        assertThat(write(JsonFileStyle.NODE)).isEqualTo("""
                {
                  "title": "Zürich 🚀\\nnext",
                  "empty": [],
                  "none": {},
                  "prices": [
                    0.635,
                    100,
                    0.00005
                  ],
                  "reason": null
                }""");
    }

    @Test
    void numberTextAsPythonReprAndJavaScriptPrintThem() {
        JsonFileStyle py = JsonFileStyle.PYTHON;
        assertThat(py.numberText(new BigDecimal("0"))).isEqualTo("0.0");
        assertThat(py.numberText(new BigDecimal("-77.440"))).isEqualTo("-77.44");
        assertThat(py.numberText(new BigDecimal("0.0001"))).isEqualTo("0.0001");
        assertThat(py.numberText(new BigDecimal("0.000012"))).isEqualTo("1.2e-05");
        assertThat(py.numberText(new BigDecimal("18589279.722774"))).isEqualTo("18589279.722774");
        JsonFileStyle js = JsonFileStyle.NODE;
        assertThat(js.numberText(new BigDecimal("0.000001"))).isEqualTo("0.000001");
        assertThat(js.numberText(new BigDecimal("0.000000012"))).isEqualTo("1.2e-8");
        assertThat(js.numberText(new BigDecimal("87.50"))).isEqualTo("87.5");
        assertThat(js.numberText(new BigDecimal("1E+3"))).isEqualTo("1000");
    }

    @Test
    void timestampsInTheApplicationsForms() {
        LocalDateTime t = LocalDateTime.of(2025, 1, 6, 14, 30, 11, 123_456_000);
        assertThat(AppTimestamps.pythonNaive(t)).isEqualTo("2025-01-06T14:30:11.123456");
        assertThat(AppTimestamps.pythonUtc(t)).isEqualTo("2025-01-06T14:30:11.123456+00:00");
        assertThat(AppTimestamps.pythonNaive(t.withNano(0))).isEqualTo("2025-01-06T14:30:11");
        assertThat(AppTimestamps.pythonNaive(t.withNano(5_000))).isEqualTo("2025-01-06T14:30:11.000005");
        assertThat(AppTimestamps.jsIso(t)).isEqualTo("2025-01-06T14:30:11.123Z");
        assertThat(AppTimestamps.jsIso(t.withNano(0))).isEqualTo("2025-01-06T14:30:11.000Z");
        assertThat(AppTimestamps.isoSecondsZ(t)).isEqualTo("2025-01-06T14:30:11Z");
        assertThat(AppTimestamps.yearMonth(LocalDate.of(2025, 3, 9))).isEqualTo("2025-03");
    }

    @Test
    void entityStreamsAreReproducibleAndIndependent() {
        assertThat(SampleRandom.of(42, 3, 7).uuid4()).isEqualTo(SampleRandom.of(42, 3, 7).uuid4())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(SampleRandom.of(42, 3, 7).hex(16)).isNotEqualTo(SampleRandom.of(42, 3, 8).hex(16))
                .isNotEqualTo(SampleRandom.of(43, 3, 7).hex(16)).isNotEqualTo(SampleRandom.of(42, 4, 7).hex(16));
    }
}
