package pgferry.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The plain-JSON fast path of Canonical.json gives exactly the general (Jackson) path's jsonb form. */
class PlainJsonTest {

    private static final String[] STRINGS = {"\"a\"", "\"venue\"", "\"XNAS\"", "\"\"", "\"é漢\"", "\"a\\\"b\"", "\"\\u0041\"",
        "\"😀\"", "\"tab\there\"", "\"aa\"", "\"b\"", "\"ab\"", "\"/\""};
    private static final String[] NUMBERS = {"0", "-0", "1", "-12", "0.08282", "1.50", "01", "1.", "1e5", "-0.0", "0.0",
        "-0.5", "12345678901234567890123", "1.5E-3", "+1"};
    private static final String[] OTHERS = {"true", "false", "null", "tru", "nulll"};
    private static final String[] WS = {"", "", " ", "\n", "\t", "\r\n", "\u00a0"};

    private static String build(Iterator<Integer> r, int depth) {
        int kind = next(r) % (depth > 4 ? 3 : 5);
        String ws = WS[next(r) % WS.length];
        return ws + switch (kind) {
            case 0 -> STRINGS[next(r) % STRINGS.length];
            case 1 -> NUMBERS[next(r) % NUMBERS.length];
            case 2 -> OTHERS[next(r) % OTHERS.length];
            case 3 -> {
                StringBuilder b = new StringBuilder("[");
                int items = next(r) % 4;
                for (int i = 0; i < items; i++) {
                    b.append(i > 0 ? "," : "").append(build(r, depth + 1));
                }
                yield b.append(next(r) % 30 == 0 ? ",]" : "]").toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("{");
                int items = next(r) % 6;
                for (int i = 0; i < items; i++) {
                    b.append(i > 0 ? "," : "").append(STRINGS[next(r) % STRINGS.length]).append(WS[next(r) % WS.length])
                            .append(":").append(build(r, depth + 1));
                }
                yield b.append(next(r) % 30 == 0 ? "" : "}").toString();
            }
        } + WS[next(r) % WS.length];
    }

    private static int next(Iterator<Integer> r) {
        return r.hasNext() ? r.next() : 0;
    }

    private static Gen<String> jsonish() {
        return lists().of(integers().between(0, 1000)).ofSizeBetween(1, 200).map(c -> build(c.iterator(), 0));
    }

    private static String general(String s) {
        try {
            return Canonical.jsonGeneral(s);
        } catch (RuntimeException e) {
            return "?" + s;
        }
    }

    @Test
    void fastPathEqualsGeneralPath() {
        int[] fast = {0};
        qt().withExamples(30_000).forAll(jsonish()).check(s -> {
            String f = PlainJson.canonical(s);
            if (f != null) {
                fast[0]++;
                if (!f.equals(general(s))) {
                    return false;
                }
            }
            return Canonical.of(Canonical.Kind.JSON, s).equals(general(s));
        });
        assertThat(fast[0]).as("the generator reaches the fast path").isGreaterThan(1000);
    }

    @Test
    void examples() {
        assertThat(PlainJson.canonical("{\"order_id\":\"ord-1\",\"venue\":\"XNYS\",\"fee\":0.08282}"))
                .isEqualTo("{\"fee\": 0.08282, \"venue\": \"XNYS\", \"order_id\": \"ord-1\"}")
                .isEqualTo(Canonical.jsonGeneral("{\"order_id\":\"ord-1\",\"venue\":\"XNYS\",\"fee\":0.08282}"));
        for (String s : List.of("{\"a\":1,\"a\":2}", "-0", "-0.0", "1e3", "{\"a\":\"\\n\"}", "[1,2", "{} x", "")) {
            assertThat(PlainJson.canonical(s)).as(s).isNull();
        }
        assertThat(PlainJson.canonical(" [ 1 , {\"b\" : [] , \"a\":{}} , \"x\" ] ")).isEqualTo("[1, {\"a\": {}, \"b\": []}, \"x\"]");
    }
}
