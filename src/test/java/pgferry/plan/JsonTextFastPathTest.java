package pgferry.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The JSON fast path accepts only what the general check accepts, and check() always equals the general check. */
class JsonTextFastPathTest {

    private static final String[] STRINGS = {"\"a\"", "\"venue\"", "\"XNAS\"", "\"\"", "\"é漢\"", "\"a\\\"b\"", "\"\\u0000\"",
        "\"\\ud83d\"", "\"😀\"", "\"tab\there\"", "\"back\\\\\"", "\"a\""};
    private static final String[] NUMBERS = {"0", "-0", "1", "-12", "0.08282", "1.50", "01", "1.", ".5", "1e5", "1E400",
        "-", "12345678901234567890123", "1.5e-3", "0.0", "-0.0", "+1", "NaN"};
    private static final String[] OTHERS = {"true", "false", "null", "tru", "nul", "True", "undefined"};
    private static final String[] WS = {"", "", "", " ", "\n", "\t ", "\r\n", "\u00a0", "\u000b"};

    /** Builds JSON-ish text from a stream of choices: mostly valid, sometimes broken in one of many ways. */
    private static String build(Iterator<Integer> r, int depth) {
        int kind = next(r) % (depth > 4 ? 3 : 6);
        String ws = WS[next(r) % WS.length];
        return ws + switch (kind) {
            case 0 -> STRINGS[next(r) % STRINGS.length];
            case 1 -> NUMBERS[next(r) % NUMBERS.length];
            case 2 -> OTHERS[next(r) % OTHERS.length];
            case 3 -> {
                StringBuilder b = new StringBuilder("[");
                int items = next(r) % 4;
                for (int i = 0; i < items; i++) {
                    b.append(i > 0 ? (next(r) % 20 == 0 ? "" : ",") : "").append(build(r, depth + 1));
                }
                yield b.append(next(r) % 25 == 0 ? ",]" : "]").toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("{");
                int items = next(r) % 5;
                for (int i = 0; i < items; i++) {
                    String key = next(r) % 3 == 0 ? STRINGS[next(r) % STRINGS.length] : "\"k" + next(r) % 4 + "\"";
                    b.append(i > 0 ? "," : "").append(WS[next(r) % WS.length]).append(key)
                            .append(next(r) % 30 == 0 ? "" : ":").append(build(r, depth + 1));
                }
                yield b.append(next(r) % 25 == 0 ? "" : "}").toString();
            }
        } + WS[next(r) % WS.length];
    }

    private static int next(Iterator<Integer> r) {
        return r.hasNext() ? r.next() : 0;
    }

    private static Gen<String> jsonish() {
        return lists().of(integers().between(0, 1000)).ofSizeBetween(1, 200).zip(integers().between(0, 9), (choices, tail) -> {
            String s = build(choices.iterator(), 0);
            return switch (tail) {
                case 0 -> s + " 1";
                case 1 -> s.isEmpty() ? s : s.substring(0, s.length() / 2);
                default -> s;
            };
        });
    }

    @Test
    void fastPathNeverAcceptsWhatTheGeneralCheckRefuses() {
        int[] fastTaken = {0};
        qt().withExamples(30_000).forAll(jsonish()).check(s -> {
            JsonText.Check general = JsonText.checkGeneral(s);
            if (JsonText.plainValidRoot(s) >= 0) {
                fastTaken[0]++;
                if (general.problem() != null) {
                    return false;
                }
            }
            return JsonText.check(s).equals(general);
        });
        assertThat(fastTaken[0]).as("the generator reaches the fast path").isGreaterThan(1000);
    }

    @Test
    void examples() {
        for (String s : List.of("{\"order_id\":\"ord-1\",\"venue\":\"XNYS\",\"fee\":0.08282}", "[]", "{}", " 1 ", "\"x\"",
                "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":[1,2,{\"c\":null}]}}", "[1,]", "{\"a\":1}{", "01", "-0", "1e999999999",
                "", "   ", "{\"a\":\"\\u0000\"}", "{\"😀\":1}", "[" .repeat(100) + "]".repeat(100), "[1 2]", "{\"a\" 1}")) {
            assertThat(JsonText.check(s)).as(s).isEqualTo(JsonText.checkGeneral(s));
        }
        assertThat(JsonText.plainValidRoot("{\"order_id\":\"ord-1\",\"venue\":\"XNYS\",\"fee\":0.08282}")).isZero();
        assertThat(JsonText.plainValidRoot("{\"a\":1,\"a\":2}")).isEqualTo(-1);
    }
}
