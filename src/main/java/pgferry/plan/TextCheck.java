package pgferry.plan;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes SQLite TEXT bytes for PostgreSQL: strict UTF-8 (SQLite never checks it) and no NUL
 * character (PostgreSQL text cannot hold one).
 */
final class TextCheck {

    private TextCheck() {
    }

    /** The text of a TEXT value, or a {@link Rejection} naming the NUL or the first bad byte and its offset. */
    static Converted decode(pgferry.source.sqlite.SqliteValue v) {
        String s = v.textOrNull();
        if (s == null) {
            return decode(v.bytes());
        }
        int nul = s.indexOf('\0');
        if (nul >= 0) {
            int at = s.substring(0, nul).getBytes(StandardCharsets.UTF_8).length;
            return new Rejection("text contains a NUL byte at offset " + at + " (PostgreSQL text cannot hold NUL)");
        }
        return Converted.of(s);
    }

    /** The decoded text, or a {@link Rejection} naming the first bad byte and its offset. */
    static Converted decode(byte[] bytes) {
        boolean ascii = true;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == 0) {
                return new Rejection("text contains a NUL byte at offset " + i + " (PostgreSQL text cannot hold NUL)");
            }
            if (b < 0) {
                ascii = false;
            }
        }
        if (ascii) {
            return Converted.of(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            return new Rejection(String.format("text is not valid UTF-8 (byte 0x%02X at offset %d)",
                    bytes[at] & 0xff, at));
        }
        decoder.flush(out);
        out.flip();
        return Converted.of(out.toString());
    }

    /** The decoded text, or null when it is not valid UTF-8 without NUL. */
    static String textOrNull(pgferry.source.sqlite.SqliteValue v) {
        Converted c = decode(v);
        return c instanceof Converted.Value ok ? ok.text() : null;
    }

    /** A short, printable excerpt of a value for messages. */
    static String excerpt(String s) {
        String one = s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }
}
