package pgferry.verify;

import pgferry.plan.JsonText;

/**
 * Fast path of {@link Canonical#json}: jsonb's output form of "plain" JSON text, built with one scan
 * and no parser objects, or null ("don't know") for anything outside the plain subset, which the
 * general (Jackson) path then handles. Plain: strings without backslash escapes, control characters
 * or surrogates (so they print exactly as written); numbers without exponent whose text is their
 * numeric output (not a negative zero); objects with distinct keys; nesting up to 64 levels.
 */
final class PlainJson {

    private static final int MAX_DEPTH = 64;
    private static final int MAX_LENGTH = 1 << 20;

    private final String s;
    private int i;

    private PlainJson(String s) {
        this.s = s;
    }

    static String canonical(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return null;
        }
        PlainJson p = new PlainJson(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        p.ws();
        if (!p.value(out, 0)) {
            return null;
        }
        p.ws();
        return p.i == text.length() ? out.toString() : null;
    }

    private void ws() {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            i++;
        }
    }

    private boolean value(StringBuilder out, int depth) {
        if (i >= s.length()) {
            return false;
        }
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> depth < MAX_DEPTH && object(out, depth + 1);
            case '[' -> depth < MAX_DEPTH && array(out, depth + 1);
            case '"' -> {
                int end = JsonText.plainStringEnd(s, i);
                if (end < 0) {
                    yield false;
                }
                if (out != null) {
                    out.append(s, i, end);
                }
                i = end;
                yield true;
            }
            case 't' -> literal(out, "true");
            case 'f' -> literal(out, "false");
            case 'n' -> literal(out, "null");
            default -> (c == '-' || c >= '0' && c <= '9') && number(out);
        };
    }

    private boolean literal(StringBuilder out, String word) {
        if (!s.startsWith(word, i) || !JsonText.plainDelimiter(s, i + word.length())) {
            return false;
        }
        if (out != null) {
            out.append(word);
        }
        i += word.length();
        return true;
    }

    /** -?(0|[1-9][0-9]*)(\.[0-9]+)?, not a negative zero: its numeric output is the text itself. */
    private boolean number(StringBuilder out) {
        int start = i;
        int j = JsonText.plainNumberEnd(s, start);
        if (j < 0 || j - start > 100 || !JsonText.plainDelimiter(s, j)) {
            return false;
        }
        if (s.charAt(start) == '-' && isZero(start + 1, j)) {
            return false;
        }
        if (out != null) {
            out.append(s, start, j);
        }
        i = j;
        return true;
    }

    /** True when {@code s[from, to)} holds no digit but 0 (a number's digits and point). */
    private boolean isZero(int from, int to) {
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    private boolean array(StringBuilder out, int depth) {
        i++;
        ws();
        out.append('[');
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            out.append(']');
            return true;
        }
        boolean first = true;
        while (true) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            if (!value(out, depth)) {
                return false;
            }
            ws();
            if (i >= s.length()) {
                return false;
            }
            char c = s.charAt(i++);
            if (c == ']') {
                out.append(']');
                return true;
            }
            if (c != ',') {
                return false;
            }
            ws();
        }
    }

    private boolean object(StringBuilder out, int depth) {
        i++;
        ws();
        int n = s.length();
        if (i < n && s.charAt(i) == '}') {
            i++;
            out.append("{}");
            return true;
        }
        // keys as ranges of s; values as ranges of s (scalars) or canonical text (containers)
        int[] ks = new int[8];
        int[] ke = new int[8];
        int[] vs = new int[8];
        int[] ve = new int[8];
        String[] nested = null;
        int k = 0;
        while (true) {
            if (i >= n || s.charAt(i) != '"') {
                return false;
            }
            int end = JsonText.plainStringEnd(s, i);
            if (end < 0) {
                return false;
            }
            if (k == ks.length) {
                ks = java.util.Arrays.copyOf(ks, k * 2);
                ke = java.util.Arrays.copyOf(ke, k * 2);
                vs = java.util.Arrays.copyOf(vs, k * 2);
                ve = java.util.Arrays.copyOf(ve, k * 2);
                if (nested != null) {
                    nested = java.util.Arrays.copyOf(nested, k * 2);
                }
            }
            ks[k] = i + 1;
            ke[k] = end - 1;
            i = end;
            ws();
            if (i >= n || s.charAt(i) != ':') {
                return false;
            }
            i++;
            ws();
            if (i >= n) {
                return false;
            }
            char first = s.charAt(i);
            if (first == '{' || first == '[') {
                StringBuilder v = new StringBuilder();
                if (!value(v, depth)) {
                    return false;
                }
                if (nested == null) {
                    nested = new String[ks.length];
                }
                nested[k] = v.toString();
            } else {
                int start = i;
                if (!value(null, depth)) { // a scalar: only its range is kept
                    return false;
                }
                vs[k] = start;
                ve[k] = i;
            }
            k++;
            ws();
            if (i >= n) {
                return false;
            }
            char c = s.charAt(i++);
            if (c == '}') {
                break;
            }
            if (c != ',') {
                return false;
            }
            ws();
        }
        // jsonb's order: shorter UTF-8 first, then bytewise; plain keys hold no surrogates, so UTF-8
        // byte order is char order. Insertion sort: objects are small.
        int[] len = new int[k];
        int[] order = new int[k];
        for (int j = 0; j < k; j++) {
            len[j] = utf8Length(ks[j], ke[j]);
            order[j] = j;
        }
        for (int j = 1; j < k; j++) {
            int x = order[j];
            int m = j - 1;
            while (m >= 0 && compareKeys(order[m], x, ks, ke, len) > 0) {
                order[m + 1] = order[m];
                m--;
            }
            order[m + 1] = x;
        }
        for (int j = 1; j < k; j++) {
            if (compareKeys(order[j - 1], order[j], ks, ke, len) == 0) {
                return false; // duplicate key: the general path keeps the last one
            }
        }
        out.append('{');
        for (int j = 0; j < k; j++) {
            int x = order[j];
            if (j > 0) {
                out.append(", ");
            }
            out.append('"').append(s, ks[x], ke[x]).append("\": ");
            if (nested != null && nested[x] != null) {
                out.append(nested[x]);
            } else {
                out.append(s, vs[x], ve[x]);
            }
        }
        out.append('}');
        return true;
    }

    private int utf8Length(int from, int to) {
        int n = 0;
        for (int j = from; j < to; j++) {
            char c = s.charAt(j);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return n;
    }

    private int compareKeys(int a, int b, int[] ks, int[] ke, int[] len) {
        if (len[a] != len[b]) {
            return Integer.compare(len[a], len[b]);
        }
        int la = ke[a] - ks[a];
        int lb = ke[b] - ks[b];
        for (int j = 0; j < la && j < lb; j++) {
            char ca = s.charAt(ks[a] + j);
            char cb = s.charAt(ks[b] + j);
            if (ca != cb) {
                return Character.compare(ca, cb);
            }
        }
        return Integer.compare(la, lb);
    }
}
