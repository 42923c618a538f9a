package pgferry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The String fast path writes exactly the bytes of the general (CharSequence) path and of the COPY rules. */
class CopyEncoderFastPathTest {

    private static final String ALPHABET = "abcXYZ019 .,:-+{}\"'~\u007f\t\n\r\\\u00e9\u00fc\u6f22\u0000";

    /** Strings mostly of plain ASCII, with escapes, 2- and 3-byte chars, surrogate pairs, rarely a NUL or a lone surrogate. */
    private static Gen<String> texts() {
        return lists().of(integers().between(0, 99)).ofSizeBetween(0, 300).zip(integers().between(0, 3), (codes, flavour) -> {
            StringBuilder b = new StringBuilder();
            for (int c : codes) {
                if (flavour == 0 || c < 70) {
                    b.append((char) (' ' + c % 95));
                } else if (c < 97) {
                    b.append(ALPHABET.charAt(c % (ALPHABET.length() - 1)));
                } else if (c == 97) {
                    b.append("\uD83D\uDE00");
                } else if (c == 98 && flavour == 3) {
                    b.append(flavour == 3 && codes.size() % 2 == 0 ? '\uD83D' : '\u0000');
                } else {
                    b.append('\u00e9');
                }
            }
            return b.toString();
        });
    }

    private record Encoded(byte[] bytes, String error) {
    }

    private static Encoded encode(List<String> row, int batch, boolean asString) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyEncoder enc = new CopyEncoder((b, o, l) -> out.write(b, o, l), batch);
        try {
            for (String v : row) {
                enc.field(v == null ? null : asString ? v : new StringBuilder(v));
            }
            enc.endRow();
            enc.flush();
            return new Encoded(out.toByteArray(), null);
        } catch (IllegalArgumentException e) {
            return new Encoded(null, e.getMessage());
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** COPY text rules written out plainly: escape, then UTF-8; null when the row cannot be encoded. */
    private static byte[] reference(List<String> row) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < row.size(); k++) {
            String v = row.get(k);
            if (k > 0) {
                b.append('\t');
            }
            if (v == null) {
                b.append("\\N");
                continue;
            }
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == 0 || Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < v.length()
                        && Character.isLowSurrogate(v.charAt(i + 1)))) {
                    return null;
                }
                if (Character.isHighSurrogate(c)) {
                    b.append(c).append(v.charAt(++i));
                    continue;
                }
                switch (c) {
                    case '\\' -> b.append("\\\\");
                    case '\t' -> b.append("\\t");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    default -> b.append(c);
                }
            }
        }
        return b.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fastPathBytesEqualGeneralPathAndReference() {
        qt().withExamples(20_000).forAll(lists().of(texts()).ofSizeBetween(1, 6), integers().between(0, 2)).check((row, b) -> {
            int batch = new int[]{64, 257, 1 << 20}[b];
            List<String> withNulls = new ArrayList<>(row);
            if (row.size() > 2) {
                withNulls.set(1, null);
            }
            Encoded fast = encode(withNulls, batch, true);
            Encoded slow = encode(withNulls, batch, false);
            byte[] ref = reference(withNulls);
            if (ref == null) {
                return fast.error() != null && fast.error().equals(slow.error());
            }
            return fast.error() == null && java.util.Arrays.equals(fast.bytes(), slow.bytes())
                    && java.util.Arrays.equals(fast.bytes(), ref);
        });
    }

    @Test
    void examples() {
        for (List<String> row : List.of(List.of("plain", "tab\there", "x".repeat(5000)), List.of("é ü 漢字 😀", "end\\"),
                List.of("", "\u007f", "a\\b"), List.of("y".repeat(63), "z".repeat(64), "w".repeat(65)))) {
            for (int batch : new int[]{64, 100, 1 << 20}) {
                assertThat(encode(row, batch, true).bytes()).isEqualTo(reference(row)).isEqualTo(encode(row, batch, false).bytes());
            }
        }
    }
}
