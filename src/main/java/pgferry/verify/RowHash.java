package pgferry.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The row hash that PostgreSQL can compute too (verify/target-sums.sql): the first 8 bytes, big-endian,
 * of md5 over the row's canonical values, each written as {@code <UTF-8 byte length>:<UTF-8 text>}
 * and NULL as {@code N} (self-delimiting, so distinct rows give distinct byte strings). One instance
 * per thread.
 */
final class RowHash {

    private final MessageDigest md5;
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
        for (String v : canon) {
            if (v == null) {
                n = ensure(n, 1);
                buf[n++] = 'N';
                continue;
            }
            int len = utf8Length(v);
            n = ensure(n, len + 12);
            String digits = Integer.toString(len);
            for (int k = 0; k < digits.length(); k++) {
                buf[n++] = (byte) digits.charAt(k);
            }
            buf[n++] = ':';
            n = utf8(v, n);
        }
        md5.update(buf, 0, n);
        byte[] d = md5.digest();
        long h = 0;
        for (int k = 0; k < 8; k++) {
            h = (h << 8) | (d[k] & 0xff);
        }
        return h;
    }

    private int ensure(int used, int more) {
        if (used + more > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, used + more));
        }
        return used;
    }

    /** UTF-8 length as String.getBytes(UTF_8) counts it (an unpaired surrogate is one '?'). */
    static int utf8Length(String s) {
        int n = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private int utf8(String s, int at) {
        byte[] b = buf;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
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
