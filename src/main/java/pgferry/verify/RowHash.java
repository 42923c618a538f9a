package pgferry.verify;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The row hash that PostgreSQL computes too (verify/target-sums.sql): the first 8 bytes, big-endian,
 * of md5 over the UTF-8 record text of the row's canonical values, exactly as PostgreSQL's
 * {@code ROW(c0, c1, ...)::text} writes it for text values: {@code (v0,v1,...)}, NULL as nothing, a
 * value in double quotes when it is empty or holds {@code " \ ( ) ,} or white space, with {@code "}
 * and {@code \} doubled inside the quotes. The form is unambiguous (PostgreSQL reads it back), so
 * distinct rows give distinct byte strings. One instance per thread.
 */
final class RowHash {

    private final MessageDigest md5;
    private final byte[] digest = new byte[16];
    private byte[] buf = new byte[512];

    RowHash() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    long of(String[] canon) {
        int n = 0;
        n = put(n, (byte) '(');
        for (int c = 0; c < canon.length; c++) {
            if (c > 0) {
                n = put(n, (byte) ',');
            }
            String v = canon[c];
            if (v == null) {
                continue;
            }
            boolean quote = v.isEmpty();
            for (int i = 0; i < v.length() && !quote; i++) {
                char ch = v.charAt(i);
                quote = ch == '"' || ch == '\\' || ch == '(' || ch == ')' || ch == ',' || ch == ' ' || ch == '\t'
                        || ch == '\n' || ch == '\r' || ch == '\u000b' || ch == '\f';
            }
            ensure(n, 3 * v.length() + 2 * v.length() + 2);
            if (quote) {
                buf[n++] = '"';
                n = utf8(v, n, true);
                buf[n++] = '"';
            } else {
                n = utf8(v, n, false);
            }
        }
        n = put(n, (byte) ')');
        md5.update(buf, 0, n);
        try {
            md5.digest(digest, 0, 16);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        long h = 0;
        for (int k = 0; k < 8; k++) {
            h = (h << 8) | (digest[k] & 0xff);
        }
        return h;
    }

    private int put(int n, byte b) {
        ensure(n, 1);
        buf[n] = b;
        return n + 1;
    }

    private void ensure(int used, int more) {
        if (used + more > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, used + more));
        }
    }

    /** UTF-8 of s at {@code at} (an unpaired surrogate as '?'), doubling {@code "} and {@code \} when quoted. */
    private int utf8(String s, int at, boolean quoted) {
        byte[] b = buf;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (quoted && (c == '"' || c == '\\')) {
                    b[at++] = (byte) c;
                }
                b[at++] = (byte) c;
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[at++] = (byte) (0xF0 | (cp >> 18));
                b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                b[at++] = '?';
            } else {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return at;
    }
}
